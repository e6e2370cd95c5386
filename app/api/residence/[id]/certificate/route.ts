import { NextResponse } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { toLocalDate } from '@/lib/calendar/deadline';
import { isDomainError } from '@/lib/errors';
import { publicOrigin } from '@/lib/http/origin';
import { certificateFor, fullNameOf } from '@/lib/residence/citizen-queries';
import { renderCertificatePdf } from '@/lib/residence/certificate';

/**
 * The address certificate as a PDF in the applicant's language (the language they applied in), with the
 * verification QR: only for the applicant, only once registered; anyone else gets 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new NextResponse(null, { status: 401 });
  const { id } = await params;
  let found: Awaited<ReturnType<typeof certificateFor>>;
  try {
    found = await certificateFor(actor, id);
  } catch (e) {
    if (isDomainError(e)) return new NextResponse(null, { status: 404 });
    throw e;
  }
  if (!found) return new NextResponse(null, { status: 404 });
  const { app, doc, person } = found;
  const locale = app.residence.applicantLocale;
  const url = `${await publicOrigin()}/${locale}/verify?number=${app.number}&code=${doc.verifyCode ?? ''}`;
  const pdf = await renderCertificatePdf(
    {
      certificateNumber: doc.certificateNumber,
      applicationNumber: app.number,
      kind: doc.kind,
      holder: { name: fullNameOf(person, locale), iin: person.iin, birthDate: person.birthDate },
      address: locale === 'kk' ? doc.addressKk : doc.addressRu,
      cadastralNumber: doc.cadastralNumber,
      registeredOn: toLocalDate(doc.registeredAt),
      period: doc.kind === 'temporary' && doc.stayFrom && doc.stayUntil ? { from: doc.stayFrom, until: doc.stayUntil } : null,
      state: doc.state,
      printedOn: toLocalDate(new Date()),
      verify: { url, code: doc.verifyCode ?? '' },
    },
    locale,
  );
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="${doc.certificateNumber}.pdf"`,
    },
  });
}
