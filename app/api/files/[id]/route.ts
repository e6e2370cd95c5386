import { NextResponse } from 'next/server';
import { getActor } from '@/lib/auth/session';
import { readFileFor } from '@/lib/files/serve';

/**
 * An uploaded file (a photo, a signature sample, a scan) for its owner or the staff whose scope holds its
 * application; anyone else gets 404 (not 403: the id says nothing). A staff view is audited.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new NextResponse(null, { status: 401 });
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) return new NextResponse(null, { status: 404 });
  const stored = await readFileFor(actor, id);
  if (!stored) return new NextResponse(null, { status: 404 });
  return new NextResponse(new Uint8Array(stored.data), {
    headers: {
      'content-type': stored.file.contentType,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
    },
  });
}
