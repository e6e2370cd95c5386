// Each work area sends the browser only some message namespaces (lib/i18n/client-messages.ts). Checked
// statically: every client component a page reaches through its imports finds the namespaces it asks for in the
// area of the page's nearest <ClientMessages> layout.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_MESSAGES, pickMessages, type ClientArea } from '@/lib/i18n/client-messages';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

const root = path.resolve(import.meta.dirname, '../..');
const appDir = path.join(root, 'app', '[locale]');

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : path.resolve(path.dirname(from), spec);
  return (
    ['.tsx', '.ts', '/index.tsx', '/index.ts', ''].map((ext) => base + ext).find((p) => fs.existsSync(p) && fs.statSync(p).isFile()) ?? null
  );
}

function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/from '((?:@\/|\.{1,2}\/)[^']+)'/g)) {
    const next = resolve(file, spec!);
    if (next && /\.tsx?$/.test(next)) reachable(next, seen);
  }
  return seen;
}

/** The namespaces a client file asks for: `useTranslations('X')` / `useTranslations('X.y')`. */
const namespacesOf = (src: string) => [...src.matchAll(/useTranslations\('([A-Za-z.]+)'\)/g)].map((m) => m[1]!);

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? pages(p) : e.name === 'page.tsx' ? [p] : [];
  });
}

function areaOf(page: string): ClientArea {
  for (let dir = path.dirname(page); dir.startsWith(path.join(root, 'app')); dir = path.dirname(dir)) {
    const layout = path.join(dir, 'layout.tsx');
    const m = fs.existsSync(layout) ? /<ClientMessages area="(\w+)"/.exec(fs.readFileSync(layout, 'utf8')) : null;
    if (m) return m[1] as ClientArea;
  }
  throw new Error(`no <ClientMessages> above ${page}`);
}

const covers = (area: ClientArea, ns: string) => CLIENT_MESSAGES[area].some((p: string) => ns === p || ns.startsWith(`${p}.`));

describe('messages sent to the browser', () => {
  for (const page of pages(appDir)) {
    const name = path.relative(appDir, page);
    it(`${name}: its client components find their messages`, () => {
      const area = areaOf(page);
      const missing = [...reachable(page)]
        .filter((f) => /^['"]use client['"]/m.test(fs.readFileSync(f, 'utf8')))
        .flatMap((f) =>
          namespacesOf(fs.readFileSync(f, 'utf8'))
            .filter((ns) => !covers(area, ns))
            .map((ns) => `${path.relative(root, f)} → ${ns}`),
        );
      expect(missing, `area "${area}"`).toEqual([]);
    });
  }

  it('every area names paths that exist in both catalogues', () => {
    for (const paths of Object.values(CLIENT_MESSAGES)) {
      expect(() => pickMessages(kk, paths)).not.toThrow();
      expect(() => pickMessages(ru, paths)).not.toThrow();
    }
  });

  it('pickMessages keeps the nesting and nothing else', () => {
    const all = { A: { x: 'a', sub: { y: 'b' } }, B: { z: 'c' } };
    expect(pickMessages(all, ['A.sub', 'B'])).toEqual({ A: { sub: { y: 'b' } }, B: { z: 'c' } });
    expect(pickMessages(all, ['A.sub.y'])).toEqual({ A: { sub: { y: 'b' } } });
    expect(() => pickMessages(all, ['A.missing'])).toThrow(/A\.missing/);
  });
});
