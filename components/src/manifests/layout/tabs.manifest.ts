import { defineManifest } from "@finwright/runtime/engine";

/**
 * Slots must be declared statically, so a tab's id is also the name of the slot
 * that holds its content: ids come from the fixed set tab1..tab8. Reordering or
 * renaming tabs never moves content; removing a tab hides its slot's content.
 */
const TAB_IDS = ["tab1", "tab2", "tab3", "tab4", "tab5", "tab6", "tab7", "tab8"] as const;

const slots = Object.fromEntries(
  TAB_IDS.map((id, i) => [id, { label: `Tab ${i + 1}`, description: `Content of the tab whose id is ${id}.` }]),
);

export const tabsManifest = defineManifest({
  type: "Tabs",
  version: 1,
  label: "Tabs",
  category: "layout",
  icon: "tabs",
  description:
    "Shows one of up to eight panes, chosen by a row of tabs. Each tab's id (tab1 to tab8) names the slot holding its content, so reordering or renaming tabs keeps their content.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      tabs: {
        description: "The tabs, in display order. Each id (tab1..tab8, unique) names the slot with that tab's content.",
        type: "array",
        minItems: 1,
        maxItems: TAB_IDS.length,
        items: {
          type: "object",
          required: ["id", "label"],
          additionalProperties: false,
          properties: {
            id: { description: "The slot holding this tab's content.", enum: TAB_IDS },
            label: { description: "Text on the tab.", type: "string", minLength: 1, maxLength: 100 },
            disabled: { description: "Show the tab but do not let users open it.", type: "boolean" },
            hidden: { description: "Leave the tab out of the row (its content stays in the definition).", type: "boolean" },
          },
        },
        "x-editor": "json",
        "x-group": "Content",
        "x-label": "Tabs",
      },
      defaultTab: {
        description: "The tab open at first; the first visible tab when empty or hidden.",
        enum: TAB_IDS,
        "x-editor": "enum",
        "x-group": "Behaviour",
        "x-label": "Default tab",
      },
      variant: {
        description: "Underlined tabs on the page, or tabs that look like a segmented control.",
        enum: ["line", "pills"],
        default: "line",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Variant",
      },
      keepMounted: {
        description: "Keep hidden panes rendered, so their inputs keep their values and their queries keep running.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Keep hidden tabs mounted",
      },
    },
  },
  defaults: {
    tabs: [
      { id: "tab1", label: "Tab 1" },
      { id: "tab2", label: "Tab 2" },
    ],
    defaultTab: "tab1",
  },
  slots,
  events: {
    change: {
      label: "Change",
      description: "The user opened another tab (event.tab holds its id).",
      payload: { type: "object", required: ["tab"], properties: { tab: { enum: TAB_IDS } } },
    },
  },
  exposes: {
    activeTab: {
      description: "The id of the open tab (tab1..tab8).",
      schema: { enum: TAB_IDS },
      derivedFrom: ["defaultTab", "tabs"],
    },
  },
});
