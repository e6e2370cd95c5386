/**
 * The domain speaks in codes; only messages/*.json speak Kazakh and Russian (Errors.<code>).
 * Anything that is not a DomainError is reported to the user as `unexpected`, never with its text.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: string,
    public readonly params: Record<string, string | number> = {},
    public readonly data?: unknown,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
