import { defineManifest } from "@finwright/runtime/engine";
import { TEXT_ALIGN } from "../shared/schema-fragments.js";

/** Plain text; formatting comes from tone, size and weight, never from markup, so no HTML injection. */
export const textManifest = defineManifest({
  type: "Text",
  version: 1,
  label: "Text",
  category: "display",
  icon: "text",
  description: "A paragraph of plain text. Mix in live values with {{ }}, e.g. Balance: {{ money.format(account1.balance) }}.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      value: {
        description: "The text to show; may contain {{ expressions }}. Shown as plain text, never as HTML.",
        type: "string",
        maxLength: 20000,
        "x-editor": "textarea",
        "x-group": "Content",
        "x-label": "Text",
      },
      size: {
        description: "Font size from the theme's type scale.",
        enum: ["xs", "sm", "md", "lg", "xl"],
        default: "md",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Size",
      },
      weight: {
        description: "Font weight.",
        enum: ["regular", "medium", "bold"],
        default: "regular",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Weight",
      },
      tone: {
        description: "Colour by meaning: muted for secondary text, danger for warnings that need action.",
        enum: ["default", "muted", "info", "success", "warning", "danger"],
        default: "default",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Tone",
      },
      align: {
        description: "Horizontal alignment.",
        enum: TEXT_ALIGN,
        default: "left",
        "x-editor": "enum",
        "x-group": "Layout",
        "x-label": "Align",
      },
      truncate: {
        description: "Cut text that does not fit on one line with an ellipsis; the full text shows on hover.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Layout",
        "x-label": "Truncate",
      },
    },
  },
  defaults: { value: "Text" },
  children: false,
});
