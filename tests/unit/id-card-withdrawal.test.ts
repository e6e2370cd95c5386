import { describe, expect, it } from 'vitest';
import { idCardMachine, idCardStates } from '@/lib/id-card/machine';
import { withdrawalEffects } from '@/lib/id-card/withdrawal';

describe('withdrawalEffects', () => {
  it('a draft has no ticket to cancel and nothing paid', () => {
    expect(withdrawalEffects('draft', { ticket: null, exempt: false })).toEqual({ cancelTicket: false, refund: false });
  });
  it('unpaid: the ticket is cancelled, nothing refunded', () => {
    expect(withdrawalEffects('awaiting_payment', { ticket: 'RPD-1', exempt: false })).toEqual({ cancelTicket: true, refund: false });
  });
  it('waiting for UMS DP: the ticket is cancelled and a paid duty refunded; an exempt applicant paid nothing', () => {
    expect(withdrawalEffects('under_review', { ticket: 'RPD-1', exempt: false })).toEqual({ cancelTicket: true, refund: true });
    expect(withdrawalEffects('under_review', { ticket: 'RPD-1', exempt: true })).toEqual({ cancelTicket: true, refund: false });
  });
  it('the machine allows a withdrawal exactly before UMS DP decides', () => {
    expect(idCardStates.filter((s) => idCardMachine.can(s, 'withdraw'))).toEqual(['draft', 'awaiting_payment', 'under_review']);
  });
});
