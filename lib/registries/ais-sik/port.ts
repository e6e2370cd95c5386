import { z } from 'zod';

export const socialStatusSchema = z.object({
  /** AIS SIK status code; which codes exempt from which fee is reference data, not code (§8). */
  status: z.string(),
  since: z.iso.date(),
});
export type SocialStatus = z.infer<typeof socialStatusSchema>;

/** AIS SIK: a person's social statuses (fee exemptions, SPEC §5 step 14). Empty list = none. */
export interface SocialStatuses {
  socialStatuses(iin: string): Promise<SocialStatus[]>;
}
