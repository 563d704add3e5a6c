import { defineManifest } from "@finwright/runtime/engine";
import { TEXT_ALIGN } from "../shared/schema-fragments.js";

/** A section title; its level sets the document outline for screen readers, not just the size. */
export const headingManifest = defineManifest({
  type: "Heading",
  version: 1,
  label: "Heading",
  category: "display",
  icon: "heading",
  description: "A page or section title (h1 to h6).",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      text: {
        description: "The heading text; may contain {{ expressions }}.",
        type: "string",
        maxLength: 500,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Text",
      },
      level: {
        description: "Outline level, 1 (page title) to 6. Keep one level 1 per page.",
        type: "integer",
        minimum: 1,
        maximum: 6,
        default: 2,
        "x-editor": "number",
        "x-group": "Content",
        "x-label": "Level",
      },
      align: {
        description: "Horizontal alignment.",
        enum: TEXT_ALIGN,
        default: "left",
        "x-editor": "enum",
        "x-group": "Layout",
        "x-label": "Align",
      },
    },
  },
  defaults: { text: "Heading", level: 2 },
  children: false,
});
