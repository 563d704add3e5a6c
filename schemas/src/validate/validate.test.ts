import { describe, expect, it } from "vitest";
import type { ComponentManifest } from "../manifest/component-manifest.types.js";
import manifestsJson from "./fixtures/test-manifests.json" with { type: "json" };
import { validate } from "./validate.js";
import { validateText } from "./validate-text.js";

const manifests = manifestsJson as unknown as ComponentManifest[];

function baseApp(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: "payments",
    name: "Payments",
    roles: [{ id: "maker", label: "Maker" }, { id: "checker", label: "Checker" }],
    state: { selectedId: { type: "string", default: null }, fee: { type: "money", default: { amount: "0.50", currency: "GBP" } } },
    connections: [{ id: "bank", connector: "open-banking-uk", config: { baseUrl: "/sandbox/ob", credential: "secret:bank-sandbox" } }],
    queries: [{ id: "accounts", connection: "bank", operation: "getAccounts", run: "onLoad" }],
    workflows: [{
      id: "approval", start: "review",
      states: {
        review: { type: "approval", role: "checker", transitions: [{ on: "approved", to: "pay" }, { on: "rejected", to: "rejected" }] },
        pay: { type: "action", connection: "bank", operation: "createDomesticPayment", params: { amount: "{{ workflow.data.amount }}" }, transitions: [{ on: "succeeded", to: "paid" }, { on: "failed", to: "rejected" }] },
        paid: { type: "end", outcome: "paid" },
        rejected: { type: "end", outcome: "rejected" },
      },
    }],
    pages: [{
      id: "home", path: "/", title: "Payments", roles: ["maker", "checker"],
      root: { id: "root", type: "Stack", props: { gap: "md" }, children: [
        { id: "table1", type: "Table", props: { data: "{{ queries.accounts.data }}", pageSize: 20 },
          events: { rowClick: [{ action: "setState", key: "selectedId", value: "{{ event.row.id }}" }] } },
        { id: "summary", type: "Text", props: { value: "Selected: {{ table1.selectedRow.id ?? 'none' }}, fee {{ money.format(state.fee) }}" } },
      ] },
    }],
  };
}

/** Sets the value at a JSON Pointer, creating nothing: tests damage a sound app one place at a time. */
function set(doc: Record<string, unknown>, pointer: string, value: unknown): void {
  const segments = pointer.slice(1).split("/");
  const last = segments.pop()!;
  let target: unknown = doc;
  for (const segment of segments) target = (target as Record<string, unknown>)[segment];
  (target as Record<string, unknown>)[last] = value;
}

const codes = (result: { problems: readonly { code: string }[] }): string[] => result.problems.map((p) => p.code);

