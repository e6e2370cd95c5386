import 'server-only';
import { db } from '@/db';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { mayReadFile } from './access';
import { getFileStore } from './store';

/**
 * An uploaded file for whoever may read it (its owner, or staff whose scope holds its application), or null for
 * anyone else and for a missing file. A staff view is a view of the person's data, so it is audited.
 */
export async function readFileFor(actor: Actor, id: string) {
  const access = await mayReadFile(db, actor, id);
  if (!access) return null;
  const stored = await getFileStore().read(db, id);
  if (!stored) return null;
  if (access.viewer === 'staff') {
    await db.transaction((tx) =>
      audit(tx, actor, access.grant, {
        action: 'file.viewed',
        applicationId: access.applicationId,
        subjectIin: access.ownerIin,
        data: { file: id },
      }),
    );
  }
  return stored;
}
