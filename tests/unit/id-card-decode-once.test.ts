// Issue 16: an upload is decoded once. Every sharp instance made from the uploaded (encoded) bytes is watched:
// reading its header (`metadata`) is free, each pixel output (`toBuffer`) is a decode. Instances made from the
// decoded pixels (`raw` input) only resize or encode and are not counted.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const seen = vi.hoisted(() => ({ decodes: 0 }));

vi.mock('sharp', async (importOriginal) => {
  const real = ((await importOriginal()) as { default: (typeof import('sharp'))['default'] }).default;
  const watched = (input?: unknown, options?: { raw?: unknown }) => {
    const instance = real(input as never, options as never);
    if (ArrayBuffer.isView(input) && !options?.raw) {
      const toBuffer = instance.toBuffer.bind(instance) as (...args: unknown[]) => unknown;
      instance.toBuffer = ((...args: unknown[]) => {
        seen.decodes++;
        return toBuffer(...args);
      }) as never;
    }
    return instance;
  };
  return { default: Object.assign(watched, real) };
});

const { default: sharp } = await import('sharp');
const { checkPhoto } = await import('@/lib/id-card/photo');
const { checkSignatureSample } = await import('@/lib/id-card/signature-sample');

/** A 3:4 portrait: a pale wall with a skin-coloured oval (enough to pass every photo check). */
async function portrait(width: number, height: number) {
  const face = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><ellipse cx="${width / 2}" cy="${height * 0.55}" rx="${width * 0.3}" ry="${height * 0.4}" fill="rgb(224,172,140)"/></svg>`,
  );
  return sharp({ create: { width, height, channels: 3, background: { r: 235, g: 238, b: 240 } } })
    .composite([{ input: face }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** White paper with a dark stroke across the middle. */
async function signature(width: number, height: number) {
  const stroke = await sharp({ create: { width: Math.round(width * 0.6), height: 8, channels: 3, background: { r: 20, g: 30, b: 90 } } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: { r: 255, g: 255, b: 255 } } })
    .composite([{ input: stroke, top: Math.round(height / 2), left: Math.round(width * 0.2) }])
    .png()
    .toBuffer();
}

describe('uploads are decoded once (issue 16)', () => {
  beforeEach(() => {
    seen.decodes = 0;
  });

  it('a good photo: checked and its clean copy made from one decode', async () => {
    const photo = await portrait(600, 800);
    seen.decodes = 0;
    const check = await checkPhoto(photo);
    expect(check).toMatchObject({ ok: true, problems: [] });
    expect(check.cleaned!.byteLength).toBeGreaterThan(0);
    expect(seen.decodes).toBe(1);
  });

  it('a good signature sample: measured and its clean copy made from one decode', async () => {
    const sample = await signature(3600, 1200);
    seen.decodes = 0;
    const check = await checkSignatureSample(sample);
    expect(check).toMatchObject({ ok: true, width: 3600, height: 1200 });
    expect(seen.decodes).toBe(1);
  });

  it('a 7900×7900 mostly-white PNG is refused from its header: not decoded at all', async () => {
    const bomb = await signature(7900, 7900);
    seen.decodes = 0;
    expect(await checkSignatureSample(bomb)).toMatchObject({ ok: false, problems: ['too_many_pixels'] });
    expect(seen.decodes).toBe(0);
  });

  it('a photo of more pixels than a document needs is refused from its header: not decoded', async () => {
    const big = await sharp({ create: { width: 3600, height: 4800, channels: 3, background: { r: 250, g: 250, b: 250 } } })
      .jpeg({ quality: 30 })
      .toBuffer();
    seen.decodes = 0;
    expect(await checkPhoto(big)).toMatchObject({ ok: false, problems: ['too_many_pixels'] });
    expect(seen.decodes).toBe(0);
  });
});
