/** BMG, the base of mobile citizens: the number a person registered for SMS, E.164 `+77xxxxxxxxx`. */
export interface MobileCitizens {
  findPhone(iin: string): Promise<string | null>;
}
