// The ID-card photo upload, checked on the server (SPEC §5 steps 9–10; the photo rules are SPEC §8 "ID card":
// colour JPEG, at most 1 MB, 3:4, at least 450×600 px, light plain background).
// Not checked here: the face (70–85 % of the frame), glasses and headwear. Digital-ID matches the face against
// GBD FL (step 11) and the UMS DP officer looks at the photo before production (step 18); a home-grown face
// detector would only add false refusals.
import 'server-only';
import sharp, { type SharpOptions } from 'sharp';
import { sniffContentType } from '@/lib/files/sniff';

/** Stable codes; the UI translates them, and every one that applies is reported at once. */
export type PhotoProblem =
  | 'not_jpeg'
  | 'too_large'
  | 'too_many_pixels'
  | 'cannot_decode'
  | 'too_small'
  | 'wrong_ratio'
  | 'not_colour'
  | 'dark_background'
  | 'busy_background';

export type PhotoCheck = { ok: boolean; problems: PhotoProblem[]; width?: number; height?: number; cleaned?: Buffer };

export const PHOTO_RULES = {
  maxBytes: 1_048_576,
  /** A document photo needs far less (450×600 at least; a 12 MP phone camera is 4032×3024): larger is refused
   *  from the header alone, before a pixel is decoded. The one decode holds 3 bytes a pixel: 48 MB at most. */
  maxPixels: 16_000_000,
  minWidth: 450,
  minHeight: 600,
  ratio: 3 / 4,
  /** Absolute, on width/height: 0.73–0.77 passes (a crop a few pixels off is still a 3:4 photo). */
  ratioTolerance: 0.02,
  /** Mean Rec. 601 luma (0–255) of the background band. White and light-grey or pale-blue walls measure
   *  180–250; a mid-grey (128) or coloured wall is not "light". 150 ≈ CIELAB L* 62. */
  minBackgroundLightness: 150,
  /** Standard deviation of that luma. A plain wall, even unevenly lit or with a soft shadow, measures 3–15;
   *  wallpaper, shelves, a doorway or hair cut off by the top edge measure 35 and more. */
  maxBackgroundDeviation: 25,
} as const;

// Untrusted bytes: fail on corrupt or truncated data ('error' still lets benign libjpeg warnings through,
// which some phone cameras trigger), and refuse decompression bombs before allocating pixels.
const DECODE: SharpOptions = { failOn: 'error', limitInputPixels: PHOTO_RULES.maxPixels };
// Measured on a copy scaled into this box, so the thresholds mean the same at any resolution.
const SAMPLE_BOX = { width: 600, height: 800 } as const;
// The background band: the outer 5 % at the top, left and right. The sides stop at 60 % of the height: below
// that the shoulders reach the edges. Narrower than the margins that a head of 70–85 % of the frame leaves.
const BAND_DEPTH = 0.05;
const SIDE_REACH = 0.6;
// Colour: at least 1 % of the pixels have a channel spread (max − min) over 24. Skin measures 35–90 even when
// pale; a greyscale picture stored as RGB stays within 0–3 after JPEG rounding.
const COLOURED_SPREAD = 24;
const MIN_COLOURED_SHARE = 0.01;
// Quality steps for the stored copy, so it obeys the same 1 MB limit the person was held to.
const CLEAN_QUALITIES = [90, 80, 70, 60, 50] as const;

type Sample = { data: Buffer; width: number; height: number };

