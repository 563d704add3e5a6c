import { defineManifest } from "@finwright/runtime/engine";

/**
 * Collects the inputs placed inside it. Values are keyed by input id, so
 * `form1.values.amount` is the value of the input with id `amount`.
 */
export const formManifest = defineManifest({
  type: "Form",
  version: 1,
  label: "Form",
  category: "inputs",
  icon: "form",
  description:
    "Groups inputs with Submit and Reset buttons. Its values are keyed by input id (form1.values.amount); Submit stays disabled until every input is valid.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      title: {
        description: "Title above the inputs.",
        type: "string",
        maxLength: 200,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Title",
      },
      initialValues: {
        description: "Values to start the inputs with, keyed by input id, e.g. {{ table1.selectedRow }} for an edit form. Overrides the inputs' own defaults.",
        type: "object",
        "x-editor": "binding",
        "x-group": "Data",
        "x-label": "Initial values",
      },
      submitText: {
        description: "Label of the submit button.",
        type: "string",
        minLength: 1,
        maxLength: 100,
        default: "Submit",
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Submit button text",
      },
      resetText: {
        description: "Label of the reset button; no reset button when empty.",
        type: "string",
        maxLength: 100,
        default: "",
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Reset button text",
      },
      layout: {
        description: "Labels above inputs (vertical) or beside them (horizontal).",
        enum: ["vertical", "horizontal"],
        default: "vertical",
        "x-editor": "enum",
        "x-group": "Layout",
        "x-label": "Layout",
      },
      disabled: {
        description: "Disable every input and both buttons.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Disabled",
      },
      loading: {
        description: "Show the submit button as busy, e.g. {{ queries.pay.isLoading }}.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Loading",
      },
      resetAfterSubmit: {
        description: "Clear the inputs back to their initial values after a submit.",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Reset after submit",
      },
    },
  },
  defaults: { title: "Form", submitText: "Submit", layout: "vertical" },
  children: {},
  events: {
    submit: {
      label: "Submit",
      description: "The user submitted valid values (event.values, keyed by input id).",
      payload: { type: "object", required: ["values"], properties: { values: { type: "object" } } },
    },
    reset: { label: "Reset", description: "The inputs went back to their initial values." },
  },
  exposes: {
    values: {
      description: "Current values of the inputs inside the form, keyed by input id.",
      schema: { type: "object" },
      derivedFrom: ["initialValues"],
    },
    isValid: { description: "Whether every input in the form is valid.", schema: { type: "boolean" } },
    isDirty: { description: "Whether any input differs from its initial value.", schema: { type: "boolean" } },
    errors: {
      description: "Validation messages of invalid inputs, keyed by input id.",
      schema: { type: "object", additionalProperties: { type: "string" } },
    },
  },
});
