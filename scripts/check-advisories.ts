// `.ci/run`'s dependency check (issue 14): `npm audit --omit=dev --audit-level=high`; when the registry's audit
// endpoint cannot be reached (here it answers 405), the offline check of package-lock.json against
// security/advisories.json. Exits 1 on a high or critical advisory in a production dependency.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { advisoryListSchema, findVulnerable, lockSchema, npmAuditHighCount } from './advisories/check';

const root = path.resolve(import.meta.dirname, '..');
const audit = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
const high = npmAuditHighCount(audit.stdout ?? '');
if (high !== null) {
  console.log(`npm audit: ${high} high or critical advisories in production dependencies`);
  if (high > 0) {
    spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high'], { cwd: root, stdio: 'inherit' });
    process.exit(1);
  }
  process.exit(0);
}
console.log("npm audit: the registry's audit endpoint did not answer; checking package-lock.json against security/advisories.json");
const lock = lockSchema.parse(JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')));
const list = advisoryListSchema.parse(JSON.parse(readFileSync(path.join(root, 'security/advisories.json'), 'utf8')));
const findings = findVulnerable(lock, list, { minSeverity: 'high' });
for (const f of findings) console.log(`  ${f.severity} ${f.id} ${f.package}@${f.version} (${f.path})${f.title ? `: ${f.title}` : ''}`);
console.log(`offline check: ${list.advisories.length} advisories known, ${findings.length} found in production dependencies`);
process.exit(findings.length ? 1 : 0);
