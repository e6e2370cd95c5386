// Whether the production build in .next is older than the sources it was built from: `npm start` and the bench
// build only then.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const sources = [
  'app',
  'lib',
  'components',
  'messages',
  'i18n',
  'db/schema',
  'proxy.ts',
  'next.config.ts',
  'instrumentation.ts',
  'package.json',
];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

export function needsBuild(root: string, watched = sources) {
  const id = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(id)) return true;
  const built = statSync(id).mtimeMs;
  return watched.some((s) => newestMtime(path.join(root, s)) > built);
}
