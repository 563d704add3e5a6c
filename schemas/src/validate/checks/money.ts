import { joinPointer } from "../../json-source/json-pointer.js";
import { suggestion } from "../did-you-mean.js";
import { isObject, type DefinitionIndex } from "../definition-index.js";
import { ISO_4217_CODES } from "./iso-4217.js";
import type { Report } from "./report.js";

const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

export function isDecimalString(value: unknown): value is string {
  return typeof value === "string" && value.length <= 40 && DECIMAL.test(value);
}

/**
 * Every literal money value ({ amount, currency }) anywhere in the app: the
 * amount a plain decimal string (never a float, which loses pennies), the
 * currency an ISO 4217 code. Bindings are checked when they run.
 */
export function checkMoney(index: DefinitionIndex, report: Report): void {
  for (const [key, value] of Object.entries(index.doc)) {
    if (key === "connections") continue;
    walk(value, `/${key}`, report);
  }
}

function walk(value: unknown, pointer: string, report: Report): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${pointer}/${i}`, report));
    return;
  }
  if (!isObject(value)) return;
  if ("amount" in value && "currency" in value) checkMoneyValue(value, pointer, report);
  for (const [key, item] of Object.entries(value)) {
    // A workflow's `input` is a JSON Schema, not data.
    if (key === "input" && /^\/workflows\/\d+$/.test(pointer)) continue;
    walk(item, joinPointer(pointer, key), report);
  }
}

function checkMoneyValue(money: Record<string, unknown>, pointer: string, report: Report): void {
  const { amount, currency } = money;
  const isBinding = (v: unknown): boolean => typeof v === "string" && v.includes("{{");
  if (!isBinding(amount) && !isDecimalString(amount)) {
    const fix = typeof amount === "number" && Number.isFinite(amount)
      ? ` Write it as the string "${String(amount)}" so it stays exact.`
      : ' Use digits with an optional minus sign and decimal point, such as "1250.00" (no thousands separators, no exponent).';
    report(`${pointer}/amount`, "money.invalid-amount", `The amount ${JSON.stringify(amount)} is not a plain decimal string.${fix}`);
  }
  if (!isBinding(currency) && (typeof currency !== "string" || !ISO_4217_CODES.has(currency))) {
    const upper = typeof currency === "string" ? currency.toUpperCase() : "";
    const hint = ISO_4217_CODES.has(upper) ? ` Did you mean '${upper}'?` : suggestion(upper, ISO_4217_CODES);
    report(`${pointer}/currency`, "money.unknown-currency", `${JSON.stringify(currency)} is not an ISO 4217 currency code such as GBP, EUR or USD.${hint}`);
  }
}
