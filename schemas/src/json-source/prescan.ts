export interface Prescan {
  /** Deepest nesting of arrays and objects. */
  readonly depth: number;
  /** Number of object members (key: value pairs) in the text. */
  readonly members: number;
  /** Offset where the depth limit was first exceeded, or -1. */
  readonly tooDeepAt: number;
}

/**
 * One pass over JSON text, before JSON.parse: nesting depth (so hostile input
 * is refused before anything recursive sees it) and the number of members
 * (compared with the parsed object to detect duplicate keys cheaply).
 */
export function prescanJson(text: string, maxDepth: number): Prescan {
  let depth = 0;
  let deepest = 0;
  let members = 0;
  // Jump from one structural character to the next; string bodies are skipped with indexOf.
  const structural = /["{}[\]:]/g;
  let match: RegExpExecArray | null;
  while ((match = structural.exec(text)) !== null) {
    const c = text.charCodeAt(match.index);
    if (c === 34 /* " */) {
      structural.lastIndex = endOfString(text, match.index + 1);
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > maxDepth) return { depth: deepest, members, tooDeepAt: match.index };
    } else if (c === 58 /* : */) members++;
    else depth--;
  }
  return { depth: deepest, members, tooDeepAt: -1 };
}

/** Offset just past the closing quote of a string whose body starts at `from` (or the text's end). */
function endOfString(text: string, from: number): number {
  let at = from;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote === -1) return text.length;
    let backslashes = 0;
    for (let k = quote - 1; k >= from && text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

/** Number of own keys in every object of a parsed JSON value (iterative). */
export function countMembers(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== "object") continue;
    if (Array.isArray(item)) {
      for (const element of item) stack.push(element);
    } else {
      for (const key in item) {
        count++;
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
  }
  return count;
}
