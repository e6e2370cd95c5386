// SPEC §5 steps 9–10 and §8 "ID card": the photo and signature-sample uploads. Every image is drawn here with sharp.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkPhoto, PHOTO_RULES } from '@/lib/id-card/photo';
import { checkSignatureSample, SIGNATURE_RULES } from '@/lib/id-card/signature-sample';

type Rgb = readonly [number, number, number];
type Painter = (x: number, y: number) => Rgb;

const WALL: Rgb = [238, 238, 232];
const SKIN: Rgb = [205, 150, 120];
const JACKET: Rgb = [40, 42, 60];
const PAPER: Rgb = [250, 250, 248];
const INK: Rgb = [20, 30, 90];

/** Deterministic noise (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function image(width: number, height: number, paint: Painter) {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(paint(x, y), (y * width + x) * 3);
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

/** A head in the middle and shoulders across the whole bottom edge (which the background check must skip). */
function portrait(width: number, height: number, wall: Painter = () => WALL, face: Painter = () => SKIN): Painter {
  return (x, y) => {
    if (y >= height * 0.82) return JACKET;
    const dx = (x - width / 2) / (width * 0.3),
      dy = (y - height * 0.46) / (height * 0.32);
    return dx * dx + dy * dy <= 1 ? face(x, y) : wall(x, y);
  };
}

/** A face with some texture, so half a file cuts through real image data. */
function texturedFace(): Painter {
  const next = random(5);
  return () => [150 + next() * 80, 100 + next() * 80, 80 + next() * 80];
}

// Megapixel images drawn pixel by pixel: room for a busy 2-core machine.
const SLOW = { timeout: 20_000 };

const jpeg = (width: number, height: number, paint: Painter = portrait(width, height), quality = 90) =>
  image(width, height, paint).jpeg({ quality }).toBuffer();

