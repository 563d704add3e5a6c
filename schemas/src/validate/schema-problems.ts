import { joinPointer, valueAtPointer } from "../json-source/json-pointer.js";
import { suggestion } from "./did-you-mean.js";
import type { PropsSchemaError } from "../props/props-ajv.js";
import type { Problem, ProblemCode } from "./problem.js";
import { describePointer } from "./describe-pointer.js";
import { collapseAlternatives, formsSentence } from "./collapse-alternatives.js";
import { typeWords } from "./type-words.js";
import type { JsonObject } from "./definition-index.js";

type SchemaError = PropsSchemaError & { schemaPath: string; propertyName?: string };

/** What each named pattern means, in words a non-developer understands. */
const PATTERN_WORDS: Record<string, string> = {
  "/identifier/": "is not a valid id: use letters, digits and underscores, starting with a letter (e.g. table1)",
  "/slug/": "is not a valid app id: use lower-case letters, digits and hyphens (e.g. payment-approvals)",
  "/roleName/": "is not a valid role name: use lower-case letters, digits, - and _ (e.g. checker)",
  "/duration/": "is not an ISO 8601 duration such as PT4H (four hours) or P2D (two days)",
  "/binding/": "should be a {{ binding }}",
  "money-1.json": "is not a plain decimal amount such as \"1250.00\"",
};

const CODES: Record<string, ProblemCode> = {
  required: "schema.required", additionalProperties: "schema.unknown-property", type: "schema.type", enum: "schema.enum",
  const: "schema.const", pattern: "schema.pattern", minLength: "schema.too-short", maxLength: "schema.too-long",
  minimum: "schema.too-small", maximum: "schema.too-large", minItems: "schema.too-few", minProperties: "schema.too-few",
  maxItems: "schema.too-many", maxProperties: "schema.too-many", uniqueItems: "schema.not-unique", propertyNames: "schema.invalid-name",
};

