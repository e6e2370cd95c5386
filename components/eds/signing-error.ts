/** A reason the browser could not sign, as a message code (Errors.<code>). Kept apart from key-file.ts, so the
 *  forms can test for it without loading the signing code, which they import only when someone signs. */
export class SigningError extends Error {
  constructor(public readonly code: string) {
    super(code);
  }
}
