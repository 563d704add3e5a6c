import type { ComponentManifest } from "../manifest/component-manifest.types.js";
import { CURRENT_SCHEMA_VERSION } from "../validate/validate.js";
import type { MigrationResult, MigrationStep } from "./migration.types.js";
import { MIGRATION_STEPS } from "./steps.js";

export interface MigrateOptions {
  /** Component manifests, to bring each node's props up to its component's current version. */
  readonly manifests?: readonly ComponentManifest[];
}

/** Brings any older definition to the current schemaVersion. Never mutates its input, never throws. */
export function migrate(doc: unknown, options: MigrateOptions = {}): MigrationResult {
  return createMigrator(MIGRATION_STEPS, CURRENT_SCHEMA_VERSION)(doc, options);
}

/** Builds a migrate function from a list of steps; exposed so the mechanism can be tested with its own steps. */
export function createMigrator(steps: readonly MigrationStep[], current: number) {
  const byFrom = new Map(steps.map((s) => [s.from, s]));
  return (input: unknown, options: MigrateOptions = {}): MigrationResult => {
    if (input === null || typeof input !== "object" || Array.isArray(input)) return { ok: false, error: "An app definition must be a JSON object." };
    const version = (input as Record<string, unknown>)["schemaVersion"];
    if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
      return { ok: false, error: `schemaVersion must be a whole number from 1; found ${JSON.stringify(version)}.` };
    }
    if (version > current) {
      return { ok: false, error: `This definition was written for a newer Finwright (schemaVersion ${version}); this one reads up to ${current}. Upgrade Finwright to open it.` };
    }
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    } catch {
      return { ok: false, error: "The definition is not plain JSON data (or is nested too deeply)." };
    }
    const applied: string[] = [];
    for (let v = version; v < current; v++) {
      const step = byFrom.get(v);
      if (!step) return { ok: false, error: `No migration from schemaVersion ${v} to ${v + 1} is registered.` };
      try {
        doc = { ...step.migrate(doc), schemaVersion: v + 1 };
      } catch (error) {
        return { ok: false, error: `Migrating from schemaVersion ${v} to ${v + 1} failed: ${(error as Error).message}` };
      }
      applied.push(`${v} → ${v + 1}: ${step.description}`);
    }
    const componentResult = migrateComponents(doc, options.manifests ?? [], applied);
    if (componentResult) return { ok: false, error: componentResult };
    return { ok: true, doc, applied, changed: applied.length > 0 };
  };
}

/** Upgrades each node's props written for an older component version; returns an error message or undefined. */
function migrateComponents(doc: Record<string, unknown>, manifests: readonly ComponentManifest[], applied: string[]): string | undefined {
  if (manifests.length === 0) return undefined;
  const byType = new Map(manifests.map((m) => [m.type, m]));
  const stack: unknown[] = Array.isArray(doc["pages"]) ? doc["pages"].map((p) => (p as Record<string, unknown> | null)?.["root"]) : [];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object" || Array.isArray(node)) continue;
    const n = node as Record<string, unknown>;
    const manifest = typeof n["type"] === "string" ? byType.get(n["type"]) : undefined;
    const from = n["version"];
    if (manifest && typeof from === "number" && Number.isInteger(from) && from < manifest.version) {
      let props = (n["props"] ?? {}) as Record<string, unknown>;
      for (let v = from; v < manifest.version; v++) {
        const step = manifest.migrations?.[v];
        if (!step) return `${manifest.label} has no migration from version ${v} to ${v + 1} (component '${String(n["id"])}').`;
        props = step(props);
      }
      n["props"] = props;
      n["version"] = manifest.version;
      applied.push(`component '${String(n["id"])}': ${manifest.type} ${from} → ${manifest.version}`);
    }
    if (Array.isArray(n["children"])) stack.push(...(n["children"] as unknown[]));
    if (n["slots"] && typeof n["slots"] === "object") {
      for (const list of Object.values(n["slots"] as Record<string, unknown>)) if (Array.isArray(list)) stack.push(...(list as unknown[]));
    }
  }
  return undefined;
}
