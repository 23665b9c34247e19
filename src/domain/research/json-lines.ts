/**
 * JSON read with the line each object starts on, so that an import can say on which line of the
 * file a broken entry is. Strict JSON (RFC 8259); a syntax error answers its line.
 */
export class JsonSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`invalid JSON at line ${line}`);
  }
}

export interface JsonWithLines {
  value: unknown;
  /** The line each object or array of the document starts on. */
  lineOf: WeakMap<object, number>;
}

export function parseJsonWithLines(text: string): JsonWithLines {
  const s = text.replace(/^\uFEFF/, '');
  const lineOf = new WeakMap<object, number>();
  let i = 0;
  let line = 1;
  const fail = (): never => {
    throw new JsonSyntaxError(line);
  };
  const ws = () => {
    for (;;) {
      const c = s[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') return;
      i++;
    }
  };
  const string = (): string => {
    if (s[i] !== '"') fail();
    const start = i;
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') i++;
      else if (s[i] === '\n') fail();
      i++;
    }
    if (i >= s.length) fail();
    i++;
    try {
      return JSON.parse(s.slice(start, i)) as string;
    } catch {
      return fail();
    }
  };
  const value = (): unknown => {
    ws();
    const c = s[i];
    if (c === '{') {
      const obj: Record<string, unknown> = {};
      lineOf.set(obj, line);
      i++;
      ws();
      if (s[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        const k = string();
        ws();
        if (s[i] !== ':') fail();
        i++;
        obj[k] = value();
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') {
          i++;
          return obj;
        } else fail();
      }
    }
    if (c === '[') {
      const arr: unknown[] = [];
      lineOf.set(arr, line);
      i++;
      ws();
      if (s[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') {
          i++;
          return arr;
        } else fail();
      }
    }
    if (c === '"') return string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(
      s.slice(i, i + 400),
    );
    if (!m) return fail();
    i += m[0].length;
    return JSON.parse(m[0]) as unknown;
  };
  const v = value();
  ws();
  if (i < s.length) fail();
  return { value: v, lineOf };
}
