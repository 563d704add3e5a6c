import type { ComponentManifest } from "../manifest/component-manifest.types.js";
import { escapePointerSegment, joinPointer } from "../json-source/json-pointer.js";
import { nestsDeeperThan } from "./limits.js";

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
  /** The dependency-graph node of this very string (a component prop), overriding the context's. */
  readonly graphNode?: string | undefined;
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
  /** Props whose whole value is text with a {{ binding }} (checked when they run, not against the props schema). */
  readonly boundProps: Set<string> | undefined;
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
  /** Literal money values ({ amount, currency }) met on the way. */
  readonly money: Keyed<JsonObject>[];
  /** Currency codes outside money values (settings, props such as currency or allowedCurrencies). */
  readonly currencies: Keyed<string>[];
  /** Where the document nests deeper than the limit, if it does: nothing further is checked then. */
  tooDeepAt: string | undefined;
  readonly maxDepth: number;
}

/** Collects what the checks need in one defensive pass; the document may be schema-invalid. */
const APP_CONTEXT: SiteContext = { scope: "app", inHandler: false, inTransform: false, pageIndex: undefined, where: "The app", graphNode: undefined };

export function indexDefinition(doc: JsonObject, manifests: ReadonlyMap<string, ComponentManifest>, maxDepth: number): DefinitionIndex {
  const index: DefinitionIndex = {
    doc, manifests, pages: [], nodes: [], nodesById: new Map(), queries: new Map(), connections: new Map(),
    workflows: new Map(), stateKeys: new Map(), declaredRoles: null, strings: [], actions: [], roleRefs: [],
    money: [], currencies: [], tooDeepAt: undefined, maxDepth,
  };
  const roles = asArray(doc["roles"]);
  if (roles.length > 0) {
    (index as { declaredRoles: Set<string> | null }).declaredRoles = new Set(roles.map((r) => asString(isObject(r) ? r["id"] : undefined)).filter((r): r is string => r !== undefined));
  }
  if (isObject(doc["state"])) {
    for (const [key, value] of Object.entries(doc["state"])) {
      const pointer = joinPointer("/state", key);
      index.stateKeys.set(key, { pointer, value });
      if (isObject(value)) collectStrings(index, value["default"], `${pointer}/default`, APP_CONTEXT, 3);
    }
  }
  if (isObject(doc["settings"])) collectStrings(index, doc["settings"], "/settings", APP_CONTEXT, 1);
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
    collectStrings(index, page["title"], `${pointer}/title`, pageContext, 3);
    collectRoles(index, page["roles"], `${pointer}/roles`);
    collectActions(index, page["onLoad"], `${pointer}/onLoad`, { ...pageContext, inHandler: true }, 3);
    if (isObject(page["root"])) walkNodes(index, page["root"], `${pointer}/root`, pageIndex, title, undefined, "root", 4);
  });

  // Every query and workflow is scanned, duplicates of an id included (the ids check reports those).
  asArray(doc["queries"]).forEach((query, i) => {
    if (!isObject(query)) return;
    const pointer = `/queries/${i}`;
    const id = asString(query["id"]) ?? `#${i + 1}`;
    const context: SiteContext = { scope: "app", inHandler: false, inTransform: false, pageIndex: undefined, where: `Query '${id}'`, graphNode: `queries.${id}` };
    collectStrings(index, query["params"], `${pointer}/params`, isAutomatic(query) ? context : { ...context, graphNode: undefined }, 3);
    collectStrings(index, query["transform"], `${pointer}/transform`, { ...context, inTransform: true, graphNode: undefined }, 3);
    collectRoles(index, query["roles"], `${pointer}/roles`);
    for (const key of ["onSuccess", "onError"]) collectActions(index, query[key], `${pointer}/${key}`, { ...context, inHandler: true, graphNode: undefined }, 3);
  });

  asArray(doc["workflows"]).forEach((workflow, i) => {
    if (!isObject(workflow)) return;
    const pointer = `/workflows/${i}`;
    const id = asString(workflow["id"]) ?? `#${i + 1}`;
    // `input` is a JSON Schema, not data: only its depth matters here.
    if (isObject(workflow["input"]) && nestsDeeperThan(workflow["input"], index.maxDepth - 3)) index.tooDeepAt ??= `${pointer}/input`;
    asArray(workflow["triggers"]).forEach((t, i) => isObject(t) && collectRoles(index, t["roles"], `${pointer}/triggers/${i}/roles`));
    if (!isObject(workflow["states"])) return;
    for (const [stateId, state] of Object.entries(workflow["states"])) {
      if (!isObject(state)) continue;
      const statePointer = joinPointer(`${pointer}/states`, stateId);
      const context: SiteContext = { scope: "workflow", inHandler: false, inTransform: false, pageIndex: undefined, where: `Workflow '${id}', step '${stateId}'`, graphNode: undefined };
      for (const key of ["params", "payload", "until"]) collectStrings(index, state[key], `${statePointer}/${key}`, context, 5);
      asArray(state["transitions"]).forEach((t, j) => isObject(t) && collectStrings(index, t["when"], `${statePointer}/transitions/${j}/when`, context, 7));
      const assignee = state["assignee"];
      if (isObject(assignee)) {
        collectStrings(index, assignee["user"], `${statePointer}/assignee/user`, context, 6);
        collectRoles(index, assignee["role"], `${statePointer}/assignee/role`);
      }
      collectRoles(index, state["role"], `${statePointer}/role`);
      if (isObject(state["sla"])) collectRoles(index, state["sla"]["role"], `${statePointer}/sla/role`);
    }
  });
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

