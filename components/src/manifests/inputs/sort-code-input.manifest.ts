import { defineManifest } from "@finwright/runtime/engine";
import { blurEvent, changeEvent, inputBaseProps, inputExposes, placeholderProp } from "../shared/input-props.js";

// Six digits, optionally written as 12-34-56. The value is always the six digits alone,
// the form UK Open Banking expects inside a SortCodeAccountNumber.
const SORT_CODE_SHAPE = "^[0-9]{2}-?[0-9]{2}-?[0-9]{2}$";
const valueSchema = { type: "string" } as const;

/** A UK sort code field: masks as 12-34-56, exposes six digits. */
export const sortCodeInputManifest = defineManifest({
  type: "SortCodeInput",
  version: 1,
  label: "Sort code input",
  category: "inputs",
  icon: "sort-code",
  description: "A UK bank sort code. The user sees 12-34-56; the value is the six digits (123456).",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      ...inputBaseProps,
      placeholder: placeholderProp,
      defaultValue: {
        description: "The sort code the input starts with, as 123456 or 12-34-56; empty for none.",
        type: "string",
        anyOf: [{ maxLength: 0 }, { pattern: SORT_CODE_SHAPE }],
        default: "",
        "x-editor": "text",
        "x-group": "Data",
        "x-label": "Default value",
      },
    },
  },
  defaults: { label: "Sort code", placeholder: "00-00-00", defaultValue: "" },
  children: false,
  events: { change: changeEvent(valueSchema), blur: blurEvent },
  exposes: {
    ...inputExposes(valueSchema),
    formattedValue: {
      description: "The sort code as 12-34-56, for display.",
      schema: { type: "string" },
      derivedFrom: ["defaultValue"],
    },
  },
});
