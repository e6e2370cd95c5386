import QRCode from 'qrcode';

/** The verification link as a QR code (SPEC §2.3: printed on every confirmation), rendered on the server. */
export async function VerifyQr({ url, label }: { url: string; label: string }) {
  // qrcode writes only <svg>/<path> markup from the URL's bits: nothing of the input reaches it as markup.
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, width: 160 });
  return (
    <span
      role="img"
      aria-label={label}
      className="block size-40 rounded border border-line bg-white"
      data-testid="verify-qr"
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