function walkNodes(index: DefinitionIndex, node: JsonObject, pointer: string, pageIndex: number, pageTitle: string, parent: NodeEntry | undefined, placement: string, depth: number): void {
  if (index.tooDeepAt !== undefined) return;
  if (depth > index.maxDepth) {
    index.tooDeepAt = pointer;
    return;
  }
  const id = asString(node["id"]);
  const type = asString(node["type"]);
  const where = `Page '${pageTitle}': component '${id ?? "?"}'`;
  const entry: { -readonly [K in keyof NodeEntry]: NodeEntry[K] } = {
    pointer, node, id, type, pageIndex, where, manifest: type === undefined ? undefined : index.manifests.get(type), parent, placement, boundProps: undefined,
  };
  index.nodes.push(entry);
  if (id !== undefined && !index.nodesById.has(id)) index.nodesById.set(id, entry);
  const base: SiteContext = { scope: "page", inHandler: false, inTransform: false, pageIndex, where, graphNode: undefined };
  if (isObject(node["props"])) {
    const props = node["props"];
    for (const prop in props) {
      const value = props[prop];
      if (typeof value === "string") {
        if (!value.includes("{{")) continue;
        (entry.boundProps ??= new Set()).add(prop);
      } else if (value === null || typeof value !== "object") continue;
      collectStrings(index, value, `${pointer}/props/${escapePointerSegment(prop)}`, base, depth + 2, id === undefined ? undefined : `${id}.${prop}`);
    }
  }
  collectStrings(index, node["visible"], `${pointer}/visible`, base, depth + 1);
  collectRoles(index, node["roles"], `${pointer}/roles`);
  if (isObject(node["events"])) {
    for (const [event, handlers] of Object.entries(node["events"])) {
      collectActions(index, handlers, joinPointer(`${pointer}/events`, event), { ...base, inHandler: true }, depth + 2);
    }
  }
  asArray(node["children"]).forEach((child, i) => {
    if (isObject(child)) walkNodes(index, child, `${pointer}/children/${i}`, pageIndex, pageTitle, entry, "children", depth + 2);
  });
  if (isObject(node["slots"])) {
    for (const [slot, children] of Object.entries(node["slots"])) {
      asArray(children).forEach((child, i) => {
        if (isObject(child)) walkNodes(index, child, joinPointer(`${pointer}/slots`, slot, i), pageIndex, pageTitle, entry, slot, depth + 3);
      });
    }
  }
}

