import { NextResponse } from 'next/server';
import { grantFor } from '@/lib/auth/scope';
import { getActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { transferActFor, transferActPdf } from '@/lib/machinery/archive-queries';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

const catalogue = { kk, ru } as const;

/**
 * p.17, the act of acceptance and transfer as a PDF in kk or ru (`?locale=`), with both signatures' reports: for the
 * akimat's reviewer and the CON's head or operator only; anyone else gets 404 (the id says nothing), audited.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new NextResponse(null, { status: 401 });
  const grant = grantFor(actor.grants, ['akimat_reviewer', 'con_head', 'con_operator']);
  if (!grant) return new NextResponse(null, { status: 404 });
  const { id } = await params;
  const locale = new URL(request.url).searchParams.get('locale') === 'ru' ? 'ru' : 'kk';
  try {
    const act = await transferActFor(actor, grant, id);
    const pdf = await transferActPdf(act, locale, catalogue[locale]);
    return new NextResponse(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename="${act.number}-${locale}.pdf"`,
      },
    });
  } catch (e) {
    if (isDomainError(e) && e.code === 'not_found') return new NextResponse(null, { status: 404 });
    throw e;
  }
}
