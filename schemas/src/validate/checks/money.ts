import { suggestion } from "../did-you-mean.js";
import type { DefinitionIndex } from "../definition-index.js";
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
  for (const { pointer, value } of index.money) checkMoneyValue(value, pointer, report);
  for (const { pointer, value } of index.currencies) checkCurrency(value, pointer, report);
}

function checkMoneyValue(money: Record<string, unknown>, pointer: string, report: Report): void {
  const { amount, currency } = money;
  const isBinding = (v: unknown): boolean => typeof v === "string" && v.includes("{{");
  if (!isBinding(amount) && !isDecimalString(amount)) {
    const fix = typeof amount === "number" && Number.isFinite(amount)
      ? ` Write it as a string, such as "${asDecimalText(amount)}", so it stays exact.`
      : ' Use digits with an optional minus sign and decimal point, such as "1250.00" (no thousands separators, no exponent).';
    report(`${pointer}/amount`, "money.invalid-amount", `The amount ${JSON.stringify(amount)} is not a plain decimal string.${fix}`);
  }
  if (typeof currency === "string") checkCurrency(currency, `${pointer}/currency`, report);
  else report(`${pointer}/currency`, "money.unknown-currency", `${JSON.stringify(currency)} is not an ISO 4217 currency code such as GBP, EUR or USD.`);
}

function checkCurrency(currency: string, pointer: string, report: Report): void {
  if (currency.includes("{{") || ISO_4217_CODES.has(currency)) return;
  const upper = currency.toUpperCase();
  const hint = ISO_4217_CODES.has(upper) ? ` Did you mean '${upper}'?` : suggestion(upper, ISO_4217_CODES);
  report(pointer, "money.unknown-currency", `${JSON.stringify(currency)} is not an ISO 4217 currency code such as GBP, EUR or USD.${hint}`);
}

/** A float written as decimal text, with at least two decimals as amounts usually are. */
function asDecimalText(amount: number): string {
  const text = String(amount);
  if (/e/i.test(text)) return amount.toFixed(2);
  const decimals = text.split(".")[1]?.length ?? 0;
  return decimals >= 2 ? text : amount.toFixed(2);
}
