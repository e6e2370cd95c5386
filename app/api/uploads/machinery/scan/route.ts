import { UPLOAD_LIMITS } from '@/lib/files/limits';
import { formRoute } from '@/lib/http/form-route';
import { addScanAction } from '@/lib/machinery/scan-upload-actions';

/** A machinery document scan at the front office (p.6 (4)); the body is capped before it is read. */
export const POST = formRoute(addScanAction, UPLOAD_LIMITS.machineryScan);
