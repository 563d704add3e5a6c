import { describe, expect, it } from "vitest";
import { analyseExpression } from "./analyse-expression.js";
import { parseExpression } from "./parse-expression.js";

function analyse(source: string) {
  const parsed = parseExpression(source);
  if (!parsed.ok) return { parseError: parsed.message, codes: [] as string[], roots: [] as string[] };
  const result = analyseExpression(parsed.ast);
  return { parseError: undefined, codes: result.issues.map((i) => i.code), roots: result.references.map((r) => [r.root, ...r.path].join(".")) };
}

describe("expression grammar: escape attempts are refused", () => {
  // Payloads from n8n (CVE-2025-68613, CVE-2026-25049), Node-RED dashboard #772 and generic JS sandbox escapes.
  const escapes = [
    "constructor.constructor('return process')()",
    "this.constructor.constructor('return this')()",
    "a.constructor",
    "a['constructor']",
    'a["__proto__"]',
    "a[`constructor`]",
    'a["\\u0063onstructor"]',
    'a["\\x63onstructor"]',
    'a["\\u{63}onstructor"]',
    "[].constructor",
    "''.constructor.prototype",
    "x.__proto__.polluted",
    "x.prototype",
    "x.__defineGetter__",
    "({ __proto__: null })",
    "({ ['constructor']: 1 })".replace("['constructor']", "'constructor'"),
    "globalThis",
    "window.location",
    "document.cookie",
    "process.env.SECRET",
    "require('child_process')",
    "Function('return 1')()",
    "eval('1')",
    "fetch('/api')",
    "Reflect.ownKeys(x)",
    "Object.keys(x)",
    "list.map(constructor => constructor)",
  ];
  it.each(escapes)("%s", (source) => {
    const result = analyse(source);
    expect(result.codes).toContain("expression.forbidden-name");
  });

  const unsupported = ["new Date()", "typeof x", "a; b", "(() => 1)()", "tag`x`", "a | b", "a & b", "a in b", "x => x"];
  it.each(unsupported)("%s is not part of the language", (source) => {
    const result = analyse(source);
    expect(result.parseError !== undefined || result.codes.includes("expression.unsupported")).toBe(true);
  });

  it("rejects assignment at parse time", () => {
    expect(analyse("a = 1").parseError).toBeDefined();
  });

  it("survives pathological nesting without throwing", () => {
    const deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
    const parsed = parseExpression(deep);
    if (parsed.ok) expect(() => analyseExpression(parsed.ast)).not.toThrow();
    else expect(parsed.message).toBeTruthy();
  });
});

describe("expression grammar: what analysts write is accepted and its references found", () => {
  const cases: [string, string[]][] = [
    ["queries.accounts.data.filter(a => a.balance > 100).length", ["queries.accounts.data.filter"]],
    ["`Hello ${user.name}`", ["user.name"]],
    ["money.add(form1.values.amount, state.fee)", ["money.add", "form1.values.amount", "state.fee"]],
    ["table1.selectedRow?.id ?? 'none'", ["table1.selectedRow.id"]],
    ["{ ...state.filters, page: 2 }", ["state.filters"]],
    ["[1, 2, 3].map(n => n * 2)", []],
    ["state.rows[state.index].name", ["state.rows", "state.index"]],
    ["sum(queries.tx.data, 'amount') > 0 ? 'in' : 'out'", ["sum", "queries.tx.data"]],
  ];
  it.each(cases)("%s", (source, roots) => {
    const result = analyse(source);
    expect(result.parseError).toBeUndefined();
    expect(result.codes).toEqual([]);
    expect(result.roots.sort()).toEqual(roots.sort());
  });

  it("treats arrow parameters as local names, not references", () => {
    expect(analyse("xs.filter(row => row.amount > limit)").roots.sort()).toEqual(["limit", "xs.filter"]);
  });
});
