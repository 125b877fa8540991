import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bytesToHex } from '@noble/hashes/utils.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8 } from '@shared/bytes';
import { webCryptoAesGcm } from '@shared/provisioning/aes-gcm';
import { rootFingerprint, verifyPackage } from '@shared/provisioning/package';
import { openSealed, parseSealed } from '@shared/provisioning/sealed';
import { canonicalJson } from '@shared/sync/canonical';

/** docs/protocol-vectors/provisioning/vectors.json: a sealed provisioning package, step by step (PROTOCOL.md §11). */
interface Vectors {
  passphrase: string;
  derivedKeyHex: string;
  aad: string;
  plaintext: string;
  file: string;
  rootPublicKey: string;
  rootFingerprint: string;
  refused: { name: string; passphrase: string; file: string; error: string }[];
}

const vectors = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../../docs/protocol-vectors/provisioning/vectors.json'), 'utf8')) as Vectors;

describe('sealed provisioning package vectors', () => {
  it('derives the stated key, authenticates the stated header and opens to a package the station accepts', async () => {
    const envelope = parseSealed(vectors.file, 'provisioning-package');
    const { kdf } = envelope;
    const derived = await scryptAsync(vectors.passphrase.normalize('NFC'), fromBase64(kdf.salt), { N: kdf.N, r: kdf.r, p: kdf.p, dkLen: 64 });
    expect(bytesToHex(derived)).toBe(vectors.derivedKeyHex);
    const { ciphertext: _ciphertext, ...header } = envelope;
    expect(canonicalJson(header)).toBe(vectors.aad);
    const plaintext = fromUtf8(await openSealed(envelope, vectors.passphrase, webCryptoAesGcm));
    expect(plaintext).toBe(vectors.plaintext);
    const check = verifyPackage(JSON.parse(plaintext), null);
    expect(check.ok && check.value.identity.code).toBe('310116520000');
    expect(rootFingerprint(vectors.rootPublicKey)).toBe(vectors.rootFingerprint);
    expect(envelope.meta['root']).toBe(vectors.rootFingerprint);
  });

  it('opens the vector package with its one-time passphrase typed in lower case (packages already issued keep working)', async () => {
    const plaintext = fromUtf8(await openSealed(parseSealed(vectors.file, 'provisioning-package'), vectors.passphrase.toLowerCase(), webCryptoAesGcm));
    expect(plaintext).toBe(vectors.plaintext);
  });

  it.each(vectors.refused)('$name: refused as $error', async ({ passphrase, file, error }) => {
    await expect(openSealed(parseSealed(file, 'provisioning-package'), passphrase, webCryptoAesGcm)).rejects.toMatchObject({ code: error });
  });
});