describe("validate", () => {
  it("accepts a sound definition", () => {
    expect(validate(baseApp(), { manifests })).toEqual({ valid: true, problems: [] });
  });

  it("explains a broken binding in words a non-developer understands", () => {
    const app = baseApp();
    set(app, "/pages/0/root/children/0/props/data", "{{ queries.acounts.data }}");
    const result = validate(app, { manifests });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([{
      pointer: "/pages/0/root/children/0/props/data",
      code: "ref.unknown-query",
      severity: "error",
      message: "Page 'Payments': component 'table1' binds to query 'acounts', which does not exist. Did you mean 'accounts'?",
    }]);
  });

  it("reports every problem at once", () => {
    const app = baseApp();
    set(app, "/pages/0/root/children/0/props/pageSiz", 3);
    set(app, "/pages/0/root/children/1/type", "Txt");
    set(app, "/pages/0/root/children/2", { id: "table1", type: "Text" });
    set(app, "/workflows/0/start", "reveiw");
    expect(codes(validate(app, { manifests })).sort()).toEqual(["component.unknown-type", "id.duplicate", "prop.unknown-property", "workflow.unknown-start"]);
  });

  it("tolerates bindings where props expect other types", () => {
    const app = baseApp();
    set(app, "/pages/0/root/children/0/props/pageSize", "{{ state.selectedId ? 10 : 20 }}");
    expect(validate(app, { manifests }).valid).toBe(true);
  });

  it("treats warnings as advice, not as invalid", () => {
    const app = baseApp();
    set(app, "/workflows/0/states/orphan", { type: "end", outcome: "never" });
    const result = validate(app, { manifests });
    expect(result.valid).toBe(true);
    expect(result.problems).toMatchObject([{ code: "workflow.unreachable", severity: "warning", pointer: "/workflows/0/states/orphan" }]);
  });

  it("refuses a definition from a newer Finwright with one clear problem", () => {
    const result = validate({ ...baseApp(), schemaVersion: 2 }, { manifests });
    expect(result.problems).toMatchObject([{ code: "version.unsupported", pointer: "/schemaVersion" }]);
  });

  it("finds loops between bindings", () => {
    const app = baseApp();
    set(app, "/pages/0/root/children/2", { id: "a", type: "TextInput", props: { defaultValue: "{{ b.value }}" } });
    set(app, "/pages/0/root/children/3", { id: "b", type: "TextInput", props: { defaultValue: "{{ a.value }}" } });
    const result = validate(app, { manifests });
    expect(codes(result)).toEqual(["binding.cycle"]);
    expect(result.problems[0]!.message).toMatch(/a\.defaultValue → b\.value → b\.defaultValue → a\.value → a\.defaultValue|b\.defaultValue → a\.value → a\.defaultValue → b\.value → b\.defaultValue/);
  });

  it("keeps workflows to server-side names", () => {
    const app = baseApp();
    set(app, "/workflows/0/states/pay/params/amount", "{{ table1.selectedRow.amount }}");
    expect(codes(validate(app, { manifests }))).toEqual(["expression.not-in-workflow"]);
  });

  it("refuses literal credentials in connections", () => {
    const app = baseApp();
    set(app, "/connections/0/config/apiKey", "sk_live_1234567890");
    set(app, "/connections/0/config/headers", { Authorization: "Bearer abcdefghijklmnop" });
    expect(validate(app, { manifests }).problems.map((p) => [p.pointer, p.code])).toEqual([
      ["/connections/0/config/apiKey", "connection.literal-secret"],
      ["/connections/0/config/headers/Authorization", "connection.literal-secret"],
    ]);
  });

  it("keeps money exact: decimal strings and ISO 4217 codes only", () => {
    const app = baseApp();
    set(app, "/state/fee/default", { amount: 0.5, currency: "gbp" });
    expect(validate(app, { manifests }).problems.map((p) => [p.pointer, p.code])).toEqual([
      ["/state/fee/default/amount", "money.invalid-amount"],
      ["/state/fee/default/currency", "money.unknown-currency"],
    ]);
  });
});