describe('checkPhoto', () => {
  it('passes a good photo and returns a cleaned copy with no EXIF', async () => {
    const original = await image(600, 800, portrait(600, 800))
      .withExif({ IFD0: { Copyright: 'x', ImageDescription: 'secret' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const result = await checkPhoto(original);
    expect(result).toMatchObject({ ok: true, problems: [], width: 600, height: 800 });
    const meta = await sharp(result.cleaned!).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 600, height: 800 });
    expect(meta.exif).toBeUndefined();
    expect(result.cleaned!.includes('secret')).toBe(false);
  });

  it('applies the EXIF orientation before stripping it, so the stored copy stays upright', async () => {
    // Stored on its side (800×600) with Orientation 6: viewers turn it 90° clockwise into a 600×800 portrait.
    const sideways = await image(600, 800, portrait(600, 800)).rotate(-90).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(await sharp(sideways).metadata()).toMatchObject({ width: 800, height: 600, orientation: 6 });

    const result = await checkPhoto(sideways);
    expect(result).toMatchObject({ ok: true, width: 600, height: 800 });
    const meta = await sharp(result.cleaned!).metadata();
    expect(meta).toMatchObject({ width: 600, height: 800 });
    expect(meta.orientation).toBeUndefined();
    const bottom = await sharp(result.cleaned!).extract({ left: 300, top: 790, width: 1, height: 1 }).raw().toBuffer();
    expect(bottom[0]).toBeLessThan(100); // the jacket is at the bottom, not on a side
  });

  describe('resolution: at least 450×600', () => {
    it('passes exactly 450×600', async () => expect(await checkPhoto(await jpeg(450, 600))).toMatchObject({ ok: true, problems: [] }));
    it('refuses 449×600', async () => expect((await checkPhoto(await jpeg(449, 600))).problems).toEqual(['too_small']));
    it('refuses 450×599', async () => expect((await checkPhoto(await jpeg(450, 599))).problems).toEqual(['too_small']));
  });

  describe('proportions: 3:4 within ±0.02', () => {
    it('refuses a square 600×600', async () => expect((await checkPhoto(await jpeg(600, 600))).problems).toEqual(['wrong_ratio']));
    it('passes 0.73 and 0.77, the ends of the tolerance', async () => {
      expect((await checkPhoto(await jpeg(730, 1000))).problems).toEqual([]);
      expect((await checkPhoto(await jpeg(770, 1000))).problems).toEqual([]);
    });
    it('refuses 0.729 and 0.771, just outside it', async () => {
      expect((await checkPhoto(await jpeg(729, 1000))).problems).toEqual(['wrong_ratio']);
      expect((await checkPhoto(await jpeg(771, 1000))).problems).toEqual(['wrong_ratio']);
    });
  });

  describe('file size: at most 1 MB', () => {
    // A face of random pixels at quality 100 does not compress; the wall around it stays plain and light.
    const noisyFace = (seed: number): Painter => {
      const next = random(seed);
      return () => [next() * 256, next() * 256, next() * 256];
    };

    it('refuses a larger file as too large', SLOW, async () => {
      const big = await jpeg(1600, 2133, portrait(1600, 2133, undefined, noisyFace(1)), 100);
      expect(big.byteLength).toBeGreaterThan(PHOTO_RULES.maxBytes);
      expect(await checkPhoto(big)).toEqual({ ok: false, problems: ['too_large'] });
    });

    it('does not decode an oversized file: its other problems are not looked for (issue 14)', SLOW, async () => {
      const big = await jpeg(1600, 1600, portrait(1600, 1600, undefined, noisyFace(2)), 100);
      expect(big.byteLength).toBeGreaterThan(PHOTO_RULES.maxBytes);
      expect((await checkPhoto(big)).problems).toEqual(['too_large']);
    });
  });

  describe('format: JPEG by content', () => {
    it('refuses a PNG even with good content', async () => {
      const png = await image(600, 800, portrait(600, 800)).png().toBuffer();
      expect(await checkPhoto(png)).toEqual({ ok: false, problems: ['not_jpeg'] });
    });

    it('refuses a PNG renamed photo.jpg: checkPhoto gets only bytes, so the name and the browser type cannot count', async () => {
      const png = await image(600, 800, portrait(600, 800)).png().toBuffer();
      const upload = new File([new Uint8Array(png)], 'photo.jpg', { type: 'image/jpeg' });
      expect((await checkPhoto(new Uint8Array(await upload.arrayBuffer()))).problems).toEqual(['not_jpeg']);
    });

    it('reports garbage behind a JPEG signature as cannot_decode, without a size', async () => {
      const next = random(3);
      const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i < 3 ? [0xff, 0xd8, 0xff][i]! : next() * 256));
      expect(await checkPhoto(garbage)).toEqual({ ok: false, problems: ['cannot_decode'] });
    });

    it('reports a truncated upload as cannot_decode', async () => {
      const good = await jpeg(600, 800, portrait(600, 800, undefined, texturedFace()));
      expect((await checkPhoto(good.subarray(0, Math.floor(good.byteLength / 2)))).problems).toEqual(['cannot_decode']);
    });
  });

  describe('colour', () => {
    it('refuses a one-channel greyscale JPEG', async () => {
      const grey = await image(600, 800, portrait(600, 800)).toColourspace('b-w').jpeg().toBuffer();
      expect((await sharp(grey).metadata()).channels).toBe(1);
      expect((await checkPhoto(grey)).problems).toEqual(['not_colour']);
    });

    it('refuses a greyscale picture stored as RGB (all channels equal)', async () => {
      const grey = await image(600, 800, portrait(600, 800)).greyscale().jpeg().toBuffer();
      expect((await sharp(grey).metadata()).channels).toBe(3);
      expect((await checkPhoto(grey)).problems).toEqual(['not_colour']);
    });
  });

  describe('background: light and plain at the top and sides', () => {
    const plain =
      (level: number): Painter =>
      () => [level, level, level];
    const min = PHOTO_RULES.minBackgroundLightness;

    it('refuses a dark background', async () => {
      expect(
        (
          await checkPhoto(
            await jpeg(
              600,
              800,
              portrait(600, 800, () => [40, 50, 90]),
            ),
          )
        ).problems,
      ).toEqual(['dark_background']);
    });

    it('draws the line at minBackgroundLightness', async () => {
      expect((await checkPhoto(await jpeg(600, 800, portrait(600, 800, plain(min + 8))))).problems).toEqual([]);
      expect((await checkPhoto(await jpeg(600, 800, portrait(600, 800, plain(min - 8))))).problems).toEqual(['dark_background']);
    });

    it('refuses a busy (noisy) background that is light on average', async () => {
      const next = random(4);
      const cells = Array.from({ length: 150 * 200 }, () => 120 + next() * 135);
      // 4×4-pixel cells, so JPEG compression keeps the pattern.
      const noisy: Painter = (x, y) => {
        const v = cells[Math.floor(y / 4) * 150 + Math.floor(x / 4)]!;
        return [v, v, v];
      };
      expect((await checkPhoto(await jpeg(600, 800, portrait(600, 800, noisy)))).problems).toEqual(['busy_background']);
    });

    it('passes an unevenly lit plain wall', async () => {
      const gradient: Painter = (x, y) => {
        const v = 245 - (x / 600) * 30 - (y / 800) * 20;
        return [v, v, v - 4];
      };
      expect((await checkPhoto(await jpeg(600, 800, portrait(600, 800, gradient)))).problems).toEqual([]);
    });
  });
});

