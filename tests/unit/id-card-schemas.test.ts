// The start form's fields (order 002 steps 1 and 3): consent is required, the camera capture is optional.
import { describe, expect, it } from 'vitest';
import { startSchema } from '@/lib/id-card/schemas';

describe('startSchema', () => {
  it('takes the camera capture for step 3 when there is one', () => {
    const capture = new File([new Uint8Array([0xff, 0xd8, 0xff, 1])], 'selfie.jpg', { type: 'image/jpeg' });
    const parsed = startSchema.parse({ locale: 'kk', consentId: '12', phone: '+77011234567', consent: 'on', liveness: capture });
    expect(parsed.liveness?.size).toBe(4);
  });
  it('an empty file field (no camera) or none at all is no capture', () => {
    expect(
      startSchema.parse({ locale: 'ru', consentId: '12', phone: '+77011234567', consent: 'on', liveness: new File([], '') }).liveness,
    ).toBeUndefined();
    expect(startSchema.parse({ locale: 'ru', consentId: '12', phone: '+77011234567', consent: 'on' }).liveness).toBeUndefined();
  });
  it('consent is still required', () => {
    expect(startSchema.safeParse({ locale: 'ru', consentId: '12', phone: '+77011234567' }).error?.issues[0]?.message).toBe(
      'id_card_consent_required',
    );
  });
});
