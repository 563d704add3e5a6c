import { defineManifest } from "@finwright/runtime/engine";
import { blurEvent, changeEvent, inputBaseProps, inputExposes, placeholderProp } from "../shared/input-props.js";

const valueSchema = { type: ["number", "null"] } as const;

/** A number field for quantities, rates and counts. Amounts of money belong in MoneyInput, never here. */
export const numberInputManifest = defineManifest({
  type: "NumberInput",
  version: 1,
  label: "Number input",
  category: "inputs",
  icon: "number-input",
  description: "A number (quantity, rate, term in months) with minimum, maximum and step. For amounts of money use Money input.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      ...inputBaseProps,
      placeholder: placeholderProp,
      defaultValue: {
        description: "The number the input starts with; empty when null.",
        type: ["number", "null"],
        default: null,
        "x-editor": "number",
        "x-group": "Data",
        "x-label": "Default value",
      },
      min: {
        description: "Smallest number allowed.",
        type: "number",
        "x-editor": "number",
        "x-group": "Validation",
        "x-label": "Minimum",
      },
      max: {
        description: "Largest number allowed.",
        type: "number",
        "x-editor": "number",
        "x-group": "Validation",
        "x-label": "Maximum",
      },
      step: {
        description: "Amount the arrow keys and buttons add or take away.",
        type: "number",
        exclusiveMinimum: 0,
        default: 1,
        "x-editor": "number",
        "x-group": "Behaviour",
        "x-label": "Step",
      },
      decimalPlaces: {
        description: "Digits allowed after the decimal point; 0 for whole numbers, any when empty.",
        type: "integer",
        minimum: 0,
        maximum: 10,
        "x-editor": "number",
        "x-group": "Validation",
        "x-label": "Decimal places",
      },
      prefix: {
        description: "Text before the number, e.g. #.",
        type: "string",
        maxLength: 20,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Prefix",
      },
      suffix: {
        description: "Text after the number, e.g. % or months.",
        type: "string",
        maxLength: 20,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Suffix",
      },
    },
  },
  defaults: { label: "Label", defaultValue: null },
  children: false,
  events: { change: changeEvent(valueSchema), blur: blurEvent },
  exposes: inputExposes(valueSchema),
});
