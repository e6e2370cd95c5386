import 'server-only';
import { formAction } from '@/lib/form-action';
import { enforceRateLimit } from '@/lib/rate-limit';
import { addScan } from './intake-service';
import { scanSchema } from './intake-schemas';

/** p.6 (4): one scan, through its upload route (app/api/uploads/machinery/scan) — a scan is up to 4 MB, more than
 *  the server-action body limit allows (issue 14). No redirect: the desk page refreshes in place. */
export const addScanAction = formAction(['con_operator'], scanSchema, async ({ ctx, input }) => {
  await enforceRateLimit('upload', { iin: ctx.actor.iin });
  await addScan(ctx, {
    id: input.id,
    version: input.version,
    itemCode: input.itemCode,
    file: new Uint8Array(await input.file.arrayBuffer()),
  });
  return { ok: true };
});
