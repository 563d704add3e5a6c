import { defineManifest } from "@finwright/runtime/engine";
import { CURRENCY_PATTERN, HEX_COLOUR_PATTERN, rowsSchema } from "../shared/schema-fragments.js";

/** Line, bar, area and pie charts over rows, one series per numeric field. */
export const chartManifest = defineManifest({
  type: "Chart",
  version: 1,
  label: "Chart",
  category: "data",
  icon: "chart",
  description:
    "Plots rows of data: x names the field along the bottom (or the slices of a pie), each series a numeric field. Values may be numbers or decimal strings (money amounts).",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      kind: {
        description: "Chart type. A pie shows only the first series.",
        enum: ["line", "bar", "area", "pie"],
        default: "bar",
        "x-editor": "enum",
        "x-group": "Content",
        "x-label": "Chart type",
      },
      title: {
        description: "Title above the chart.",
        type: "string",
        maxLength: 200,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Title",
      },
      data: {
        description: "The rows to plot, usually bound to a query, e.g. {{ queries.monthlySpend.data }}.",
        ...rowsSchema,
        "x-editor": "binding",
        "x-group": "Data",
        "x-label": "Data",
      },
      x: {
        description: "Field for the horizontal axis (categories or dates), or the slice names of a pie.",
        type: "string",
        minLength: 1,
        maxLength: 200,
        "x-editor": "text",
        "x-group": "Data",
        "x-label": "X axis field",
      },
      series: {
        description: "The numeric fields to plot, each with a legend label and an optional colour.",
        type: "array",
        maxItems: 20,
        items: {
          type: "object",
          required: ["key"],
          additionalProperties: false,
          properties: {
            key: { description: "Row field holding the values.", type: "string", minLength: 1, maxLength: 200 },
            label: { description: "Legend label; the key when empty.", type: "string", maxLength: 200 },
            colour: { description: "Colour as #rrggbb; the theme's palette when empty.", type: "string", pattern: HEX_COLOUR_PATTERN },
          },
        },
        "x-editor": "json",
        "x-group": "Data",
        "x-label": "Series",
      },
      stacked: {
        description: "Stack the series on top of each other (bar and area charts).",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Style",
        "x-label": "Stacked",
      },
      currency: {
        description: "When set, values are money in this currency (ISO 4217) and the axis and tooltips show them so.",
        type: "string",
        pattern: CURRENCY_PATTERN,
        "x-editor": "text",
        "x-group": "Data",
        "x-label": "Currency",
        "x-placeholder": "GBP",
      },
      legend: {
        description: "Where the legend goes, or none.",
        enum: ["none", "top", "bottom", "right"],
        default: "bottom",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Legend",
      },
      height: {
        description: "Height in pixels.",
        type: "integer",
        minimum: 120,
        maximum: 2000,
        default: 300,
        "x-editor": "number",
        "x-group": "Layout",
        "x-label": "Height (px)",
      },
    },
  },
  defaults: {
    kind: "bar",
    data: [
      { month: "Jan", income: "4200.00", spend: "3100.00" },
      { month: "Feb", income: "4350.00", spend: "3900.00" },
      { month: "Mar", income: "4100.00", spend: "2800.00" },
    ],
    x: "month",
    series: [
      { key: "income", label: "Income" },
      { key: "spend", label: "Spend" },
    ],
    currency: "GBP",
    height: 300,
  },
  children: false,
  events: {
    pointClick: {
      label: "Point click",
      description: "The user clicked a bar, point or slice (event.row, event.series, event.x, event.value).",
      payload: {
        type: "object",
        required: ["row", "series"],
        properties: {
          row: { description: "The data row behind the point.", type: "object" },
          series: { description: "Key of the clicked series.", type: "string" },
          x: { description: "The point's x value." },
          value: { description: "The point's value, as in the data.", type: ["number", "string"] },
        },
      },
    },
  },
});
