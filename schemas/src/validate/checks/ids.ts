import { FORBIDDEN_GLOBALS, FORBIDDEN_PROPERTIES, LITERAL_NAMES, SCOPE_ROOTS } from "../../expressions/names.js";
import { STDLIB_FUNCTIONS, STDLIB_NAMESPACES } from "../../expressions/stdlib-catalog.js";
import { asArray, asString, isObject, type DefinitionIndex } from "../definition-index.js";
import type { Report } from "./report.js";

const KEYWORDS = ["true", "false", "null", "data"];

/** Names an id must not take, because expressions would read something else under that name. */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  ...Object.keys(SCOPE_ROOTS), ...Object.keys(STDLIB_NAMESPACES), ...Object.keys(STDLIB_FUNCTIONS),
  ...FORBIDDEN_GLOBALS, ...FORBIDDEN_PROPERTIES, ...LITERAL_NAMES, ...KEYWORDS,
]);

interface Owner { kind: string; id: string }

/** Pages, components, queries, connections and workflows share one namespace: every id is unique in the app. */
export function checkIds(index: DefinitionIndex, report: Report): void {
  const seen = new Map<string, Owner>();
  const claim = (id: unknown, pointer: string, kind: string): void => {
    if (typeof id !== "string") return;
    const idPointer = `${pointer}/id`;
    // Only components live in the root of the expression scope; other ids just must not be sandbox escapes.
    if (kind === "component" ? RESERVED_IDS.has(id) : FORBIDDEN_PROPERTIES.has(id)) {
      report(idPointer, "id.reserved", `The ${kind} id '${id}' is a reserved name that expressions use for something else. Choose another id, such as '${id}1'.`);
      return;
    }
    const first = seen.get(id);
    if (first) {
      report(idPointer, "id.duplicate", `The id '${id}' is used twice: by ${first.kind} '${first.id}' and by this ${kind}. Every id must be unique in the app.`);
    } else seen.set(id, { kind, id });
  };
  asArray(index.doc["pages"]).forEach((p, i) => isObject(p) && claim(p["id"], `/pages/${i}`, "page"));
  for (const node of index.nodes) claim(node.id, node.pointer, "component");
  for (const key of ["queries", "connections", "workflows"] as const) {
    const kind = key === "queries" ? "query" : key.slice(0, -1);
    asArray(index.doc[key]).forEach((item, i) => isObject(item) && claim(item["id"], `/${key}/${i}`, kind));
  }
  const roleIds = new Set<string>();
  asArray(index.doc["roles"]).forEach((r, i) => {
    const id = isObject(r) ? asString(r["id"]) : undefined;
    if (id === undefined) return;
    if (roleIds.has(id)) report(`/roles/${i}/id`, "id.duplicate", `The role '${id}' is declared twice.`);
    roleIds.add(id);
  });
  for (const [key, { pointer }] of index.stateKeys) {
    if (RESERVED_IDS.has(key) && key !== "data") report(pointer, "id.reserved", `The state variable '${key}' has a reserved name. Choose another name.`);
  }
}
