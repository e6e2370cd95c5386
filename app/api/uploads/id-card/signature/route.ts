import { UPLOAD_LIMITS } from '@/lib/files/limits';
import { formRoute } from '@/lib/http/form-route';
import { uploadSignatureAction } from '@/lib/id-card/upload-actions';

/** The ID-card signature (steps 9–11), posted by the upload form with fetch; the body is capped before it is read. */
export const POST = formRoute(uploadSignatureAction, UPLOAD_LIMITS.idCardSignature);
