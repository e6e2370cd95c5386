import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema/applications';
import { files } from '@/db/schema/files';
import type { Actor } from '@/lib/auth/actor';
import { inScope } from '@/lib/auth/scope';

/** Roles that may see an application's uploads beside its owner: those who review or issue it, in their scope. */
const STAFF_VIEWERS = ['ums_reviewer', 'migration_officer', 'akimat_reviewer', 'con_operator'] as const;

/**
 * Orders 001/004: a machinery application's scans are read by the akimat that reviews it (p.10 (1)) and by the
 * front office that took it in and hands over the result (its CON's operators and issuance desk), each in scope.
 */
const MACHINERY_VIEWERS = ['akimat_reviewer', 'con_operator', 'con_issuance'] as const;

/**
 * Who may download an uploaded file: its owner, or staff whose scope holds the file's application. Deny by
 * default: a file without an application is its owner's alone.
 */
export async function mayReadFile(db: DbOrTx, actor: Actor, fileId: string) {
  const [file] = await db.select({ ownerIin: files.ownerIin, applicationId: files.applicationId }).from(files).where(eq(files.id, fileId));
  if (!file) return null;
  if (file.ownerIin && file.ownerIin === actor.iin) return { ...file, viewer: 'owner' as const };
  if (!file.applicationId) return null;
  const [app] = await db.select().from(applications).where(eq(applications.id, file.applicationId));
  if (!app) return null;
  const viewers: readonly string[] = app.pilot === 'machinery' ? MACHINERY_VIEWERS : STAFF_VIEWERS;
  const grant = actor.grants.find((g) => viewers.includes(g.role) && inScope(g, app, actor.iin));
  return grant ? { ...file, viewer: 'staff' as const, grant } : null;
}
