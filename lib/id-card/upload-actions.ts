import 'server-only';
import { formAction } from '@/lib/form-action';
import { enforceRateLimit } from '@/lib/rate-limit';
import { uploadPhoto, uploadSignatureSample } from './citizen-service';
import { uploadSchema } from './schemas';

// Steps 9–11 through the upload routes (app/api/uploads/id-card/*), not server actions: a photo may be larger than
// the small server-action body limit, and its route refuses an oversized body before reading it (issue 14).
// The same gate as every form: session, role, zod; the service checks the scope and changes the draft in one
// transaction. No redirect: the browser refreshes the page in place, so nothing typed elsewhere is lost.

/** Steps 9–11: the photo (checked, EXIF stripped, face match). */
export const uploadPhotoAction = formAction(['citizen'], uploadSchema, async ({ ctx, input }) => {
  await enforceRateLimit('upload', { iin: ctx.actor.iin });
  await uploadPhoto(ctx, { id: input.id, version: input.version, bytes: new Uint8Array(await input.file.arrayBuffer()) });
  return { ok: true, message: 'photo' };
});

export const uploadSignatureAction = formAction(['citizen'], uploadSchema, async ({ ctx, input }) => {
  await enforceRateLimit('upload', { iin: ctx.actor.iin });
  await uploadSignatureSample(ctx, { id: input.id, version: input.version, bytes: new Uint8Array(await input.file.arrayBuffer()) });
  return { ok: true, message: 'signature' };
});
