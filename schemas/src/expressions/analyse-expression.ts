import type { ExpressionNode } from "./parse-expression.js";
import { FORBIDDEN_GLOBALS, FORBIDDEN_PROPERTIES, LITERAL_NAMES } from "./names.js";

/** A name an expression reads: `queries.accounts.data` → root "queries", path ["accounts", "data"]. */
export interface ExpressionReference {
  readonly root: string;
  /** Static member names after the root, up to the first computed access or call. */
  readonly path: readonly string[];
  /** Whether the chain ends in a call (`money.add(…)`): the last path element is then the function. */
  readonly called: boolean;
}

export interface GrammarIssue {
  readonly code: "expression.forbidden-name" | "expression.unsupported";
  readonly message: string;
}

export interface ExpressionAnalysis {
  readonly references: readonly ExpressionReference[];
  readonly issues: readonly GrammarIssue[];
}

const ALLOWED_BINARY = new Set(["||", "&&", "??", "==", "!=", "===", "!==", "<", ">", "<=", ">=", "+", "-", "*", "/", "%"]);
const ALLOWED_UNARY = new Set(["!", "-", "+"]);

/**
 * Checks an expression against the allow-listed grammar and collects what it reads.
 * Iterative (explicit stack), so a hostile, deeply nested expression cannot overflow the call stack.
 */
export function analyseExpression(ast: ExpressionNode): ExpressionAnalysis {
  const references: ExpressionReference[] = [];
  const issues: GrammarIssue[] = [];
  const forbid = (name: string): void => {
    issues.push({ code: "expression.forbidden-name", message: `'${name}' cannot be used in an expression` });
  };
  const unsupported = (what: string): void => {
    issues.push({ code: "expression.unsupported", message: `${what} is not supported in expressions` });
  };

  type Frame = { node: ExpressionNode; locals: ReadonlySet<string>; asArgument: boolean };
  const stack: Frame[] = [{ node: ast, locals: new Set(), asArgument: false }];
  const push = (node: unknown, locals: ReadonlySet<string>, asArgument = false): void => {
    if (node && typeof node === "object") stack.push({ node: node as ExpressionNode, locals, asArgument });
  };

  while (stack.length > 0) {
    const { node, locals, asArgument } = stack.pop()!;
    switch (node.type) {
      case "Literal":
      case "TemplateElement":
        break;
      case "Identifier": {
        const name = node["name"] as string;
        if (locals.has(name) || LITERAL_NAMES.has(name)) break;
        if (FORBIDDEN_PROPERTIES.has(name) || FORBIDDEN_GLOBALS.has(name)) forbid(name);
        else references.push({ root: name, path: [], called: false });
        break;
      }
      case "MemberExpression":
      case "CallExpression": {
        const chain = readChain(node, locals);
        if (chain.reference) references.push(chain.reference);
        for (const name of chain.forbidden) forbid(name);
        for (const child of chain.children) push(child.node, locals, child.asArgument);
        break;
      }
      case "ThisExpression":
        forbid("this");
        break;
      case "BinaryExpression": {
        const op = node["operator"] as string;
        if (!ALLOWED_BINARY.has(op)) unsupported(`The operator '${op}'`);
        push(node["left"], locals);
        push(node["right"], locals);
        break;
      }
      case "UnaryExpression": {
        const op = node["operator"] as string;
        if (!ALLOWED_UNARY.has(op)) unsupported(`The operator '${op}'`);
        push(node["argument"], locals);
        break;
      }
      case "ConditionalExpression":
        push(node["test"], locals);
        push(node["consequent"], locals);
        push(node["alternate"], locals);
        break;
      case "ArrayExpression":
        for (const element of (node["elements"] as unknown[]) ?? []) push(element, locals);
        break;
      case "ObjectExpression":
        for (const property of node["properties"] as ExpressionNode[]) {
          if (property.type === "SpreadElement") {
            push(property["argument"], locals);
            continue;
          }
          const key = property["key"] as ExpressionNode;
          if (property["computed"]) push(key, locals);
          else {
            const keyName = key.type === "Identifier" ? (key["name"] as string) : literalName(key);
            if (FORBIDDEN_PROPERTIES.has(keyName)) forbid(keyName);
          }
          push(property["value"] ?? key, locals);
        }
        break;
      case "SpreadElement":
        push(node["argument"], locals);
        break;
      case "TemplateLiteral":
        for (const expression of node["expressions"] as unknown[]) push(expression, locals);
        break;
      case "ArrowFunctionExpression": {
        if (!asArgument) unsupported("A function outside a helper call (such as list.filter(x => …))");
        const params = (node["params"] as ExpressionNode[] | null) ?? [];
        const inner = new Set(locals);
        for (const param of params) {
          if (param.type !== "Identifier") unsupported("Destructuring in function parameters");
          else if (FORBIDDEN_PROPERTIES.has(param["name"] as string) || FORBIDDEN_GLOBALS.has(param["name"] as string)) forbid(param["name"] as string);
          else inner.add(param["name"] as string);
        }
        push(node["body"], inner);
        break;
      }
      case "Compound":
        unsupported("More than one expression (or a keyword such as new, typeof or in)");
        break;
      case "TaggedTemplateExpression":
        unsupported("A tagged template");
        break;
      case "SequenceExpression":
        unsupported("The comma operator");
        break;
      default:
        unsupported(`'${node.type}'`);
    }
  }
  return { references, issues };
}

