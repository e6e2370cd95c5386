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
  const grant = actor.grants.find((g) => (STAFF_VIEWERS as readonly string[]).includes(g.role) && inScope(g, app, actor.iin));
  return grant ? { ...file, viewer: 'staff' as const, grant } : null;
}
