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
