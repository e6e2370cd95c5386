// The upload routes (issue 14/15): the body is capped before it is read, an oversized body is the file field's
// `file_too_large` (never the framework's error page), nothing is stored unless every check passes, and the same
// gate as every form applies (session, role, scope, same origin).
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applications } from '@/db/schema/applications';
import { files } from '@/db/schema/files';
import * as r from '@/db/schema/registry';
import type { Actor } from '@/lib/auth/actor';
import { localDate } from '@/lib/calendar/local';
import { getRegistries } from '@/lib/registries';
import { seededDatabase } from '@/tests/support/db';
import { makeUser } from '@/tests/support/factories';
import { startWithConsent } from '@/tests/support/id-card';
import { portraitJpeg, signaturePng } from '@/tests/support/images';

let current: Actor | null = null;
// A route has its request's headers; here none (no client IP known: the upload limit counts per person).
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
vi.mock('@/lib/auth/session', () => ({ getActor: async () => current }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

let database: Awaited<ReturnType<typeof seededDatabase>>;
let citizen: Actor;
let applicationId: string;

beforeAll(async () => {
  database = await seededDatabase();
  process.env.DATABASE_URL = database.url; // '@/db' connects lazily, on first use
  citizen = await makeUser(database.db, 'citizen', {}, { phone: '+77017654321' });
  // A citizen of Astana whose card expires in ten days: the renewal window is open.
  await database.db
    .update(r.persons)
    .set({
      regionCode: '01',
      addressKk: 'Астана, к-сі 1',
      addressRu: 'Астана, ул. 1',
      docIssuedOn: '2016-12-01',
      docExpiresOn: localDate(new Date(Date.now() + 10 * 86_400_000)),
    })
    .where(eq(r.persons.iin, citizen.iin));
  const ctx = { db: database.db, registries: getRegistries(database.db), actor: citizen, grant: citizen.grants[0]! };
  ({ applicationId } = await startWithConsent(ctx));
}, 120_000);
afterAll(async () => {
  await database.drop();
});

const photoRoute = async () => (await import('@/app/api/uploads/id-card/photo/route')).POST;
const signatureRoute = async () => (await import('@/app/api/uploads/id-card/signature/route')).POST;

async function version() {
  const [row] = await database.db.select({ version: applications.version }).from(applications).where(eq(applications.id, applicationId));
  return row!.version;
}
async function storedFiles() {
  const [row] = await database.db.select({ n: count() }).from(files).where(eq(files.applicationId, applicationId));
  return row!.n;
}

function upload(bytes: Uint8Array, opts: { version: number; origin?: string; declareLength?: boolean; id?: string }) {
  const form = new FormData();
  form.set('id', opts.id ?? applicationId);
  form.set('version', String(opts.version));
  form.set('locale', 'ru');
  form.set('file', new File([Buffer.from(bytes)], 'photo.jpg', { type: 'image/jpeg' }));
  const headers: Record<string, string> = { host: 'portal.test', origin: opts.origin ?? 'https://portal.test' };
  const request = new Request('https://portal.test/api/uploads/id-card/photo', { method: 'POST', body: form, headers });
  if (!opts.declareLength) return request;
  // What a browser sends: the length up front, so the route refuses without reading a byte.
  return new Request(request, { headers: { ...headers, 'content-length': String(bytes.byteLength + 500) }, duplex: 'half' } as RequestInit);
}

/** A 3–12 MB phone photo: noise does not compress. */
function phonePhoto(size: number) {
  const bytes = Buffer.alloc(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  for (let i = 4; i < size; i++) bytes[i] = (i * 2654435761) >>> 24;
  return bytes;
}

describe('ID-card upload routes', () => {
  it('a 5 MB photo with its length declared: 413, the field says file_too_large, nothing stored', async () => {
    current = citizen;
    const before = await version();
    const response = await (await photoRoute())(upload(phonePhoto(5 * 1024 * 1024), { version: before, declareLength: true }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ ok: false, code: 'invalid', fieldErrors: { file: ['file_too_large'] } });
    expect(await storedFiles()).toBe(0);
    expect(await version()).toBe(before);
  });

  it('a 3 MB photo streamed without a length: refused once the cap is passed, nothing stored', async () => {
    current = citizen;
    const before = await version();
    const response = await (await photoRoute())(upload(phonePhoto(3 * 1024 * 1024), { version: before }));
    expect(response.status).toBe(413);
    expect((await response.json()).fieldErrors).toEqual({ file: ['file_too_large'] });
    expect(await storedFiles()).toBe(0);
  });

  it('another site cannot post with the person’s cookies', async () => {
    current = citizen;
    const response = await (await photoRoute())(upload(await portraitJpeg(), { version: await version(), origin: 'https://evil.test' }));
    expect(response.status).toBe(403);
    expect(await storedFiles()).toBe(0);
  });

  it('signed out → unauthenticated; another citizen cannot upload to this draft', async () => {
    current = null;
    const v = await version();
    expect(await (await (await photoRoute())(upload(await portraitJpeg(), { version: v }))).json()).toMatchObject({
      ok: false,
      code: 'unauthenticated',
    });
    current = await makeUser(database.db, 'citizen');
    const other = await (await (await photoRoute())(upload(await portraitJpeg(), { version: v }))).json();
    expect(other.ok).toBe(false);
    expect(await storedFiles()).toBe(0);
  });

  it('a photo that fails the rules: its problems, nothing stored', async () => {
    current = citizen;
    const before = await version();
    const result = await (await (await photoRoute())(upload(await portraitJpeg({ width: 600, height: 600 }), { version: before }))).json();
    expect(result).toMatchObject({ ok: false, code: 'id_card_photo_rejected', data: { problems: ['wrong_ratio'] } });
    expect(await storedFiles()).toBe(0);
    expect(await version()).toBe(before);
  });

  it('a good photo and signature sample are stored, each once, and the draft moves on', async () => {
    current = citizen;
    const before = await version();
    const photo = await (await photoRoute())(upload(await portraitJpeg(), { version: before }));
    expect(await photo.json()).toEqual({ ok: true, message: 'photo' });
    expect(await version()).toBe(before + 1);
    const sample = await (await signatureRoute())(upload(await signaturePng(), { version: before + 1 }));
    expect(await sample.json()).toEqual({ ok: true, message: 'signature' });
    expect(await storedFiles()).toBe(2);
    // The same submit again (a double click): the version moved on, so nothing more is stored.
    const again = await (await (await signatureRoute())(upload(await signaturePng(), { version: before + 1 }))).json();
    expect(again.ok).toBe(false);
    expect(await storedFiles()).toBe(2);
  });

  it('two uploads of the same version at once (a double submit): one is stored, the other stores nothing', async () => {
    current = citizen;
    const v = await version();
    const before = await storedFiles();
    const post = await photoRoute();
    const results = await Promise.all([
      post(upload(await portraitJpeg(), { version: v })),
      post(upload(await portraitJpeg(), { version: v })),
    ]);
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(bodies.filter((b) => b.ok)).toHaveLength(1);
    expect(bodies.find((b) => !b.ok)).toMatchObject({ code: 'application_changed' });
    expect(await storedFiles()).toBe(before + 1);
  });
});
