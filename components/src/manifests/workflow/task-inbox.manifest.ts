import { defineManifest } from "@finwright/runtime/engine";
import { identifierSchema, roleListSchema, taskSchema } from "../shared/schema-fragments.js";

/**
 * The current user's open workflow tasks. The server only ever returns tasks the
 * user may act on; the props narrow that list, they never widen it.
 */
export const taskInboxManifest = defineManifest({
  type: "TaskInbox",
  version: 1,
  label: "Task inbox",
  category: "workflow",
  icon: "inbox",
  description:
    "Lists the workflow tasks waiting for the current user (approvals, reviews), newest first, with due dates. Opening one selects it, e.g. for an Approval panel.",
  props: {
    type: "object",
    additionalProperties: false,
    properties: {
      title: {
        description: "Title above the list.",
        type: "string",
        maxLength: 200,
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Title",
      },
      workflow: {
        description: "Show only tasks of this workflow (its id); tasks of every workflow of the app when empty.",
        ...identifierSchema,
        "x-editor": "text",
        "x-group": "Data",
        "x-label": "Workflow",
      },
      roles: {
        description: "Show only tasks assigned to these roles; every role the user has when empty.",
        ...roleListSchema,
        "x-editor": "json",
        "x-group": "Data",
        "x-label": "Roles",
      },
      showClaimed: {
        description: "Also show tasks that colleagues have already claimed (read-only for this user).",
        type: "boolean",
        default: false,
        "x-editor": "boolean",
        "x-group": "Behaviour",
        "x-label": "Show claimed tasks",
      },
      pageSize: {
        description: "Tasks per page.",
        type: "integer",
        minimum: 1,
        maximum: 200,
        default: 20,
        "x-editor": "number",
        "x-group": "Behaviour",
        "x-label": "Tasks per page",
      },
      emptyText: {
        description: "Message shown when there is nothing to do.",
        type: "string",
        maxLength: 300,
        default: "No tasks waiting for you",
        "x-editor": "text",
        "x-group": "Content",
        "x-label": "Empty message",
      },
    },
  },
  defaults: { title: "My tasks", showClaimed: false, pageSize: 20 },
  children: false,
  events: {
    taskOpen: {
      label: "Task open",
      description: "The user opened a task (event.task).",
      payload: { type: "object", required: ["task"], properties: { task: taskSchema } },
    },
  },
  exposes: {
    selectedTask: {
      description: "The task the user opened, or null; bind an Approval panel's task to it.",
      schema: { anyOf: [taskSchema, { type: "null" }] },
    },
    count: { description: "How many tasks match the filters (across all pages).", schema: { type: "integer", minimum: 0 } },
  },
});
