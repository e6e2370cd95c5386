// Issue 15: no raw code or untranslated enum on any page. Pure, so tests/unit/raw-code-scan.test.ts pins what
// counts as a code; e2e/fixtures.ts `expectNoRawCodes(page)` runs it on a page's visible text.

/** `standard_person`, `awaiting_payment`: lower-case Latin words joined by underscores. */
const SNAKE = /(?<![\w.@/-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@/-])/g;
/** `person.viewed`, `application.approve`, `Status.paid`: an enum or a message key with dots. */
const DOTTED = /(?<![\w.@/-])[A-Za-z][A-Za-z0-9_]*(?:\.[a-z][A-Za-z0-9_]*)+(?![\w@/-])/g;
/** `keyCompromise`, `buyerExpiryDays`: a camelCase identifier (not a brand such as eGov). */
const CAMEL = /(?<![\w.@/-])[a-z]{2,}(?:[A-Z][a-z0-9]+)+(?![\w@/-])/g;

/** What looks like a code but is not one: file names, host names and the like. */
const ALLOWED = /\.(?:kz|com|org|net|ru|gov|jpe?g|png|pdf|p12|pfx|json|csv|txt)$/i;
const URL = /\bhttps?:\/\/\S+/g;

/**
 * The raw codes in a page's visible text. `allow` lists tokens a page may show on purpose (e.g. a JSON key the
 * admin must type, given as an example).
 */
export function findRawCodes(text: string, allow: readonly string[] = []): string[] {
  const plain = text.replace(URL, ' ');
  const found = new Set<string>();
  for (const re of [SNAKE, DOTTED, CAMEL]) {
    for (const m of plain.matchAll(re)) {
      const token = m[0].replace(/\.$/, '');
      if (!token.includes('.') && !token.includes('_') && !/[A-Z]/.test(token)) continue;
      if (ALLOWED.test(token) || allow.includes(token)) continue;
      found.add(token);
    }
  }
  return [...found];
}
