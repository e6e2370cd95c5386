import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { files } from '@/db/schema/files';
import { DomainError } from '@/lib/errors';
import { checkUpload, sniffContentType, type AcceptedType } from './sniff';

export type StoredFile = { id: string; contentType: string; size: number; sha256: string };
export type SaveFile = {
  data: Uint8Array;
  purpose: string;
  ownerIin?: string | null;
  applicationId?: string | null;
  maxBytes: number;
  allowed: readonly AcceptedType[];
};

/** Where uploaded bytes live. Metadata is always a `files` row; the bytes go to Postgres or to a directory. */
export interface FileStore {
  save(db: DbOrTx, input: SaveFile): Promise<StoredFile>;
  read(db: DbOrTx, id: string): Promise<{ file: StoredFile; data: Buffer } | null>;
}

async function record(
  db: DbOrTx,
  input: SaveFile,
  storage: 'db' | 'disk',
  content: Buffer | null,
  filePath: string | null,
  sha256: string,
) {
  const contentType = sniffContentType(input.data)!;
  const [row] = await db
    .insert(files)
    .values({
      ownerIin: input.ownerIin ?? null,
      applicationId: input.applicationId ?? null,
      purpose: input.purpose,
      contentType,
      size: input.data.byteLength,
      sha256,
      storage,
      content,
      path: filePath,
    })
    .returning({ id: files.id, contentType: files.contentType, size: files.size, sha256: files.sha256 });
  return row!;
}

function validated(input: SaveFile) {
  const problem = checkUpload(input.data, input);
  if (problem) throw new DomainError(problem);
  return createHash('sha256').update(input.data).digest('hex');
}

/** Bytes in the `files.content` column: one backup covers everything; fine for the pilot's volumes. */
export class DatabaseFileStore implements FileStore {
  async save(db: DbOrTx, input: SaveFile) {
    const sha = validated(input);
    return record(db, input, 'db', Buffer.from(input.data), null, sha);
  }
  async read(db: DbOrTx, id: string) {
    const [row] = await db.select().from(files).where(eq(files.id, id));
    if (!row?.content) return null;
    return { file: { id: row.id, contentType: row.contentType, size: row.size, sha256: row.sha256 }, data: row.content };
  }
}

/** Bytes on disk under a root directory, named by their hash (FILE_STORE_DIR): for large archives. */
export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}
  async save(db: DbOrTx, input: SaveFile) {
    const sha = validated(input);
    const rel = path.join(sha.slice(0, 2), sha);
    await fs.mkdir(path.join(this.root, sha.slice(0, 2)), { recursive: true });
    await fs.writeFile(path.join(this.root, rel), input.data, { flag: 'w', mode: 0o600 });
    return record(db, input, 'disk', null, rel, sha);
  }
  async read(db: DbOrTx, id: string) {
    const [row] = await db.select().from(files).where(eq(files.id, id));
    if (!row?.path || row.path.includes('..')) return null;
    const data = await fs.readFile(path.join(this.root, row.path));
    return { file: { id: row.id, contentType: row.contentType, size: row.size, sha256: row.sha256 }, data };
  }
}

/** FILE_STORE=disk with FILE_STORE_DIR, or the database (default). */
export function getFileStore(): FileStore {
  return process.env.FILE_STORE === 'disk'
    ? new DiskFileStore(process.env.FILE_STORE_DIR ?? path.join(process.cwd(), '.data', 'files'))
    : new DatabaseFileStore();
}
