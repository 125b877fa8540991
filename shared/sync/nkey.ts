import { hexToBytes } from '@noble/hashes/utils.js';
import { Prefix } from '@nats-io/nkeys';
import { Codec } from '@nats-io/nkeys/lib/codec.js';

/**
 * The station key doubles as its exchange NKey: the same Ed25519 key, in NATS's base-32 encoding
 * (`U…` public key, `SU…` seed). So the roster's public key is all the exchange needs to know a station.
 */
const ascii = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

export function userNKey(publicKeyHex: string): string {
  return ascii(Codec.encode(Prefix.User, hexToBytes(publicKeyHex)));
}

export function userNKeySeed(secretKeyHex: string): Uint8Array {
  return Codec.encodeSeed(Prefix.User, hexToBytes(secretKeyHex));
}
