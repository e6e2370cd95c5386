// What an audit anchor's signature covers: pure, so the admin check, the export and an operator's own script
// (`openssl dgst -sha256 -verify`) derive the same bytes.

export type AnchorFields = { at: Date; sealedUpTo: number; hash: string };

export function anchorMessage(a: AnchorFields): string {
  return `qyzmet-audit-anchor:v1|${a.sealedUpTo}|${a.hash}|${a.at.toISOString()}`;
}

/** How fresh the last anchor is, for the admin check: its age in whole seconds (never negative). */
export function anchorAgeSeconds(at: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - at.getTime()) / 1000));
}
