import { analyseExpression, type ExpressionReference } from "../../expressions/analyse-expression.js";
import { findBindings } from "../../expressions/find-bindings.js";
import { QUERY_FIELDS, SCOPE_ROOTS } from "../../expressions/names.js";
import { parseExpression } from "../../expressions/parse-expression.js";
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
  for (const site of index.strings) {
    const scan = findBindings(site.text);
    if (!scan.ok) {
      report(site.pointer, "expression.unclosed", `${site.context.where}: a binding opened with {{ at character ${scan.index + 1} is never closed with }}.`);
      continue;
    }
    for (const binding of scan.bindings) {
      const shown = shorten(binding.expression);
      if (binding.expression.length > maxExpressionLength) {
        report(site.pointer, "limits.expression-too-long", `${site.context.where}: an expression is ${binding.expression.length} characters long; the limit is ${maxExpressionLength}. Split the logic into a query transform or state.`);
        continue;
      }
      const parsed = parseExpression(binding.expression);
      if (!parsed.ok) {
        report(site.pointer, "expression.syntax", `${site.context.where}: the expression {{ ${shown} }} cannot be read: ${parsed.message} (at character ${parsed.index + 1}).`);
        continue;
      }
      const analysis = analyseExpression(parsed.ast);
      for (const issue of unique(analysis.issues)) report(site.pointer, issue.code, `${site.context.where}: ${issue.message} (in {{ ${shown} }}).`);
      for (const reference of analysis.references) {
        const target = checkReference(index, site, reference, report);
        if (target !== undefined && site.context.graphNode !== undefined) edges.push({ from: site.context.graphNode, to: target, pointer: site.pointer });
      }
    }
  }
  return edges;
}

/** Checks one reference; returns the graph node it reads, if any. */
function checkReference(index: DefinitionIndex, site: StringSite, ref: ExpressionReference, report: Report): string | undefined {
  const { context, pointer } = site;
  const where = context.where;
  const [first, second] = ref.path;
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
    const queryIds = [...index.queries.keys()];
    if (!index.queries.has(first)) return fail("ref.unknown-query", `binds to query '${first}', which does not exist.${suggestion(first, queryIds)}`);
    if (second !== undefined && !QUERY_FIELDS.includes(second)) {
      return fail("ref.unknown-query-field", `reads '${second}' of query '${first}', which has ${QUERY_FIELDS.join(", ")}.${suggestion(second, QUERY_FIELDS)}`);
    }
    return `queries.${first}`;
  }
  if (ref.root === "state") {
    if (first !== undefined && !index.stateKeys.has(first)) {
      return fail("ref.unknown-state", `reads the state variable '${first}', which the app does not declare.${suggestion(first, index.stateKeys.keys())}`);
    }
    return undefined;
  }
  if (ref.root in SCOPE_ROOTS) {
    const members = SCOPE_ROOTS[ref.root];
    if (members && first !== undefined && !members.includes(first)) {
      return fail("ref.unknown-member", `reads '${ref.root}.${first}', but ${ref.root} has only ${members.join(", ")}.${suggestion(first, members)}`);
    }
    return undefined;
  }
  if (ref.root in STDLIB_NAMESPACES) {
    const fns = Object.keys(STDLIB_NAMESPACES[ref.root]!);
    if (first === undefined || !fns.includes(first)) {
      return fail("ref.unknown-helper", `calls '${ref.root}.${first ?? ""}', which is not a helper; ${ref.root} has ${fns.join(", ")}.${first === undefined ? "" : suggestion(first, fns)}`);
    }
    return undefined;
  }
  if (ref.root in STDLIB_FUNCTIONS) return undefined;
  const component = index.nodesById.get(ref.root);
  if (component) {
    if (context.pageIndex !== undefined && component.pageIndex !== context.pageIndex) {
      const page = index.pages.find((p) => p.index === component.pageIndex);
      return fail("ref.component-on-other-page", `reads component '${ref.root}', which is on page '${page?.title ?? "?"}'. Components can only read components on their own page; share values through state.`);
    }
    const exposes = component.manifest ? (component.manifest.exposes ?? {}) : undefined;
    if (first !== undefined && exposes) {
      if (!(first in exposes)) {
        const names = Object.keys(exposes);
        return fail("ref.unknown-component-value", `reads '${first}' of component '${ref.root}', but a ${component.manifest!.label} exposes ${names.length > 0 ? names.join(", ") : "no values"}.${suggestion(first, names)}`);
      }
      return `${ref.root}.${first}`;
    }
    return undefined;
  }
  const known = [...Object.keys(SCOPE_ROOTS), ...Object.keys(STDLIB_NAMESPACES), ...Object.keys(STDLIB_FUNCTIONS), ...index.nodesById.keys()];
  const hint = suggestion(ref.root, known);
  if (index.queries.has(ref.root)) return fail("ref.unknown-name", `reads '${ref.root}', which is a query, not a component. Write queries.${ref.root}.data.`);
  if (index.stateKeys.has(ref.root)) return fail("ref.unknown-name", `reads '${ref.root}', which is a state variable, not a component. Write state.${ref.root}.`);
  return fail("ref.unknown-name", `reads '${ref.root}', which is not a component, a query, state or a helper.${hint}`);
}

function unique<T extends { code: string; message: string }>(issues: readonly T[]): T[] {
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(i.code + i.message) && seen.add(i.code + i.message));
}

function isHelper(name: string): boolean {
  return name in STDLIB_NAMESPACES || name in STDLIB_FUNCTIONS;
}

function shorten(expression: string): string {
  const trimmed = expression.trim().replace(/\s+/g, " ");
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}