export async function checkPhoto(bytes: Uint8Array): Promise<PhotoCheck> {
  const problems: PhotoProblem[] = [];
  // By content (FF D8 FF), never by a name or the browser's claim: this API does not even receive a name.
  const isJpeg = sniffContentType(bytes) === 'image/jpeg';
  if (!isJpeg) problems.push('not_jpeg');
  if (bytes.byteLength > PHOTO_RULES.maxBytes) problems.push('too_large');
  // Only the JPEG decoder ever sees the bytes: no PNG, TIFF or SVG parser is exposed to uploads here. Decoding
  // stops at the first failed size check: nothing oversized is ever decoded.
  if (!isJpeg || problems.length > 0) return { ok: false, problems };
  const header = await dimensions(bytes);
  if (!header) return { ok: false, problems: ['cannot_decode'] };
  if (header.width * header.height > PHOTO_RULES.maxPixels) return { ok: false, problems: ['too_many_pixels'], ...header };

  // The one decode (issue 16): every check and the stored copy work from these pixels.
  const pixels = await decode(bytes);
  if (!pixels) return { ok: false, problems: [...problems, 'cannot_decode'] };
  const { width, height } = pixels;
  const sample = await sampleOf(pixels);

  if (width < PHOTO_RULES.minWidth || height < PHOTO_RULES.minHeight) problems.push('too_small');
  // The epsilon keeps 0.73 and 0.77 themselves inside despite floating-point rounding.
  if (Math.abs(width / height - PHOTO_RULES.ratio) > PHOTO_RULES.ratioTolerance + 1e-9) problems.push('wrong_ratio');
  if (!isColour(sample)) problems.push('not_colour');
  const band = backgroundBand(sample);
  if (band.mean < PHOTO_RULES.minBackgroundLightness) problems.push('dark_background');
  if (band.stdev > PHOTO_RULES.maxBackgroundDeviation) problems.push('busy_background');

  if (problems.length > 0) return { ok: false, problems, width, height };
  return { ok: true, problems, width, height, cleaned: await clean(pixels) };
}

/** The size from the JPEG header alone (no pixels decoded); null when it is not a readable JPEG. */
async function dimensions(bytes: Uint8Array): Promise<{ width: number; height: number } | null> {
  try {
    // No pixel limit here: this reads the header only, and the limit is checked on its answer.
    const meta = await sharp(bytes, { failOn: 'none', limitInputPixels: false }).metadata();
    return meta.format === 'jpeg' && meta.width && meta.height ? { width: meta.width, height: meta.height } : null;
  } catch {
    return null;
  }
}

/** Decoded once: the pixels upright (EXIF orientation applied) in sRGB; null when the JPEG is corrupt or truncated. */
async function decode(bytes: Uint8Array): Promise<Sample | null> {
  try {
    const { data, info } = await sharp(bytes, DECODE)
      .rotate()
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) return null;
    return { data, width: info.width, height: info.height };
  } catch {
    return null;
  }
}

const fromPixels = ({ data, width, height }: Sample) => sharp(data, { raw: { width, height, channels: 3 } });

/** A copy scaled into the sample box, from the decoded pixels (no second decode). */
async function sampleOf(pixels: Sample): Promise<Sample> {
  const { data, info } = await fromPixels(pixels)
    .resize({ ...SAMPLE_BOX, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function isColour({ data }: Sample): boolean {
  let coloured = 0;
  for (let i = 0; i < data.length; i += 3) {
    const r = data[i]!,
      g = data[i + 1]!,
      b = data[i + 2]!;
    if (Math.max(r, g, b) - Math.min(r, g, b) > COLOURED_SPREAD) coloured++;
  }
  return coloured >= MIN_COLOURED_SHARE * (data.length / 3);
}

/** Mean and standard deviation of the luma in the top, left and right band (the bottom holds the shoulders). */
function backgroundBand({ data, width, height }: Sample): { mean: number; stdev: number } {
  const top = Math.max(1, Math.round(height * BAND_DEPTH));
  const side = Math.max(1, Math.round(width * BAND_DEPTH));
  const sideBottom = Math.round(height * SIDE_REACH);
  let n = 0,
    sum = 0,
    squares = 0;
  for (let y = 0; y < sideBottom; y++) {
    for (let x = 0; x < width; x++) {
      if (y >= top && x >= side && x < width - side) continue;
      const i = (y * width + x) * 3;
      const luma = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      n++;
      sum += luma;
      squares += luma * luma;
    }
  }
  const mean = sum / n;
  return { mean, stdev: Math.sqrt(Math.max(0, squares / n - mean * mean)) };
}

/** The copy that is stored: encoded from the upright pixels without any metadata (sharp writes no EXIF, XMP,
 *  IPTC or ICC unless asked), so no GPS position or camera serial is kept. Each quality step only encodes. */
async function clean(pixels: Sample): Promise<Buffer> {
  let out = Buffer.alloc(0);
  for (const quality of CLEAN_QUALITIES) {
    out = await fromPixels(pixels).jpeg({ quality }).toBuffer();
    if (out.byteLength <= PHOTO_RULES.maxBytes) break;
  }
  return out;
}
