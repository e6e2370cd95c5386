// When UMS DP's decision on an ID-card renewal is due (issue 17), in working time. Order 002 asks UMS DP for a
// "timely" check (p.4 (1)) without a term; the portal holds it to one working day with the 17:00 cut-off, the
// rule SPEC §7.3 sets for a decision (docs/decisions.md). Pure: the page gives it the timeline and the calendar.
import { reviewDeadline, type WorkCalendar } from '@/lib/calendar/deadline';

/** The events that hand the application to UMS DP (step 17): the duty paid, or AIS SIK's exemption. */
const RECEIVED_BY_UMS = new Set(['paid', 'exempted']);

/** The decision's due instant, from the last hand-over to UMS DP; null while it has not reached UMS DP. */
export function decisionDueAt(events: readonly { type: string; at: Date }[], calendar: WorkCalendar): Date | null {
  const received = events.filter((e) => RECEIVED_BY_UMS.has(e.type)).at(-1);
  return received ? reviewDeadline(received.at, calendar) : null;
}
