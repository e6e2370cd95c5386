// The layers (data flows app/ → lib/ → db/) are enforced by eslint.config.mjs; this runs the real config, so
// dropping or loosening its no-restricted-imports entries fails here, not in a review months later.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

/** The layer violations ESLint reports for `code` as if it were the file at `filePath`. */
async function layerErrors(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => m.message);
}

// Loading the Next config and its parsers takes seconds on a busy machine: once, here, not inside a test's timeout.
beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  await eslint.lintText('export {};\n', { filePath: 'lib/warm-up.ts' });
}, 60_000);

describe('lib/ never imports the UI', () => {
  it.each([
    ["import type { ActionResult } from '@/components/ui';", 'lib/x.ts'],
    ["import { initialActionState } from '@/components/ui/form-state';", 'lib/area/x.ts'],
    ["import { completeGatewayPaymentAction } from '@/app/[locale]/gateway/pay/[invoiceId]/actions';", 'lib/x.ts'],
    ["import { Button } from '../../components/ui/button';", 'lib/area/x.ts'],
    ["import Page from '../app/[locale]/verify/page';", 'lib/x.ts'],
  ])('%s in %s is an error', async (code, file) => {
    expect(await layerErrors(`${code}\nexport {};\n`, file)).toEqual([expect.stringContaining('lib/ must not import app/ or components/')]);
  });

  it('may import db/ and the rest of lib/', async () => {
    expect(
      await layerErrors(
        "import { db } from '@/db';\nimport type { ActionResult } from '@/lib/action-result';\nexport { db, type ActionResult };\n",
        'lib/x.ts',
      ),
    ).toEqual([]);
  });
});

describe('app/ and components/ never touch db/', () => {
  it.each([
    ["import { db } from '@/db';", 'app/[locale]/x/page.tsx'],
    ["import { payments } from '@/db/schema/payments';", 'app/api/x/route.ts'],
    ["import type { Pilot } from '@/db/schema/reference';", 'components/areas/x.tsx'],
    ["import { db } from '../../db';", 'app/api/x.ts'],
  ])('%s in %s is an error', async (code, file) => {
    expect(await layerErrors(`${code}\nexport {};\n`, file)).toEqual([expect.stringContaining('do not touch db/')]);
  });

  it('may import lib/ and components/', async () => {
    const code =
      "import { Card } from '@/components/ui';\nimport { umsQueueOf, type UmsQueueQuery } from '@/lib/id-card/queries';\nexport { Card, umsQueueOf, type UmsQueueQuery };\n";
    expect(await layerErrors(code, 'app/[locale]/x/page.tsx')).toEqual([]);
    expect(await layerErrors(code, 'components/x/y.tsx')).toEqual([]);
  });
});
