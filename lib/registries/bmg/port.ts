/** BMG, the base of mobile citizens: the number a person registered for SMS, E.164 `+77xxxxxxxxx`. */
export interface MobileCitizens {
  findPhone(iin: string): Promise<string | null>;
  /** Order 002 step 2 ("в БМГ по номеру телефона"): is this number the one registered for this IIN? */
  verifyPhone(iin: string, phone: string): Promise<boolean>;
}
