/**
 * Canonical JSON: object keys sorted at every level, no whitespace. The checksum of a profile or
 * backup file is the SHA-256 of this form of its payload, so key order and formatting do not matter.
 *
 * Fast where it can be: a value whose objects already have their keys in sorted order (the rows
 * this app reads and writes are made that way, and so are the objects JSON.parse makes from a file
 * this app wrote) is exactly what JSON.stringify writes, natively. Anything else is written here,
 * a level at a time, with the keys sorted by UTF-16 code units (Array#sort's order, the same as
 * comparing with `<`). For a checksum the text goes to the hash in 64 KB pieces, so a 100,000-row
 * backup is never held twice as text.
 */
export interface CanonicalSink {
  text: string;
}

const FLUSH_AT = 65_536;

/**
 * Whether JSON.stringify(value) is already canonical: plain objects whose keys (in for-in order,
 * which puts integer-like keys first, numerically) are strictly ascending, arrays without holes or
 * undefined, finite numbers, strings, booleans and null.
 */
function isCanonical(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return false;
      const item: unknown = value[i];
      if (item === undefined || !isCanonical(item)) return false;
    }
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let previous: string | undefined;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || !isCanonical(item)) return false;
  }
  return true;
}

/**
 * A plain object whose values are all canonical (or undefined) and whose keys can be inserted in
 * any order and stay there: no integer-like keys (objects list those first, numerically) and no
 * "__proto__" (assigning it would set the prototype).
 */
function canStringifySorted(object: Record<string, unknown>): boolean {
  if (Object.getPrototypeOf(object) !== Object.prototype) return false;
  for (const key of Object.keys(object)) {
    if (key === '__proto__' || INTEGER_LIKE.test(key)) return false;
    const item = object[key];
    if (item !== undefined && !isCanonical(item)) return false;
  }
  return true;
}
const INTEGER_LIKE = /^\d+$/;

export function writeCanonical(value: unknown, sink: CanonicalSink, flush: ((sink: CanonicalSink) => void) | undefined): void {
  if (value === null || typeof value !== 'object') {
    sink.text += JSON.stringify(value) ?? 'null';
    return;
  }
  if (isCanonical(value)) {
    sink.text += JSON.stringify(value);
  } else if (Array.isArray(value)) {
    sink.text += '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) sink.text += ',';
      const item: unknown = value[i];
      writeCanonical(item === undefined ? null : item, sink, flush);
    }
    sink.text += ']';
  } else if (canStringifySorted(value as Record<string, unknown>)) {
    // Only this object's own keys are out of order (a row as the app reads it): a copy with the
    // keys inserted in sorted order is written natively.
    const object = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(object).sort()) copy[key] = object[key];
    sink.text += JSON.stringify(copy);
  } else {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).sort();
    sink.text += '{';
    let first = true;
    for (const key of keys) {
      const item = object[key];
      if (item === undefined) continue;
      sink.text += first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`;
      first = false;
      writeCanonical(item, sink, flush);
    }
    sink.text += '}';
  }
  if (flush && sink.text.length >= FLUSH_AT) flush(sink);
}

export function canonicalJson(value: unknown): string {
  const sink: CanonicalSink = { text: '' };
  writeCanonical(value, sink, undefined);
  return sink.text;
}
