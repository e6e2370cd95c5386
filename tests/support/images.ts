// Upload samples for the ID-card tests (integration and e2e), drawn with sharp from SVG: a colour portrait on a
// light plain wall (passes SPEC §8's checks) and a signature on white.
import sharp from 'sharp';

export async function portraitJpeg(opts: { width?: number; height?: number; wall?: string } = {}): Promise<Buffer> {
  const w = opts.width ?? 600,
    h = opts.height ?? 800;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="100%" height="100%" fill="${opts.wall ?? '#eeeee8'}"/>
    <rect x="0" y="${h * 0.82}" width="${w}" height="${h * 0.18}" fill="#282a3c"/>
    <ellipse cx="${w / 2}" cy="${h * 0.46}" rx="${w * 0.3}" ry="${h * 0.32}" fill="#cd9678"/>
    <ellipse cx="${w * 0.42}" cy="${h * 0.42}" rx="${w * 0.03}" ry="${h * 0.015}" fill="#3a2a20"/>
    <ellipse cx="${w * 0.58}" cy="${h * 0.42}" rx="${w * 0.03}" ry="${h * 0.015}" fill="#3a2a20"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

export async function signaturePng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200">
    <rect width="100%" height="100%" fill="#fafaf8"/>
    <path d="M40 140 C 90 20, 140 180, 190 90 S 290 40, 330 130 S 450 170, 560 60" stroke="#141e5a" stroke-width="6" fill="none"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