interface Chain {
  reference: ExpressionReference | null;
  forbidden: string[];
  children: { node: unknown; asArgument: boolean }[];
}

/** Walks a member/call chain from its outer end to its root, collecting static names and sub-expressions. */
function readChain(outer: ExpressionNode, locals: ReadonlySet<string>): Chain {
  const forbidden: string[] = [];
  const children: { node: unknown; asArgument: boolean }[] = [];
  const segments: { name: string | null; called: boolean }[] = [];
  let node: ExpressionNode = outer;
  let calledNext = false;
  for (;;) {
    if (node.type === "CallExpression") {
      for (const argument of node["arguments"] as unknown[]) children.push({ node: argument, asArgument: true });
      calledNext = true;
      node = node["callee"] as ExpressionNode;
    } else if (node.type === "MemberExpression") {
      const property = node["property"] as ExpressionNode;
      let name: string | null = null;
      if (!node["computed"] && property.type === "Identifier") name = property["name"] as string;
      else if (property.type === "Literal") name = literalName(property);
      else if (property.type === "TemplateLiteral" && (property["expressions"] as unknown[]).length === 0) {
        name = (property["quasis"] as { value: { cooked: string } }[]).map((q) => q.value.cooked).join("");
      } else children.push({ node: property, asArgument: false });
      if (name !== null && FORBIDDEN_PROPERTIES.has(name)) forbidden.push(name);
      segments.unshift({ name, called: calledNext });
      calledNext = false;
      node = node["object"] as ExpressionNode;
    } else break;
  }
  if (node.type !== "Identifier") {
    children.push({ node, asArgument: false });
    return { reference: null, forbidden, children };
  }
  const root = node["name"] as string;
  if (locals.has(root) || LITERAL_NAMES.has(root)) return { reference: null, forbidden, children };
  if (FORBIDDEN_PROPERTIES.has(root) || FORBIDDEN_GLOBALS.has(root)) {
    forbidden.push(root);
    return { reference: null, forbidden, children };
  }
  const path: string[] = [];
  let called = calledNext && segments.length === 0;
  for (const segment of segments) {
    // A forbidden segment is reported above; what follows it is not a reference worth checking.
    if (segment.name === null || FORBIDDEN_PROPERTIES.has(segment.name)) break;
    path.push(segment.name);
    if (segment.called) {
      called = true;
      break;
    }
  }
  return { reference: { root, path, called }, forbidden, children };
}

/**
 * The property name a string literal spells. jsep keeps escapes such as \u0063
 * undecoded, so decode them here: "\u0063onstructor" must count as "constructor".
 */
function literalName(literal: ExpressionNode): string {
  const raw = literal["raw"];
  if (typeof literal["value"] !== "string" || typeof raw !== "string") return String(literal["value"]);
  return raw.slice(1, -1).replace(/\\(u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([\s\S]))/g, (_m, _all, braced?: string, u4?: string, x2?: string, other?: string) => {
    const hex = braced ?? u4 ?? x2;
    if (hex !== undefined) {
      const code = parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0" };
    return simple[other ?? ""] ?? other ?? "";
  });
}
