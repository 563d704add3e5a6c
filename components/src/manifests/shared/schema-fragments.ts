/**
 * JSON Schema pieces shared by several built-in manifests, so one vocabulary
 * (spacing, tones, money, dates) means the same thing on every component.
 */

/** Shared definition schemas are registered with the props validator under these ids. */
const SCHEMA_BASE = "https://finwright.dev/schemas/";

/** Money: a decimal-string amount plus an ISO 4217 currency. Never a float. */
export const moneySchema = { $ref: `${SCHEMA_BASE}money-1.json` } as const;

/** An id that expressions can name (workflow ids, for instance). */
export const identifierSchema = { $ref: `${SCHEMA_BASE}common-1.json#/$defs/identifier` } as const;

/** A list of role names (platform or app-defined). */
export const roleListSchema = { $ref: `${SCHEMA_BASE}common-1.json#/$defs/roleList` } as const;

/** The spacing scale of the theme; components never take raw pixel gaps. */
export const SPACING = ["none", "xs", "sm", "md", "lg", "xl"] as const;

/** Semantic colours, resolved by the theme (so dark and bank themes stay legible). */
export const TONES = ["neutral", "info", "success", "warning", "danger"] as const;

export const TEXT_ALIGN = ["left", "center", "right"] as const;

/** ISO 4217 alphabetic currency code. */
export const CURRENCY_PATTERN = "^[A-Z]{3}$";

/** A plain decimal string, as in money amounts: no exponent, no grouping. */
export const DECIMAL_PATTERN = "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$";

/** A calendar date in ISO 8601 form (YYYY-MM-DD). No time, no zone: dates in finance are business dates. */
export const ISO_DATE_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/** A #rrggbb colour. */
export const HEX_COLOUR_PATTERN = "^#[0-9A-Fa-f]{6}$";

/** Rows of tabular data as queries return them. */
export const rowsSchema = { type: "array", items: { type: "object" } } as const;

/** A workflow task as the server lists it; loose on purpose, the server owns its shape. */
export const taskSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    workflow: { type: "string" },
    instanceId: { type: "string" },
    state: { type: "string" },
    title: { type: "string" },
    status: { enum: ["open", "claimed", "completed", "cancelled"] },
    claimedBy: { type: ["string", "null"] },
    createdAt: { type: "string" },
    due: { type: ["string", "null"] },
    payload: {},
  },
} as const;
