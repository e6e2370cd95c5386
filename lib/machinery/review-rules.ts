// The akimat's decision (orders 001/004, p.10 (4), p.12, p.13) as pure functions: what each action makes the
// reviewer enter, the format of what they type, and the documents they sign with EDS. The client builds the same
// documents from the same inputs, so what the dialog shows and hashes is what the server verifies.
import { addDays, nextWorkingDay, type WorkCalendar } from '@/lib/calendar/deadline';
import { localDate } from '@/lib/calendar/local';
import { issuesPlate, normalizeMachineryPlate, plateRegionCode, type MachineryAction } from './rules';

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

export type TypedDecision = { passportNumber?: string | null; passportIssuedOn?: string | null; plate?: string | null };
export type DecisionFields = { technicalPassport: { number: string; issuedOn: string } | null; plate: string | null };

/**
 * p.12: what the reviewer typed, checked and normalised for the action: the technical passport for an action that
 * issues a document, a plate of the akimat's region for one that issues a plate. The errors (message codes) are by
 * field; the page checks with this before signing, and the service again before verifying the signature.
 */
export function decisionDraft(
  action: MachineryAction,
  typed: TypedDecision,
  regionCode: string,
  today: string,
): { fields: DecisionFields; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let technicalPassport: DecisionFields['technicalPassport'] = null;
  let plate: string | null = null;
  if (issuesDocument(action)) {
    const number = normalizePassportNumber(typed.passportNumber ?? '');
    const issuedOn = (typed.passportIssuedOn ?? '').trim();
    const dateProblem = passportDateProblem(issuedOn, today);
    if (!number) errors.passportNumber = 'machinery_passport_number_invalid';
    if (dateProblem)
      errors.passportIssuedOn = dateProblem === 'future' ? 'machinery_passport_date_future' : 'machinery_passport_date_invalid';
    if (number && !dateProblem) technicalPassport = { number, issuedOn };
  }
  if (issuesPlate(action)) {
    plate = normalizeMachineryPlate(typed.plate ?? '');
    if (!plate) errors.plate = 'machinery_plate_invalid';
    else if (plateRegionCode(plate) !== regionCode) errors.plate = 'machinery_plate_wrong_region';
  }
  return { fields: { technicalPassport, plate }, errors };
}

/** p.13: the refusal's comment is what the applicant reads: at least a sentence, at most a page. */
export function refusalCommentProblem(comment: string): string | null {
  const text = comment.trim();
  return text.length < 10 || text.length > 1000 ? 'machinery_comment_required' : null;
}

/** The time left (or overdue) as whole hours and minutes, for "3 h 05 min left" on the dashboard. */
export function splitDuration(ms: number): { hours: number; minutes: number } {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
