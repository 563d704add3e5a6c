import type { PropsSchemaError } from "../props/props-ajv.js";
import { typeWords } from "./type-words.js";

type AnyError = PropsSchemaError & { schemaPath?: string };

/**
 * ajv reports a failed anyOf as every branch's errors followed by the anyOf
 * itself. Branch errors come right before it, at or below its instance path
 * (through $refs too, where schema paths restart), so each failed anyOf absorbs
 * that contiguous run and becomes one error listing the accepted forms.
 */
export function collapseAlternatives<E extends AnyError>(errors: readonly E[]): (E | (E & { params: { forms: string[] } }))[] {
  const out: E[] = [];
  for (const error of errors) {
    if (error.keyword !== "anyOf" && error.keyword !== "oneOf") {
      out.push(error);
      continue;
    }
    const forms: string[] = [];
    while (out.length > 0) {
      const previous = out[out.length - 1]!;
      if (previous.instancePath !== error.instancePath && !previous.instancePath.startsWith(error.instancePath + "/")) break;
      out.pop();
      const form = describeForm(previous);
      if (form && !forms.includes(form)) forms.unshift(form);
    }
    out.push({ ...error, params: { ...error.params, forms } });
  }
  return out;
}

function describeForm(error: AnyError): string | undefined {
  const schemaPath = error.schemaPath ?? "";
  if (schemaPath.includes("money-1.json")) return 'money, such as { "amount": "10.00", "currency": "GBP" }';
  if (error.keyword === "pattern" && schemaPath.includes("/binding/")) return "a {{ binding }}";
  if (error.keyword === "type") return typeWords(String(error.params["type"]));
  if (error.keyword === "enum") return `one of ${(error.params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  if (error.keyword === "const") return JSON.stringify(error.params["allowedValue"]);
  return undefined;
}

/** "should be X or Y" from the forms an anyOf accepts. */
export function formsSentence(forms: readonly string[]): string {
  if (forms.length === 0) return "does not match any of its allowed forms";
  return `should be ${forms.length === 1 ? forms[0] : `${forms.slice(0, -1).join(", ")} or ${forms[forms.length - 1]}`}`;
}
