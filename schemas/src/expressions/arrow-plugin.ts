import type jsep from "jsep";

type Jsep = typeof jsep;
type Node = Record<string, unknown>;

/**
 * Arrow functions (`x => …`, `(a, b) => …`, `() => …`) for jsep. Same grammar
 * and tree as @jsep-plugin/arrow, but the `=>` operators are turned into
 * ArrowFunctionExpression once, after the whole expression is parsed: the
 * published plugin re-walks the subtree after every sub-expression, which made
 * parsing quadratic in the expression's size.
 */
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;

/** The parser state jsep hands hooks (typed loosely: jsep's typings omit the after-all hook). */
interface HookScope {
  index: number;
  readonly code: number;
  gobbleSpaces(): void;
  gobbleBinaryOp(): unknown;
  gobbleBinaryExpression(): unknown;
  throwError(message: string): never;
}
type Hooks = { add(name: string, callback: (this: HookScope, env: { node?: unknown }) => void): void };

export const arrowPlugin = {
  name: "finwright-arrow",
  init(parser: Jsep): void {
    parser.addBinaryOp("=>", 0.1, true);
    const hooks = parser.hooks as unknown as Hooks;
    // `() => body` has no left operand, which jsep would reject: parse it here.
    hooks.add("gobble-expression", function gobbleEmptyArrowArg(env) {
      this.gobbleSpaces();
      if (this.code !== OPEN_PAREN) return;
      const backup = this.index;
      this.index++;
      this.gobbleSpaces();
      // gobbleSpaces moved the cursor: read the current code afresh.
      if ((this.code as number) === CLOSE_PAREN) {
        this.index++;
        if (this.gobbleBinaryOp() === "=>") {
          const body = this.gobbleBinaryExpression();
          if (!body) this.throwError("Expected expression after =>");
          env.node = { type: "ArrowFunctionExpression", params: null, body };
          return;
        }
      }
      this.index = backup;
    });
    hooks.add("after-all", (env) => convertArrows(env.node));
  },
};
/** Iteratively rewrites every `a => b` BinaryExpression in the tree into an ArrowFunctionExpression. */
function convertArrows(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const n = node as Node;
    for (const key in n) {
      const value = n[key];
      if (value !== null && typeof value === "object") stack.push(value);
    }
    if (n["operator"] === "=>") {
      const left = n["left"] as Node | undefined;
      n["type"] = "ArrowFunctionExpression";
      n["params"] = left ? (left["type"] === "SequenceExpression" ? left["expressions"] : [left]) : null;
      n["body"] = n["right"];
      delete n["left"];
      delete n["right"];
      delete n["operator"];
    }
  }
}
