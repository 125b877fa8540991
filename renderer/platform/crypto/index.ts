export { webAesGcm } from './aes-gcm';
export { base64ToBytes, bytesToBase64 } from './base64';
