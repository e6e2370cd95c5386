// Lighthouse (issue 6, part 6): performance and accessibility scores of a few pages, in the machine's Chromium,
// with Lighthouse's default mobile emulation and simulated throttling; signed-in pages get the session cookie.
import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { PageCase } from './pages';
import type { Server } from './servers';

export type Score = { page: string; performance: number; accessibility: number; lcpMs: number; tbtMs: number; ceiling?: boolean };

export async function lighthouseScores(server: Server, cases: PageCase[], cookies: Map<string, string>, ceiling = false): Promise<Score[]> {
  const chromePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const out: Score[] = [];
  try {
    for (const c of cases) {
      const cookie = c.iin ? cookies.get(c.iin) : undefined;
      const result = await lighthouse(server.url + c.path, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        extraHeaders: cookie ? { Cookie: cookie } : undefined,
      });
      if (!result) throw new Error(`bench: Lighthouse gave no result for ${c.name}`);
      const { categories, audits } = result.lhr;
      out.push({
        page: c.name,
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        lcpMs: audits['largest-contentful-paint']?.numericValue ?? 0,
        tbtMs: audits['total-blocking-time']?.numericValue ?? 0,
        ...(ceiling ? { ceiling } : {}),
      });
      console.log(`bench: Lighthouse ${c.name}: performance ${out.at(-1)!.performance}, accessibility ${out.at(-1)!.accessibility}`);
    }
  } finally {
    chrome.kill();
  }
  return out;
}
