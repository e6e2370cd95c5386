// The verification QR code on a printed document (SPEC §2.3): drawn as squares (one per module), so no image or
// font is needed and it stays sharp at any zoom.
import QRCode from 'qrcode';
import { PDFDocument, rgb } from 'pdf-lib';
import { A4 } from './document';

/** Draws the link's QR code at the foot of the first page, right-aligned above the page number. */
export async function drawVerifyQr(pdf: Uint8Array, url: string, side = 110): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPage(0);
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = side / (n + 2);
  const x0 = A4.width - 50 - side;
  const y0 = 50;
  page.drawRectangle({ x: x0, y: y0, width: side, height: side, color: rgb(1, 1, 1) });
  for (let r = 0; r < n; r++)
    for (let col = 0; col < n; col++)
      if (qr.modules.get(r, col))
        page.drawRectangle({ x: x0 + (col + 1) * cell, y: y0 + side - (r + 2) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
  return doc.save();
}
