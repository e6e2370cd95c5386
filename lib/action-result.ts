/**
 * What every form's server action returns. `code` is a domain error code the page
 * translates (`t(`Errors.${code}`)`); `fieldErrors` are keyed by input name, which
 * the *Field components also use as the id; `values` echo the submitted text so a
 * failed submit loses nothing (pass them as `defaultValue`).
 */
export type ActionResult<T = unknown> =
  | { ok: true; data?: T; message?: string }
  | {
      ok: false;
      code: string;
      message?: string;
      fieldErrors?: Record<string, string[]>;
      values?: Record<string, string>;
      /** Parameters of the message (`Errors.<code>`), e.g. the registry that did not answer. */
      params?: Record<string, string | number>;
      /** What the failed step found before it stopped (e.g. the registry check lines shown to the user). */
      data?: T;
    };
