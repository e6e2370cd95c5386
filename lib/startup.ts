import 'server-only';
import { config, productionProblems } from './config';

/** A production start with insecure settings stops here, listing what is wrong (instrumentation.ts, Node only). */
export function refuseInsecureStart() {
  const problems = productionProblems(config());
  if (!problems.length) return;
  console.error(`Qyzmet will not start in production with these settings:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
