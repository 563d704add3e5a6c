/** Every problem code the validator can report. Stable: tools and tests depend on them. */
export const PROBLEM_CODES = [
  "json.syntax", "json.duplicate-key", "json.too-large", "json.too-deep", "json.not-an-object",
  "limits.too-many-nodes", "limits.expression-too-long", "limits.too-many-problems",
  "version.missing", "version.unsupported", "version.outdated",
  "schema.required", "schema.unknown-property", "schema.type", "schema.enum", "schema.const", "schema.pattern",
  "schema.invalid-name", "schema.too-short", "schema.too-long", "schema.too-small", "schema.too-large",
  "schema.too-few", "schema.too-many", "schema.not-unique", "schema.no-match",
  "id.duplicate", "id.reserved", "page.duplicate-path",
  "component.unknown-type", "component.no-children", "component.unknown-slot", "component.child-not-allowed",
  "component.unknown-event", "component.version-from-future",
  "prop.required", "prop.unknown-property", "prop.invalid",
  "action.unknown", "action.wrong-target",
  "ref.unknown-query", "ref.unknown-query-field", "ref.unknown-state", "ref.unknown-component",
  "ref.component-on-other-page", "ref.unknown-component-value", "ref.unknown-page", "ref.unknown-workflow",
  "ref.unknown-connection", "ref.unknown-role", "ref.unknown-name", "ref.unknown-member", "ref.unknown-helper",
  "expression.unclosed", "expression.syntax", "expression.forbidden-name", "expression.unsupported",
  "expression.event-outside-handler", "expression.not-in-workflow",
  "binding.cycle",
  "state.default-mismatch",
  "connection.literal-secret", "connection.binding-in-config",
  "money.invalid-amount", "money.unknown-currency",
  "workflow.unknown-state-type", "workflow.unknown-start", "workflow.unknown-target", "workflow.bad-transition",
  "workflow.dead-end", "workflow.unreachable", "workflow.missing-fallback", "workflow.bad-timer",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  /** JSON Pointer (RFC 6901) to the offending value; "" is the whole document. */
  readonly pointer: string;
  readonly code: ProblemCode;
  /** A sentence a non-developer can act on. */
  readonly message: string;
  /** Errors make a definition invalid; warnings do not. */
  readonly severity: "error" | "warning";
  readonly line?: number;
  readonly column?: number;
}

export interface ValidationResult {
  readonly valid: boolean;
  readonly problems: readonly Problem[];
}
