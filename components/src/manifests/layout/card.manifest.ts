import { defineManifest } from "@finwright/runtime/engine";
import { SPACING } from "../shared/schema-fragments.js";

/** A framed panel with a title: groups related content and gives each group its own actions. */
export const cardManifest = defineManifest({
  type: "Card",
  version: 1,
  label: "Card",
  category: "layout",
  icon: "card",
  description: "A framed panel with a title bar. Put actions in the header slot, content in body and buttons in footer.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      title: {
        description: "Title shown in the card's header.",
        type: "string",
        maxLength: 200,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Title",
      },
      subtitle: {
        description: "Smaller text under the title.",
        type: "string",
        maxLength: 300,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Subtitle",
      },
      padding: {
        description: "Space inside the card's edges, from the theme's spacing scale.",
        enum: SPACING,
        default: "md",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Padding",
      },
      elevation: {
        description: "Shadow depth: 0 is a flat, bordered card; 3 floats well above the page.",
        type: "integer",
        minimum: 0,
        maximum: 3,
        default: 1,
        "x-editor": "number",
        "x-group": "Style",
        "x-label": "Elevation",
      },
      collapsible: {
        description: "Let users fold the card down to its header.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Collapsible",
      },
      defaultCollapsed: {
        description: "Start folded (only when collapsible).",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Start collapsed",
      },
    },
  },
  defaults: { title: "Card title", padding: "md", elevation: 1 },
  slots: {
    header: { label: "Header", description: "Extra content on the right of the title, such as buttons or a badge." },
    body: { label: "Body", description: "The card's main content." },
    footer: { label: "Footer", description: "A bar under the body, usually for actions." },
  },
  exposes: {
    isCollapsed: {
      description: "Whether the card is currently folded.",
      schema: { type: "boolean" },
      derivedFrom: ["defaultCollapsed"],
    },
  },
});
