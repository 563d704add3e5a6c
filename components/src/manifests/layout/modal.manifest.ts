import { defineManifest } from "@finwright/runtime/engine";

/** A dialog over the page, opened and closed with the openModal / closeModal actions. */
export const modalManifest = defineManifest({
  type: "Modal",
  version: 1,
  label: "Modal",
  category: "layout",
  icon: "modal",
  description: "A dialog over the page. Open it with the openModal action and close it with closeModal (or let the user dismiss it).",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      title: {
        description: "Title in the dialog's header.",
        type: "string",
        maxLength: 200,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Title",
      },
      size: {
        description: "Width of the dialog; full covers the whole window.",
        enum: ["sm", "md", "lg", "xl", "full"],
        default: "md",
        "x-editor": "enum",
        "x-group": "Layout",
        "x-label": "Size",
      },
      closeOnEscape: {
        description: "Close when the user presses Escape.",
        type: "boolean",
        default: true,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Close on Escape",
      },
      closeOnBackdropClick: {
        description: "Close when the user clicks outside the dialog. Turn off for dialogs with unsaved input.",
        type: "boolean",
        default: true,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Close on outside click",
      },
      showCloseButton: {
        description: "Show a close (×) button in the header.",
        type: "boolean",
        default: true,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Show close button",
      },
    },
  },
  defaults: { title: "Modal title", size: "md", closeOnEscape: true },
  slots: {
    body: { label: "Body", description: "The dialog's content." },
    footer: { label: "Footer", description: "A bar at the bottom, usually for Cancel and Confirm buttons." },
  },
  events: {
    open: { label: "Open", description: "The dialog opened." },
    close: { label: "Close", description: "The dialog closed, by an action or by the user." },
  },
  exposes: {
    isOpen: { description: "Whether the dialog is open.", schema: { type: "boolean" } },
  },
});
