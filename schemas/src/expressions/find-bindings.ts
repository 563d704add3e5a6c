/** One `{{ … }}` inside a string. `start`/`end` are offsets of the braces in the string. */
export interface BindingSegment {
  readonly expression: string;
  readonly start: number;
  readonly end: number;
}

export type BindingScan =
  | { readonly ok: true; readonly bindings: readonly BindingSegment[]; readonly whole: boolean }
  | { readonly ok: false; readonly index: number };

/** Whether a string holds any binding at all (cheap pre-test). */
export function hasBinding(text: string): boolean {
  return text.includes("{{");
}

/**
 * Finds every `{{ … }}` in a string. The closing `}}` is the first one outside
 * string literals and at brace depth zero, so `{{ {a: {b: 1}} }}` works.
 * `whole` is true when the string is exactly one binding (its value keeps its type).
 */
export function findBindings(text: string): BindingScan {
  const bindings: BindingSegment[] = [];
  let i = text.indexOf("{{");
  while (i !== -1) {
    const close = findClose(text, i + 2);
    if (close === -1) return { ok: false, index: i };
    bindings.push({ expression: text.slice(i + 2, close), start: i, end: close + 2 });
    i = text.indexOf("{{", close + 2);
  }
  const first = bindings[0];
  const whole = bindings.length === 1 && first !== undefined && text.slice(0, first.start).trim() === "" && text.slice(first.end).trim() === "";
  return { ok: true, bindings, whole };
}

function findClose(text: string, from: number): number {
  let depth = 0;
  let quote = "";
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
      continue;
    }
    if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{") depth++;
    else if (c === "}") {
      if (depth === 0 && text[i + 1] === "}") return i;
      if (depth > 0) depth--;
    }
  }
  return -1;
}
