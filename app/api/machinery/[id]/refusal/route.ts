import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { refusalFor } from '@/lib/machinery/intake-queries';
import { renderIntakeRefusalPdf } from '@/lib/machinery/refusal-pdf';

/**
 * The printed refusal of the front office (p.7 biometrics, p.8 an incomplete package) in the applicant's language:
 * for the worker of that CON, or the applicant, owner or representative in the cabinet; anyone else gets 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new NextResponse(null, { status: 401 });
  const { id } = await params;
  let r: Awaited<ReturnType<typeof refusalFor>>;
  try {
    r = await refusalFor(actor, id);
  } catch (e) {
    if (isDomainError(e)) return new NextResponse(null, { status: 404 });
    throw e;
  }
  const locale = r.app.m.applicantLocale;
  const [t, tr] = await Promise.all([getTranslations({ locale, namespace: 'Machinery' }), getTranslations({ locale, namespace: 'Roles' })]);
  const names = r.person ? (locale === 'kk' ? r.person.names.kk : r.person.names.ru) : null;
  const pdf = await renderIntakeRefusalPdf(
    {
      kind: r.code,
      applicationNumber: r.app.number,
      applicantName: names ? [names.surname, names.givenName, names.patronymic].filter(Boolean).join(' ') : '—',
      action: t(`action.${r.app.m.action}`),
      missingItems: r.app.m.missingItems ?? [],
      itemName: (code) => (t.has(`checklist.${code}` as never) ? t(`checklist.${code}` as never) : code),
      legalBasis: locale === 'kk' ? r.reason.legalBasisKk : r.reason.legalBasisRu,
      con: locale === 'kk' ? r.centre.nameKk : r.centre.nameRu,
      worker: { name: r.event?.surname ? `${r.event.givenName} ${r.event.surname}` : '—', role: tr('con_operator') },
      at: r.event?.at ?? r.app.decidedAt ?? new Date(),
    },
    locale,
  );
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="${r.app.number}-refusal.pdf"`,
    },
  });
}
