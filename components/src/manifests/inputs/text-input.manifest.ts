import { defineManifest } from "@finwright/runtime/engine";
import { blurEvent, changeEvent, inputBaseProps, inputExposes, placeholderProp } from "../shared/input-props.js";

const valueSchema = { type: "string" } as const;

/** A single-line text field with length and pattern checks. */
export const textInputManifest = defineManifest({
  type: "TextInput",
  version: 1,
  label: "Text input",
  category: "inputs",
  icon: "text-input",
  description: "A single line of text (or an email, phone number, URL or password), with length and pattern checks.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      ...inputBaseProps,
      placeholder: placeholderProp,
      defaultValue: {
        description: "The value the input starts with (and returns to on reset).",
        type: "string",
        maxLength: 10000,
        default: "",
        "x-editor": "text",
        "x-group": "Data",
        "x-label": "Default value",
      },
      inputType: {
        description: "Kind of text, which picks the keyboard on phones and the built-in check.",
        enum: ["text", "email", "tel", "url", "password"],
        default: "text",
        "x-editor": "enum",
        "x-group": "Validation",
        "x-label": "Input type",
      },
      minLength: {
        description: "Fewest characters allowed.",
        type: "integer",
        minimum: 0,
        "x-editor": "number",
        "x-group": "Validation",
        "x-label": "Min length",
      },
      maxLength: {
        description: "Most characters allowed; typing stops there.",
        type: "integer",
        minimum: 1,
        "x-editor": "number",
        "x-group": "Validation",
        "x-label": "Max length",
      },
      pattern: {
        description: "A regular expression the whole value must match, e.g. ^[A-Z0-9]{8}$ for a reference.",
        type: "string",
        maxLength: 500,
        "x-editor": "text",
        "x-group": "Validation",
        "x-label": "Pattern",
      },
    },
  },
  defaults: { label: "Label", placeholder: "", defaultValue: "" },
  children: false,
  events: {
    change: changeEvent(valueSchema),
    blur: blurEvent,
    submit: {
      label: "Submit",
      description: "The user pressed Enter (event.value holds the value).",
      payload: { type: "object", required: ["value"], properties: { value: valueSchema } },
    },
  },
  exposes: inputExposes(valueSchema),
});
