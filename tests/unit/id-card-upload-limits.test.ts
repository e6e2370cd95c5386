// Uploads are decoded only within limits (issue 14): an oversized file is refused before any pixel is decoded, a
// picture of more pixels than a document needs is refused from its header (a 7900×7900 mostly-white PNG is a few
// kilobytes but 62 MP), and the signature sample is downscaled before it is measured and re-encoded.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkPhoto, PHOTO_RULES } from '@/lib/id-card/photo';
import { checkSignatureSample, SIGNATURE_RULES } from '@/lib/id-card/signature-sample';

const white = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 255, g: 255, b: 255 } } });

/** White paper with a dark stroke across the middle: a valid signature sample. */
async function signature(width: number, height: number) {
  const stroke = await sharp({ create: { width: Math.round(width * 0.6), height: 8, channels: 3, background: { r: 20, g: 30, b: 90 } } })
    .png()
    .toBuffer();
  return white(width, height)
    .composite([{ input: stroke, top: Math.round(height / 2), left: Math.round(width * 0.2) }])
    .png()
    .toBuffer();
}

describe('upload limits', () => {
  it('a 7900×7900 mostly-white PNG signature: too_many_pixels, nothing cleaned', async () => {
    const bomb = await signature(7900, 7900);
    expect(bomb.byteLength).toBeLessThan(SIGNATURE_RULES.maxBytes);
    const check = await checkSignatureSample(bomb);
    expect(check).toMatchObject({ ok: false, problems: ['too_many_pixels'], width: 7900, height: 7900 });
    expect(check.cleaned).toBeUndefined();
  });

  it('a photo of more pixels than a document needs: too_many_pixels from the header', async () => {
    const big = await white(4500, 6000).jpeg({ quality: 30 }).toBuffer();
    expect(big.byteLength).toBeLessThan(PHOTO_RULES.maxBytes);
    expect(await checkPhoto(big)).toMatchObject({ ok: false, problems: ['too_many_pixels'] });
  });

  it('a file over 1 MB is refused as too large without being decoded (no pixel checks reported)', async () => {
    // Noise does not compress: a wrong-ratio, too-small-for-nothing JPEG over 1 MB.
    const noise = Buffer.alloc(1400 * 900 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const heavy = await sharp(noise, { raw: { width: 1400, height: 900, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer();
    expect(heavy.byteLength).toBeGreaterThan(PHOTO_RULES.maxBytes);
    expect(await checkPhoto(heavy)).toEqual({ ok: false, problems: ['too_large'] });
    const heavyPng = await sharp(noise, { raw: { width: 1400, height: 900, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(await checkSignatureSample(heavyPng)).toEqual({ ok: false, problems: ['too_large'] });
  });

  it('a large valid signature is measured and stored downscaled to the working size', async () => {
    const large = await signature(3600, 1200);
    const check = await checkSignatureSample(large);
    expect(check).toMatchObject({ ok: true, width: 3600, height: 1200 });
    const stored = await sharp(check.cleaned!).metadata();
    expect(stored.width).toBeLessThanOrEqual(SIGNATURE_RULES.workingSize);
    expect(stored.format).toBe('png');
  });
});
