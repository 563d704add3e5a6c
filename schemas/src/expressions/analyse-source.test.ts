import { describe, expect, it } from "vitest";
import { analyseExpression } from "./analyse-expression.js";
import { analyseSource } from "./analyse-source.js";
import { parseExpression } from "./parse-expression.js";

function viaParser(source: string) {
  const parsed = parseExpression(source);
  return parsed.ok ? analyseExpression(parsed.ast) : { message: parsed.message, index: parsed.index };
}

describe("analyseSource", () => {
  // The fast path for plain paths must agree with the parser on every input.
  it.each([
    "queries.accounts.data", " input1.value ", "table1.selectedRow?.id", "a . b", "state",
    "a.constructor", "constructor", "x.__proto__", "globalThis.x", "this.x", "true", "null.x", "undefined",
    "a.b.c.d.e", "$x.y", "a?.b?.c", "a.", ".a", "a..b", "a.1",
  ])("agrees with the parser on %j", (source) => {
    expect(analyseSource(source)).toEqual(viaParser(source));
  });
});
