// Page weight (issue 6, part 6): the first-load JavaScript of a route is every script its server-rendered HTML
// loads in a current browser (not the `noModule` polyfills only old ones fetch), fetched from the running build
// and gzipped as a browser would receive it.
import { gzipSync } from 'node:zlib';
import { checkPage, type PageCase } from './pages';
import type { Server } from './servers';

export type Weight = { page: string; kind: PageCase['kind']; scripts: number; kb: number };

export async function firstLoadJs(server: Server, cases: PageCase[], cookies: Map<string, string>): Promise<Weight[]> {
  const sizes = new Map<string, number>();
  const gz = async (src: string) => {
    if (!sizes.has(src)) {
      const res = await fetch(new URL(src, server.url));
      if (!res.ok) throw new Error(`bench: ${src} answered ${res.status}`);
      sizes.set(src, gzipSync(Buffer.from(await res.arrayBuffer())).length);
    }
    return sizes.get(src)!;
  };
  const out: Weight[] = [];
  for (const c of cases) {
    const html = await checkPage(server, c.path, c.iin ? cookies.get(c.iin) : undefined);
    const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
    const scripts = [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]?.replace(/&amp;/g, '&') ?? []))];
    const bytes = (await Promise.all(scripts.map(gz))).reduce((a, b) => a + b, 0);
    out.push({ page: c.name, kind: c.kind, scripts: scripts.length, kb: bytes / 1024 });
  }
  return out;
}
