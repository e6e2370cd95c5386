// Byte, base64, PEM and hex helpers plus the pkijs crypto engine, shared by every signature module.
// Browser-safe on purpose: only atob/btoa, TextEncoder and WebCrypto, which Node 24 and browsers both have.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** A fresh ArrayBuffer with exactly these bytes (pkijs and WebCrypto typings want ArrayBuffer, not a view). */
export function toArrayBuffer(bytes: Uint8Array | ArrayBuffer): ArrayBuffer {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const copy = new Uint8Array(view.byteLength);
  copy.set(view);
  return copy.buffer;
}

export function toBytes(buffer: ArrayBuffer | Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(toArrayBuffer(buffer));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so large inputs do not overflow the argument limit of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Strict decoder: whitespace is ignored, anything else that is not base64 throws (callers map that to `malformed`). */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) {
    throw new Error('not base64');
  }
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function toHex(bytes: Uint8Array | ArrayBuffer): string {
  return Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function derToPem(der: Uint8Array | ArrayBuffer, label = 'CERTIFICATE'): string {
  const lines = toBase64(toBytes(der)).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Accepts a PEM block (any label) or bare base64 and returns the DER bytes. */
export function pemToDer(pem: string): Uint8Array<ArrayBuffer> {
  const body = pem.replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '');
  return fromBase64(body);
}

/** Parses DER that must be one complete ASN.1 value (trailing bytes are a sign of garbage, not tolerated). */
export function parseDer(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1 || parsed.offset !== der.byteLength) throw new Error('bad DER');
  return parsed.result;
}

export type CertificateInput = string | Uint8Array | pkijs.Certificate;

/** A certificate from PEM, base64 or DER; a pkijs.Certificate is passed through. */
export function parseCertificate(input: CertificateInput): pkijs.Certificate {
  if (input instanceof pkijs.Certificate) return input;
  const der = typeof input === 'string' ? pemToDer(input) : input;
  return new pkijs.Certificate({ schema: parseDer(der) });
}

export function certificateDer(cert: pkijs.Certificate): Uint8Array<ArrayBuffer> {
  return toBytes(cert.toSchema().toBER(false));
}

export function certificateToPem(cert: pkijs.Certificate): string {
  return derToPem(certificateDer(cert));
}

/** Lowercase hex of the serial's bytes, without the DER sign-padding 00 byte (as OpenSSL prints it). */
export function serialHex(cert: pkijs.Certificate): string {
  return toHex(cert.serialNumber.valueBlock.valueHexView).replace(/^(00)+(?=..)/, '');
}

/** For comparisons only: lowercase, no leading zeros, so "00AB…", "0ab…" and "ab…" are the same serial. */
export function normaliseSerial(serial: string): string {
  return serial
    .trim()
    .toLowerCase()
    .replace(/^0+(?=.)/, '');
}

/**
 * The pkijs crypto engine backed by WebCrypto. pkijs keeps its global engine per process in Node and per
 * module in browsers; we pass our own engine explicitly to every call and also install it globally when
 * none is set, so nested pkijs calls that read the global engine work in both environments.
 */
let cachedEngine: pkijs.ICryptoEngine | undefined;
export function cryptoEngine(): pkijs.ICryptoEngine {
  if (cachedEngine) return cachedEngine;
  const webcrypto = globalThis.crypto;
  if (!webcrypto?.subtle) throw new Error('WebCrypto (globalThis.crypto.subtle) is not available');
  cachedEngine = new pkijs.CryptoEngine({ name: 'webcrypto', crypto: webcrypto });
  let globalSet = false;
  try {
    globalSet = pkijs.getCrypto(false) !== null;
  } catch {
    globalSet = false; // Node: getEngine throws until setEngine has run once.
  }
  if (!globalSet) pkijs.setEngine('webcrypto', cachedEngine);
  return cachedEngine;
}

export function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}
