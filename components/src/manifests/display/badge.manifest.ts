import { defineManifest } from "@finwright/runtime/engine";
import { TONES } from "../shared/schema-fragments.js";

/** A small coloured label for a status (Pending, Booked, Rejected). */
export const badgeManifest = defineManifest({
  type: "Badge",
  version: 1,
  label: "Badge",
  category: "display",
  icon: "badge",
  description: "A small coloured label for a status, e.g. {{ payment1.status }} with a tone chosen by an expression.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      text: {
        description: "The label text.",
        type: "string",
        maxLength: 100,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Text",
      },
      tone: {
        description: "Colour by meaning: success for done, warning for waiting, danger for failed.",
        enum: TONES,
        default: "neutral",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Tone",
      },
      variant: {
        description: "Solid fill for emphasis, or a subtle tint.",
        enum: ["subtle", "solid"],
        default: "subtle",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Variant",
      },
      icon: {
        description: "Optional icon before the text.",
        type: "string",
        maxLength: 64,
        "x-editor": "icon",
        "x-group": "Content",
        "x-label": "Icon",
      },
    },
  },
  defaults: { text: "Pending", tone: "warning" },
  children: false,
});
