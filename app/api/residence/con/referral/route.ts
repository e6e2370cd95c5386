import { NextResponse, type NextRequest } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/session';
import { renderConReferralPdf } from '@/lib/residence/con-pdf';
import { referralFor } from '@/lib/residence/con-queries';
import { deskRefusalCodes } from '@/lib/residence/con-types';

/**
 * The printed referral to the online service, in the person's language (`lang`): reception's advice (p.5,
 * `kind=reception_online`, with the dwelling) or the operating hall's refusal on a failed check (p.8,
 * `kind=refused&reason=<code>`). For the workers of a CON only; anyone else gets 404.
 */
export async function GET(request: NextRequest) {
  const actor = await getActor();
  if (!actor) return new NextResponse(null, { status: 401 });
  const q = request.nextUrl.searchParams;
  const locale = q.get('lang') === 'ru' ? 'ru' : 'kk';
  const kind = q.get('kind') === 'refused' ? 'refused' : 'reception_online';
  const reason = q.get('reason') ?? '';
  if (kind === 'refused' && !(deskRefusalCodes as readonly string[]).includes(reason)) return new NextResponse(null, { status: 404 });
  const cn = (q.get('cn') ?? '').replace(/[^0-9:-]/g, '').slice(0, 40) || null;
  const found = await referralFor(actor, { kind, reason: kind === 'refused' ? reason : 'owners_can_act' });
  if (!found) return new NextResponse(null, { status: 404 });
  const [t, tr] = await Promise.all([
    getTranslations({ locale, namespace: 'ResidenceCon' }),
    getTranslations({ locale, namespace: 'Roles' }),
  ]);
  const pdf = await renderConReferralPdf(
    {
      kind,
      reason: kind === 'refused' ? t(`refusal.${reason}` as never) : t('reception.onlineReason'),
      cadastralNumber: cn,
      portalUrl: `${request.nextUrl.origin}/${locale}/services/residence`,
      con: locale === 'kk' ? found.centre.nameKk : found.centre.nameRu,
      worker: { name: `${actor.givenName} ${actor.surname}`, role: tr(found.grant.role) },
      at: new Date(),
    },
    locale,
  );
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="residence-${kind}.pdf"`,
    },
  });
}