describe('checkSignatureSample', () => {
  /** Two wavy strokes, 3 px thick, across the middle 80 % of the width. */
  const signature =
    (width: number, height: number, paper: Rgb = PAPER, ink: Rgb = INK): Painter =>
    (x, y) => {
      if (x < width * 0.1 || x > width * 0.9) return paper;
      const a = height / 2 + (height / 4) * Math.sin(x / 17),
        b = height / 2 + (height / 5) * Math.cos(x / 11);
      return Math.abs(y - a) < 1.5 || Math.abs(y - b) < 1.5 ? ink : paper;
    };
  const png = (width: number, height: number, paint: Painter = signature(width, height)) => image(width, height, paint).png().toBuffer();

  it('passes dark strokes on white; the cleaned copy is a PNG without metadata', async () => {
    const original = await image(600, 200, signature(600, 200))
      .withExif({ IFD0: { ImageDescription: 'secret' } })
      .jpeg()
      .toBuffer();
    const result = await checkSignatureSample(original);
    expect(result).toMatchObject({ ok: true, problems: [], width: 600, height: 200 });
    const meta = await sharp(result.cleaned!).metadata();
    expect(meta.format).toBe('png');
    expect(meta.exif).toBeUndefined();
    expect(result.cleaned!.includes('secret')).toBe(false);
    expect((await checkSignatureSample(await png(600, 200))).ok).toBe(true);
  });

  it('passes a transparent PNG (ink on nothing is ink on white), and stores it on white', async () => {
    const strokes = signature(600, 200);
    const rgba = Buffer.alloc(600 * 200 * 4); // transparent black, as signature apps write it
    for (let i = 0; i < 600 * 200; i++) {
      const ink = strokes(i % 600, Math.floor(i / 600)) === INK;
      if (ink) rgba.set([...INK, 255], i * 4);
    }
    const result = await checkSignatureSample(
      await sharp(rgba, { raw: { width: 600, height: 200, channels: 4 } })
        .png()
        .toBuffer(),
    );
    expect(result).toMatchObject({ ok: true, problems: [] });
    const corner = await sharp(result.cleaned!).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer();
    expect(corner[0]).toBe(255);
  });

  it('refuses a dark picture, grey paper and a picture mostly of ink', async () => {
    expect((await checkSignatureSample(await png(600, 200, signature(600, 200, [30, 30, 30], [250, 250, 250])))).problems).toEqual([
      'not_on_white',
    ]);
    expect((await checkSignatureSample(await png(600, 200, signature(600, 200, [160, 160, 160])))).problems).toEqual(['not_on_white']);
    const halfBlack: Painter = (x, y) => (x < 240 ? [10, 10, 10] : signature(600, 200)(x, y));
    expect((await checkSignatureSample(await png(600, 200, halfBlack))).problems).toEqual(['not_on_white']);
  });

  it('refuses an empty white page', async () => {
    expect((await checkSignatureSample(await png(600, 200, () => PAPER))).problems).toEqual(['blank']);
  });

  it('needs at least 300×100', async () => {
    expect((await checkSignatureSample(await png(300, 100))).problems).toEqual([]);
    expect((await checkSignatureSample(await png(299, 100))).problems).toEqual(['too_small']);
    expect((await checkSignatureSample(await png(300, 99))).problems).toEqual(['too_small']);
  });

  it('refuses more than 1 MB and still checks the rest', SLOW, async () => {
    const next = random(6);
    const strokes = signature(2000, 600);
    const grainyPaper: Painter = (x, y) => (strokes(x, y) === INK ? INK : [235 + next() * 20, 235 + next() * 20, 235 + next() * 20]);
    const big = await png(2000, 600, grainyPaper);
    expect(big.byteLength).toBeGreaterThan(SIGNATURE_RULES.maxBytes);
    expect((await checkSignatureSample(big)).problems).toEqual(['too_large']);
  });

  it('keeps the stored copy within 1 MB when a phone photo of paper would be larger as a plain PNG', SLOW, async () => {
    const next = random(7);
    const strokes = signature(1800, 1200);
    const photographed: Painter = (x, y) => {
      if (strokes(x, y) === INK) return INK;
      const v = 205 + (x / 1800) * 30 + next() * 14; // uneven light and sensor grain
      return [v, v, v - 3];
    };
    const upload = await image(1800, 1200, photographed).jpeg({ quality: 90 }).toBuffer();
    expect(upload.byteLength).toBeLessThanOrEqual(SIGNATURE_RULES.maxBytes);
    expect((await sharp(upload).png({ compressionLevel: 9 }).toBuffer()).byteLength).toBeGreaterThan(SIGNATURE_RULES.maxBytes);

    const result = await checkSignatureSample(upload);
    expect(result).toMatchObject({ ok: true, width: 1800, height: 1200 });
    expect(result.cleaned!.byteLength).toBeLessThanOrEqual(SIGNATURE_RULES.maxBytes);
    expect((await sharp(result.cleaned!).metadata()).format).toBe('png');
  });

  it('refuses a GIF and other non-images by content', async () => {
    const gif = await image(600, 200, signature(600, 200)).gif().toBuffer();
    expect(await checkSignatureSample(gif)).toEqual({ ok: false, problems: ['not_image'] });
    expect((await checkSignatureSample(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).problems).toEqual([
      'not_image',
    ]);
  });

  it('reports garbage behind a PNG signature as cannot_decode', async () => {
    const garbage = new Uint8Array(2048).fill(7);
    garbage.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await checkSignatureSample(garbage)).problems).toEqual(['cannot_decode']);
  });
});
