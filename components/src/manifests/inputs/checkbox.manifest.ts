import { defineManifest } from "@finwright/runtime/engine";
import { changeEvent, inputBaseProps, inputExposes } from "../shared/input-props.js";

const valueSchema = { type: "boolean" } as const;

/** A yes/no tick box; `required` means it must be ticked (terms, declarations). */
export const checkboxManifest = defineManifest({
  type: "Checkbox",
  version: 1,
  label: "Checkbox",
  category: "inputs",
  icon: "checkbox",
  description: "A tick box for yes or no. When required, it must be ticked, e.g. to accept terms or confirm a declaration.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      ...inputBaseProps,
      label: {
        ...inputBaseProps.label,
        description: "Text beside the tick box.",
      },
      defaultValue: {
        description: "Whether the box starts ticked.",
        ...valueSchema,
        default: false,
        "x-editor": "boolean",
        "x-group": "Data",
        "x-label": "Ticked at first",
      },
    },
  },
  defaults: { label: "I confirm the details are correct", defaultValue: false },
  children: false,
  events: { change: changeEvent(valueSchema) },
  exposes: inputExposes(valueSchema),
});
