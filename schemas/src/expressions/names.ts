/** Names that no expression may use, as a variable or as a property: the doors out of the data sandbox. */
export const FORBIDDEN_PROPERTIES: ReadonlySet<string> = new Set([
  "constructor", "__proto__", "prototype",
  "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
]);

/** Global objects of browsers and Node; naming one is an escape attempt or a mistake, never data. */
export const FORBIDDEN_GLOBALS: ReadonlySet<string> = new Set([
  "globalThis", "window", "self", "global", "document", "navigator", "location", "history",
  "Function", "eval", "process", "require", "module", "exports", "import", "Buffer",
  "fetch", "XMLHttpRequest", "WebSocket", "Worker", "importScripts", "postMessage",
  "setTimeout", "setInterval", "setImmediate", "queueMicrotask", "Reflect", "Proxy", "Object",
  "Symbol", "Promise", "WebAssembly", "Atomics", "SharedArrayBuffer", "localStorage",
  "sessionStorage", "indexedDB", "caches", "crypto", "alert", "confirm", "prompt",
  "this", "arguments", "new", "typeof", "delete", "void", "in", "instanceof", "async", "await", "yield",
]);

/** Literal-like names that expressions may use freely. */
export const LITERAL_NAMES: ReadonlySet<string> = new Set(["undefined", "NaN", "Infinity"]);

/** The roots of the expression scope, with their known members (null: any member). */
export const SCOPE_ROOTS: Readonly<Record<string, readonly string[] | null>> = {
  state: null,
  queries: null,
  user: ["id", "name", "email", "roles"],
  app: ["id", "name", "version", "environment", "locale", "currency"],
  page: ["id", "path", "title", "params"],
  workflow: ["id", "instanceId", "state", "data", "initiator", "approvals", "startedAt"],
  event: null,
};

/** What an expression may read on a query: `queries.<id>.<field>`. */
export const QUERY_FIELDS: readonly string[] = ["data", "isLoading", "error", "lastRunAt", "params"];

export function isForbiddenName(name: string): boolean {
  return FORBIDDEN_PROPERTIES.has(name) || FORBIDDEN_GLOBALS.has(name);
}
