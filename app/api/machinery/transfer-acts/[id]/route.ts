import { NextResponse } from 'next/server';
import { db } from '@/db';
import { grantFor } from '@/lib/auth/scope';
import { getActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { actSignatures, canonicalOf, loadAct } from '@/lib/machinery/archive-service';
import { renderTransferActPdf, type ActSignatures } from '@/lib/machinery/transfer-act';
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
    const act = await loadAct({ db, actor, grant }, id);
    const m = catalogue[locale];
    const reports = await actSignatures(db, act);
    const signer = (side: 'akimat' | 'con_head') => {
      const r = reports.find((s) => s.side === side);
      return r
        ? {
            name: r.name,
            role: side === 'akimat' ? m.Roles.akimat_reviewer : m.Roles.con_head,
            signedAt: r.signedAt,
            certificateSerial: r.certificateSerial,
          }
        : undefined;
    };
    const signatures: ActSignatures = { akimat: signer('akimat'), frontOffice: signer('con_head') };
    const pdf = await renderTransferActPdf(canonicalOf(act), locale, {
      signatures,
      actionName: (c) => (m.Machinery.action as Record<string, string>)[c] ?? c,
      kindName: (c) => (m.MachineryArchive.kind as Record<string, string>)[c] ?? c,
    });
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
