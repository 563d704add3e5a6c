import { joinPointer } from "../../json-source/json-pointer.js";
import { isObject, type DefinitionIndex } from "../definition-index.js";
import type { Report } from "./report.js";

const SECRET_KEY = /(secret|password|passwd|token|api[-_]?key|credential|private[-_]?key|passphrase|client[-_]?cert)/i;
const SECRET_REF = /^secret:[A-Za-z0-9_.-]+$/;
// Values that are credentials whatever their key: bearer/basic headers, JWTs, PEM keys.
const SECRET_VALUE = /^(Bearer|Basic)\s+\S{8,}|^eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\.|-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Connection configs hold secret:<name> references, never credentials, and no bindings (they are server-side). */
export function checkConnections(index: DefinitionIndex, report: Report): void {
  for (const [id, { pointer, value: connection }] of index.connections) {
    walk(connection["config"], `${pointer}/config`, undefined, id, report, 3, index.maxDepth);
  }
}

function walk(value: unknown, pointer: string, key: string | undefined, id: string, report: Report, depth: number, maxDepth: number): boolean {
  // A config nested past the limit (hostile, or cyclic when handed in as an object) is reported once and not walked further.
  if (depth > maxDepth) {
    report(pointer, "json.too-deep", `Connection '${id}': the settings are nested more than ${maxDepth} levels deep, which no real connection needs.`);
    return false;
  }
  if (typeof value === "string") {
    if (value.includes("{{")) {
      report(pointer, "connection.binding-in-config", `Connection '${id}': settings are fixed on the server and cannot hold {{ bindings }}. Pass changing values as query parameters instead.`);
    } else if (!SECRET_REF.test(value) && ((key !== undefined && SECRET_KEY.test(key) && value !== "") || SECRET_VALUE.test(value))) {
      report(pointer, "connection.literal-secret", `Connection '${id}': '${key ?? "this value"}' holds a credential written in plain text. Store it as a workspace secret and write "secret:<name>" here instead.`);
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!walk(value[i], `${pointer}/${i}`, key, id, report, depth + 1, maxDepth)) return false;
  } else if (isObject(value)) {
    for (const [k, item] of Object.entries(value)) if (!walk(item, joinPointer(pointer, k), k, id, report, depth + 1, maxDepth)) return false;
  }
  return true;
}
