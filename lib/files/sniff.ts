/** File types the portal accepts, recognised by their first bytes — never by the name or the browser's claim. */
export type AcceptedType = 'application/pdf' | 'image/jpeg' | 'image/png';

const signatures: { type: AcceptedType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function sniffContentType(data: Uint8Array): AcceptedType | null {
  return signatures.find((s) => s.bytes.every((b, i) => data[i] === b))?.type ?? null;
}

export type UploadProblem = 'file_empty' | 'file_too_large' | 'file_type_not_allowed';

/** Pure: why an upload is refused, or null. Limits are per purpose (e.g. ID photo ≤ 1 MB, SPEC §8). */
export function checkUpload(data: Uint8Array, opts: { maxBytes: number; allowed: readonly AcceptedType[] }): UploadProblem | null {
  if (data.byteLength === 0) return 'file_empty';
  if (data.byteLength > opts.maxBytes) return 'file_too_large';
  const type = sniffContentType(data);
  return type && opts.allowed.includes(type) ? null : 'file_type_not_allowed';
}
