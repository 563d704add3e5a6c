import { defineManifest } from "@finwright/runtime/engine";
import { blurEvent, changeEvent, inputBaseProps, inputExposes, placeholderProp } from "../shared/input-props.js";

// The shape of an IBAN (country, check digits, 11-30 more characters), spaces allowed between characters.
// The mod-97 checksum and each country's length are checked at run time, not by the props schema.
const IBAN_SHAPE = "^[A-Z]{2}[0-9]{2}( ?[A-Z0-9]){11,30}$";
const valueSchema = { type: "string" } as const;

/** An IBAN field: upper-cases, groups in fours as the user types, and checks the mod-97 checksum. */
export const ibanInputManifest = defineManifest({
  type: "IbanInput",
  version: 1,
  label: "IBAN input",
  category: "inputs",
  icon: "iban",
  description:
    "An international bank account number. Shown in groups of four; the value is upper case without spaces; checks the country length and the checksum.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      ...inputBaseProps,
      placeholder: placeholderProp,
      defaultValue: {
        description: "The IBAN the input starts with, e.g. GB33BUKB20201555555555; empty for none.",
        type: "string",
        anyOf: [{ maxLength: 0 }, { pattern: IBAN_SHAPE }],
        default: "",
        "x-editor": "text",
        "x-group": "Data",
        "x-label": "Default value",
      },
      allowedCountries: {
        description: "Countries accepted, as ISO 3166 codes (e.g. GB, IE); every IBAN country when empty.",
        type: "array",
        items: { type: "string", pattern: "^[A-Z]{2}$" },
        uniqueItems: true,
        "x-editor": "json",
        "x-group": "Validation",
        "x-label": "Allowed countries",
      },
    },
  },
  defaults: { label: "IBAN", placeholder: "GB33 BUKB 2020 1555 5555 55", defaultValue: "" },
  children: false,
  events: { change: changeEvent(valueSchema), blur: blurEvent },
  exposes: {
    ...inputExposes(valueSchema),
    formattedValue: {
      description: "The IBAN grouped in fours for display, e.g. GB33 BUKB 2020 1555 5555 55.",
      schema: { type: "string" },
      derivedFrom: ["defaultValue"],
    },
    country: {
      description: "The IBAN's country code (its first two letters), or null while empty.",
      schema: { type: ["string", "null"] },
      derivedFrom: ["defaultValue"],
    },
  },
});
