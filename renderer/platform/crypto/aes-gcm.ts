import type { AesGcm } from '@shared/provisioning/sealed';

/** AES-256-GCM through the browser's WebCrypto, for sealed files (packages, backups). */
const importKey = (key: Uint8Array, usage: 'encrypt' | 'decrypt') =>
  crypto.subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, [usage]);

export const webAesGcm: AesGcm = {
  async encrypt(key, iv, plaintext, aad) {
    const params = { name: 'AES-GCM', iv: new Uint8Array(iv), additionalData: new Uint8Array(aad) };
    return new Uint8Array(await crypto.subtle.encrypt(params, await importKey(key, 'encrypt'), new Uint8Array(plaintext)));
  },
  async decrypt(key, iv, ciphertext, aad) {
    const params = { name: 'AES-GCM', iv: new Uint8Array(iv), additionalData: new Uint8Array(aad) };
    return new Uint8Array(await crypto.subtle.decrypt(params, await importKey(key, 'decrypt'), new Uint8Array(ciphertext)));
  },
};
