import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AppDefinition, Money } from "../index.js";
import { validate } from "../validate/validate.js";

// The script is plain JavaScript run by npm scripts; typed loosely here on purpose.
const { generateTypes } = (await import(join(import.meta.dirname, "../../scripts/generate-types.mjs"))) as { generateTypes: () => Promise<string> };

describe("TypeScript types of the definition", () => {
  it("match the JSON Schemas (run `npm run generate:types -w @finwright/schemas` after changing a schema)", async () => {
    const committed = readFileSync(join(import.meta.dirname, "definition.types.ts"), "utf8");
    expect(committed).toBe(await generateTypes());
  });

  it("describe documents the schema accepts", () => {
    const fee: Money = { amount: "0.50", currency: "GBP" };
    const app: AppDefinition = {
      schemaVersion: 1, id: "typed", name: "Typed",
      state: { fee: { type: "money", default: { ...fee } } },
      pages: [{ id: "home", path: "/", title: "Home", root: { id: "root", type: "Stack", props: {} } }],
      workflows: [{ id: "flow", start: "done", states: { done: { type: "end", outcome: "ok" } } }],
    };
    expect(validate(app).problems.map((p) => p.code)).toEqual(["component.unknown-type"]);
  });
});
