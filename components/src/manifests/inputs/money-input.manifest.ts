import { defineManifest } from "@finwright/runtime/engine";
import { blurEvent, changeEvent, inputBaseProps, inputExposes, placeholderProp } from "../shared/input-props.js";
import { CURRENCY_PATTERN, DECIMAL_PATTERN, moneySchema } from "../shared/schema-fragments.js";

const valueSchema = { anyOf: [moneySchema, { type: "null" }] } as const;
const currencyCode = { type: "string", pattern: CURRENCY_PATTERN } as const;

/**
 * An amount of money. The value is always { amount: decimal string, currency },
 * parsed from what the user types without ever passing through a float.
 */
export const moneyInputManifest = defineManifest({
  type: "MoneyInput",
  version: 1,
  label: "Money input",
  category: "inputs",
  icon: "money-input",
  description:
    "An amount of money in a currency. Its value is { amount, currency } with the amount as an exact decimal string (never a rounded number).",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      ...inputBaseProps,
      placeholder: placeholderProp,
      defaultValue: {
        description: "The amount the input starts with, as { amount, currency }; empty when null.",
        anyOf: [moneySchema, { type: "null" }],
        "x-editor": "money",
        "x-group": "Data",
        "x-label": "Default value",
      },
      currency: {
        description: "Currency of the input while it has no value (ISO 4217, e.g. GBP). A default value brings its own.",
        ...currencyCode,
        default: "GBP",
        "x-editor": "text",
        "x-group": "Data",
        "x-label": "Currency",
      },
      allowedCurrencies: {
        description: "Currencies the user may pick from; with none or one, the currency is fixed.",
        type: "array",
        items: currencyCode,
        uniqueItems: true,
        maxItems: 200,
        "x-editor": "json",
        "x-group": "Validation",
        "x-label": "Allowed currencies",
      },
      minAmount: {
        description: "Smallest amount allowed, as a decimal string in the chosen currency, e.g. 0.01.",
        type: "string",
        pattern: DECIMAL_PATTERN,
        "x-editor": "text",
        "x-group": "Validation",
        "x-label": "Minimum amount",
      },
      maxAmount: {
        description: "Largest amount allowed, as a decimal string in the chosen currency, e.g. 250000.00.",
        type: "string",
        pattern: DECIMAL_PATTERN,
        "x-editor": "text",
        "x-group": "Validation",
        "x-label": "Maximum amount",
      },
      allowNegative: {
        description: "Accept amounts below zero (refunds, adjustments).",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Validation",
        "x-label": "Allow negative",
      },
    },
  },
  defaults: { label: "Amount", defaultValue: { amount: "0.00", currency: "GBP" }, currency: "GBP" },
  children: false,
  events: { change: changeEvent(valueSchema), blur: blurEvent },
  exposes: inputExposes(valueSchema),
});
