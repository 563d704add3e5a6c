/**
 * PostgreSQL cannot store every JavaScript string: text and jsonb refuse the
 * NUL character, and jsonb refuses an unpaired UTF-16 surrogate (which
 * JSON.stringify writes as a \udXXX escape). Sent as they are, such strings
 * make the database raise an error, i.e. a 500; they are refused up front.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && !LONE_SURROGATE.test(text);
}

/** The JSON Pointer (below `prefix`) of the first string or key in `value` that cannot be stored, or undefined. */
export function findUnstorableText(value: unknown, prefix = ""): string | undefined {
  // Iterative: a definition can be deep, and the validator caps depth only after this runs.
  const stack: [unknown, string][] = [[value, prefix]];
  while (stack.length > 0) {
    const [current, pointer] = stack.pop()!;
    if (typeof current === "string") {
      if (!isStorableText(current)) return pointer;
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push([item, `${pointer}/${index}`]));
    } else if (typeof current === "object" && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        const child = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
        if (!isStorableText(key)) return child;
        stack.push([item, child]);
      }
    }
  }
  return undefined;
}
