// The one builder of registry-check runs: a visible line per check, the first stop ends the run with its code.
import { describe, expect, it } from 'vitest';
import { checkRun, valueOrThrow, type CheckRun } from '@/lib/applications/check-run';

describe('checkRun', () => {
  it('keeps a line per check in order, and ends with the facts when nothing stopped it', () => {
    const run = checkRun();
    run.pass(1, 'consent', 'given');
    run.fail(2, 'bmg', 'phone_missing');
    run.pass(3, 'gbd_fl', 'found', { ticket: 'T-1' });
    const done = run.done({ n: 1 });
    expect(done).toEqual({
      ok: true,
      value: { n: 1 },
      lines: [
        { step: 1, system: 'consent', ok: true, code: 'given' },
        { step: 2, system: 'bmg', ok: false, code: 'phone_missing' },
        { step: 3, system: 'gbd_fl', ok: true, code: 'found', data: { ticket: 'T-1' } },
      ],
    });
  });

  it('a stop adds the failed line and carries its code and params; a stop without params has none', () => {
    const run = checkRun();
    run.pass(11, 'gbd_fl', 'found');
    const stopped = run.stop(14, 'erap', 'unpaid_fines', { fines: [1] });
    expect(stopped).toEqual({
      ok: false,
      code: 'unpaid_fines',
      params: { fines: [1] },
      lines: [
        { step: 11, system: 'gbd_fl', ok: true, code: 'found' },
        { step: 14, system: 'erap', ok: false, code: 'unpaid_fines' },
      ],
    });
    expect(checkRun().stop(1, 'business', 'no')).not.toHaveProperty('params');
  });

  it('the lines it returns do not change when the builder goes on', () => {
    const run = checkRun();
    run.pass(1, 'consent', 'given');
    const first = run.done(null);
    run.pass(2, 'gbd_fl', 'found');
    expect(first.lines).toHaveLength(1);
    expect(run.lines).toHaveLength(2);
  });

  it('join goes on with another run: its lines follow, its stop is the stop', () => {
    const outer = checkRun();
    outer.pass(11, 'gbd_fl', 'found');
    const inner = checkRun();
    const joined = outer.join(inner.stop(14, 'erap', 'unpaid_fines', { fines: [] }));
    expect(joined).toMatchObject({ ok: false, code: 'unpaid_fines', params: { fines: [] } });
    expect(joined.lines.map((l) => l.step)).toEqual([11, 14]);
    const ok = checkRun();
    ok.pass(5, 'recycling', 'paid');
    expect(checkRun().join(ok.done('v'))).toEqual({
      ok: true,
      value: 'v',
      lines: [{ step: 5, system: 'recycling', ok: true, code: 'paid' }],
    });
  });

  it('valueOrThrow: the facts, or a DomainError with the code, the lines and the params', () => {
    expect(valueOrThrow(checkRun().done(7))).toBe(7);
    const run = checkRun();
    run.pass(3, 'vehicle_passports', 'found');
    const stopped: CheckRun<number> = run.stop(4, 'customs', 'no_customs', { vin: 'X' });
    expect(() => valueOrThrow(stopped)).toThrow(
      expect.objectContaining({
        code: 'no_customs',
        data: { checks: stopped.lines, vin: 'X' },
      }),
    );
  });
});
