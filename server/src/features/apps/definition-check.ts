import { builtinManifests } from "@finwright/components/manifests";
import { migrate, validate, type Problem } from "@finwright/schemas";
import { HttpProblem, type ProblemItem } from "../../http/errors/problem.js";
import { findUnstorableText } from "./storable-text.js";

/** A definition that passed validate(): a JSON object, with the id (slug) and name every valid one has. */
export interface CheckedDefinition {
  readonly document: Record<string, unknown>;
  readonly slug: string;
  readonly name: string;
}

/**
 * Validates a definition before anything is stored: the checks of
 * validate() with the built-in component manifests, plus what PostgreSQL
 * cannot store. Throws a 422 listing every problem, each with a JSON Pointer
 * into the request body (`pointerPrefix` is where the definition sits in it).
 */
export function checkDefinition(doc: unknown, pointerPrefix: string): CheckedDefinition {
  const unstorable = findUnstorableText(doc, pointerPrefix);
  if (unstorable !== undefined) {
    throw invalidDefinition([{ pointer: unstorable, code: "json.unstorable-text", message: "This text contains a NUL character or a broken UTF-16 surrogate, which cannot be stored: remove it." }]);
  }
  const result = validate(doc, { manifests: builtinManifests });
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (!result.valid) throw invalidDefinition(errors.map((problem) => asItem(problem, pointerPrefix)));
  // validate() guarantees an object with a slug-shaped id and a name once it says valid.
  const document = doc as Record<string, unknown>;
  return { document, slug: String(document["id"]), name: String(document["name"]) };
}

/**
 * For import: brings an older definition to the current schemaVersion (and
 * component versions) first, then checks it. Returns what was migrated.
 */
export function migrateAndCheckDefinition(doc: unknown): CheckedDefinition & { readonly migrated: readonly string[] } {
  const migration = migrate(doc, { manifests: builtinManifests });
  if (!migration.ok) {
    // validate() explains most refusals (not an object, a newer schemaVersion) with a pointer.
    checkDefinition(doc, "");
    throw invalidDefinition([{ pointer: "", code: "version.unsupported", message: migration.error }]);
  }
  return { ...checkDefinition(migration.doc, ""), migrated: migration.applied };
}

function asItem(problem: Problem, pointerPrefix: string): ProblemItem {
  return { pointer: `${pointerPrefix}${problem.pointer}`, code: problem.code, message: problem.message };
}

function invalidDefinition(errors: readonly ProblemItem[]): HttpProblem {
  const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
  return new HttpProblem(422, "Invalid app definition", `The app definition has ${count}; nothing was saved. Fix each one listed in 'errors' and send it again.`, {
    type: "https://finwright.dev/problems/invalid-definition",
    errors,
  });
}
