import type { ComponentManifest } from "../manifest/component-manifest.types.js";
import { joinPointer } from "../json-source/json-pointer.js";

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Where an expression is evaluated, which decides the names it may use. */
export interface SiteContext {
  /** page: in the browser with components; workflow: on the server with instance data only; app: app-wide queries. */
  readonly scope: "page" | "workflow" | "app";
  /** Inside an event handler, where `event` exists. */
  readonly inHandler: boolean;
  /** Inside a query's transform, where `data` is the raw result. */
  readonly inTransform: boolean;
  readonly pageIndex: number | undefined;
  /** Human words for the place, e.g. "Page 'Payments': component 'table1'". */
  readonly where: string;
  /** Dependency-graph node this site belongs to (e.g. "table1.data", "queries.accounts"), if it is reactive. */
  readonly graphNode: string | undefined;
}

/** A string that may hold {{ bindings }}. */
export interface StringSite {
  readonly pointer: string;
  readonly text: string;
  readonly context: SiteContext;
}

export interface ActionSite {
  readonly pointer: string;
  readonly action: JsonObject;
  readonly context: SiteContext;
}

export interface PageEntry {
  readonly pointer: string;
  readonly index: number;
  readonly id: string | undefined;
  readonly title: string;
  readonly page: JsonObject;
}

export interface NodeEntry {
  readonly pointer: string;
  readonly node: JsonObject;
  readonly id: string | undefined;
  readonly type: string | undefined;
  readonly pageIndex: number;
  readonly where: string;
  readonly manifest: ComponentManifest | undefined;
  readonly parent: NodeEntry | undefined;
  /** "children", a slot name, or "root". */
  readonly placement: string;
}

export interface Keyed<T> {
  readonly pointer: string;
  readonly value: T;
}

export interface DefinitionIndex {
  readonly doc: JsonObject;
  readonly manifests: ReadonlyMap<string, ComponentManifest>;
  readonly pages: PageEntry[];
  readonly nodes: NodeEntry[];
  readonly nodesById: Map<string, NodeEntry>;
  readonly queries: Map<string, Keyed<JsonObject>>;
  readonly connections: Map<string, Keyed<JsonObject>>;
  readonly workflows: Map<string, Keyed<JsonObject>>;
  readonly stateKeys: Map<string, Keyed<unknown>>;
  /** Business roles the app declares; null when it declares none (then roles are not checked). */
  readonly declaredRoles: Set<string> | null;
  readonly strings: StringSite[];
  readonly actions: ActionSite[];
  /** Pointers of every place that names a role. */
  readonly roleRefs: Keyed<string>[];
}

/** Collects what the checks need in one defensive pass; the document may be schema-invalid. */
export function indexDefinition(doc: JsonObject, manifests: ReadonlyMap<string, ComponentManifest>): DefinitionIndex {
  const index: DefinitionIndex = {
    doc, manifests, pages: [], nodes: [], nodesById: new Map(), queries: new Map(), connections: new Map(),
    workflows: new Map(), stateKeys: new Map(), declaredRoles: null, strings: [], actions: [], roleRefs: [],
  };
  const roles = asArray(doc["roles"]);
  if (roles.length > 0) {
    (index as { declaredRoles: Set<string> | null }).declaredRoles = new Set(roles.map((r) => asString(isObject(r) ? r["id"] : undefined)).filter((r): r is string => r !== undefined));
  }
  if (isObject(doc["state"])) {
    for (const [key, value] of Object.entries(doc["state"])) index.stateKeys.set(key, { pointer: joinPointer("/state", key), value });
  }
  keyById(doc["connections"], "/connections", index.connections);
  keyById(doc["workflows"], "/workflows", index.workflows);
  keyById(doc["queries"], "/queries", index.queries);

  asArray(doc["pages"]).forEach((page, pageIndex) => {
    if (!isObject(page)) return;
    const pointer = `/pages/${pageIndex}`;
    const title = asString(page["title"]) ?? asString(page["id"]) ?? `#${pageIndex + 1}`;
    index.pages.push({ pointer, index: pageIndex, id: asString(page["id"]), title, page });
    const where = `Page '${title}'`;
    const pageContext: SiteContext = { scope: "page", inHandler: false, inTransform: false, pageIndex, where, graphNode: undefined };
    collectStrings(index, page["title"], `${pointer}/title`, pageContext);
    collectRoles(index, page["roles"], `${pointer}/roles`);
    collectActions(index, page["onLoad"], `${pointer}/onLoad`, { ...pageContext, inHandler: true });
    if (isObject(page["root"])) walkNodes(index, page["root"], `${pointer}/root`, pageIndex, title, undefined, "root");
  });

  for (const [id, { pointer, value: query }] of index.queries) {
    const where = `Query '${id}'`;
    const context: SiteContext = { scope: "app", inHandler: false, inTransform: false, pageIndex: undefined, where, graphNode: `queries.${id}` };
    collectStrings(index, query["params"], `${pointer}/params`, isAutomatic(query) ? context : { ...context, graphNode: undefined });
    collectStrings(index, query["transform"], `${pointer}/transform`, { ...context, inTransform: true, graphNode: undefined });
    collectRoles(index, query["roles"], `${pointer}/roles`);
    for (const key of ["onSuccess", "onError"]) collectActions(index, query[key], `${pointer}/${key}`, { ...context, inHandler: true, graphNode: undefined });
  }

  for (const [id, { pointer, value: workflow }] of index.workflows) {
    asArray(workflow["triggers"]).forEach((t, i) => isObject(t) && collectRoles(index, t["roles"], `${pointer}/triggers/${i}/roles`));
    if (!isObject(workflow["states"])) continue;
    for (const [stateId, state] of Object.entries(workflow["states"])) {
      if (!isObject(state)) continue;
      const statePointer = joinPointer(`${pointer}/states`, stateId);
      const context: SiteContext = { scope: "workflow", inHandler: false, inTransform: false, pageIndex: undefined, where: `Workflow '${id}', step '${stateId}'`, graphNode: undefined };
      for (const key of ["params", "payload", "until"]) collectStrings(index, state[key], `${statePointer}/${key}`, context);
      asArray(state["transitions"]).forEach((t, i) => isObject(t) && collectStrings(index, t["when"], `${statePointer}/transitions/${i}/when`, context));
      const assignee = state["assignee"];
      if (isObject(assignee)) {
        collectStrings(index, assignee["user"], `${statePointer}/assignee/user`, context);
        collectRoles(index, assignee["role"], `${statePointer}/assignee/role`);
      }
      collectRoles(index, state["role"], `${statePointer}/role`);
      if (isObject(state["sla"])) collectRoles(index, state["sla"]["role"], `${statePointer}/sla/role`);
    }
  }
  return index;
}

