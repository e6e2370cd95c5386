/** Session lifetimes: staff per the issue (30 min idle, 12 h absolute); citizens get 60 min idle (docs/decisions.md). */
export const SESSION_LIMITS = {
  staff: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
  citizen: { idleMs: 60 * 60_000, absoluteMs: 12 * 3_600_000 },
} as const;

/** How stale last_seen_at may get before a request refreshes it: one write a minute per session, not one per request. */
export const TOUCH_AFTER_MS = 60_000;

export type SessionEnd = 'signed_out' | 'idle' | 'absolute' | 'revoked' | 'inactive' | 'certificate_revoked';

export function sessionEnd(
  s: { createdAt: Date; lastSeenAt: Date; endedAt: Date | null; isStaff: boolean; userVersion: number; certificateRevoked?: boolean },
  u: { active: boolean; sessionVersion: number },
  now: Date,
): SessionEnd | null {
  if (s.endedAt) return 'signed_out';
  if (!u.active) return 'inactive';
  if (u.sessionVersion !== s.userVersion) return 'revoked';
  // The certificate that opened the session is in the CRL table, however it got there (issue 14).
  if (s.certificateRevoked) return 'certificate_revoked';
  const limits = s.isStaff ? SESSION_LIMITS.staff : SESSION_LIMITS.citizen;
  if (now.getTime() - s.createdAt.getTime() >= limits.absoluteMs) return 'absolute';
  if (now.getTime() - s.lastSeenAt.getTime() >= limits.idleMs) return 'idle';
  return null;
}
