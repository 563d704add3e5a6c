import { TEXT_ALIGN, TONES } from "../shared/schema-fragments.js";

/** Kinds of cell, each with its own formatting, sorting and alignment. Money cells hold { amount, currency }. */
export const COLUMN_TYPES = ["text", "number", "money", "date", "status", "boolean"] as const;

/** Schema of one Table column. Kept beside the Table manifest because the inspector's column editor reads it. */
export const tableColumnSchema = {
  type: "object",
  required: ["key"],
  additionalProperties: false,
  properties: {
    key: {
      description: "Row field to show; a dotted path reaches into nested objects (e.g. Amount.Currency).",
      type: "string",
      minLength: 1,
      maxLength: 200,
    },
    label: { description: "Column header; the key when empty.", type: "string", maxLength: 200 },
    type: {
      description: "How cells are shown and sorted. Money cells hold { amount, currency } and sort exactly.",
      enum: COLUMN_TYPES,
      default: "text",
    },
    format: {
      description: "Type-specific format: a date pattern such as dd MMM yyyy, or a number of decimal places such as 0.00.",
      type: "string",
      maxLength: 100,
    },
    width: { description: "Width in pixels; shares the free space when empty.", type: "integer", minimum: 32, maximum: 2000 },
    align: { description: "Cell alignment; numbers and money align right by default.", enum: TEXT_ALIGN },
    sortable: { description: "Let users sort by this column (overrides the table setting).", type: "boolean" },
    hidden: { description: "Keep the column out of view (it still counts for search and CSV export).", type: "boolean" },
    tones: {
      description: "For status columns: the badge tone for each value, e.g. { Booked: success, Pending: warning }.",
      type: "object",
      additionalProperties: { enum: TONES },
    },
  },
} as const;
