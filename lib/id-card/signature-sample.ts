// The signature sample for the ID card, checked on the server (SPEC §5 step 9; SPEC §8 "ID card": a PNG/JPEG
// of a signature on white). Whether it is the person's signature is for the UMS DP officer (step 18).
import 'server-only';
import sharp, { type SharpOptions } from 'sharp';
import { sniffContentType } from '@/lib/files/sniff';

/** Stable codes for the UI. `blank` is ours, not SPEC's: an empty white page is "on white" but holds no signature. */
export type SignatureProblem = 'not_image' | 'too_large' | 'too_many_pixels' | 'cannot_decode' | 'too_small' | 'not_on_white' | 'blank';

export type SignatureCheck = { ok: boolean; problems: SignatureProblem[]; width?: number; height?: number; cleaned?: Buffer };

export const SIGNATURE_RULES = {
  maxBytes: 1_048_576,
  /** A signature needs a few hundred pixels; a scan of an A4 page at 300 dpi is 8.7 MP. Larger is refused from the
   *  header alone (a mostly-white PNG of 7900×7900 is a few kilobytes but 62 MP of pixels). */
  maxPixels: 16_000_000,
  /** Measured and stored on a copy no wider or taller than this: the card prints it a few centimetres wide. */
  workingSize: 2000,
  minWidth: 300,
  minHeight: 100,
  /** Lightness (0–255) below which a pixel counts as ink: black 0–60, blue ballpoint 20–80, paper 170+. */
  inkBelow: 128,
  /** The median lightness is the paper's while ink stays a minority: white paper scanned or photographed in
   *  daylight measures 200–255, under room light 190+; grey, coloured or dark backgrounds fall below 190. */
  minPaperLightness: 190,
  /** More ink than a quarter of the picture is a dark or cluttered background, not strokes on white. */
  maxInkShare: 0.25,
  /** Less than 0.2 % is an empty page: one 2-px stroke across a 300×100 sample is already about 2 %. */
  minInkShare: 0.002,
} as const;

// Untrusted bytes: fail on corrupt or truncated data; refuse decompression bombs before allocating pixels.
const DECODE: SharpOptions = { failOn: 'error', limitInputPixels: SIGNATURE_RULES.maxPixels };
// A transparent PNG (what signature apps export) is a signature on white once laid on white paper.
const WHITE = { r: 255, g: 255, b: 255 } as const;
// The stored copy must fit the 1 MB the file store holds uploads to, but a phone photo of paper (≤ 1 MB as JPEG)
// is often 2–4 MB as a lossless PNG. So step down until it fits: a 16-colour palette, then a smaller copy.
// Assumption, not from SPEC: the card prints the signature a few centimetres wide, where 800 px is ≈ 600 dpi.
// Every step is downscaled first (to the working size at most), so a large upload is never re-encoded at full size.
const CLEAN_STEPS = [
  { width: SIGNATURE_RULES.workingSize },
  { palette: true, width: SIGNATURE_RULES.workingSize },
  { palette: true, width: 1600 },
  { palette: true, width: 800 },
] as const;

export async function checkSignatureSample(bytes: Uint8Array): Promise<SignatureCheck> {
  const problems: SignatureProblem[] = [];
  // By content, never by the name: only PNG and JPEG, and only their decoders ever see the bytes.
  const type = sniffContentType(bytes);
  const isImage = type === 'image/png' || type === 'image/jpeg';
  if (!isImage) problems.push('not_image');
  if (bytes.byteLength > SIGNATURE_RULES.maxBytes) problems.push('too_large');
  // Decoding stops at the first failed size check: nothing oversized is ever decoded.
  if (!isImage || problems.length > 0) return { ok: false, problems };
  const header = await dimensions(bytes);
  if (!header) return { ok: false, problems: ['cannot_decode'] };
  if (header.width * header.height > SIGNATURE_RULES.maxPixels) return { ok: false, problems: ['too_many_pixels'], ...header };

  // The one decode (issue 16): measured and stored from this copy, already within the working size.
  const working = await decode(bytes);
  if (!working) return { ok: false, problems: [...problems, 'cannot_decode'] };
  const { width, height } = header;
  const lightness = await lightnessOf(working);

  if (width < SIGNATURE_RULES.minWidth || height < SIGNATURE_RULES.minHeight) problems.push('too_small');
  const { median, inkShare } = measure(lightness);
  if (median < SIGNATURE_RULES.minPaperLightness || inkShare > SIGNATURE_RULES.maxInkShare) problems.push('not_on_white');
  else if (inkShare < SIGNATURE_RULES.minInkShare) problems.push('blank');

  if (problems.length > 0) return { ok: false, problems, width, height };
  return { ok: true, problems, width, height, cleaned: await clean(working) };
}

/** The size from the header alone (no pixels decoded), as the person sees it (EXIF orientation applied); null
 *  when it is not a readable PNG or JPEG. No pixel limit here: the limit is checked on its answer. */
async function dimensions(bytes: Uint8Array): Promise<{ width: number; height: number } | null> {
  try {
    const meta = await sharp(bytes, { failOn: 'none', limitInputPixels: false }).metadata();
    return (meta.format === 'png' || meta.format === 'jpeg') && meta.width && meta.height
      ? { width: meta.autoOrient.width, height: meta.autoOrient.height }
      : null;
  } catch {
    return null;
  }
}

type Pixels = { data: Buffer; width: number; height: number };

/** Decoded once: upright, laid on white, scaled into the working size, sRGB; null when it cannot be decoded. */
async function decode(bytes: Uint8Array): Promise<Pixels | null> {
  try {
    const box = SIGNATURE_RULES.workingSize;
    const { data, info } = await sharp(bytes, DECODE)
      .rotate()
      .flatten({ background: WHITE })
      .resize({ width: box, height: box, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) return null;
    return { data, width: info.width, height: info.height };
  } catch {
    return null;
  }
}

const fromPixels = ({ data, width, height }: Pixels) => sharp(data, { raw: { width, height, channels: 3 } });

/** One lightness byte per pixel of the working copy. */
async function lightnessOf(pixels: Pixels): Promise<Buffer> {
  return fromPixels(pixels).toColourspace('b-w').raw().toBuffer();
}

function measure(lightness: Buffer): { median: number; inkShare: number } {
  const histogram = new Array<number>(256).fill(0);
  for (const v of lightness) histogram[v]!++;
  let ink = 0;
  for (let v = 0; v < SIGNATURE_RULES.inkBelow; v++) ink += histogram[v]!;
  let seen = 0,
    median = 0;
  while (median < 255 && seen + histogram[median]! <= lightness.length / 2) seen += histogram[median++]!;
  return { median, inkShare: ink / lightness.length };
}

/** The copy that is stored: a PNG without EXIF, XMP or ICC (sharp writes no metadata unless asked), small
 *  enough for the file store, encoded from the working copy (already downscaled, no second decode). */
async function clean(pixels: Pixels): Promise<Buffer> {
  let out = Buffer.alloc(0);
  for (const step of CLEAN_STEPS) {
    const image = fromPixels(pixels).resize({ width: step.width, withoutEnlargement: true });
    const palette = 'palette' in step ? { palette: true, colours: 16 } : {};
    out = await image.png({ compressionLevel: 9, ...palette }).toBuffer();
    if (out.byteLength <= SIGNATURE_RULES.maxBytes) break;
  }
  return out;
}
