import { fileError, MAX_NESTING } from '../file-text';

/**
 * Reads the text of a JSON document whose top level is an object, a member at a time, and one
 * array member (a backup's `learners`) an element at a time, so a backup of any size is read in
 * the memory of one learner. Each member value and each element is cut out by a cheap scan
 * (strings, brackets) and parsed by JSON.parse itself, and the structure between them (braces,
 * colons, commas, whitespace) is checked here exactly as JSON.parse would: the same texts are
 * accepted as by parsing the whole file. Duplicate keys behave as in JSON.parse: the last wins
 * (for the streamed array, `arrayStart` is called again and the consumer starts over).
 */
export interface MemberEvents {
  member(key: string, value: unknown): void;
  arrayStart(): void;
  element(value: unknown): void | Promise<void>;
}

/** The document is not an object at all: the caller parses it whole, for the same message. */
export class NotAnObject extends Error {}

type Where = 'start' | 'firstKey' | 'key' | 'colon' | 'value' | 'afterMember' | 'firstElement' | 'element' | 'afterElement' | 'done';
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const STRUCTURAL = /["[\]{}]/g;
const SCALAR_END = /[\s,\]}]/g;

/** A value being cut out of the text, possibly across chunks. */
interface OpenValue {
  kind: 'string' | 'nested' | 'scalar';
  pieces: string[];
  depth: number;
  inString: boolean;
  /** Global character offset of its first character (for messages). */
  start: number;
  /** Nesting of the value's container in the document (the top object is 1, the array 2). */
  level: number;
}

