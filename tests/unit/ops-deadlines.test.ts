import { describe, expect, it } from 'vitest';
import { applicationDeadline, isNear, reminderKey, timeLeft } from '@/lib/ops/deadlines';

const now = new Date('2026-03-02T12:00:00Z');
const later = (m: number) => new Date(now.getTime() + m * 60_000);

describe('application deadlines', () => {
  it('machinery: the akimat’s working day while under review, not the citizen’s to act on', () => {
    expect(applicationDeadline({ pilot: 'machinery', status: 'under_review', deadlineAt: later(60) })).toEqual({
      kind: 'machinery_decision',
      at: later(60),
      actionable: false,
    });
    expect(applicationDeadline({ pilot: 'machinery', status: 'approved', deadlineAt: later(60) })).toBeNull();
  });

  it('vehicle: the buyer’s expiry only while the application waits for the buyer', () => {
    expect(applicationDeadline({ pilot: 'vehicle', status: 'awaiting_buyer', buyerExpiresAt: later(5) })).toMatchObject({
      kind: 'vehicle_buyer',
      actionable: true,
    });
    expect(applicationDeadline({ pilot: 'vehicle', status: 'processing', buyerExpiresAt: later(5) })).toBeNull();
  });

  it('residence: the first open consent request to expire; answered ones do not count', () => {
    const d = applicationDeadline({
      pilot: 'residence',
      status: 'awaiting_owner_consent',
      consents: [
        { status: 'given', expiresAt: later(1) },
        { status: 'requested', expiresAt: later(90) },
        { status: 'requested', expiresAt: later(30) },
      ],
    });
    expect(d).toEqual({ kind: 'residence_consent', at: later(30), actionable: false });
    expect(applicationDeadline({ pilot: 'residence', status: 'awaiting_owner_consent', consents: [] })).toBeNull();
  });

  it('time left rounds down to the minute, and counts the time since once overdue', () => {
    expect(timeLeft(later(60 * 26 + 5.9), now)).toEqual({ overdue: false, days: 1, hours: 2, minutes: 5 });
    expect(timeLeft(later(-61), now)).toEqual({ overdue: true, days: 0, hours: 1, minutes: 1 });
    expect(timeLeft(now, now).overdue).toBe(false);
  });

  it('near: ahead and within the hours, the boundary included; the key changes when the deadline moves', () => {
    expect(isNear(later(24 * 60), now, 24)).toBe(true);
    expect(isNear(later(24 * 60 + 1), now, 24)).toBe(false);
    expect(isNear(now, now, 24)).toBe(false);
    expect(reminderKey('a', { kind: 'vehicle_buyer', at: later(1) })).not.toBe(reminderKey('a', { kind: 'vehicle_buyer', at: later(2) }));
  });
});
