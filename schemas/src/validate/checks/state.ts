import { isObject, type DefinitionIndex } from "../definition-index.js";
import { isDecimalString } from "./money.js";
import type { Report } from "./report.js";

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

const EXPECTED: Record<string, { test: (v: unknown) => boolean; words: string }> = {
  string: { test: (v) => typeof v === "string", words: "text" },
  number: { test: (v) => typeof v === "number" && Number.isFinite(v), words: "a number" },
  boolean: { test: (v) => typeof v === "boolean", words: "true or false" },
  object: { test: isObject, words: "an object" },
  array: { test: Array.isArray, words: "a list" },
  money: { test: (v) => isObject(v) && isDecimalString(v["amount"]) && typeof v["currency"] === "string", words: 'money, such as { "amount": "0.00", "currency": "GBP" }' },
  date: { test: (v) => typeof v === "string" && ISO_DATE.test(v), words: "an ISO date such as 2026-01-31" },
};

/** A state variable's default must be of its declared type (or null, meaning empty). */
export function checkStateDefaults(index: DefinitionIndex, report: Report): void {
  for (const [key, { pointer, value }] of index.stateKeys) {
    if (!isObject(value) || !("default" in value) || value["default"] === null) continue;
    const expected = EXPECTED[String(value["type"])];
    if (expected && !expected.test(value["default"])) {
      report(`${pointer}/default`, "state.default-mismatch", `The state variable '${key}' is of type ${String(value["type"])}, so its default should be ${expected.words} (or null), not ${JSON.stringify(value["default"])}.`);
    }
  }
}