describe("validate never throws or hangs on hostile input", () => {
  const hostile: [string, unknown][] = [
    ["null", null], ["a number", 42], ["a string", "{{"], ["an array", []],
    ["100,000-deep arrays", (() => { let v: unknown = []; for (let i = 0; i < 100_000; i++) v = [v]; return v; })()],
    ["a cyclic object", (() => { const o: Record<string, unknown> = { schemaVersion: 1 }; o["self"] = o; return o; })()],
    ["a cyclic component tree", (() => { const root: Record<string, unknown> = { id: "root", type: "Stack" }; root["children"] = [root]; return { schemaVersion: 1, id: "x", name: "x", pages: [{ id: "p", path: "/", title: "P", root }] }; })()],
    ["pages that are not objects", { schemaVersion: 1, id: "x", name: "x", pages: [1, "a", null, [], { root: 5 }] }],
    ["a hostile state map", { schemaVersion: 1, id: "x", name: "x", pages: [], state: { __proto__: { type: "string" }, constructor: { type: "number", default: "x" } } }],
  ];
  it.each(hostile)("%s", (_name, doc) => {
    const result = validate(doc, { manifests });
    expect(result.valid).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
  });

  it.each([
    ["a component tree", "/pages/0/root/children/0"],
    ["a prop value", "/pages/0/root/children/0/props/data"],
    ["a query's params", "/queries/0/params"],
    ["a connection's config", "/connections/0/config"],
    ["a workflow's input schema", "/workflows/0/input"],
    ["an unknown field", "/extra"],
  ])("reports nesting 100,000 deep in %s without overflowing the stack", (_where, pointer) => {
    const app = baseApp();
    let deep: unknown = pointer.endsWith("children/0") ? { id: "leaf", type: "Text" } : [];
    for (let i = 0; i < 100_000; i++) deep = pointer.endsWith("children/0") ? { id: `n${i}`, type: "Stack", children: [deep] } : { a: deep };
    set(app, pointer, deep);
    const result = validate(app, { manifests });
    expect(result.valid).toBe(false);
    expect(result.problems.some((p) => p.message.startsWith("The definition could not be fully checked"))).toBe(false);
  });

  it("reports an unclosed {{ and expressions that use constructor", () => {
    const app = baseApp();
    set(app, "/pages/0/root/children/1/props/value", "{{ state.selectedId");
    set(app, "/pages/0/title", "{{ summary.constructor.constructor('alert(1)')() }}");
    expect(codes(validate(app, { manifests })).sort()).toEqual(["expression.forbidden-name", "expression.unclosed"]);
  });

  it("limits the number of components", () => {
    const app = baseApp();
    const children = Array.from({ length: 50 }, (_, i) => ({ id: `t${i}`, type: "Text" }));
    set(app, "/pages/0/root/children", children);
    expect(codes(validate(app, { manifests, limits: { maxNodes: 20 } }))).toEqual(["limits.too-many-nodes"]);
  });

  it("limits the length of an expression", () => {
    const app = baseApp();
    set(app, "/pages/0/root/children/1/props/value", `{{ ${"1 + ".repeat(5_000)}1 }}`);
    expect(codes(validate(app, { manifests }))).toEqual(["limits.expression-too-long"]);
  });

  it("caps the number of problems reported", () => {
    const app = baseApp();
    set(app, "/pages/0/root/children", Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, type: "Nope" })));
    const result = validate(app, { manifests, limits: { maxProblems: 10 } });
    expect(result.problems).toHaveLength(11);
    expect(result.problems[10]!.code).toBe("limits.too-many-problems");
  });

  it("survives random damage to a sound definition", () => {
    // A deterministic fuzz: replace values at random places with random junk; validate must always answer.
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const junk = [null, 0, -1.5, "", "{{", "}}", "{{ a.b( }}", [], {}, [[]], { id: 1 }, true, "x".repeat(300)];
    for (let round = 0; round < 300; round++) {
      const app = baseApp();
      const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
      const visit = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach((v, i) => { slots.push({ parent: value, key: i }); visit(v); });
        else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) { slots.push({ parent: value as Record<string, unknown>, key: k }); visit(v); }
      };
      visit(app);
      for (let n = 0; n < 3; n++) {
        const slot = slots[Math.floor(random() * slots.length)]!;
        (slot.parent as Record<string | number, unknown>)[slot.key] = junk[Math.floor(random() * junk.length)];
      }
      const result = validate(app, { manifests });
      expect(Array.isArray(result.problems)).toBe(true);
      for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(10);
      expect(result.problems.some((p) => p.message.startsWith("The definition could not be fully checked"))).toBe(false);
    }
  });
});

