import { defineManifest } from "@finwright/runtime/engine";
import { changeEvent, inputBaseProps, inputExposes, placeholderProp } from "../shared/input-props.js";
import { ISO_DATE_PATTERN } from "../shared/schema-fragments.js";

// Values are ISO dates (YYYY-MM-DD) whatever the display format, so expressions and APIs never parse locale dates.
const valueSchema = { type: ["string", "null"], pattern: ISO_DATE_PATTERN } as const;

const isoDateProp = (description: string, label: string) =>
  ({
    description,
    type: "string",
    pattern: ISO_DATE_PATTERN,
    "x-editor": "date",
    "x-group": "Validation",
    "x-label": label,
  }) as const;

/** A calendar date picker for value dates, due dates and dates of birth. */
export const datePickerManifest = defineManifest({
  type: "DatePicker",
  version: 1,
  label: "Date picker",
  category: "inputs",
  icon: "calendar",
  description: "Pick a calendar date. The value is an ISO date (YYYY-MM-DD) whatever the display format.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      ...inputBaseProps,
      placeholder: placeholderProp,
      defaultValue: {
        description: "The date the input starts with, as YYYY-MM-DD (e.g. {{ date.today() }}); empty when null.",
        ...valueSchema,
        default: null,
        "x-editor": "date",
        "x-group": "Data",
        "x-label": "Default value",
      },
      minDate: isoDateProp("Earliest date allowed (YYYY-MM-DD).", "Earliest date"),
      maxDate: isoDateProp("Latest date allowed (YYYY-MM-DD).", "Latest date"),
      businessDaysOnly: {
        description: "Allow only Monday to Friday, e.g. for payment value dates.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Validation",
        "x-label": "Business days only",
      },
      displayFormat: {
        description: "How the date is shown to the user; the value stays YYYY-MM-DD.",
        enum: ["dd/MM/yyyy", "MM/dd/yyyy", "yyyy-MM-dd", "d MMM yyyy"],
        default: "dd/MM/yyyy",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "Display format",
      },
      firstDayOfWeek: {
        description: "First column of the calendar.",
        enum: ["monday", "sunday"],
        default: "monday",
        "x-editor": "enum",
        "x-group": "Style",
        "x-label": "First day of week",
      },
    },
  },
  defaults: { label: "Date", defaultValue: null, displayFormat: "dd/MM/yyyy" },
  children: false,
  events: { change: changeEvent(valueSchema) },
  exposes: inputExposes(valueSchema),
});
