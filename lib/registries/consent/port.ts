import { z } from 'zod';

export const consentSchema = z.object({
  /** Opaque, as a real consent service's reference would be. */
  id: z.string(),
  /** Whose data the request is for: a service checks it is the person in front of it. */
  iin: z.string(),
  purpose: z.string(),
  status: z.enum(['requested', 'granted', 'refused']),
  requestedAt: z.date(),
  answeredAt: z.date().nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

/**
 * The consent service (SPEC §5 step 1): the portal asks to access a person's data, the person answers
 * in their cabinet. A person who has forbidden access to their data in the service (a standing refusal) gets
 * every new request refused at once. grant/refuse answer once; a second answer leaves the first standing and returns it.
 * null = no such request.
 */
export interface ConsentService {
  request(iin: string, purpose: string): Promise<{ id: string }>;
  grant(id: string): Promise<Consent | null>;
  refuse(id: string): Promise<Consent | null>;
  status(id: string): Promise<Consent | null>;
}