describe("validateText", () => {
  it("adds line and column to each problem", () => {
    const app = baseApp();
    set(app, "/pages/0/root/children/0/props/data", "{{ queries.acounts.data }}");
    const text = JSON.stringify(app, null, 2);
    const [problem] = validateText(text, { manifests }).problems;
    const line = text.split("\n").findIndex((l) => l.includes('"data": "{{ queries.acounts')) + 1;
    expect(problem).toMatchObject({ code: "ref.unknown-query", line, column: 15 });
  });

  it("reports JSON syntax errors with their place", () => {
    const result = validateText('{\n  "schemaVersion": 1,\n  "id": "x",,\n}');
    expect(result.problems).toMatchObject([{ code: "json.syntax", line: 3, column: 13 }]);
  });

  it("reports duplicate keys that JSON.parse would silently drop", () => {
    const text = JSON.stringify(baseApp(), null, 2).replace('"name": "Payments",', '"name": "Payments",\n  "name": "Other",');
    const result = validateText(text, { manifests });
    expect(result.problems).toMatchObject([{ code: "json.duplicate-key", pointer: "/name", line: 5 }]);
    expect(result.valid).toBe(false);
  });

  it("refuses a 50 MB file without parsing it", () => {
    const text = `{"x": "${"a".repeat(50 * 1024 * 1024)}"}`;
    expect(validateText(text).problems).toMatchObject([{ code: "json.too-large" }]);
  });

  it("refuses 100,000-deep nesting before parsing", () => {
    const result = validateText("[".repeat(100_000) + "]".repeat(100_000));
    expect(result.problems).toMatchObject([{ code: "json.too-deep", line: 1, column: 129 }]);
  });

  it("explains an empty file", () => {
    expect(validateText("  ").problems[0]!.message).toMatch(/empty/);
  });

  it("accepts a byte-order mark", () => {
    expect(validateText("\uFEFF" + JSON.stringify(baseApp()), { manifests }).valid).toBe(true);
  });
});

describe("checks that only custom manifests reach", () => {
  it("enforces what a slot accepts, required props and component versions", () => {
    const app = baseApp();
    set(app, "/pages/0/root/children/2", { id: "dialog", type: "Modal", slots: { footer: [{ id: "okButton", type: "Button", props: { text: "OK" } }] } });
    set(app, "/pages/0/root/children/0/props", { pageSize: 5 });
    set(app, "/pages/0/root/children/1/version", 3);
    expect(validate(app, { manifests }).problems.map((p) => [p.pointer, p.code])).toEqual([
      ["/pages/0/root/children/0/props", "prop.required"],
      ["/pages/0/root/children/1/version", "component.version-from-future"],
      ["/pages/0/root/children/2/slots/footer/0/type", "component.child-not-allowed"],
    ]);
  });

  it("warns about a condition with no fallback", () => {
    const app = baseApp();
    set(app, "/workflows/0/states/review", { type: "condition", transitions: [{ when: "{{ workflow.data.amount > 100 }}", to: "pay" }, { when: "{{ true }}", to: "rejected" }] });
    const result = validate(app, { manifests });
    expect(result.valid).toBe(true);
    expect(result.problems.map((p) => p.code)).toEqual(["workflow.missing-fallback"]);
  });
});

describe("validateText size limit counts UTF-8 bytes", () => {
  it("refuses multi-byte text over the limit that is under it in characters", () => {
    const text = JSON.stringify({ name: "€".repeat(400) });
    expect(validateText(text, { limits: { maxBytes: 1000 } }).problems[0]!.code).toBe("json.too-large");
    expect(validateText(text, { limits: { maxBytes: 1300 } }).problems[0]!.code).not.toBe("json.too-large");
  });
  it("counts a surrogate pair as four bytes", () => {
    const text = JSON.stringify({ name: "💷".repeat(100) });
    expect(validateText(text, { limits: { maxBytes: 405 } }).problems[0]!.code).toBe("json.too-large");
    expect(validateText(text, { limits: { maxBytes: 420 } }).problems[0]!.code).not.toBe("json.too-large");
  });
});
