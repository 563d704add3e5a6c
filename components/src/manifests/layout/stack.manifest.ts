import { defineManifest } from "@finwright/runtime/engine";
import { SPACING } from "../shared/schema-fragments.js";

/** A flex row or column: the default page root and the everyday way to arrange components. */
export const stackManifest = defineManifest({
  type: "Stack",
  version: 1,
  label: "Stack",
  category: "layout",
  icon: "layout-stack",
  description: "Arranges its children in a column or a row, with even spacing between them.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      direction: {
        description: "Lay children out top to bottom (vertical) or left to right (horizontal).",
        enum: ["vertical", "horizontal"],
        default: "vertical",
        "x-editor": "enum",
        "x-group": "Layout",
        "x-label": "Direction",
      },
      gap: {
        description: "Space between children, from the theme's spacing scale.",
        enum: SPACING,
        default: "md",
        "x-editor": "enum",
        "x-group": "Layout",
        "x-label": "Gap",
      },
      align: {
        description: "How children line up across the stack (left/top, centre, right/bottom, or full width).",
        enum: ["start", "center", "end", "stretch"],
        default: "stretch",
        "x-editor": "enum",
        "x-group": "Layout",
        "x-label": "Align",
      },
      justify: {
        description: "How children are distributed along the stack.",
        enum: ["start", "center", "end", "space-between", "space-around"],
        default: "start",
        "x-editor": "enum",
        "x-group": "Layout",
        "x-label": "Justify",
      },
      wrap: {
        description: "Let a horizontal stack wrap onto several lines when it runs out of room.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Layout",
        "x-label": "Wrap",
      },
      padding: {
        description: "Space inside the stack's edges, from the theme's spacing scale.",
        enum: SPACING,
        default: "none",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Padding",
      },
    },
  },
  defaults: { direction: "vertical", gap: "md", align: "stretch", justify: "start" },
  children: {},
});
