import type { EventDeclaration, ExposedValueDeclaration, JsonSchema } from "@finwright/runtime/engine";

/**
 * What every form input has in common: a label, help, required/disabled/read-only
 * and a custom error message. Inside a Form, an input's value appears in
 * `<form>.values.<input id>` and its validity counts towards `<form>.isValid`.
 */
export const inputBaseProps = {
  label: {
    description: "Text shown above (or beside) the input.",
    type: "string",
    maxLength: 200,
    "x-editor": "text",
    "x-group": "Content",
    "x-label": "Label",
  },
  labelPosition: {
    description: "Where the label sits: above the input, or to its left.",
    enum: ["top", "left"],
    default: "top",
    "x-editor": "enum",
    "x-group": "Layout",
    "x-label": "Label position",
  },
  helpText: {
    description: "A hint shown under the input.",
    type: "string",
    maxLength: 500,
    "x-editor": "text",
    "x-group": "Content",
    "x-label": "Help text",
  },
  required: {
    description: "The input must have a value before its form can be submitted.",
    type: "boolean",
    default: false,
    "x-editor": "boolean",
    "x-group": "Validation",
    "x-label": "Required",
  },
  errorMessage: {
    description: "Message shown when the value is invalid, instead of the built-in one.",
    type: "string",
    maxLength: 300,
    "x-editor": "text",
    "x-group": "Validation",
    "x-label": "Custom error message",
  },
  disabled: {
    description: "Greys the input out; its value is kept but cannot be changed.",
    type: "boolean",
    default: false,
    "x-editor": "boolean",
    "x-group": "Behaviour",
    "x-label": "Disabled",
  },
  readOnly: {
    description: "Shows the value as plain, selectable text that cannot be edited.",
    type: "boolean",
    default: false,
    "x-editor": "boolean",
    "x-group": "Behaviour",
    "x-label": "Read-only",
  },
} as const;

/** The placeholder prop, for inputs that have an empty state to describe. */
export const placeholderProp = {
  description: "Greyed-out text shown while the input is empty.",
  type: "string",
  maxLength: 200,
  "x-editor": "text",
  "x-group": "Content",
  "x-label": "Placeholder",
} as const;

/** `value`, `isValid` and `error`, as every input exposes them. */
export function inputExposes(valueSchema: JsonSchema) {
  return {
    value: {
      description: "The current value; starts as the default value.",
      schema: valueSchema,
      derivedFrom: ["defaultValue"],
    },
    isValid: {
      description: "Whether the current value passes the input's validation rules.",
      schema: { type: "boolean" },
    },
    error: {
      description: "The validation message shown to the user, or null when the value is valid.",
      schema: { type: ["string", "null"] },
    },
  } as const satisfies Record<string, ExposedValueDeclaration>;
}

/** The `change` event, with the new value as `event.value`. */
export function changeEvent(valueSchema: JsonSchema): EventDeclaration {
  return {
    label: "Change",
    description: "The user changed the value (read it as event.value).",
    payload: { type: "object", required: ["value"], properties: { value: valueSchema } },
  };
}

/** The `blur` event: the user left the input, a good moment to validate against a server. */
export const blurEvent: EventDeclaration = {
  label: "Blur",
  description: "The user left the input (event.value holds the value).",
  payload: { type: "object", properties: { value: {} } },
};
