import { defineManifest } from "@finwright/runtime/engine";
import { changeEvent, inputBaseProps, inputExposes, placeholderProp } from "../shared/input-props.js";

const optionValueSchema = { type: ["string", "number", "boolean"] } as const;
const valueSchema = { type: ["string", "number", "boolean", "null"] } as const;
const optionSchema = {
  type: "object",
  required: ["label", "value"],
  additionalProperties: false,
  properties: {
    label: { description: "Text the user sees.", type: "string", maxLength: 300 },
    value: { description: "Value the input takes when chosen.", ...optionValueSchema },
    disabled: { description: "Show the option but do not let users choose it.", type: "boolean" },
  },
} as const;

/** A drop-down list; options are literal or mapped from a query. */
export const selectManifest = defineManifest({
  type: "Select",
  version: 1,
  label: "Select",
  category: "inputs",
  icon: "select",
  description:
    "Choose one option from a list. Options can be typed in or built from a query, e.g. {{ queries.accounts.data.map(a => ({ label: a.Nickname, value: a.AccountId })) }}.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      ...inputBaseProps,
      placeholder: placeholderProp,
      options: {
        description: "The choices, each { label, value }.",
        type: "array",
        items: optionSchema,
        maxItems: 5000,
        "x-editor": "options",
        "x-group": "Data",
        "x-label": "Options",
      },
      defaultValue: {
        description: "Value of the option chosen at first; nothing chosen when null.",
        ...valueSchema,
        default: null,
        "x-editor": "text",
        "x-group": "Data",
        "x-label": "Default value",
      },
      searchable: {
        description: "Let users type to filter the options (useful beyond ten or so).",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Searchable",
      },
      clearable: {
        description: "Show a button that clears the choice.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Clearable",
      },
    },
  },
  defaults: {
    label: "Label",
    placeholder: "Choose…",
    options: [
      { label: "Option 1", value: "option1" },
      { label: "Option 2", value: "option2" },
    ],
    defaultValue: null,
  },
  children: false,
  events: { change: changeEvent(valueSchema) },
  exposes: {
    ...inputExposes(valueSchema),
    selectedOption: {
      description: "The chosen option ({ label, value }), or null.",
      schema: { anyOf: [optionSchema, { type: "null" }] },
      derivedFrom: ["options", "defaultValue"],
    },
  },
});
