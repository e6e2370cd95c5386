/**
 * What Digital-ID is given to check: the image itself (a camera frame, the uploaded photo), not a digest of it, so
 * a real adapter can compare faces. The simulator answers from seeded data and ignores the bytes.
 */
export type BiometricSample = { bytes: Uint8Array; mimeType: string };

/**
 * Digital-ID biometrics against the GBD FL photo. null = GBD FL has no such person, which is not the
 * same as a failed check: the UI says "check the IIN" rather than "identification failed".
 */
export interface DigitalId {
  /** SPEC §5 step 3: the person in front of the camera (the captured sample) is alive. */
  liveness(iin: string, sample: BiometricSample): Promise<{ passed: boolean } | null>;
  /** SPEC §5 step 11: the uploaded photo shows the person. */
  faceMatch(iin: string, photo: BiometricSample): Promise<{ matched: boolean } | null>;
  /** Machinery p.6 (1), p.7: the sample captured at the CON desk is the live person. */
  verifySample(iin: string, sample: BiometricSample): Promise<{ passed: boolean } | null>;
}
