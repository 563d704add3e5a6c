import { splitPointer } from "../json-source/json-pointer.js";
import { isObject } from "./definition-index.js";

export interface PlaceWords {
  /** The owning object in words, ending in ": " (or "" at the top of the app). */
  readonly owner: string;
  /** The part of the owner the pointer names, e.g. "props.columns[0].type" or "it". */
  readonly subject: string;
}

/** Describes a pointer as a person would: "Page 'Payments': component 'table1': props.data". */
export function describePointer(doc: unknown, pointer: string): PlaceWords {
  const segments = splitPointer(pointer);
  let owner = "";
  let rest: string[] = segments;
  let value: unknown = doc;
  let page = "";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    value = isObject(value) || Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
    const parent = segments[i - 1];
    const grand = segments[i - 2];
    const id = isObject(value) && typeof value["id"] === "string" ? value["id"] : undefined;
    let found: string | undefined;
    if (grand === undefined && parent === "pages") {
      page = `Page '${isObject(value) && typeof value["title"] === "string" ? value["title"] : id ?? `#${Number(segment) + 1}`}'`;
      found = page;
    } else if ((segment === "root" && i >= 2 && segments[0] === "pages") || parent === "children" || (grand === "slots" && page)) {
      found = `${page}: component '${id ?? "?"}'`;
    } else if (grand === undefined && (parent === "queries" || parent === "connections" || parent === "workflows")) {
      const kind = parent === "queries" ? "Query" : parent === "connections" ? "Connection" : "Workflow";
      found = `${kind} '${id ?? `#${Number(segment) + 1}`}'`;
    } else if (parent === "states" && segments[0] === "workflows" && i === 3) {
      found = `${owner}, step '${segment}'`;
    } else if (parent === "state" && i === 1) {
      found = `State variable '${segment}'`;
    } else if (parent === "roles" && i === 1) {
      found = `Role #${Number(segment) + 1}`;
    }
    if (found !== undefined) {
      owner = found;
      rest = segments.slice(i + 1);
    }
  }
  const subject = rest.length === 0 ? (owner ? "it" : "the definition") : rest.reduce((text, s) => (/^\d+$/.test(s) ? `${text}[${s}]` : text ? `${text}.${s}` : s), "");
  return { owner: owner ? `${owner}: ` : "", subject };
}
