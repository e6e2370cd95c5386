import { describe, expect, it } from 'vitest';
import { CALENDAR_2025, CALENDAR_2026 } from '@/db/seed/calendar';
import { MACHINES } from '@/db/seed/machinery';
import { StaticWorkCalendar } from '@/lib/calendar/deadline';
import {
  checklistCompleteness,
  isValidMachineryPlate,
  issuesPlate,
  machineryActions,
  needsRegisteredMachine,
  normalizeMachineryPlate,
  plateRegionCode,
  reviewClock,
  type ChecklistItem,
} from '@/lib/machinery/rules';

describe('machinery actions', () => {
  it('are the five the service title lists', () => {
    expect([...machineryActions]).toEqual(['registration', 're_registration', 'deregistration', 'duplicate_document', 'duplicate_plate']);
  });

  it('only a first registration types the machine in; deregistration and a duplicate document hand out no plate', () => {
    expect(machineryActions.filter(needsRegisteredMachine)).toEqual([
      're_registration',
      'deregistration',
      'duplicate_document',
      'duplicate_plate',
    ]);
    expect(machineryActions.filter(issuesPlate)).toEqual(['registration', 're_registration', 'duplicate_plate']);
  });
});

describe('checklistCompleteness (p.6 (2), p.8)', () => {
  const items: ChecklistItem[] = [
    { code: 'application', required: true, appliesTo: 'all' },
    { code: 'identity_document', required: true, appliesTo: 'person' },
    { code: 'charter_documents', required: true, appliesTo: 'organisation' },
    { code: 'power_of_attorney', required: true, appliesTo: 'representative' },
    { code: 'ownership_document', required: true, appliesTo: 'all' },
    { code: 'photo_of_machine', required: false, appliesTo: 'all' },
  ];
  const person = { ownerKind: 'person', representative: false } as const;
  const organisationByProxy = { ownerKind: 'organisation', representative: true } as const;

  it('a person owner with every required item is complete; the optional one is not needed', () => {
    expect(checklistCompleteness(items, ['application', 'identity_document', 'ownership_document'], person)).toEqual({ complete: true });
  });

  it('lists the missing items in checklist order, whatever the order of the ticks', () => {
    expect(checklistCompleteness(items, ['ownership_document'], person)).toEqual({
      complete: false,
      missing: ['application', 'identity_document'],
    });
    expect(checklistCompleteness(items, [], person)).toEqual({
      complete: false,
      missing: ['application', 'identity_document', 'ownership_document'],
    });
  });

  it('an organisation needs its charter documents, not a personal ID; a representative needs the power of attorney', () => {
    const ticks = ['application', 'charter_documents', 'ownership_document'];
    expect(checklistCompleteness(items, ticks, organisationByProxy)).toEqual({ complete: false, missing: ['power_of_attorney'] });
    expect(checklistCompleteness(items, [...ticks, 'power_of_attorney'], organisationByProxy)).toEqual({ complete: true });
    expect(checklistCompleteness(items, ticks, { ownerKind: 'organisation', representative: false })).toEqual({ complete: true });
  });

  it('a tick of an item that does not apply, or of no item, does not stand in for a missing one', () => {
    expect(
      checklistCompleteness(items, ['application', 'charter_documents', 'power_of_attorney', 'ownership_document', 'x'], person),
    ).toEqual({
      complete: false,
      missing: ['identity_document'],
    });
  });

  it('an action with no required items is complete at once; one with no items at all too', () => {
    expect(checklistCompleteness([{ code: 'photo_of_machine', required: false, appliesTo: 'all' }], [], person)).toEqual({
      complete: true,
    });
    expect(checklistCompleteness([], [], person)).toEqual({ complete: true });
  });
});

describe('machinery plates (p.12)', () => {
  it('accepts every plate the seed gives a registered machine', () => {
    const plates = MACHINES.flatMap((m) => (m.plate ? [m.plate] : []));
    expect(plates.length).toBeGreaterThan(0);
    for (const p of plates) expect(normalizeMachineryPlate(p)).toBe(p);
  });

  it('normalises case, spacing and Cyrillic look-alikes to `T 4127 10`', () => {
    expect(normalizeMachineryPlate('t 4127 10')).toBe('T 4127 10');
    expect(normalizeMachineryPlate('T412710')).toBe('T 4127 10');
    expect(normalizeMachineryPlate('  T  4127-10 ')).toBe('T 4127 10');
    expect(normalizeMachineryPlate('Т 4127 10')).toBe('T 4127 10'); // Cyrillic Т
    expect(normalizeMachineryPlate('с0318 10')).toBe('C 0318 10'); // Cyrillic с
    expect(normalizeMachineryPlate('Р 5512 10')).toBe('P 5512 10'); // Cyrillic Р
  });

  it('refuses other shapes, the letters never issued, 0000 and unknown region codes', () => {
    for (const bad of ['', 'T 412 10', 'T 41271 10', 'TT 4127 10', '4127 10', 'T 4127 1', 'T 4127 100', '123 ABC 01', 'Ж 4127 10'])
      expect(normalizeMachineryPlate(bad), bad).toBeNull();
    for (const letter of ['O', 'О', 'I', 'Q']) expect(isValidMachineryPlate(`${letter} 4127 10`), letter).toBe(false);
    expect(isValidMachineryPlate('T 0000 10')).toBe(false);
    expect(isValidMachineryPlate('T 0001 10')).toBe(true);
    expect(isValidMachineryPlate('T 4127 00')).toBe(false);
    expect(isValidMachineryPlate('T 4127 01')).toBe(true);
    expect(isValidMachineryPlate('T 4127 20')).toBe(true);
    expect(isValidMachineryPlate('T 4127 21')).toBe(false);
  });

  it('reads the region code of a valid plate only', () => {
    expect(plateRegionCode('т 4127 10')).toBe('10');
    expect(plateRegionCode('C 2950 02')).toBe('02');
    expect(plateRegionCode('C 2950')).toBeNull();
  });
});

