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
  let tooDeepAt = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < length; i++) {
        const s = text.charCodeAt(i);
        if (s === 92 /* \ */) i++;
        else if (s === 34) break;
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > maxDepth && tooDeepAt === -1) {
        tooDeepAt = i;
        break;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
    else if (c === 58 /* : */) members++;
  }
  return { depth: deepest, members, tooDeepAt };
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