export async function scanMembers(chunks: AsyncIterable<string>, arrayKey: string, what: string, events: MemberEvents): Promise<void> {
  let where = 'start' as Where;
  let key = '';
  let open: OpenValue | undefined;
  let base = 0;
  const fail = (message: string): never => {
    throw fileError(`The ${what} is not valid JSON: ${message}.`);
  };
  const truncated = (): never => {
    throw fileError(`The ${what} is cut off (truncated): it ends in the middle of the data.`);
  };

  const parseValue = (text: string, start: number): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      if (error instanceof RangeError) throw fileError(`The ${what} is nested too deeply to be a DALA file.`);
      const message = (error as Error).message;
      const at = /at position (\d+)/.exec(message);
      const token = /Unexpected token '?(.)'?/.exec(message)?.[1];
      const position = at ? start + Number(at[1]) : start;
      return fail(token ? `Unexpected token "${token}" at character ${position}` : `Unexpected data at character ${position}`);
    }
  };

  /** Feeds text to the open value; returns the index after it ends, or -1 when it goes on. */
  const continueValue = (value: OpenValue, text: string, from: number): number => {
    if (value.kind === 'scalar') {
      SCALAR_END.lastIndex = from;
      const end = SCALAR_END.exec(text);
      if (!end) {
        value.pieces.push(text.slice(from));
        return -1;
      }
      value.pieces.push(text.slice(from, end.index));
      return end.index;
    }
    let i = from;
    for (;;) {
      if (value.inString) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          value.pieces.push(text.slice(from));
          return -1;
        }
        i = quote + 1;
        if (!isEscaped(value, text, from, quote)) {
          value.inString = false;
          if (value.kind === 'string') {
            value.pieces.push(text.slice(from, i));
            return i;
          }
        }
        continue;
      }
      STRUCTURAL.lastIndex = i;
      const hit = STRUCTURAL.exec(text);
      if (!hit) {
        value.pieces.push(text.slice(from));
        return -1;
      }
      i = hit.index + 1;
      const c = hit[0];
      if (c === '"') value.inString = true;
      else if (c === '{' || c === '[') {
        value.depth++;
        if (value.level + value.depth > MAX_NESTING) throw fileError(`The ${what} is nested too deeply to be a DALA file (more than ${MAX_NESTING} levels).`);
      } else if (--value.depth === 0) {
        value.pieces.push(text.slice(from, i));
        return i;
      }
    }
  };

  const openValue = (c: string, start: number, level: number): OpenValue => ({
    kind: c === '"' ? 'string' : c === '{' || c === '[' ? 'nested' : 'scalar',
    pieces: [],
    depth: 0,
    inString: false,
    start,
    level,
  });

  /** A finished value: a key, a member, or an element. */
  const close = async (value: OpenValue): Promise<void> => {
    const text = value.pieces.length === 1 ? (value.pieces[0] as string) : value.pieces.join('');
    const parsed = parseValue(text, value.start);
    if (where === 'key' || where === 'firstKey') {
      key = parsed as string;
      where = 'colon';
    } else if (where === 'value') {
      events.member(key, parsed);
      where = 'afterMember';
    } else {
      await events.element(parsed);
      where = 'afterElement';
    }
  };

  for await (const text of chunks) {
    let i = 0;
    if (open) {
      const end = continueValue(open, text, 0);
      if (end < 0) {
        base += text.length;
        continue;
      }
      const value = open;
      open = undefined;
      await close(value);
      i = end;
    }
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (WHITESPACE.has(code)) {
        i++;
        continue;
      }
      const c = text[i] as string;
      switch (where) {
        case 'start':
          if (c !== '{') throw new NotAnObject();
          where = 'firstKey';
          i++;
          continue;
        case 'firstKey':
        case 'key':
          if (c === '}' && where === 'firstKey') {
            where = 'done';
            i++;
            continue;
          }
          if (c !== '"') fail(`Unexpected token "${c}" at character ${base + i}`);
          break;
        case 'colon':
          if (c !== ':') fail(`Unexpected token "${c}" at character ${base + i}`);
          where = 'value';
          i++;
          continue;
        case 'value':
          if (c === '[' && key === arrayKey) {
            events.arrayStart();
            where = 'firstElement';
            i++;
            continue;
          }
          break;
        case 'firstElement':
          if (c === ']') {
            where = 'afterMember';
            i++;
            continue;
          }
          where = 'element';
          break;
        case 'element':
          break;
        case 'afterElement':
          if (c === ',') where = 'element';
          else if (c === ']') where = 'afterMember';
          else fail(`Unexpected token "${c}" at character ${base + i}`);
          i++;
          continue;
        case 'afterMember':
          if (c === ',') where = 'key';
          else if (c === '}') where = 'done';
          else fail(`Unexpected token "${c}" at character ${base + i}`);
          i++;
          continue;
        case 'done':
          fail(`Unexpected non-whitespace character after JSON at character ${base + i}`);
      }
      // A key, a member value or an element starts here.
      const level = where === 'element' ? 2 : 1;
      const value = openValue(c, base + i, level);
      if (value.kind === 'nested') {
        value.depth = 1;
        if (level + 1 > MAX_NESTING) throw fileError(`The ${what} is nested too deeply to be a DALA file (more than ${MAX_NESTING} levels).`);
      } else if (value.kind === 'string') value.inString = true;
      const end = continueValue(value, text, value.kind === 'scalar' ? i : i + 1);
      if (value.kind !== 'scalar') value.pieces[0] = value.pieces.length > 0 ? c + (value.pieces[0] as string) : c;
      if (end < 0) {
        open = value;
        break;
      }
      await close(value);
      i = end;
    }
    base += text.length;
  }
  if (where === 'start') throw new NotAnObject();
  if (where !== 'done') truncated();
}

/** Whether the quote at `quote` is escaped: an odd run of backslashes before it (across pieces). */
function isEscaped(value: OpenValue, text: string, from: number, quote: number): boolean {
  let backslashes = 0;
  let j = quote - 1;
  while (j >= from && text.charCodeAt(j) === 0x5c) {
    backslashes++;
    j--;
  }
  if (j < from) {
    // The run may go on in the pieces before this chunk.
    for (let p = value.pieces.length - 1; p >= 0 && j < from; p--) {
      const piece = value.pieces[p] as string;
      let k = piece.length - 1;
      while (k >= 0 && piece.charCodeAt(k) === 0x5c) {
        backslashes++;
        k--;
      }
      if (k >= 0) break;
    }
  }
  return backslashes % 2 === 1;
}