function collectActions(index: DefinitionIndex, list: unknown, pointer: string, context: SiteContext, depth: number): void {
  if (depth > index.maxDepth) {
    index.tooDeepAt ??= pointer;
    return;
  }
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const action: unknown = list[i];
    if (!isObject(action)) continue;
    const actionPointer = `${pointer}/${i}`;
    index.actions.push({ pointer: actionPointer, action, context });
    for (const key in action) {
      const value = action[key];
      if (key === "onSuccess" || key === "onError") collectActions(index, value, `${actionPointer}/${key}`, context, depth + 3);
      else if (key !== "action" && key !== "description" && key !== "id" && mayHoldBinding(value)) {
        collectStrings(index, value, `${actionPointer}/${escapePointerSegment(key)}`, context, depth + 3);
      }
    }
  }
}

/**
 * Records, below `value`, every string that contains "{{", every literal money
 * value and every currency code. Pointers are built only for what is recorded,
 * and nesting past the limit stops the walk (hostile or cyclic input).
 */
function collectStrings(index: DefinitionIndex, value: unknown, pointer: string, context: SiteContext, depth: number, graphNode?: string): void {
  if (typeof value === "string") {
    if (value.includes("{{")) index.strings.push({ pointer, text: value, context, graphNode });
  } else if (value !== null && typeof value === "object") {
    walkValue(index, value, pointer, [], context, depth, graphNode);
  }
}

/** The recursive half of collectStrings; `path` is shared and only joined into a pointer when something is recorded. */
function walkValue(index: DefinitionIndex, item: unknown, base: string, path: (string | number)[], context: SiteContext, level: number, graphNode: string | undefined): void {
  if (typeof item === "string") {
    if (item.includes("{{")) index.strings.push({ pointer: joinPointer(base, ...path), text: item, context, graphNode });
    return;
  }
  if (item === null || typeof item !== "object" || index.tooDeepAt !== undefined) return;
  if (level > index.maxDepth) {
    index.tooDeepAt = joinPointer(base, ...path);
    return;
  }
  if (Array.isArray(item)) {
    for (let i = 0; i < item.length; i++) {
      const child: unknown = item[i];
      if (child === null || (typeof child !== "object" && typeof child !== "string")) continue;
      path.push(i);
      walkValue(index, child, base, path, context, level + 1, graphNode);
      path.pop();
    }
    return;
  }
  const object = item as JsonObject;
  const isMoney = "amount" in object && "currency" in object;
  if (isMoney) index.money.push({ pointer: joinPointer(base, ...path), value: object });
  for (const key in object) {
    const child = object[key];
    if (!isMoney && key === "currency" && typeof child === "string") index.currencies.push({ pointer: joinPointer(base, ...path, key), value: child });
    else if (key === "allowedCurrencies" && Array.isArray(child)) {
      child.forEach((code, i) => typeof code === "string" && index.currencies.push({ pointer: joinPointer(base, ...path, key, i), value: code }));
    }
    if (child === null || (typeof child !== "object" && typeof child !== "string")) continue;
    path.push(key);
    walkValue(index, child, base, path, context, level + 1, graphNode);
    path.pop();
  }
}

/** Whether a value could hold a binding: literal numbers, booleans and plain text cannot. */
function mayHoldBinding(value: unknown): boolean {
  return typeof value === "string" ? value.includes("{{") : value !== null && typeof value === "object";
}

function collectRoles(index: DefinitionIndex, value: unknown, pointer: string): void {
  if (typeof value === "string") index.roleRefs.push({ pointer, value });
  else asArray(value).forEach((role, i) => typeof role === "string" && index.roleRefs.push({ pointer: `${pointer}/${i}`, value: role }));
}
