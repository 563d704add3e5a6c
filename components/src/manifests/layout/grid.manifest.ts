import { defineManifest } from "@finwright/runtime/engine";
import { SPACING } from "../shared/schema-fragments.js";

/** A fixed-column grid that collapses on narrow screens: dashboards of cards and KPIs. */
export const gridManifest = defineManifest({
  type: "Grid",
  version: 1,
  label: "Grid",
  category: "layout",
  icon: "layout-grid",
  description: "Places its children in equal-width columns, wrapping onto new rows; fewer columns on narrow screens.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      columns: {
        description: "Number of equal columns on a wide screen (1 to 12).",
        type: "integer",
        minimum: 1,
        maximum: 12,
        default: 2,
        "x-editor": "number",
        "x-group": "Layout",
        "x-label": "Columns",
      },
      gap: {
        description: "Space between cells, from the theme's spacing scale.",
        enum: SPACING,
        default: "md",
        "x-editor": "enum",
        "x-group": "Layout",
        "x-label": "Gap",
      },
      minColumnWidth: {
        description: "Narrowest a column may get, in pixels; below it the grid drops columns. Leave empty to keep the column count on every screen.",
        type: "integer",
        minimum: 40,
        maximum: 2000,
        "x-editor": "number",
        "x-group": "Layout",
        "x-label": "Min column width (px)",
        "x-placeholder": "240",
      },
      padding: {
        description: "Space inside the grid's edges, from the theme's spacing scale.",
        enum: SPACING,
        default: "none",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Padding",
      },
    },
  },
  defaults: { columns: 2, gap: "md", minColumnWidth: 240 },
  children: {},
});
