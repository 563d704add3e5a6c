import { describe, expect, it } from "vitest";
import { findBindings } from "./find-bindings.js";

describe("findBindings", () => {
  it("finds a whole-string binding", () => {
    const scan = findBindings("{{ queries.a.data }}");
    expect(scan).toMatchObject({ ok: true, whole: true, bindings: [{ expression: " queries.a.data " }] });
  });

  it("finds bindings inside text", () => {
    const scan = findBindings("Balance: {{ a }} of {{ b }}");
    expect(scan.ok && scan.bindings.map((b) => b.expression.trim())).toEqual(["a", "b"]);
    expect(scan.ok && scan.whole).toBe(false);
  });

  it("does not close on braces of object literals or inside strings", () => {
    const scan = findBindings("{{ { a: { b: '}}' } } }}");
    expect(scan.ok && scan.bindings[0]?.expression).toBe(" { a: { b: '}}' } } ");
  });

  it("reports an unclosed binding with its offset", () => {
    expect(findBindings("ok {{ a.b")).toEqual({ ok: false, index: 3 });
  });
});
