import { suggestion } from "../did-you-mean.js";
import { asString, type ActionSite, type DefinitionIndex } from "../definition-index.js";
import type { Report } from "./report.js";

/** Actions name queries, pages, workflows, components and state keys: each must exist and fit. */
export function checkActions(index: DefinitionIndex, report: Report): void {
  for (const [id, { pointer, value: query }] of index.queries) {
    const connection = asString(query["connection"]);
    if (connection !== undefined && !index.connections.has(connection)) {
      report(`${pointer}/connection`, "ref.unknown-connection", `Query '${id}' uses the connection '${connection}', which does not exist.${suggestion(connection, index.connections.keys())}`);
    }
  }
  const pageIds = new Set(index.pages.map((p) => p.id).filter((id): id is string => id !== undefined));
  for (const site of index.actions) {
    const { action, pointer, context } = site;
    const where = context.where;
    switch (action["action"]) {
      case "runQuery":
        refersTo(site, "query", index.queries, "query", report);
        break;
      case "navigate":
        refersTo(site, "page", pageIds, "page", report);
        break;
      case "startWorkflow":
        refersTo(site, "workflow", index.workflows, "workflow", report);
        break;
      case "setState": {
        const key = asString(action["key"]);
        if (key !== undefined && !index.stateKeys.has(key)) {
          report(`${pointer}/key`, "ref.unknown-state", `${where}: sets the state variable '${key}', which the app does not declare.${suggestion(key, index.stateKeys.keys())} Declare it under "state".`);
        }
        break;
      }
      case "openModal":
      case "closeModal":
        checkComponentTarget(index, site, "isOpen", "a component that opens and closes (a Modal)", report);
        break;
      case "setValue":
      case "resetValue":
        checkComponentTarget(index, site, "value", "an input or a form", report);
        break;
      default:
        break;
    }
  }
}

function refersTo(site: ActionSite, field: string, known: ReadonlySet<string> | ReadonlyMap<string, unknown>, kind: string, report: Report): void {
  const name = asString(site.action[field]);
  if (name === undefined || known.has(name)) return;
  const code = kind === "query" ? "ref.unknown-query" : kind === "page" ? "ref.unknown-page" : "ref.unknown-workflow";
  report(`${site.pointer}/${field}`, code, `${site.context.where}: ${String(site.action["action"])} names the ${kind} '${name}', which does not exist.${suggestion(name, known.keys())}`);
}

function checkComponentTarget(index: DefinitionIndex, site: ActionSite, exposed: string, what: string, report: Report): void {
  const id = asString(site.action["component"]);
  if (id === undefined) return;
  const target = index.nodesById.get(id);
  const pointer = `${site.pointer}/component`;
  if (!target) {
    report(pointer, "ref.unknown-component", `${site.context.where}: ${String(site.action["action"])} names the component '${id}', which does not exist.${suggestion(id, index.nodesById.keys())}`);
    return;
  }
  if (site.context.pageIndex !== undefined && target.pageIndex !== site.context.pageIndex) {
    report(pointer, "ref.component-on-other-page", `${site.context.where}: ${String(site.action["action"])} names '${id}', which is on another page; it can only act on components of its own page.`);
    return;
  }
  const exposes = target.manifest?.exposes ?? {};
  const fits = exposed === "value" ? "value" in exposes || "values" in exposes : exposed in exposes;
  if (target.manifest && !fits) {
    report(pointer, "action.wrong-target", `${site.context.where}: ${String(site.action["action"])} needs ${what}, but '${id}' is a ${target.manifest.label}.`);
  }
}
