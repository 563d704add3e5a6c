import type { ExpressionReference } from "../../expressions/analyse-expression.js";
import { analyseTemplate } from "../../expressions/analyse-source.js";
import { QUERY_FIELDS, SCOPE_ROOTS } from "../../expressions/names.js";
import { STDLIB_FUNCTIONS, STDLIB_NAMESPACES } from "../../expressions/stdlib-catalog.js";
import { suggestion } from "../did-you-mean.js";
import type { DefinitionIndex, StringSite } from "../definition-index.js";
import type { Report } from "./report.js";

/** An edge of the binding dependency graph: `from` is recomputed when `to` changes. */
export interface DependencyEdge {
  readonly from: string;
  readonly to: string;
  readonly pointer: string;
}

const WORKFLOW_ROOTS = new Set(["workflow", "app"]);

/** Parses every {{ binding }} and checks the names it reads against the app. Returns the dependency edges. */
export function checkBindings(index: DefinitionIndex, report: Report, maxExpressionLength: number): DependencyEdge[] {
  const edges: DependencyEdge[] = [];
  const graphKey = createGraphKeys();
  for (const site of index.strings) {
    const scan = analyseTemplate(site.text);
    if (!scan.ok) {
      report(site.pointer, "expression.unclosed", `${site.context.where}: a binding opened with {{ at character ${scan.index + 1} is never closed with }}.`);
      continue;
    }
    for (const binding of scan.bindings) {
      const shown = (): string => shorten(binding.expression);
      if (binding.expression.length > maxExpressionLength) {
        report(site.pointer, "limits.expression-too-long", `${site.context.where}: an expression is ${binding.expression.length} characters long; the limit is ${maxExpressionLength}. Split the logic into a query transform or state.`);
        continue;
      }
      const analysis = binding.analysis;
      if ("message" in analysis) {
        report(site.pointer, "expression.syntax", `${site.context.where}: the expression {{ ${shown()} }} cannot be read: ${analysis.message} (at character ${analysis.index + 1}).`);
        continue;
      }
      for (const issue of analysis.issues) report(site.pointer, issue.code, `${site.context.where}: ${issue.message} (in {{ ${shown()} }}).`);
      for (const reference of analysis.references) {
        const target = checkReference(index, site, reference, report, graphKey);
        const from = site.graphNode ?? site.context.graphNode;
        if (target !== undefined && from !== undefined) edges.push({ from, to: target, pointer: site.pointer });
      }
    }
  }
  return edges;
}

/** Checks one reference; returns the graph node it reads, if any. */
function checkReference(index: DefinitionIndex, site: StringSite, ref: ExpressionReference, report: Report, graphKey: (root: string, member: string) => string): string | undefined {
  const { context, pointer } = site;
  const where = context.where;
  const first = ref.path[0];
  const second = ref.path[1];
  const fail = (code: Parameters<Report>[1], message: string): undefined => {
    report(pointer, code, `${where} ${message}`);
    return undefined;
  };
  if (context.scope === "workflow" && !WORKFLOW_ROOTS.has(ref.root) && !isHelper(ref.root)) {
    return fail("expression.not-in-workflow", `uses '${ref.root}', which is not available in a workflow (it runs on the server); use workflow.data, the instance's data, instead.`);
  }
  if (ref.root === "data" && context.inTransform) return undefined;
  if (ref.root === "event") {
    return context.inHandler ? undefined : fail("expression.event-outside-handler", "uses 'event', which only exists inside an event handler.");
  }
  if (ref.root === "queries") {
    if (first === undefined) return undefined;
    if (!index.queries.has(first)) return fail("ref.unknown-query", `binds to query '${first}', which does not exist.${suggestion(first, index.queries.keys())}`);
    if (second !== undefined && !QUERY_FIELDS.includes(second)) {
      return fail("ref.unknown-query-field", `reads '${second}' of query '${first}', which has ${QUERY_FIELDS.join(", ")}.${suggestion(second, QUERY_FIELDS)}`);
    }
    return graphKey("queries", first);
  }
  if (ref.root === "state") {
    if (first !== undefined && !index.stateKeys.has(first)) {
      return fail("ref.unknown-state", `reads the state variable '${first}', which the app does not declare.${suggestion(first, index.stateKeys.keys())}`);
    }
    return undefined;
  }
  if (Object.hasOwn(SCOPE_ROOTS, ref.root)) {
    const members = SCOPE_ROOTS[ref.root];
    if (members && first !== undefined && !members.includes(first)) {
      return fail("ref.unknown-member", `reads '${ref.root}.${first}', but ${ref.root} has only ${members.join(", ")}.${suggestion(first, members)}`);
    }
    return undefined;
  }
  const namespace = STDLIB_NAMESPACES[ref.root];
  if (namespace) {
    if (first === undefined || !Object.hasOwn(namespace, first)) {
      const fns = Object.keys(namespace);
      return fail("ref.unknown-helper", `calls '${ref.root}.${first ?? ""}', which is not a helper; ${ref.root} has ${fns.join(", ")}.${first === undefined ? "" : suggestion(first, fns)}`);
    }
    return undefined;
  }
  if (Object.hasOwn(STDLIB_FUNCTIONS, ref.root)) return undefined;
  const component = index.nodesById.get(ref.root);
  if (component) {
    if (context.pageIndex !== undefined && component.pageIndex !== context.pageIndex) {
      const page = index.pages.find((p) => p.index === component.pageIndex);
      return fail("ref.component-on-other-page", `reads component '${ref.root}', which is on page '${page?.title ?? "?"}'. Components can only read components on their own page; share values through state.`);
    }
    const exposes = component.manifest ? (component.manifest.exposes ?? {}) : undefined;
    if (first !== undefined && exposes) {
      if (!Object.hasOwn(exposes, first)) {
        const names = Object.keys(exposes);
        return fail("ref.unknown-component-value", `reads '${first}' of component '${ref.root}', but a ${component.manifest!.label} exposes ${names.length > 0 ? names.join(", ") : "no values"}.${suggestion(first, names)}`);
      }
      return graphKey(ref.root, first);
    }
    return undefined;
  }
  const known = [...Object.keys(SCOPE_ROOTS), ...Object.keys(STDLIB_NAMESPACES), ...Object.keys(STDLIB_FUNCTIONS), ...index.nodesById.keys()];
  const hint = suggestion(ref.root, known);
  if (index.queries.has(ref.root)) return fail("ref.unknown-name", `reads '${ref.root}', which is a query, not a component. Write queries.${ref.root}.data.`);
  if (index.stateKeys.has(ref.root)) return fail("ref.unknown-name", `reads '${ref.root}', which is a state variable, not a component. Write state.${ref.root}.`);
  return fail("ref.unknown-name", `reads '${ref.root}', which is not a component, a query, state or a helper.${hint}`);
}

/**
 * Graph keys ("queries.accounts", "table1.selectedRow") built once per validation: the same
 * key is met on many bindings, and a fresh concatenation would be re-hashed every time.
 */
function createGraphKeys(): (root: string, member: string) => string {
  const keys = new Map<string, Map<string, string>>();
  return (root, member) => {
    let members = keys.get(root);
    if (!members) keys.set(root, (members = new Map<string, string>()));
    let key = members.get(member);
    if (key === undefined) members.set(member, (key = `${root}.${member}`));
    return key;
  };
}

function isHelper(name: string): boolean {
  return name in STDLIB_NAMESPACES || name in STDLIB_FUNCTIONS;
}

function shorten(expression: string): string {
  const trimmed = expression.trim().replace(/\s+/g, " ");
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}
