/**
 * Digital-ID biometrics against the GBD FL photo. null = GBD FL has no such person, which is not the
 * same as a failed check: the UI says "check the IIN" rather than "identification failed".
 */
export interface DigitalId {
  /** SPEC §5 step 3: the person in front of the camera is alive. */
  liveness(iin: string): Promise<{ passed: boolean } | null>;
  /** SPEC §5 step 11: the uploaded photo (by its SHA-256) shows the person. */
  faceMatch(iin: string, photoSha256: string): Promise<{ matched: boolean } | null>;
  /** Machinery p.6 (1), p.7: the sample captured at the CON desk (by its SHA-256) is the live person. */
  verifySample(iin: string, sampleSha256: string): Promise<{ passed: boolean } | null>;
}
