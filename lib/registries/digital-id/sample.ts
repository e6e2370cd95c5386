import type { BiometricSample } from './port';

/** A sample for Digital-ID from captured bytes, its type read from the bytes (a camera may send either). */
export function biometricSample(bytes: Uint8Array): BiometricSample {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return { bytes, mimeType: png ? 'image/png' : jpeg ? 'image/jpeg' : 'application/octet-stream' };
}
