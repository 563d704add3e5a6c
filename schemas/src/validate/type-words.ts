const TYPE_WORDS: Record<string, string> = {
  string: "text", number: "a number", integer: "a whole number", boolean: "true or false",
  array: "a list", object: "an object", null: "empty (null)",
};

/** A JSON Schema `type` (or ajv's comma-joined list) in words: "text or a number". */
export function typeWords(type: string): string {
  return type.split(",").map((t) => TYPE_WORDS[t] ?? t).join(" or ");
}
