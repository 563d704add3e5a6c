/** RFC 6901 JSON Pointer helpers. */
export function escapePointerSegment(segment: string | number): string {
  const text = String(segment);
  // Most keys hold neither character; skip the regexes for them.
  if (!text.includes("~") && !text.includes("/")) return text;
  return text.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  let pointer = base;
  for (const segment of segments) pointer += "/" + escapePointerSegment(segment);
  return pointer;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The value a pointer names inside a JSON value, or undefined when the path does not exist. */
export function valueAtPointer(doc: unknown, pointer: string): unknown {
  let value = doc;
  for (const segment of splitPointer(pointer)) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
