import { isLocalDate } from '@/lib/calendar/local';

/** The statuses the UMS DP queue filters by; "under review" (waiting for its decision) first. */
export const QUEUE_STATUSES = [
  'under_review',
  'awaiting_payment',
  'submitted',
  'approved',
  'in_production',
  'ready_for_pickup',
  'issued',
  'annulled',
] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** deadline: the nearest decision deadline first; oldest / newest: by submission (step 12). */
export const QUEUE_SORTS = ['deadline', 'oldest', 'newest'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export type QueueFilterError = 'date_format' | 'range_inverted';

export type QueueFilters = {
  status: QueueStatus;
  /** The order the rows come in; `deadline` only where there is one to wait for (under review), else `oldest`. */
  sort: QueueSort;
  point?: number;
  /** Local `YYYY-MM-DD` days of submission, both included; absent when not given or refused. */
  from?: string;
  to?: string;
  ticket?: string;
  /** What the form shows again: the text as the reviewer sent it, valid or not. */
  typed: { from: string; to: string; ticket: string; point: string };
  errors: { from?: QueueFilterError; to?: QueueFilterError };
  /** True when the reviewer narrowed the default view (an empty result then says "nothing matches", not "empty"). */
  narrowed: boolean;
};

type Raw = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 40) ?? '';

/**
 * The queue's GET parameters, validated: an unknown status or sort falls back to the default, a point must be a
 * positive whole number, a date a real local day, and "to" may not come before "from" (then neither date applies
 * and the page says why). A ticket search looks across every status.
 */
export function parseQueueFilters(sp: Raw): QueueFilters {
  const rawStatus = one(sp.status);
  const status = (QUEUE_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as QueueStatus) : 'under_review';
  const rawSort = one(sp.sort);
  const asked = (QUEUE_SORTS as readonly string[]).includes(rawSort) ? (rawSort as QueueSort) : 'deadline';
  const ticketText = one(sp.ticket);
  const ticket = ticketText.toUpperCase() || undefined;
  const sort: QueueSort = asked === 'deadline' && (ticket || status !== 'under_review') ? 'oldest' : asked;
  const pointText = one(sp.point);
  const point = /^[1-9]\d{0,8}$/.test(pointText) ? Number(pointText) : undefined;
  const fromText = one(sp.from);
  const toText = one(sp.to);
  const errors: QueueFilters['errors'] = {};
  const day = (text: string, key: 'from' | 'to') => {
    if (!text) return undefined;
    if (isLocalDate(text)) return text;
    errors[key] = 'date_format';
    return undefined;
  };
  let from = day(fromText, 'from');
  let to = day(toText, 'to');
  if (from && to && to < from) {
    errors.to = 'range_inverted';
    from = undefined;
    to = undefined;
  }
  return {
    status,
    sort,
    point,
    from,
    to,
    ticket,
    typed: { from: fromText, to: toText, ticket: ticketText, point: point ? String(point) : '' },
    errors,
    narrowed: Boolean(status !== 'under_review' || point || fromText || toText || ticket),
  };
}

/** Whether the filters were refused: the page then shows the errors and no rows. */
export const hasFilterErrors = (f: Pick<QueueFilters, 'errors'>) => Boolean(f.errors.from || f.errors.to);
