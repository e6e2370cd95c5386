// The pure rules of orders 001/004: the actions of the service (its title, point 1), a checklist's completeness
// (p.6 (2), p.8), the plate's format (p.12) and the akimat's one-working-day clock (p.14). Unit-tested without a
// database; the reference data they read (checklists, refusal reasons) is seeded in db/seed/machinery-reference.ts.
import { reviewDeadline, workingTimeLeft, type WorkCalendar } from '@/lib/calendar/deadline';
import { localDate } from '@/lib/calendar/local';
import { checklistAppliesTo, machineryActions, machineryKinds, ownerKinds } from '@/db/schema/machinery';

export { machineryActions, machineryKinds, ownerKinds, checklistAppliesTo };
export type MachineryAction = (typeof machineryActions)[number];

/** Every action but the first acts on a machine already in the register: it is looked up there, not typed in. */
export function needsRegisteredMachine(action: MachineryAction): boolean {
  return action !== 'registration';
}

/** The actions that end with a plate the akimat enters by hand (p.12): deregistration frees one instead. */
export function issuesPlate(action: MachineryAction): boolean {
  return action === 'registration' || action === 're_registration' || action === 'duplicate_plate';
}

export type MachineryKind = (typeof machineryKinds)[number];
export type OwnerKind = (typeof ownerKinds)[number];
export type ChecklistAppliesTo = (typeof checklistAppliesTo)[number];
export type ChecklistItem = { code: string; required: boolean; appliesTo: ChecklistAppliesTo };
export type Applicant = { ownerKind: OwnerKind; representative: boolean };

export function itemApplies(item: ChecklistItem, who: Applicant): boolean {
  if (item.appliesTo === 'all') return true;
  if (item.appliesTo === 'representative') return who.representative;
  return item.appliesTo === who.ownerKind;
}

export type Completeness = { complete: true } | { complete: false; missing: string[] };

/**
 * p.6 (2), p.8: the package is complete when every required item that applies to this applicant is ticked. The
 * missing ones come back in the checklist's order, for the printed refusal to accept. A tick of an item that does
 * not apply (or of no item) neither helps nor harms: the form may hold ticks from before the applicant changed.
 */
export function checklistCompleteness(items: readonly ChecklistItem[], ticked: readonly string[], who: Applicant): Completeness {
  const done = new Set(ticked);
  const missing = items.filter((i) => i.required && itemApplies(i, who) && !done.has(i.code)).map((i) => i.code);
  return missing.length ? { complete: false, missing } : { complete: true };
}

// Plates of registered machines are written `T 4127 10`: one letter, four digits, the region's plate code
// (db/seed/machinery.ts; the order says nothing of the format, so it is the seed's, an ASSUMPTION in docs/personas.md).
// Letters are Latin without I, O and Q, as on vehicle plates (db/seed/plates.ts); region codes are 01–20 (SPEC §8).
const PLATE = /^([A-HJ-NPR-Z]) (\d{4}) (0[1-9]|1\d|20)$/;

/** Cyrillic letters that look like Latin ones on a plate: a reviewer typing on a Russian layout gets the same plate. */
const LOOK_ALIKE: Readonly<Record<string, string>> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
};

/**
 * The plate as stored (`T 4127 10`) from what a reviewer typed: any case, Cyrillic look-alikes, any spacing or
 * none (`т412710`). Null when it is not a plate — including a lone O, I or Q, which are never issued.
 */
export function normalizeMachineryPlate(input: string): string | null {
  const compact = [...input.toUpperCase().replace(/[\s-]+/g, '')].map((c) => LOOK_ALIKE[c] ?? c).join('');
  const m = /^([A-Z])(\d{4})(\d{2})$/.exec(compact);
  if (!m) return null;
  const plate = `${m[1]} ${m[2]} ${m[3]}`;
  return PLATE.test(plate) && m[2] !== '0000' ? plate : null;
}

export function isValidMachineryPlate(input: string): boolean {
  return normalizeMachineryPlate(input) !== null;
}

/** The region code a valid plate carries: the service checks it is the akimat's region. */
export function plateRegionCode(plate: string): string | null {
  return normalizeMachineryPlate(plate)?.slice(-2) ?? null;
}

export type ReviewClock = {
  deadline: Date;
  /** deadline − now; negative once overdue. */
  msLeft: number;
  overdue: boolean;
  /** Not overdue yet, and due on today's local date: the dashboard's "due today" count. */
  dueToday: boolean;
};

/** p.14 on the akimat dashboard: one working day from receipt (after 17:00 the count starts the next working day). */
export function reviewClock(receivedAt: Date, now: Date, calendar: WorkCalendar): ReviewClock {
  const deadline = reviewDeadline(receivedAt, calendar);
  const { overdue, ms } = workingTimeLeft(deadline, now);
  return { deadline, msLeft: ms, overdue, dueToday: !overdue && localDate(deadline) === localDate(now) };
}