function isAutomatic(query: JsonObject): boolean {
  return query["run"] === "onLoad" || query["run"] === "onInputChange";
}

function keyById(list: unknown, base: string, into: Map<string, Keyed<JsonObject>>): void {
  asArray(list).forEach((item, i) => {
    if (!isObject(item)) return;
    const id = asString(item["id"]);
    if (id !== undefined && !into.has(id)) into.set(id, { pointer: `${base}/${i}`, value: item });
  });
}

function walkNodes(index: DefinitionIndex, node: JsonObject, pointer: string, pageIndex: number, pageTitle: string, parent: NodeEntry | undefined, placement: string): void {
  const id = asString(node["id"]);
  const type = asString(node["type"]);
  const where = `Page '${pageTitle}': component '${id ?? "?"}'`;
  const entry: NodeEntry = { pointer, node, id, type, pageIndex, where, manifest: type === undefined ? undefined : index.manifests.get(type), parent, placement };
  index.nodes.push(entry);
  if (id !== undefined && !index.nodesById.has(id)) index.nodesById.set(id, entry);
  const base: SiteContext = { scope: "page", inHandler: false, inTransform: false, pageIndex, where, graphNode: undefined };
  if (isObject(node["props"])) {
    for (const [prop, value] of Object.entries(node["props"])) {
      collectStrings(index, value, joinPointer(`${pointer}/props`, prop), { ...base, graphNode: id === undefined ? undefined : `${id}.${prop}` });
    }
  }
  collectStrings(index, node["visible"], `${pointer}/visible`, base);
  collectRoles(index, node["roles"], `${pointer}/roles`);
  if (isObject(node["events"])) {
    for (const [event, handlers] of Object.entries(node["events"])) {
      collectActions(index, handlers, joinPointer(`${pointer}/events`, event), { ...base, inHandler: true });
    }
  }
  asArray(node["children"]).forEach((child, i) => {
    if (isObject(child)) walkNodes(index, child, `${pointer}/children/${i}`, pageIndex, pageTitle, entry, "children");
  });
  if (isObject(node["slots"])) {
    for (const [slot, children] of Object.entries(node["slots"])) {
      asArray(children).forEach((child, i) => {
        if (isObject(child)) walkNodes(index, child, joinPointer(`${pointer}/slots`, slot, i), pageIndex, pageTitle, entry, slot);
      });
    }
  }
}

function collectActions(index: DefinitionIndex, list: unknown, pointer: string, context: SiteContext): void {
  asArray(list).forEach((action, i) => {
    if (!isObject(action)) return;
    const actionPointer = `${pointer}/${i}`;
    index.actions.push({ pointer: actionPointer, action, context });
    for (const [key, value] of Object.entries(action)) {
      if (key === "onSuccess" || key === "onError") collectActions(index, value, `${actionPointer}/${key}`, context);
      else if (key !== "action" && key !== "description" && key !== "id") collectStrings(index, value, joinPointer(actionPointer, key), context);
    }
  });
}

/** Records every string below `value` that contains "{{". */
function collectStrings(index: DefinitionIndex, value: unknown, pointer: string, context: SiteContext): void {
  if (typeof value === "string") {
    if (value.includes("{{")) index.strings.push({ pointer, text: value, context });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collectStrings(index, item, `${pointer}/${i}`, context));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) collectStrings(index, item, joinPointer(pointer, key), context);
  }
}

function collectRoles(index: DefinitionIndex, value: unknown, pointer: string): void {
  if (typeof value === "string") index.roleRefs.push({ pointer, value });
  else asArray(value).forEach((role, i) => typeof role === "string" && index.roleRefs.push({ pointer: `${pointer}/${i}`, value: role }));
}
