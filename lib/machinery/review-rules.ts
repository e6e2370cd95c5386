// The akimat's decision (orders 001/004, p.10 (4), p.12, p.13) as pure functions: what each action makes the
// reviewer enter, the format of what they type, and the documents they sign with EDS. The client builds the same
// documents from the same inputs, so what the dialog shows and hashes is what the server verifies.
import { addDays, nextWorkingDay, type WorkCalendar } from '@/lib/calendar/deadline';
import { localDate } from '@/lib/calendar/local';
import type { MachineryAction } from './rules';

/** p.12: the actions that end with a registration document (or its duplicate) whose data the akimat types in. */
export function issuesDocument(action: MachineryAction): boolean {
  return action === 'registration' || action === 're_registration' || action === 'duplicate_document';
}

/** The technical passport's number as printed: two region digits, letters, digits (`10TP0104501`); any case or spacing. */
export function normalizePassportNumber(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  return /^[0-9]{2}[A-Z]{2}[0-9]{6,8}$/.test(compact) ? compact : null;
}

/** The passport's date of issue: a real `YYYY-MM-DD`, not in the future, not before 1950. */
export function passportDateProblem(issuedOn: string, today: string): 'invalid' | 'future' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issuedOn)) return 'invalid';
  const d = new Date(`${issuedOn}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== issuedOn || issuedOn < '1950-01-01') return 'invalid';
  return issuedOn > today ? 'future' : null;
}

export type ApprovalDocumentInput = {
  number: string;
  action: MachineryAction;
  /** SHA-256 of the e-application the operator signed (p.9); null when the intake's signature is not on file. */
  applicationSha256: string | null;
  reviewerIin: string;
  akimatId: number;
  technicalPassport: { number: string; issuedOn: string } | null;
  plate: string | null;
};

/** p.10 (4): the akimat's approval, bound to the operator's e-application by its hash. */
export function approvalDocument(i: ApprovalDocumentInput) {
  return {
    kind: 'machinery.approval',
    number: i.number,
    action: i.action,
    applicationSha256: i.applicationSha256,
    akimatId: i.akimatId,
    reviewerIin: i.reviewerIin,
    technicalPassport: i.technicalPassport,
    plate: i.plate,
  };
}

export type RefusalDocumentInput = {
  number: string;
  applicationSha256: string | null;
  reviewerIin: string;
  akimatId: number;
  reasonCode: string;
  comment: string;
};

/** p.13: the motivated refusal, with its legal reason and the reviewer's comment. */
export function refusalDocument(i: RefusalDocumentInput) {
  return {
    kind: 'machinery.refusal',
    number: i.number,
    applicationSha256: i.applicationSha256,
    akimatId: i.akimatId,
    reviewerIin: i.reviewerIin,
    reasonCode: i.reasonCode,
    comment: i.comment.trim(),
  };
}

/**
 * p.11: from which day the result may be collected at the CON: the next working day after the decision (the
 * document and plates are prepared the day it is approved).
 */
export function collectFrom(decidedAt: Date, calendar: WorkCalendar): string {
  return nextWorkingDay(localDate(decidedAt), calendar);
}

/** The registration document's number for a new document: region, `TP`, seven digits from the application's number. */
export function newDocumentNumber(regionCode: string, applicationNumber: string): string {
  const digits = applicationNumber.replace(/\D/g, '').slice(-7).padStart(7, '0');
  return `${regionCode}TP${digits}`;
}

/** "Due today" and "decided today" counts use the local day's bounds. */
export function localDayBounds(now: Date): { from: Date; to: Date } {
  const day = localDate(now);
  return { from: new Date(`${day}T00:00:00+05:00`), to: new Date(`${addDays(day, 1)}T00:00:00+05:00`) };
}
