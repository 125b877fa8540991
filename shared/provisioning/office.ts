import { z } from 'zod';
import { hashHex, publicKeyHex } from '../sync/keys';
import { roster, rosterGroup, rosterStation } from '../sync/roster';
import { exchangeUrl } from './package';

/**
 * The integration office's workspace, as the admin tool keeps it on disk: public facts in `office.json`,
 * every secret key in `office-secrets.yrds`, sealed (purpose `office-secrets`) under the office passphrase.
 */

export const officeState = z.object({
  format: z.literal('yrd-office'),
  version: z.literal(1),
  issuer: z.string().min(1).max(60),
  rootPublicKey: publicKeyHex,
  /** The exchange operator's key: it creates the stream and the stations' durable consumers. */
  operatorPublicKey: publicKeyHex,
  groups: z.array(rosterGroup),
  stations: z.array(rosterStation),
  /** Version of the last roster signed; the next one is this + 1. */
  rosterVersion: z.number().int().min(0),
  exchangeUrl: exchangeUrl.nullable(),
  /** Put into every roster signed from now on (`roster min-version`); absent in workspaces made before it. */
  minClientVersion: roster.shape.minClientVersion,
  upgradeContact: roster.shape.upgradeContact,
});
export type OfficeState = z.infer<typeof officeState>;

export const officeSecrets = z.object({
  rootSecretKey: hashHex,
  operatorSecretKey: hashHex,
  /** Station code → the station's Ed25519 seed (hex). */
  stations: z.record(z.string().regex(/^\d{12}$/), hashHex),
});
export type OfficeSecrets = z.infer<typeof officeSecrets>;
