import { defineManifest } from "@finwright/runtime/engine";
import { moneySchema } from "../shared/schema-fragments.js";

/** A KPI tile: one headline figure, with an optional trend whose colour knows whether up is good. */
export const statisticManifest = defineManifest({
  type: "Statistic",
  version: 1,
  label: "Statistic",
  category: "display",
  icon: "statistic",
  description: "A headline figure (KPI) with a label, an optional trend arrow and a caption, e.g. total balance or arrears this month.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      label: {
        description: "What the figure measures, shown above it.",
        type: "string",
        maxLength: 200,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Label",
      },
      value: {
        description: "The figure: a number, a money value ({ amount, currency }) or ready-made text.",
        anyOf: [{ type: "number" }, { type: "string", maxLength: 200 }, moneySchema],
        "x-editor": "binding",
        "x-group": "Data",
        "x-label": "Value",
      },
      format: {
        description: "How to show a numeric value: plain number, money (needs a money value) or percent (0.25 shows 25%).",
        enum: ["number", "money", "percent"],
        default: "number",
        "x-editor": "enum",
        "x-group": "Data",
        "x-label": "Format",
      },
      decimalPlaces: {
        description: "Digits after the decimal point; for money, the currency's own minor units when empty.",
        type: "integer",
        minimum: 0,
        maximum: 8,
        "x-editor": "number",
        "x-group": "Data",
        "x-label": "Decimal places",
      },
      trend: {
        description: "Change against the previous period as a fraction: 0.052 shows ▲ 5.2%, -0.1 shows ▼ 10%. Empty hides the trend.",
        type: "number",
        "x-editor": "binding",
        "x-group": "Data",
        "x-label": "Trend",
      },
      goodWhen: {
        description: "Which way of the trend is good (green): up for income, down for costs or arrears.",
        enum: ["up", "down"],
        default: "up",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Trend is good when",
      },
      caption: {
        description: "Small text under the figure, e.g. vs last month.",
        type: "string",
        maxLength: 200,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Caption",
      },
    },
  },
  defaults: { label: "Total balance", value: { amount: "0.00", currency: "GBP" }, format: "money", caption: "vs last month" },
  children: false,
  events: {
    click: { label: "Click", description: "The user clicked the tile, e.g. to drill down into the figure." },
  },
});
