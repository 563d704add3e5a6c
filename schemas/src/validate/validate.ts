import type { ComponentManifest } from "../manifest/component-manifest.types.js";
import { compilePropsWithAjv, type PropsCompiler } from "../props/props-ajv.js";
import { validateApp } from "../generated/app-validator.js";
import { buildSourceMap, type SourceMap } from "../json-source/source-locator.js";
import type { GeneratedValidator } from "./app-validator.types.js";
import { isObject, indexDefinition } from "./definition-index.js";
import { resolveLimits, type ValidationLimits } from "./limits.js";
import type { Problem, ProblemCode, ValidationResult } from "./problem.js";
import { schemaProblems } from "./schema-problems.js";
import { checkActions } from "./checks/actions.js";
import { checkBindings } from "./checks/bindings.js";
import { checkComponents } from "./checks/components.js";
import { checkConnections } from "./checks/connections.js";
import { checkCycles } from "./checks/cycles.js";
import { checkIds } from "./checks/ids.js";
import { checkMoney } from "./checks/money.js";
import { checkPages } from "./checks/pages.js";
import { checkRoles } from "./checks/roles.js";
import { checkStateDefaults } from "./checks/state.js";
import { checkWorkflows } from "./checks/workflows.js";
import type { Report } from "./checks/report.js";

export const CURRENT_SCHEMA_VERSION = 1;

export interface ValidateOptions {
  /** The component types the app may use (built-in and third-party). Without them, every type is unknown. */
  readonly manifests?: readonly ComponentManifest[];
  /** The JSON text `doc` was parsed from: problems then carry line and column. */
  readonly source?: string;
  /** A prebuilt source map (validateText passes the one it already has). */
  readonly sourceMap?: SourceMap;
  readonly limits?: Partial<ValidationLimits>;
  /** How props schemas become checks; defaults to ajv at run time (Node). */
  readonly compileProps?: PropsCompiler;
}

/**
 * Validates an app definition: JSON Schema first, then the checks past it.
 * Returns every problem at once and never throws, whatever `doc` is.
 */
export function validate(doc: unknown, options: ValidateOptions = {}): ValidationResult {
  const limits = resolveLimits(options.limits);
  const problems: Problem[] = [];
  const report: Report = (pointer, code, message, severity = "error") => {
    problems.push({ pointer, code, message, severity });
  };
  try {
    runChecks(doc, options, limits, problems, report);
  } catch (error) {
    // A check must never take the whole validation down; say what happened instead.
    report("", "schema.no-match", `The definition could not be fully checked: ${(error as Error).message}`);
  }
  return finish(problems, options, limits);
}

function runChecks(doc: unknown, options: ValidateOptions, limits: ValidationLimits, problems: Problem[], report: Report): void {
  if (!isObject(doc)) {
    report("", "json.not-an-object", "An app definition must be a JSON object ({ … }).");
    return;
  }
  const version = doc["schemaVersion"];
  if (version === undefined) report("/schemaVersion", "version.missing", `The definition has no schemaVersion. Add "schemaVersion": ${CURRENT_SCHEMA_VERSION}.`);
  else if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    report("/schemaVersion", "version.unsupported", `schemaVersion should be a whole number such as ${CURRENT_SCHEMA_VERSION}, not ${JSON.stringify(version)}.`);
  } else if (version > CURRENT_SCHEMA_VERSION) {
    report("/schemaVersion", "version.unsupported", `This definition was written for a newer Finwright (schemaVersion ${version}); this one reads up to ${CURRENT_SCHEMA_VERSION}. Upgrade Finwright to open it.`);
    return;
  } else if (version < CURRENT_SCHEMA_VERSION) {
    report("/schemaVersion", "version.outdated", `This definition uses schemaVersion ${version}. Run 'finwright migrate' to bring it to ${CURRENT_SCHEMA_VERSION}.`);
    return;
  }

  const manifests = new Map((options.manifests ?? []).map((m) => [m.type, m] as const));
  // The index walk runs first: it stops at hostile nesting before the schema check recurses into it.
  const index = indexDefinition(doc, manifests, limits.maxDepth);
  if (index.tooDeepAt !== undefined) {
    report(index.tooDeepAt, "json.too-deep", `The definition is nested more than ${limits.maxDepth} levels deep here, which no real app needs. Flatten it.`);
    return;
  }
  const validator = validateApp as GeneratedValidator;
  if (!validator(doc)) problems.push(...schemaProblems(validator.errors ?? [], doc));

  if (index.nodes.length > limits.maxNodes) {
    report("/pages", "limits.too-many-nodes", `The app has ${index.nodes.length} components; the limit is ${limits.maxNodes}. Split it into several apps.`);
    return;
  }
  checkIds(index, report);
  checkPages(index, report);
  checkRoles(index, report);
  checkComponents(index, report, options.compileProps ?? compilePropsWithAjv);
  checkActions(index, report);
  checkStateDefaults(index, report);
  checkConnections(index, report);
  checkMoney(index, report);
  checkWorkflows(index, report);
  const edges = checkBindings(index, report, limits.maxExpressionLength);
  checkCycles(index, edges, report);
}

/** Drops schema noise that a more specific check already explains, places problems in the text, caps the count. */
function finish(all: Problem[], options: ValidateOptions, limits: ValidationLimits): ValidationResult {
  let problems = dropExplainedNoise(all);
  const sourceMap = options.sourceMap ?? (options.source !== undefined && problems.length > 0 ? safeSourceMap(options.source) : undefined);
  if (sourceMap) {
    problems = problems.map((p) => {
      const position = sourceMap.positionOf(p.pointer);
      return position ? { ...p, line: position.line, column: position.column } : p;
    });
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  }
  if (problems.length > limits.maxProblems) {
    const more = problems.length - limits.maxProblems;
    problems = [...problems.slice(0, limits.maxProblems), tooMany(more)];
  }
  return { valid: !problems.some((p) => p.severity === "error"), problems };
}

/**
 * A specific check explains a problem better than the JSON Schema's generic
 * words: drop schema and prop errors at the same place, and, below a bad money
 * value, the generic complaints about the value that holds it.
 */
function dropExplainedNoise(all: Problem[]): Problem[] {
  const isGeneric = (p: Problem): boolean => p.code.startsWith("schema.") || p.code.startsWith("prop.");
  const specificAt = new Set(all.filter((p) => !isGeneric(p)).map((p) => p.pointer));
  const moneyAt = all.filter((p) => p.code.startsWith("money.")).map((p) => p.pointer);
  return all.filter((p) => {
    if (isGeneric(p) && specificAt.has(p.pointer)) return false;
    const holdsBadMoney = moneyAt.some((m) => m.startsWith(p.pointer + "/"));
    return !(holdsBadMoney && (isGeneric(p) || p.code === "state.default-mismatch"));
  });
}

function tooMany(more: number): Problem {
  const code: ProblemCode = "limits.too-many-problems";
  return { pointer: "", code, message: `${more} more problems were found and are not listed. Fix the ones above first.`, severity: "error" };
}

function safeSourceMap(source: string): SourceMap | undefined {
  try {
    return buildSourceMap(source);
  } catch {
    return undefined;
  }
}
