// Kazakhstan mobile numbers as BMG stores them: E.164 `+77xxxxxxxxx` (§2.1 BMG, §2.5 SMS).

// People type numbers with spaces, dashes, dots and brackets: `8 (701) 123-45-67`.
const SEPARATORS = /[\s\-().]/g;

/**
 * `+7 7xx xxx xx xx`, `87xxxxxxxxx` (domestic trunk prefix 8) or `77xxxxxxxxx` → `+77xxxxxxxxx`;
 * null for anything else. Kazakhstan's landlines are 7xx too, with area codes 71x/72x (727
 * Almaty, 7172 Astana); those cannot receive SMS, so they are refused. Mobile codes (70x, 747,
 * 75x, 76x, 77x) change with operators, so the rest of 7xx is accepted rather than listed.
 */
export function normalizeKzMobile(input: string): string | null {
  const compact = input.replace(SEPARATORS, '');
  // Country code +7 or 7, or the domestic trunk prefix 8 — then ten digits: 7, not 1/2, eight more.
  const match = /^(?:\+7|7|8)(7[03-9][0-9]{8})$/.exec(compact);
  return match?.[1] ? `+7${match[1]}` : null;
}

function parts(input: string): [string, string, string, string] | null {
  const e164 = normalizeKzMobile(input);
  if (!e164) return null;
  const n = e164.slice(2); // 10 digits: 7xx xxx xx xx
  return [n.slice(0, 3), n.slice(3, 6), n.slice(6, 8), n.slice(8, 10)];
}

/** `+77011234567` → `+7 701 123 45 67`; input that is not a KZ mobile is returned unchanged. */
export function formatKzMobile(input: string): string {
  const p = parts(input);
  return p ? `+7 ${p[0]} ${p[1]} ${p[2]} ${p[3]}` : input;
}

/** `+77011234567` → `+7 701 *** ** 67`, enough for a person to recognise their own number. */
export function maskPhone(input: string): string {
  const p = parts(input);
  return p ? `+7 ${p[0]} *** ** ${p[3]}` : '***';
}
