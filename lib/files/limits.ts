// Upload limits shared by the browser (checked before sending) and the routes (checked before reading).
// The server-action body limit (next.config.ts) stays small: files go through app/api/uploads/* instead.

export const UPLOAD_LIMITS = {
  /** SPEC §8 "ID card": at most 1 MB. */
  idCardPhoto: 1_048_576,
  idCardSignature: 1_048_576,
  /** A scanned page of a machinery document (lib/machinery/intake-service.ts SCAN_MAX_BYTES). */
  machineryScan: 4 * 1024 * 1024,
} as const;

export type UploadKind = keyof typeof UPLOAD_LIMITS;

/**
 * How far a phone photo is shrunk in the browser when it is over the limit: the longer side in pixels. An ID-card
 * photo needs 450×600 (1600 keeps 1200×1600 for a 3:4 portrait); a signature is measured within 2000 px; a scan of
 * an A4 page at 300 dpi is 3508 px.
 */
export const SHRINK_TO: Record<UploadKind, number> = { idCardPhoto: 1600, idCardSignature: 2000, machineryScan: 3508 };

/** Pure: the size that fits within `maxSide` on the longer side, keeping the proportions; never enlarged. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
