import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getActor } from '@/lib/auth/session';
import { feeNames } from '@/lib/payments/queries';
import { renderReceiptPdf } from '@/lib/payments/receipt';
import { receiptFor } from '@/lib/payments/receipt-access';

const query = z.object({ lang: z.enum(['kk', 'ru']).optional() });

/**
 * A payment's receipt as a PDF (issue 15): for the payer, or staff whose scope holds the payment's application;
 * anyone else, and a payment not yet paid, gets 404. In the language of the page it was asked from (`?lang=`), else
 * the payer's own. Every opening and every refusal is audited (lib/payments/receipt-access.ts).
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new NextResponse(null, { status: 401 });
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new NextResponse(null, { status: 404 });
  const { id } = await params;
  const found = await receiptFor(actor, id);
  if (!found) return new NextResponse(null, { status: 404 });
  const locale = parsed.data.lang ?? found.payer?.locale ?? actor.locale;
  const [t, names] = await Promise.all([getTranslations({ locale, namespace: 'Payments' }), feeNames()]);
  // A fee line in words, as the payments page says it: the portal's message, else the reference table's name.
  const feeName = (code: string) => {
    const key = `fees.${code.replaceAll('.', '_')}`;
    if (t.has(key as never)) return t(key as never);
    const n = names.get(code);
    return n ? (locale === 'kk' ? n.nameKk : n.nameRu) : t('feeOther');
  };
  const p = found.payment;
  const payerName = found.payer ? [found.payer.surname, found.payer.givenName, found.payer.patronymic].filter(Boolean).join(' ') : '';
  const pdf = await renderReceiptPdf(
    {
      receiptNumber: p.receiptNumber,
      paidAt: p.paidAt ?? p.createdAt,
      payer: { name: payerName, iin: p.payerIin },
      applicationNumber: found.applicationNumber,
      lines: p.lines,
      amountTiyn: p.amountTiyn,
      status: p.status,
      invoiceId: p.gatewayInvoiceId,
      refunded: found.refunded,
      feeName,
    },
    locale,
  );
  return new NextResponse(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="${p.receiptNumber}.pdf"`,
    },
  });
}
