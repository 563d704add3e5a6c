import type { ComponentManifest } from "./component-manifest.types.js";
import { compilePropsWithAjv, type PropsCompiler } from "../props/props-ajv.js";

const TYPE_PATTERN = /^([a-z][A-Za-z0-9-]*\.)?[A-Z][A-Za-z0-9]*$/;
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The contract every component manifest must meet (built-in or third-party).
 * Returns a list of human-readable problems; empty when the manifest is sound.
 */
export function checkManifest(manifest: ComponentManifest, compile: PropsCompiler = compilePropsWithAjv): string[] {
  const problems: string[] = [];
  const where = `Component '${manifest.type}'`;
  if (!TYPE_PATTERN.test(manifest.type)) problems.push(`${where}: type must be PascalCase, optionally namespaced (acme.RiskGauge).`);
  if (!Number.isInteger(manifest.version) || manifest.version < 1) problems.push(`${where}: version must be a whole number from 1.`);
  if (manifest.props["type"] !== "object") problems.push(`${where}: the props schema must have type "object".`);
  let check;
  try {
    check = compile(manifest.props);
  } catch (error) {
    problems.push(`${where}: the props schema does not compile: ${(error as Error).message}`);
  }
  const errors = check?.(manifest.defaults);
  if (errors) {
    for (const e of errors) problems.push(`${where}: default props ${e.instancePath || "/"} ${e.message ?? e.keyword}.`);
  }
  for (const name of [...Object.keys(manifest.slots ?? {}), ...Object.keys(manifest.events ?? {}), ...Object.keys(manifest.exposes ?? {})]) {
    if (!NAME_PATTERN.test(name)) problems.push(`${where}: '${name}' is not a valid slot, event or exposed-value name.`);
  }
  const propNames = Object.keys((manifest.props["properties"] as object | undefined) ?? {});
  for (const [name, value] of Object.entries(manifest.exposes ?? {})) {
    for (const prop of value.derivedFrom ?? []) {
      if (!propNames.includes(prop)) problems.push(`${where}: exposed value '${name}' derives from unknown prop '${prop}'.`);
    }
  }
  for (let v = 1; v < manifest.version; v++) {
    if (typeof manifest.migrations?.[v] !== "function") problems.push(`${where}: no migration from version ${v} to ${v + 1}.`);
  }
  return problems;
}
