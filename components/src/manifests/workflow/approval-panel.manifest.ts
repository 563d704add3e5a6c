import { defineManifest } from "@finwright/runtime/engine";
import { taskSchema } from "../shared/schema-fragments.js";

/**
 * Approve or reject one approval task. The server enforces four-eyes (no
 * self-approval) and role checks; the panel only mirrors them in its buttons.
 */
export const approvalPanelManifest = defineManifest({
  type: "ApprovalPanel",
  version: 1,
  label: "Approval panel",
  category: "workflow",
  icon: "approval",
  description:
    "Shows what an approval task asks for, with Approve and Reject buttons and a comment box. Bind its task to a Task inbox, e.g. {{ inbox1.selectedTask }}.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      task: {
        description: "The approval task to act on, e.g. {{ inbox1.selectedTask }}; the panel is empty when null.",
        type: ["object", "null"],
        default: null,
        "x-editor": "binding",
        "x-group": "Data",
        "x-label": "Task",
      },
      showDiff: {
        description: "Highlight what changed in the payload since the last approved version.",
        type: "boolean",
        default: true,
        "x-editor": "boolean",
        "x-group": "Content",
        "x-label": "Show changes",
      },
      showHistory: {
        description: "List earlier approvals and rejections of the same workflow instance.",
        type: "boolean",
        default: true,
        "x-editor": "boolean",
        "x-group": "Content",
        "x-label": "Show history",
      },
      requireComment: {
        description: "When the approver must write a comment: only to reject, always, or never.",
        enum: ["reject", "always", "never"],
        default: "reject",
        "x-editor": "enum",
        "x-group": "Validation",
        "x-label": "Comment required",
      },
      approveText: {
        description: "Label of the approve button.",
        type: "string",
        minLength: 1,
        maxLength: 100,
        default: "Approve",
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Approve button text",
      },
      rejectText: {
        description: "Label of the reject button.",
        type: "string",
        minLength: 1,
        maxLength: 100,
        default: "Reject",
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Reject button text",
      },
    },
  },
  defaults: { task: null, showDiff: true, requireComment: "reject" },
  children: false,
  events: {
    approved: {
      label: "Approved",
      description: "The server recorded the approval (event.task, event.comment).",
      payload: {
        type: "object",
        required: ["task"],
        properties: { task: taskSchema, comment: { type: "string" } },
      },
    },
    rejected: {
      label: "Rejected",
      description: "The server recorded the rejection (event.task, event.comment).",
      payload: {
        type: "object",
        required: ["task"],
        properties: { task: taskSchema, comment: { type: "string" } },
      },
    },
  },
  exposes: {
    decision: {
      description: "approved or rejected once the user has decided on the current task, otherwise null.",
      schema: { enum: ["approved", "rejected", null] },
      derivedFrom: ["task"],
    },
  },
});