/** Turns the generated validator's errors into problems, collapsing the noise of composite keywords. */
export function schemaProblems(errors: readonly SchemaError[], doc: JsonObject): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of collapseAlternatives(errors)) {
    if (error.keyword === "oneOf" && hasDiscriminatorError(errors, error)) continue;
    if (error.keyword === "anyOf" || error.keyword === "oneOf") {
      problems.push(make(error.instancePath, "schema.no-match", formsSentence((error.params["forms"] as string[] | undefined) ?? []), doc));
      continue;
    }
    if (error.keyword === "propertyNames") continue; // the inner pattern error names the key itself
    if (error.propertyName !== undefined) {
      const pointer = joinPointer(error.instancePath, error.propertyName);
      const key = `${pointer}|name`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(make(pointer, "schema.invalid-name", `the name '${error.propertyName}' ${patternWords(error.schemaPath) ?? "is not valid"}`, doc));
      continue;
    }
    // schemaVersion has its own, clearer check.
    if ((error.keyword === "const" && error.instancePath === "/schemaVersion") || (error.keyword === "required" && error.instancePath === "" && error.params["missingProperty"] === "schemaVersion")) continue;
    const problem = translate(error, doc);
    const key = `${problem.pointer}|${problem.code}|${problem.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

function hasDiscriminatorError(errors: readonly SchemaError[], error: SchemaError): boolean {
  return errors.some((e) => e.keyword === "discriminator" && e.instancePath === error.instancePath);
}

function translate(error: SchemaError, doc: JsonObject): Problem {
  const p = error.params;
  const at = error.instancePath;
  switch (error.keyword) {
    case "required":
      return make(at, "schema.required", `is missing '${String(p["missingProperty"])}'`, doc);
    case "additionalProperties": {
      const name = String(p["additionalProperty"]);
      const place = describePointer(doc, at);
      const of = place.subject === "it" ? "" : ` of ${place.subject}`;
      return problem(joinPointer(at, name), "schema.unknown-property", `${place.owner}'${name}' is not a known setting${of}.${suggestion(name, allowedProperties(error))}`);
    }
    case "type":
      return make(at, "schema.type", `should be ${typeWords(String(p["type"]))}`, doc);
    case "enum": {
      const allowed = (p["allowedValues"] as unknown[]).map(String);
      return make(at, "schema.enum", `should be one of: ${allowed.join(", ")}.${suggestion(asText(valueAtPointer(doc, at)), allowed)}`, doc, true);
    }
    case "const":
      return make(at, "schema.const", `should be ${JSON.stringify(p["allowedValue"])}`, doc);
    case "pattern":
      return make(at, "schema.pattern", patternWords(error.schemaPath) ?? "is not in the expected format", doc, false, JSON.stringify(valueAtPointer(doc, at)));
    case "discriminator":
      return discriminator(error, doc);
    default: {
      const code = CODES[error.keyword] ?? "schema.no-match";
      return make(at, code, limitWords(error), doc);
    }
  }
}

function discriminator(error: SchemaError, doc: JsonObject): Problem {
  const tag = String(error.params["tag"]);
  const value = error.params["tagValue"];
  const isAction = tag === "action";
  const isState = /\/states\/[^/]+$/.test(error.instancePath);
  const kinds = isAction
    ? ["setState", "runQuery", "navigate", "notify", "openModal", "closeModal", "setValue", "resetValue", "startWorkflow", "copyToClipboard", "download"]
    : isState ? ["task", "approval", "action", "condition", "timer", "end"] : ["manual", "schedule", "webhook"];
  const what = isAction ? "action" : isState ? "workflow step type" : "trigger type";
  const code: ProblemCode = isAction ? "action.unknown" : isState ? "workflow.unknown-state-type" : "schema.enum";
  const hint = typeof value === "string" ? suggestion(value, kinds) : "";
  const place = describePointer(doc, error.instancePath);
  const which = value === undefined ? `has no ${tag}; it should be one of` : `uses the ${what} ${JSON.stringify(value)}, which is not one of`;
  const subject = place.subject === "it" ? place.owner.replace(/: $/, "") : `${place.owner}${place.subject}`;
  return problem(`${error.instancePath}/${tag}`, code, `${subject} ${which}: ${kinds.join(", ")}.${hint}`);
}

function make(pointer: string, code: ProblemCode, detail: string, doc: JsonObject, fullSentence = false, shownValue?: string): Problem {
  const place = describePointer(doc, pointer);
  const subject = shownValue === undefined ? place.subject : `${place.subject} (${shownValue})`;
  const message = fullSentence ? `${place.owner}${subject}: ${detail}` : `${place.owner}${subject} ${detail}.`;
  return problem(pointer, code, message);
}

function problem(pointer: string, code: ProblemCode, message: string): Problem {
  const text = message.replace(/\.\.$/, ".");
  return { pointer, code, message: text.charAt(0).toUpperCase() + text.slice(1), severity: "error" };
}

function patternWords(schemaPath: string): string | undefined {
  for (const [key, words] of Object.entries(PATTERN_WORDS)) if (schemaPath.includes(key)) return words;
  return undefined;
}

function limitWords(error: SchemaError): string {
  const limit = String(error.params["limit"]);
  switch (error.keyword) {
    case "minLength": return limit === "1" ? "should not be empty" : `should have at least ${limit} characters`;
    case "maxLength": return `should have at most ${limit} characters`;
    case "minimum": return `should be at least ${limit}`;
    case "maximum": return `should be at most ${limit}`;
    case "minItems": return `should have at least ${limit} item${limit === "1" ? "" : "s"}`;
    case "maxItems": return `should have at most ${limit} item${limit === "1" ? "" : "s"}`;
    case "minProperties": return `should have at least ${limit} field${limit === "1" ? "" : "s"}`;
    case "maxProperties": return `should have at most ${limit} field${limit === "1" ? "" : "s"}`;
    case "uniqueItems": return "should not list the same value twice";
    default: return error.message ?? "is not valid";
  }
}

function allowedProperties(error: SchemaError): string[] {
  const parent = (error as { parentSchema?: { properties?: object } }).parentSchema;
  return Object.keys(parent?.properties ?? {});
}


function asText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value) ?? "";
}
