import { describe, expect, it } from 'vitest';
import { StaticWorkCalendar } from '@/lib/calendar/deadline';
import {
  approvalDocument,
  collectFrom,
  issuesDocument,
  localDayBounds,
  newDocumentNumber,
  normalizePassportNumber,
  passportDateProblem,
  refusalDocument,
  splitDuration,
} from '@/lib/machinery/review-rules';

const calendar = new StaticWorkCalendar({ nonWorking: ['2026-12-16', '2026-12-17'], workingOverrides: [] });

describe('what each action makes the akimat enter (p.12)', () => {
  it('a document for registration, re-registration and a duplicate document only', () => {
    expect(
      ['registration', 're_registration', 'deregistration', 'duplicate_document', 'duplicate_plate'].filter((a) =>
        issuesDocument(a as never),
      ),
    ).toEqual(['registration', 're_registration', 'duplicate_document']);
  });
});

describe('the technical passport as typed', () => {
  it('normalises case and spacing, and refuses what is not a number', () => {
    expect(normalizePassportNumber(' 10tp 0104501 ')).toBe('10TP0104501');
    expect(normalizePassportNumber('10-TP-0104501')).toBe('10TP0104501');
    expect(normalizePassportNumber('TP0104501')).toBeNull();
    expect(normalizePassportNumber('10TP01')).toBeNull();
    expect(normalizePassportNumber('')).toBeNull();
  });

  it('needs a real date of issue, not in the future', () => {
    expect(passportDateProblem('2026-11-30', '2026-12-02')).toBeNull();
    expect(passportDateProblem('2026-12-02', '2026-12-02')).toBeNull();
    expect(passportDateProblem('2026-12-03', '2026-12-02')).toBe('future');
    expect(passportDateProblem('2026-02-30', '2026-12-02')).toBe('invalid');
    expect(passportDateProblem('30.11.2026', '2026-12-02')).toBe('invalid');
    expect(passportDateProblem('1900-01-01', '2026-12-02')).toBe('invalid');
  });
});

describe('the signed decision documents', () => {
  const base = { number: 'AM-2026-000001', applicationSha256: 'ab'.repeat(32), reviewerIin: '830217346279', akimatId: 203 };

  it('bind the approval to the e-application and carry what was typed', () => {
    expect(
      approvalDocument({
        ...base,
        action: 'registration',
        technicalPassport: { number: '02TP0000001', issuedOn: '2026-11-30' },
        plate: 'T 5001 02',
      }),
    ).toEqual({
      kind: 'machinery.approval',
      ...base,
      action: 'registration',
      technicalPassport: { number: '02TP0000001', issuedOn: '2026-11-30' },
      plate: 'T 5001 02',
    });
  });

  it('carry the refusal reason and the trimmed comment', () => {
    expect(refusalDocument({ ...base, reasonCode: 'documents_inconsistent', comment: '  нет подписи  ' })).toMatchObject({
      kind: 'machinery.refusal',
      reasonCode: 'documents_inconsistent',
      comment: 'нет подписи',
      applicationSha256: base.applicationSha256,
    });
  });
});

describe('collecting the result (p.11)', () => {
  it('is from the next working day after the decision', () => {
    expect(collectFrom(new Date('2026-12-02T10:00:00+05:00'), calendar)).toBe('2026-12-03');
    // Friday → Monday; before the Independence Day holidays → the day after them.
    expect(collectFrom(new Date('2026-12-04T16:00:00+05:00'), calendar)).toBe('2026-12-07');
    expect(collectFrom(new Date('2026-12-15T12:00:00+05:00'), calendar)).toBe('2026-12-18');
    // Late in the evening UTC is already the next local day.
    expect(collectFrom(new Date('2026-12-02T20:00:00Z'), calendar)).toBe('2026-12-04');
  });
});

describe('helpers', () => {
  it('a new document number from the region and the application number', () => {
    expect(newDocumentNumber('10', 'AM-2026-000123')).toBe('10TP6000123');
  });

  it('the local day’s bounds', () => {
    const { from, to } = localDayBounds(new Date('2026-12-02T20:00:00Z'));
    expect(from.toISOString()).toBe('2026-12-02T19:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-03T19:00:00.000Z');
  });
});

describe('the dashboard’s time left', () => {
  it('is whole hours and minutes, of either sign', () => {
    expect(splitDuration(3 * 3_600_000 + 5 * 60_000 + 59_000)).toEqual({ hours: 3, minutes: 5 });
    expect(splitDuration(-(26 * 3_600_000 + 60_000))).toEqual({ hours: 26, minutes: 1 });
    expect(splitDuration(0)).toEqual({ hours: 0, minutes: 0 });
  });
});
