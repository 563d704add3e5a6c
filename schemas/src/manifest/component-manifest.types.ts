/**
 * The React-free half of a component: everything the editor, the validator and
 * the server need to know about a component type without loading its render code.
 */

/** A JSON Schema document (2020-12). Kept loose: ajv is the judge of its shape. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** Editor hints carried inside a props schema as `x-editor`. */
export type EditorHint =
  | "text"
  | "textarea"
  | "number"
  | "boolean"
  | "enum"
  | "money"
  | "binding"
  | "code"
  | "color"
  | "date"
  | "columns"
  | "options"
  | "icon"
  | "json";

/** Keywords, beyond JSON Schema, that a props schema may carry for the editor. */
export const EDITOR_KEYWORDS = ["x-editor", "x-group", "x-label", "x-placeholder", "x-help", "x-order"] as const;

export type ComponentCategory = "layout" | "display" | "data" | "inputs" | "workflow" | "custom";

export interface SlotDeclaration {
  readonly label: string;
  readonly description?: string;
  /** Component types allowed in the slot; any type when absent. */
  readonly accepts?: readonly string[];
}

export interface ChildrenDeclaration {
  /** Component types allowed as children; any type when absent. */
  readonly accepts?: readonly string[];
  readonly max?: number;
}

export interface EventDeclaration {
  readonly label: string;
  readonly description?: string;
  /** Schema of `event` inside the handler's expressions. */
  readonly payload?: JsonSchema;
}

export interface ExposedValueDeclaration {
  readonly description: string;
  readonly schema?: JsonSchema;
  /** Props this value is computed from, so the validator can find binding cycles. */
  readonly derivedFrom?: readonly string[];
}

/** Turns props written for version N into props for version N + 1. Must be pure. */
export type PropsMigration = (props: Readonly<Record<string, unknown>>) => Record<string, unknown>;

export interface ComponentManifest {
  /** PascalCase, namespaced for third-party libraries: `Table`, `acme.RiskGauge`. */
  readonly type: string;
  /** Increments when props change incompatibly; `migrations` bridges the versions. */
  readonly version: number;
  readonly label: string;
  readonly category: ComponentCategory;
  readonly icon: string;
  readonly description: string;
  /** JSON Schema of the props object (type: object), with `x-editor` hints. */
  readonly props: JsonSchema;
  /** Props of a freshly dropped component; must validate against `props`. */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** Whether the component holds an ordered list of children, and which. */
  readonly children?: ChildrenDeclaration | false;
  /** Named regions (Card header/body, Tabs panes, Modal body/footer). */
  readonly slots?: Readonly<Record<string, SlotDeclaration>>;
  readonly events?: Readonly<Record<string, EventDeclaration>>;
  /** Values bindings can read as `<id>.<name>`, e.g. table1.selectedRow. */
  readonly exposes?: Readonly<Record<string, ExposedValueDeclaration>>;
  /** migrations[N] upgrades props from version N to N + 1. */
  readonly migrations?: Readonly<Record<number, PropsMigration>>;
}
