// Canonical JSON: the exact bytes a signer signs and the portal later re-derives to verify.
// Rules (compatible with RFC 8785 / JCS for the values we produce):
//  - object keys sorted by UTF-16 code units (plain Array#sort), recursively; arrays keep their order;
//  - no whitespace; strings and numbers serialised exactly as JSON.stringify does;
//  - only JSON types. Anything that JSON.stringify would silently drop or coerce (undefined, functions,
//    symbols, NaN/Infinity, BigInt, Date, Map, class instances, cycles) throws instead: a signature over
//    "what the signer saw" must never depend on a field quietly disappearing.
// Deliberately no imports: pages that only need the canonical bytes must not pull pkijs into their bundle.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalJsonError extends Error {
  constructor(path: string, reason: string) {
    super(`canonicalJson: ${reason} at ${path || '$'}`);
    this.name = 'CanonicalJsonError';
  }
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function write(value: unknown, path: string, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, 'non-finite number');
      return JSON.stringify(value); // -0 becomes "0", as in JCS.
    case 'object':
      break;
    default:
      // undefined, function, symbol, bigint
      throw new CanonicalJsonError(path, `unsupported type ${typeof value}`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new CanonicalJsonError(path, 'cycle');
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      const items: string[] = [];
      // Index loop (not map) so holes in sparse arrays are seen as undefined and rejected.
      for (let i = 0; i < obj.length; i++) items.push(write(obj[i], `${path}[${i}]`, seen));
      return `[${items.join(',')}]`;
    }
    if (!isPlainObject(obj)) throw new CanonicalJsonError(path, 'not a plain object');
    const keys = Object.keys(obj).sort();
    const members = keys.map((key) => `${JSON.stringify(key)}:${write(obj[key], `${path}.${key}`, seen)}`);
    return `{${members.join(',')}}`;
  } finally {
    seen.delete(obj);
  }
}

export function canonicalJson(value: unknown): string {
  return write(value, '', new Set());
}

export function canonicalBytes(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(value));
}

/** Lowercase hex SHA-256 via WebCrypto (what the portal stores as "the signed bytes' hash"). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
