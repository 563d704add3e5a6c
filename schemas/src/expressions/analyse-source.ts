import { analyseExpression, type ExpressionAnalysis } from "./analyse-expression.js";
import { findBindings } from "./find-bindings.js";
import { FORBIDDEN_GLOBALS, FORBIDDEN_PROPERTIES, LITERAL_NAMES } from "./names.js";
import { parseExpression } from "./parse-expression.js";

export type SourceAnalysis = ExpressionAnalysis | { readonly message: string; readonly index: number };

// `queries.accounts.data`, `input1.value`, `table1.selectedRow?.id`: most bindings are a plain path.
const PLAIN_PATH = /^\s*[A-Za-z_$][\w$]*(?:\s*\??\.\s*[A-Za-z_$][\w$]*)*\s*$/;
const JSEP_LITERALS = new Set(["true", "false", "null", "this"]);

/**
 * Parses and analyses the text inside {{ }}. A plain member path is read
 * directly (it needs no parser); anything else, and any path naming a
 * forbidden or literal name, goes through jsep and the full grammar check, so
 * both routes give the same answer.
 */
export function analyseSource(source: string): SourceAnalysis {
  let analysis = cache.get(source);
  if (analysis === undefined) {
    analysis = analyseUncached(source);
    // First in, first out: cheap, and a working set (one app in the editor) stays far below the bound.
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(source, analysis);
  }
  return analysis;
}

/** A string's bindings, each with its analysis; or where an unclosed {{ starts. */
export type TemplateAnalysis =
  | { readonly ok: true; readonly bindings: readonly { readonly expression: string; readonly analysis: SourceAnalysis }[] }
  | { readonly ok: false; readonly index: number };

/** Finds and analyses every {{ binding }} of a string, cached like single expressions. */
export function analyseTemplate(text: string): TemplateAnalysis {
  let result = templates.get(text);
  if (result === undefined) {
    const scan = findBindings(text);
    result = scan.ok
      ? Object.freeze({ ok: true as const, bindings: Object.freeze(scan.bindings.map((b) => Object.freeze({ expression: b.expression, analysis: analyseSource(b.expression) }))) })
      : Object.freeze({ ok: false as const, index: scan.index });
    if (templates.size >= CACHE_LIMIT) templates.delete(templates.keys().next().value!);
    templates.set(text, result);
  }
  return result;
}

/**
 * Analyses are a pure function of the text, so they are kept across calls:
 * the editor re-validates on every change and the server on every save, with
 * nearly every expression unchanged. Results are frozen and shared; callers never mutate them.
 */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, SourceAnalysis>();
const templates = new Map<string, TemplateAnalysis>();

/** Empties the expression cache (for memory-constrained hosts, and to measure cold validation). */
export function clearExpressionCache(): void {
  cache.clear();
  templates.clear();
}

function analyseUncached(source: string): SourceAnalysis {
  if (PLAIN_PATH.test(source)) {
    const [root, ...path] = source.split(/\??\./).map((part) => part.trim());
    const names = [root!, ...path];
    if (!names.some((n) => FORBIDDEN_PROPERTIES.has(n) || FORBIDDEN_GLOBALS.has(n) || LITERAL_NAMES.has(n) || JSEP_LITERALS.has(n))) {
      return Object.freeze({ references: Object.freeze([Object.freeze({ root: root!, path: Object.freeze(path), called: false })]), issues: Object.freeze([]) });
    }
  }
  const parsed = parseExpression(source);
  if (!parsed.ok) return Object.freeze({ message: parsed.message, index: parsed.index });
  const { references, issues } = analyseExpression(parsed.ast);
  return Object.freeze({ references: Object.freeze(references.map((r) => Object.freeze(r))), issues: Object.freeze(uniqueIssues(issues)) });
}

/** One report per distinct issue (`constructor.constructor` names it twice). */
function uniqueIssues<T extends { code: string; message: string }>(issues: readonly T[]): T[] {
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(i.code + i.message) && seen.add(i.code + i.message));
}
