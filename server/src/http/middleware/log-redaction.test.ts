import { describe, expect, it } from "vitest";
import { REDACTED, redactSensitiveFields } from "./log-redaction.js";

describe("redactSensitiveFields", () => {
  it("redacts sensitive names at any depth, in objects and arrays, whatever their case", () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: { password: "p" } } } } } } } } };
    expect(JSON.stringify(redactSensitiveFields(deep))).not.toContain('"p"');
    expect(
      redactSensitiveFields({
        users: [{ name: "maker", Password: "p1" }],
        accessToken: "t",
        clientSecret: "s",
        csrfToken: "c",
        "x-api-key": "k",
        headers: { authorization: "Bearer b", cookie: "sid=1", "set-cookie": ["sid=2"] },
        amount: "12.50",
      }),
    ).toEqual({
      users: [{ name: "maker", Password: REDACTED }],
      accessToken: REDACTED,
      clientSecret: REDACTED,
      csrfToken: REDACTED,
      "x-api-key": REDACTED,
      headers: { authorization: REDACTED, cookie: REDACTED, "set-cookie": REDACTED },
      amount: "12.50",
    });
  });

  it("leaves the logged object itself unchanged", () => {
    const body = { password: "p" };
    redactSensitiveFields({ body });
    expect(body.password).toBe("p");
  });

  it("handles null-prototype objects (parsed query strings) and stops at cycles", () => {
    const query = Object.assign(Object.create(null) as Record<string, unknown>, { token: "q", page: "2" });
    expect(redactSensitiveFields(query)).toEqual({ token: REDACTED, page: "2" });
    const cyclic: Record<string, unknown> = { name: "x" };
    cyclic["self"] = cyclic;
    expect(JSON.stringify(redactSensitiveFields(cyclic))).toContain("Too deep to log");
  });

  it("leaves class instances to their serializers", () => {
    const error = new Error("boom");
    expect(redactSensitiveFields({ err: error })).toEqual({ err: error });
  });
});