describe('reviewClock on the akimat dashboard (p.14)', () => {
  // The seeded calendar: 2026 holidays; 2025 has the one transferred working day (Sun 5 Jan 2025).
  const rows = [...CALENDAR_2025, ...CALENDAR_2026];
  const seeded = new StaticWorkCalendar({
    nonWorking: rows.filter((r) => r.kind === 'holiday').map((r) => r.day),
    workingOverrides: rows.filter((r) => r.kind === 'working').map((r) => r.day),
  });
  const at = (local: string) => new Date(`${local}+05:00`);
  const clock = (received: string, now: string, cal = seeded) => reviewClock(at(received), at(now), cal);
  const HOUR = 3_600_000;

  it('16:59, 17:00:00 and 17:00:01 on Tue 10 Mar 2026: the last counts from Thursday 09:00', () => {
    expect(clock('2026-03-10T16:59:00', '2026-03-10T16:59:00').deadline).toEqual(at('2026-03-11T16:59:00'));
    expect(clock('2026-03-10T17:00:00', '2026-03-10T17:00:00').deadline).toEqual(at('2026-03-11T17:00:00'));
    expect(clock('2026-03-10T17:00:01', '2026-03-10T17:00:01').deadline).toEqual(at('2026-03-12T09:00:00'));
  });

  it('time left, due today and overdue around the deadline', () => {
    const before = clock('2026-03-10T16:59:00', '2026-03-11T10:59:00');
    expect(before).toMatchObject({ msLeft: 6 * HOUR, overdue: false, dueToday: true });
    expect(clock('2026-03-10T16:59:00', '2026-03-10T18:00:00')).toMatchObject({ overdue: false, dueToday: false });
    // At the deadline itself nothing is late yet; a second later it is, and no longer "due today".
    expect(clock('2026-03-10T16:59:00', '2026-03-11T16:59:00')).toMatchObject({ msLeft: 0, overdue: false, dueToday: true });
    expect(clock('2026-03-10T16:59:00', '2026-03-11T16:59:01')).toMatchObject({ msLeft: -1000, overdue: true, dueToday: false });
    expect(clock('2026-03-10T16:59:00', '2026-03-13T09:00:00')).toMatchObject({ overdue: true, dueToday: false });
  });

  it('Friday: by day it is due Monday; after 17:00 Tuesday 09:00; on Friday evening it is not due today', () => {
    expect(clock('2026-02-13T10:00:00', '2026-02-13T18:00:00')).toMatchObject({ deadline: at('2026-02-16T10:00:00'), dueToday: false });
    expect(clock('2026-02-13T17:00:01', '2026-02-16T08:00:00')).toMatchObject({ deadline: at('2026-02-17T09:00:00'), dueToday: false });
    expect(clock('2026-02-13T10:00:00', '2026-02-16T09:00:00')).toMatchObject({ msLeft: HOUR, dueToday: true });
  });

  it('before a holiday: Fri 6 Mar 2026 skips Mon 9 Mar; Thu 30 Apr skips 1 May', () => {
    expect(clock('2026-03-06T15:00:00', '2026-03-06T15:00:00').deadline).toEqual(at('2026-03-10T15:00:00'));
    expect(clock('2026-03-06T17:00:01', '2026-03-06T17:00:01').deadline).toEqual(at('2026-03-11T09:00:00'));
    expect(clock('2026-04-30T12:00:00', '2026-04-30T12:00:00').deadline).toEqual(at('2026-05-04T12:00:00'));
    expect(clock('2026-04-30T17:00:01', '2026-05-04T09:00:00')).toMatchObject({ deadline: at('2026-05-05T09:00:00'), dueToday: false });
  });

  it('before a transferred working day: the seeded Sun 5 Jan 2025, and a working Saturday', () => {
    // Sat 4 Jan 2025: the clock starts on the working Sunday at 09:00, due Monday 09:00.
    expect(clock('2025-01-04T11:00:00', '2025-01-05T10:00:00')).toMatchObject({ deadline: at('2025-01-06T09:00:00'), overdue: false });
    // Without the transfer the same receipt would wait until Tuesday.
    const plain = new StaticWorkCalendar({ nonWorking: ['2025-01-03'], workingOverrides: [] });
    expect(clock('2025-01-04T11:00:00', '2025-01-04T11:00:00', plain).deadline).toEqual(at('2025-01-07T09:00:00'));
    const workingSaturday = new StaticWorkCalendar({ nonWorking: [], workingOverrides: ['2026-02-14'] });
    expect(clock('2026-02-13T10:00:00', '2026-02-14T09:00:00', workingSaturday)).toMatchObject({
      deadline: at('2026-02-14T10:00:00'),
      dueToday: true,
    });
    expect(clock('2026-02-13T17:00:01', '2026-02-13T17:00:01', workingSaturday).deadline).toEqual(at('2026-02-16T09:00:00'));
  });
});
