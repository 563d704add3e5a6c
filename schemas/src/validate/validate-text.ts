import { splitPointer } from "../json-source/json-pointer.js";
import { countMembers, prescanJson } from "../json-source/prescan.js";
import { buildSourceMap, positionAt, type SourceMap } from "../json-source/source-locator.js";
import { resolveLimits, type ValidationLimits } from "./limits.js";
import type { Problem, ValidationResult } from "./problem.js";
import { validate, type ValidateOptions } from "./validate.js";

export interface TextValidationResult extends ValidationResult {
  /** The parsed document, when the text was JSON. */
  readonly doc?: unknown;
}

export type ParsedText =
  | { readonly ok: true; readonly doc: unknown; readonly body: string; readonly members: number }
  | { readonly ok: false; readonly problem: Problem };

/**
 * Reads JSON text as Finwright does everywhere: refuses oversized or over-deep
 * input before parsing, and reports a syntax error with line and column.
 * `members` counts the object members in the text (duplicate keys show as a
 * difference from the parsed document). Never throws.
 */
export function parseDefinitionText(text: string, limitOverrides?: Partial<ValidationLimits>): ParsedText {
  const limits = resolveLimits(limitOverrides);
  const fail = (problem: Problem): ParsedText => ({ ok: false, problem });
  if (exceedsUtf8Bytes(text, limits.maxBytes)) {
    return fail({ pointer: "", code: "json.too-large", severity: "error", message: `The file is larger than the ${formatBytes(limits.maxBytes)} limit. An app definition is normally far smaller; check it is the right file.` });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const scan = prescanJson(body, limits.maxDepth);
  if (scan.tooDeepAt !== -1) {
    const at = positionAt(body, scan.tooDeepAt);
    return fail({ pointer: "", code: "json.too-deep", severity: "error", line: at.line, column: at.column, message: `The file is nested more than ${limits.maxDepth} levels deep, which no real app needs.` });
  }
  try {
    return { ok: true, doc: JSON.parse(body), body, members: scan.members };
  } catch (error) {
    return fail(syntaxProblem(body, error as Error));
  }
}

/**
 * Validates JSON text: parses it with parseDefinitionText, reports duplicate
 * keys with line and column, then runs `validate` on the parsed document. Never throws.
 */
export function validateText(text: string, options: Omit<ValidateOptions, "source" | "sourceMap"> = {}): TextValidationResult {
  const parsed = parseDefinitionText(text, options.limits);
  if (!parsed.ok) return { valid: false, problems: [parsed.problem] };
  const { doc, body } = parsed;
  let sourceMap: SourceMap | undefined;
  const duplicates: Problem[] = [];
  if (countMembers(doc) !== parsed.members) {
    sourceMap = buildSourceMap(body);
    for (const d of sourceMap.duplicateKeys) {
      const name = splitPointer(d.pointer).at(-1) ?? "";
      const isId = /^\/workflows\/\d+\/states\/[^/]+$/.test(d.pointer) || /^\/state\/[^/]+$/.test(d.pointer);
      duplicates.push({
        pointer: d.pointer, code: isId ? "id.duplicate" : "json.duplicate-key", severity: "error", line: d.position.line, column: d.position.column,
        message: `'${name}' appears twice in the same object (first on line ${d.firstPosition.line}); only the last one would count. Remove or rename one.`,
      });
    }
  }
  const result = validate(doc, { ...options, source: body, ...(sourceMap ? { sourceMap } : {}) });
  const problems = [...duplicates, ...result.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { valid: result.valid && duplicates.length === 0, problems, doc };
}

function syntaxProblem(text: string, error: Error): Problem {
  // V8 says "... at position N" (and newer versions add "(line L column C)").
  const match = /position (\d+)/.exec(error.message);
  const offset = match ? Number(match[1]) : text.length;
  const at = positionAt(text, offset);
  const reason = error.message.replace(/^JSON\.parse: /, "").replace(/ in JSON at position \d+.*$/, "").replace(/, "[\s\S]*" is not valid JSON$/, "");
  const empty = text.trim() === "";
  return {
    pointer: "", code: "json.syntax", severity: "error", line: at.line, column: at.column,
    message: empty ? "The file is empty; an app definition is a JSON object." : `This is not valid JSON: ${reason}. Check for a missing comma, quote or bracket near line ${at.line}, column ${at.column}.`,
  };
}

/** Whether the text takes more than `limit` bytes in UTF-8, counted without encoding it. */
function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true; // at least one byte per UTF-16 unit
  if (text.length * 3 <= limit) return false; // at most three bytes per unit
  let bytes = text.length;
  const nonAscii = /[\u0080-\uffff]/g;
  let match: RegExpExecArray | null;
  while ((match = nonAscii.exec(text)) !== null) {
    const c = text.charCodeAt(match.index);
    // Two bytes below U+0800; three above, except surrogate halves, which make four bytes as a pair.
    bytes += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
    if (bytes > limit) return true;
  }
  return false;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
