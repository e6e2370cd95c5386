// The statistical arrival form (статистический талон прибытия / келу статистикалық талоны): its fields, prefilled
// from GBD FL where the state knows them. Owned by the citizen flow (lib/residence/citizen-service.ts).
// The person's names, birth date and sex are GBD FL's and are shown, not asked; the previous address is the
// permanent registration GBD FL holds (typed in only by someone who has none); a marriage ZAGS holds is not
// the person's to change here. The rest (the reason for moving, education, occupation, nationality) is theirs.
import { z } from 'zod';

export const movingReasons = ['work', 'study', 'family', 'return', 'housing', 'health', 'other'] as const;
export const educationLevels = [
  'none',
  'primary',
  'basic_secondary',
  'general_secondary',
  'vocational',
  'incomplete_higher',
  'higher',
  'postgraduate',
] as const;
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

/** What the state already knows, for the form's defaults and its read-only fields. */
export type ArrivalFacts = {
  /** GBD FL's permanent registration in the applicant's language; null when the person has none. */
  permanentAddress: { text: string; regionCode: string } | null;
  /** ZAGS: a marriage not dissolved. */
  marriedInZags: boolean;
};

/** The fields the person cannot change here, given what the state knows. */
export function lockedFields(facts: ArrivalFacts): ('previousAddress' | 'previousRegionCode' | 'maritalStatus')[] {
  return [
    ...(facts.permanentAddress ? (['previousAddress', 'previousRegionCode'] as const) : []),
    ...(facts.marriedInZags ? (['maritalStatus'] as const) : []),
  ];
}

/**
 * The form as it is stored: the person's answers with GBD FL's and ZAGS's facts put over the fields they do not
 * own, whatever the browser sent. Someone ZAGS does not show as married may still say so (a marriage registered
 * abroad and not yet recorded): the form is a statistical declaration.
 */
export function withStateFacts(input: ArrivalForm, facts: ArrivalFacts): ArrivalForm {
  return {
    ...input,
    ...(facts.permanentAddress
      ? { previousAddress: facts.permanentAddress.text, previousRegionCode: facts.permanentAddress.regionCode }
      : {}),
    ...(facts.marriedInZags ? { maritalStatus: 'married' as const } : {}),
    nationality: input.nationality?.trim() ? input.nationality.trim() : null,
  };
}

/** The form's starting values: what was saved, else what the state knows. */
export function arrivalDefaults(saved: ArrivalForm | null, facts: ArrivalFacts): Partial<ArrivalForm> {
  if (saved) return saved;
  return {
    ...(facts.permanentAddress
      ? { previousAddress: facts.permanentAddress.text, previousRegionCode: facts.permanentAddress.regionCode }
      : {}),
    ...(facts.marriedInZags ? { maritalStatus: 'married' as const } : {}),
  };
}
