import { describe, expect, it } from 'vitest';
import { fromBase64, fromUtf8, toBase64, utf8 } from '../../../../shared/bytes';
import { SealedError, openSealed, parseSealed, seal, type SealedEnvelope } from '../../../../shared/provisioning/sealed';
import { webCryptoAesGcm } from '../../../../shared/provisioning/aes-gcm';

const fast = { scryptN: 1 << 10 };

async function sealed(text: string, passphrase = '正确的口令 correct'): Promise<SealedEnvelope> {
  return seal(utf8(text), { purpose: 'station-backup', passphrase, meta: { station: '310118520000' }, ...fast }, webCryptoAesGcm);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SealedError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('base64', () => {
  it('round-trips every length and matches the standard alphabet', () => {
    for (let n = 0; n < 40; n += 1) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(Array.from(fromBase64(toBase64(bytes)))).toEqual(Array.from(bytes));
    }
    expect(() => fromBase64('abc')).toThrow('invalid base64');
  });
});

describe('sealed envelope', () => {
  it('opens with the right passphrase and refuses a wrong one as such', async () => {
    const envelope = await sealed('站所数据 station data');
    const text = JSON.stringify(envelope);
    expect(text).not.toContain('station data');
    expect(fromUtf8(await openSealed(parseSealed(text, 'station-backup'), '正确的口令 correct', webCryptoAesGcm))).toBe('站所数据 station data');
    expect(await refusal(openSealed(envelope, 'wrong', webCryptoAesGcm))).toBe('wrongPassphrase');
  });

  it("takes a provisioning package's one-time passphrase in any case; an office or backup passphrase exactly as typed", async () => {
    // As tools/admin prints it: upper case, groups of four.
    const oneTime = 'K7QX-M2PD-9WRT-HV4C';
    const pkg = await seal(utf8('package'), { purpose: 'provisioning-package', passphrase: oneTime, ...fast }, webCryptoAesGcm);
    for (const typed of [oneTime, 'k7qx-m2pd-9wrt-hv4c', ' K7qx-M2pd-9WRT-hv4c ']) expect(fromUtf8(await openSealed(pkg, typed, webCryptoAesGcm)), typed).toBe('package');
    expect(await refusal(openSealed(pkg, 'k7qx-m2pd-9wrt-hv4d', webCryptoAesGcm))).toBe('wrongPassphrase');
    const backup = await sealed('backup', 'Office Passphrase 2026');
    expect(fromUtf8(await openSealed(backup, 'Office Passphrase 2026', webCryptoAesGcm))).toBe('backup');
    expect(await refusal(openSealed(backup, 'office passphrase 2026', webCryptoAesGcm))).toBe('wrongPassphrase');
  });

  it('refuses a damaged ciphertext and an edited header as damaged', async () => {
    const envelope = await sealed('x'.repeat(100));
    const bytes = fromBase64(envelope.ciphertext);
    bytes[5] = (bytes[5] ?? 0) ^ 1;
    expect(await refusal(openSealed({ ...envelope, ciphertext: toBase64(bytes) }, '正确的口令 correct', webCryptoAesGcm))).toBe('damaged');
    const relabelled = { ...envelope, meta: { station: '330421000000' } };
    expect(await refusal(openSealed(relabelled, '正确的口令 correct', webCryptoAesGcm))).toBe('damaged');
  });

  it('refuses what is not a sealed file, a truncated file, and a file sealed for another purpose', async () => {
    const text = JSON.stringify(await sealed('y'));
    expect(() => parseSealed('PK\u0003\u0004 zip', 'station-backup')).toThrow(SealedError);
    expect(() => parseSealed(text.slice(0, text.length - 20), 'station-backup')).toThrow(/not JSON/);
    try {
      parseSealed(text, 'provisioning-package');
      expect.unreachable();
    } catch (error) {
      expect((error as SealedError).code).toBe('wrongPurpose');
    }
  });

  it('caps the key-derivation cost a file may demand', async () => {
    const envelope = await sealed('z');
    const greedy = JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, N: 1 << 22 } });
    expect(() => parseSealed(greedy, 'station-backup')).toThrow(SealedError);
  });

  it('uses a fresh salt and IV every time', async () => {
    const [a, b] = await Promise.all([sealed('same'), sealed('same')]);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });
});
