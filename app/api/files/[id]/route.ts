import { NextResponse } from 'next/server';
import { db } from '@/db';
import { audit } from '@/lib/audit';
import { getActor } from '@/lib/auth/session';
import { mayReadFile } from '@/lib/files/access';
import { getFileStore } from '@/lib/files/store';

/**
 * An uploaded file (a photo, a signature sample, a scan) for its owner or the staff whose scope holds its
 * application; anyone else gets 404 (not 403: the id says nothing). A staff view is audited.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new NextResponse(null, { status: 401 });
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) return new NextResponse(null, { status: 404 });
  const access = await mayReadFile(db, actor, id);
  if (!access) return new NextResponse(null, { status: 404 });
  const stored = await getFileStore().read(db, id);
  if (!stored) return new NextResponse(null, { status: 404 });
  if (access.viewer === 'staff') {
    await db.transaction((tx) => audit(tx, actor, access.grant, { action: 'file.viewed', applicationId: access.applicationId, subjectIin: access.ownerIin, data: { file: id } }));
  }
  return new NextResponse(new Uint8Array(stored.data), {
    headers: { 'content-type': stored.file.contentType, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff', 'content-disposition': 'inline' },
  });
}
