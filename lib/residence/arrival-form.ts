// The statistical arrival form (статистический талон прибытия / келу статистикалық талоны): its fields, prefilled
// from GBD FL where the state knows them. Owned by the citizen flow (lib/residence/citizen-service.ts).
import { z } from 'zod';

export const movingReasons = ['work', 'study', 'family', 'return', 'housing', 'health', 'other'] as const;
export const educationLevels = ['none', 'primary', 'basic_secondary', 'general_secondary', 'vocational', 'incomplete_higher', 'higher', 'postgraduate'] as const;
export const maritalStatuses = ['never_married', 'married', 'divorced', 'widowed'] as const;
export const occupations = ['employed', 'self_employed', 'student', 'pensioner', 'unemployed', 'homemaker', 'other'] as const;

export const arrivalFormSchema = z.object({
  previousAddress: z.string().trim().min(3).max(300),
  previousRegionCode: z.string().max(2).nullable(),
  movingReason: z.enum(movingReasons),
  education: z.enum(educationLevels),
  occupation: z.enum(occupations),
  maritalStatus: z.enum(maritalStatuses),
  nationality: z.string().trim().max(60).nullable(),
});
export type ArrivalForm = z.infer<typeof arrivalFormSchema>;
