import jsep from "jsep";
import object from "@jsep-plugin/object";
import spread from "@jsep-plugin/spread";
import template from "@jsep-plugin/template";
import { arrowPlugin } from "./arrow-plugin.js";

// jsep plugins register globally; doing it once here means every importer gets the same grammar.
jsep.plugins.register(template, object, spread);
arrowPlugin.init(jsep);
// Bitwise and shift operators have no place in financial expressions and mostly signal a typo (| for ||).
for (const op of ["|", "^", "&", "<<", ">>", ">>>"]) jsep.removeBinaryOp(op);
jsep.removeUnaryOp("~");

/** A node of the jsep tree (the plugins add ArrowFunctionExpression, TemplateLiteral, ObjectExpression, SpreadElement). */
export interface ExpressionNode {
  readonly type: string;
  readonly [key: string]: unknown;
}

export type ParseResult =
  | { readonly ok: true; readonly ast: ExpressionNode }
  | { readonly ok: false; readonly message: string; readonly index: number };

/** Parses the text inside `{{ }}`. Never throws. */
export function parseExpression(source: string): ParseResult {
  if (source.trim() === "") return { ok: false, message: "The expression is empty", index: 0 };
  try {
    return { ok: true, ast: jsep(source) as unknown as ExpressionNode };
  } catch (error) {
    const e = error as { description?: string; message?: string; index?: number };
    return { ok: false, message: e.description ?? e.message ?? "Cannot read the expression", index: e.index ?? 0 };
  }
}
