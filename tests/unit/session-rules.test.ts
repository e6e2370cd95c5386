import { describe, expect, it } from 'vitest';
import { SESSION_LIMITS, sessionEnd } from '@/lib/auth/session-rules';

const t0 = new Date('2026-11-23T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const session = (over: Partial<Parameters<typeof sessionEnd>[0]> = {}) => ({
  createdAt: t0,
  lastSeenAt: t0,
  endedAt: null,
  isStaff: true,
  userVersion: 0,
  ...over,
});
const user = { active: true, sessionVersion: 0 };

describe('sessionEnd', () => {
  it('a fresh session is alive', () => expect(sessionEnd(session(), user, at(1000))).toBeNull());
  it('signed out sessions stay dead', () => expect(sessionEnd(session({ endedAt: t0 }), user, at(1))).toBe('signed_out'));
  it('a bumped session version revokes every older session', () =>
    expect(sessionEnd(session(), { active: true, sessionVersion: 1 }, at(1))).toBe('revoked'));
  it('a locked user is out', () => expect(sessionEnd(session(), { active: false, sessionVersion: 0 }, at(1))).toBe('inactive'));
  it('a session whose certificate is revoked ends; one whose certificate is not stays', () => {
    expect(sessionEnd(session({ certificateRevoked: true }), user, at(1))).toBe('certificate_revoked');
    expect(sessionEnd(session({ certificateRevoked: false }), user, at(1))).toBeNull();
  });
  it('staff: idle just under 30 minutes is fine, at 30 minutes it ends', () => {
    expect(sessionEnd(session(), user, at(SESSION_LIMITS.staff.idleMs - 1))).toBeNull();
    expect(sessionEnd(session(), user, at(SESSION_LIMITS.staff.idleMs))).toBe('idle');
  });
  it('staff: activity keeps it alive until 12 hours, then it ends whatever the activity', () => {
    const busy = session({ lastSeenAt: at(SESSION_LIMITS.staff.absoluteMs - 60_000) });
    expect(sessionEnd(busy, user, at(SESSION_LIMITS.staff.absoluteMs - 1))).toBeNull();
    expect(sessionEnd(busy, user, at(SESSION_LIMITS.staff.absoluteMs))).toBe('absolute');
  });
  it('citizens get a longer idle limit than staff', () => {
    expect(sessionEnd(session({ isStaff: false }), user, at(SESSION_LIMITS.staff.idleMs))).toBeNull();
    expect(sessionEnd(session({ isStaff: false }), user, at(SESSION_LIMITS.citizen.idleMs))).toBe('idle');
  });
});
