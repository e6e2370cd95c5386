import { describe, expect, it } from 'vitest';
import { pilots } from '@/db/schema/reference';
import { machineStates } from '@/lib/pilots/table';
import { statusWordTones, statusWords, type StatusViewer } from '@/lib/applications/status-words';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

function lookup(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((m, k) => (m && typeof m === 'object' ? (m as Record<string, unknown>)[k] : undefined), messages);
}

const actionPrefix = { kk: 'Әрекет қажет: ', ru: 'Нужно действие: ' };

describe('status words per pilot, state and viewer (issue 15)', () => {
  for (const pilot of pilots) {
    const viewers = [...Object.keys(statusWordTones[pilot]), 'staff'] as StatusViewer[];
    it(`${pilot}: every state of its machine has words for the applicant`, () => {
      expect(viewers).toContain('applicant');
    });
    for (const viewer of viewers)
      for (const state of machineStates[pilot])
        it(`${pilot} / ${viewer} / ${state}: words in kk and ru`, () => {
          const w = statusWords(pilot, state, viewer);
          if (viewer !== 'staff') expect(w.key).toBe(`StatusWords.${pilot}.${viewer}.${state}`);
          for (const [locale, messages] of [
            ['kk', kk],
            ['ru', ru],
          ] as const) {
            const text = lookup(messages, w.key);
            expect(typeof text, `${locale} ${w.key}`).toBe('string');
            expect((text as string).trim()).not.toBe('');
            // "your move" phrases say so; others never pretend to need an action
            expect((text as string).startsWith(actionPrefix[locale])).toBe(w.action);
          }
        });
  }

  it('the buyer is asked to accept the offer; the dealer waits for the buyer', () => {
    expect(statusWords('vehicle', 'awaiting_buyer', 'applicant')).toEqual({
      key: 'StatusWords.vehicle.applicant.awaiting_buyer',
      tone: 'warning',
      action: true,
    });
    expect(lookup(ru, statusWords('vehicle', 'awaiting_buyer', 'applicant').key)).toBe('Нужно действие: примите предложение дилера');
    const dealer = statusWords('vehicle', 'awaiting_buyer', 'party');
    expect(dealer.action).toBe(false);
    expect(lookup(ru, dealer.key)).toBe('Покупатель должен принять предложение');
    expect(statusWords('vehicle', 'awaiting_seller_signature', 'party').action).toBe(true);
  });

  it('staff and unknown viewers or states fall back to the neutral state name', () => {
    expect(statusWords('vehicle', 'awaiting_buyer', 'staff')).toEqual({ key: 'Status.awaiting_buyer', tone: 'warning', action: false });
    expect(statusWords('id_card', 'draft', 'party').key).toBe('Status.draft');
    expect(statusWords('nope', 'issued', 'applicant')).toEqual({ key: 'Status.issued', tone: 'success', action: false });
  });

  it('no words for a state the machine does not have', () => {
    for (const pilot of pilots)
      for (const states of Object.values(statusWordTones[pilot]))
        for (const state of Object.keys(states)) expect(machineStates[pilot] as readonly string[]).toContain(state);
  });
});
