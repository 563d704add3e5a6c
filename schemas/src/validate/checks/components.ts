import { joinPointer, valueAtPointer } from "../../json-source/json-pointer.js";
import type { PropsCompiler, PropsSchemaError } from "../../props/props-ajv.js";
import { suggestion } from "../did-you-mean.js";
import { typeWords } from "../type-words.js";
import { collapseAlternatives, formsSentence } from "../collapse-alternatives.js";
import { isObject, type DefinitionIndex, type NodeEntry } from "../definition-index.js";
import type { Report } from "./report.js";

/**
 * Component nodes against their manifests: known type, children and slots the
 * component has, events it emits, props that fit its props schema.
 */
export function checkComponents(index: DefinitionIndex, report: Report, compile: PropsCompiler): void {
  const knownTypes = [...index.manifests.keys()];
  for (const entry of index.nodes) {
    const { node, pointer, manifest, type, where } = entry;
    if (type === undefined) continue;
    checkPlacement(entry, report);
    if (!manifest) {
      report(`${pointer}/type`, "component.unknown-type", `${where} has the type '${type}', which is not a known component.${suggestion(type, knownTypes)}`);
      continue;
    }
    const version = node["version"];
    if (typeof version === "number" && version > manifest.version) {
      report(`${pointer}/version`, "component.version-from-future", `${where} was written for ${manifest.label} version ${version}, but this Finwright has version ${manifest.version}. Update Finwright or the component library.`);
    }
    if (Array.isArray(node["children"]) && node["children"].length > 0 && !manifest.children) {
      const slotHint = manifest.slots ? ` Put them in one of its slots (${Object.keys(manifest.slots).join(", ")}).` : "";
      report(`${pointer}/children`, "component.no-children", `${where}: a ${manifest.label} cannot hold other components.${slotHint}`);
    }
    if (isObject(node["slots"])) {
      const slotNames = Object.keys(manifest.slots ?? {});
      for (const slot of Object.keys(node["slots"])) {
        if (!slotNames.includes(slot)) {
          const known = slotNames.length > 0 ? ` Its slots are: ${slotNames.join(", ")}.${suggestion(slot, slotNames)}` : " It has no slots.";
          report(joinPointer(`${pointer}/slots`, slot), "component.unknown-slot", `${where}: a ${manifest.label} has no slot '${slot}'.${known}`);
        }
      }
    }
    if (isObject(node["events"])) {
      const eventNames = Object.keys(manifest.events ?? {});
      for (const event of Object.keys(node["events"])) {
        if (!eventNames.includes(event)) {
          const known = eventNames.length > 0 ? ` It emits: ${eventNames.join(", ")}.${suggestion(event, eventNames)}` : " It emits no events.";
          report(joinPointer(`${pointer}/events`, event), "component.unknown-event", `${where}: a ${manifest.label} has no event '${event}'.${known}`);
        }
      }
    }
    checkProps(entry, report, compile);
  }
}

function checkPlacement(entry: NodeEntry, report: Report): void {
  const parent = entry.parent?.manifest;
  if (!parent || entry.type === undefined) return;
  const accepts = entry.placement === "children"
    ? (parent.children ? parent.children.accepts : undefined)
    : parent.slots?.[entry.placement]?.accepts;
  if (accepts && !accepts.includes(entry.type)) {
    report(`${entry.pointer}/type`, "component.child-not-allowed", `${entry.where}: a ${entry.type} cannot go inside a ${parent.label}${entry.placement === "children" ? "" : ` slot '${entry.placement}'`}; it accepts ${accepts.join(", ")}.`);
  }
}

function checkProps(entry: NodeEntry, report: Report, compile: PropsCompiler): void {
  const { node, pointer, manifest, where } = entry;
  if (!manifest) return;
  const props = node["props"] ?? {};
  if (!isObject(props)) return;
  // Top-level binding props are checked when they run: leave them out rather than have ajv build errors to discard.
  const bound = entry.boundProps;
  let literal: Record<string, unknown> = props;
  if (bound) {
    literal = {};
    for (const key in props) if (!bound.has(key)) literal[key] = props[key];
  }
  const errors = compile(manifest.props)(literal);
  if (!errors) return;
  const propNames = Object.keys((manifest.props["properties"] as object | undefined) ?? {});
  for (const error of collapseAlternatives(errors)) {
    if (isCausedByBinding(props, error)) continue;
    if (error.keyword === "required" && error.instancePath === "" && bound?.has(String(error.params["missingProperty"]))) continue;
    const at = `${pointer}/props${error.instancePath}`;
    if (error.keyword === "additionalProperties") {
      const name = String(error.params["additionalProperty"]);
      report(joinPointer(at, name), "prop.unknown-property", `${where}: a ${manifest.label} has no property '${name}'.${suggestion(name, propNames)}`);
    } else if (error.keyword === "required") {
      report(at, "prop.required", `${where}: the property '${String(error.params["missingProperty"])}' is required.`);
    } else {
      const prop = error.instancePath === "" ? "props" : `'${error.instancePath.slice(1).replace(/\//g, ".")}'`;
      report(at, "prop.invalid", `${where}: ${prop} ${describePropError(error)}.`);
    }
  }
}

function describePropError(error: PropsSchemaError): string {
  const p = error.params;
  switch (error.keyword) {
    case "type": return `should be ${typeWords(String(p["type"]))} (or a {{ binding }})`;
    case "enum": return `should be one of: ${(p["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const": return `should be ${JSON.stringify(p["allowedValue"])}`;
    case "minimum": return `should be at least ${String(p["limit"])}`;
    case "maximum": return `should be at most ${String(p["limit"])}`;
    case "minLength": return `should have at least ${String(p["limit"])} characters`;
    case "maxLength": return `should have at most ${String(p["limit"])} characters`;
    case "minItems": return `should have at least ${String(p["limit"])} items`;
    case "maxItems": return `should have at most ${String(p["limit"])} items`;
    case "pattern": return "is not in the expected format";
    case "anyOf": case "oneOf": return formsSentence((p["forms"] as string[] | undefined) ?? []);
    default: return error.message ?? "is not valid";
  }
}


/** A prop value that is (or contains, for composite keywords) a {{ binding }} is checked when it runs, not here. */
function isCausedByBinding(props: Record<string, unknown>, error: PropsSchemaError): boolean {
  const value = valueAtPointer(props, error.instancePath);
  if (typeof value === "string" && value.includes("{{")) return true;
  const composite = ["anyOf", "oneOf", "if", "then", "else", "uniqueItems", "contains", "not"];
  return composite.includes(error.keyword) && containsBinding(value);
}

function containsBinding(value: unknown): boolean {
  if (typeof value === "string") return value.includes("{{");
  if (Array.isArray(value)) return value.some(containsBinding);
  if (isObject(value)) return Object.values(value).some(containsBinding);
  return false;
}
