/**
 * The standard library expressions can call: the contract between the validator
 * (which checks names), the runtime (which implements them) and the editor
 * (which offers them in autocomplete). Money helpers take and return
 * `{ amount: "decimal string", currency }`, never floats.
 */
export interface HelperDoc {
  readonly signature: string;
  readonly description: string;
}

type Catalog = Readonly<Record<string, Readonly<Record<string, HelperDoc>>>>;

const h = (signature: string, description: string): HelperDoc => ({ signature, description });

export const STDLIB_NAMESPACES: Catalog = {
  money: {
    of: h("money.of(amount, currency)", "Money from a decimal string and an ISO 4217 code."),
    add: h("money.add(a, b)", "Exact sum of two amounts of the same currency."),
    subtract: h("money.subtract(a, b)", "Exact difference of two amounts of the same currency."),
    multiply: h("money.multiply(m, factor, rounding?)", "Money times a decimal factor, rounded to the currency's minor unit."),
    divide: h("money.divide(m, divisor, rounding?)", "Money divided by a decimal, rounded (HALF_EVEN by default)."),
    round: h("money.round(m, rounding?)", "Round to the currency's minor unit."),
    compare: h("money.compare(a, b)", "-1, 0 or 1."),
    equals: h("money.equals(a, b)", "Same currency and amount."),
    isZero: h("money.isZero(m)", "Whether the amount is zero."),
    isNegative: h("money.isNegative(m)", "Whether the amount is below zero."),
    abs: h("money.abs(m)", "The amount without its sign."),
    negate: h("money.negate(m)", "The amount with its sign flipped."),
    sum: h("money.sum(list, path?)", "Exact total of a list of money values (or of list[i][path])."),
    min: h("money.min(list)", "The smallest amount."),
    max: h("money.max(list)", "The largest amount."),
    format: h("money.format(m, locale?)", "Formatted for display, e.g. £1,250.00."),
  },
  decimal: {
    add: h("decimal.add(a, b)", "Exact sum of decimal strings."),
    subtract: h("decimal.subtract(a, b)", "Exact difference of decimal strings."),
    multiply: h("decimal.multiply(a, b)", "Exact product of decimal strings."),
    divide: h("decimal.divide(a, b, places?, rounding?)", "Quotient rounded to `places` decimals."),
    round: h("decimal.round(a, places?, rounding?)", "Round to `places` decimals."),
    compare: h("decimal.compare(a, b)", "-1, 0 or 1."),
    format: h("decimal.format(a, locale?, places?)", "Formatted with grouping for the locale."),
    percent: h("decimal.percent(part, whole, places?)", "part / whole × 100."),
  },
  date: {
    now: h("date.now()", "The current instant (ISO 8601)."),
    today: h("date.today(timeZone?)", "Today's date (YYYY-MM-DD)."),
    format: h("date.format(d, pattern?, locale?)", "Formatted for display."),
    parse: h("date.parse(text)", "An ISO date from text, or null."),
    addDays: h("date.addDays(d, n)", "n days later (earlier when negative)."),
    addMonths: h("date.addMonths(d, n)", "n months later, clamped to month end."),
    addBusinessDays: h("date.addBusinessDays(d, n)", "n working days later (Mon–Fri)."),
    diffDays: h("date.diffDays(a, b)", "Whole days from a to b."),
    businessDaysBetween: h("date.businessDaysBetween(a, b)", "Working days from a to b."),
    isBefore: h("date.isBefore(a, b)", "Whether a is before b."),
    isAfter: h("date.isAfter(a, b)", "Whether a is after b."),
    startOfMonth: h("date.startOfMonth(d)", "The first day of d's month."),
    endOfMonth: h("date.endOfMonth(d)", "The last day of d's month."),
  },
  text: {
    upper: h("text.upper(s)", "Upper case."),
    lower: h("text.lower(s)", "Lower case."),
    trim: h("text.trim(s)", "Without surrounding spaces."),
    truncate: h("text.truncate(s, length)", "Cut to length, with an ellipsis."),
    padStart: h("text.padStart(s, length, fill?)", "Padded on the left."),
    includes: h("text.includes(s, part)", "Whether s contains part."),
    startsWith: h("text.startsWith(s, part)", "Whether s starts with part."),
    split: h("text.split(s, separator)", "A list of parts."),
    join: h("text.join(list, separator?)", "One string from a list."),
    mask: h("text.mask(s, visible?)", "All but the last `visible` characters hidden."),
  },
  bank: {
    isValidIban: h("bank.isValidIban(s)", "IBAN checksum (mod 97) and country length."),
    formatIban: h("bank.formatIban(s)", "Grouped in fours."),
    isValidBic: h("bank.isValidBic(s)", "A well-formed BIC/SWIFT code."),
    isValidSortCode: h("bank.isValidSortCode(s)", "A UK sort code (six digits)."),
    formatSortCode: h("bank.formatSortCode(s)", "As 12-34-56."),
    isValidAccountNumber: h("bank.isValidAccountNumber(s)", "A UK account number (eight digits)."),
    maskAccount: h("bank.maskAccount(s)", "Only the last four characters shown."),
  },
};

/** Helpers called directly, mostly over lists. */
export const STDLIB_FUNCTIONS: Readonly<Record<string, HelperDoc>> = {
  sum: h("sum(list, path?)", "Total of numbers (use money.sum for money)."),
  count: h("count(list, predicate?)", "How many items (that match)."),
  avg: h("avg(list, path?)", "Average of numbers."),
  min: h("min(list, path?)", "Smallest value."),
  max: h("max(list, path?)", "Largest value."),
  filter: h("filter(list, item => condition)", "Items that match."),
  map: h("map(list, item => value)", "Each item transformed."),
  find: h("find(list, item => condition)", "The first item that matches, or null."),
  sortBy: h("sortBy(list, path, direction?)", "Sorted by a field."),
  groupBy: h("groupBy(list, path)", "An object of lists keyed by a field."),
  unique: h("unique(list, path?)", "Without duplicates."),
  first: h("first(list)", "The first item, or null."),
  last: h("last(list)", "The last item, or null."),
  pluck: h("pluck(list, path)", "One field of each item."),
  isEmpty: h("isEmpty(value)", "Whether null, empty text, list or object."),
  coalesce: h("coalesce(a, b, …)", "The first value that is not null."),
  toNumber: h("toNumber(text)", "A number from text, for counts and percentages (never money)."),
  toText: h("toText(value)", "Text from a value."),
};
