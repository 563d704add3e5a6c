import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { definitionSchemas, SCHEMA_BASE_URL } from "./json-schemas.js";

const jsonDir = join(import.meta.dirname, "../json");
const files = readdirSync(jsonDir).filter((f) => f.endsWith(".json")).sort();

describe("published JSON Schemas", () => {
  it.each(files)("%s is 2020-12 with a stable $id matching its file name", (file) => {
    const schema = JSON.parse(readFileSync(join(jsonDir, file), "utf8")) as Record<string, unknown>;
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["$id"]).toBe(`${SCHEMA_BASE_URL}${file}`);
  });

  it("are all exported, and compile together in ajv's strict mode", () => {
    expect(definitionSchemas.map((s) => s.$id.slice(SCHEMA_BASE_URL.length)).sort()).toEqual(files);
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, discriminator: true });
    for (const schema of definitionSchemas) ajv.addSchema(schema);
    expect(() => ajv.getSchema(`${SCHEMA_BASE_URL}app-1.json`)).not.toThrow();
  });

  it("are compiled at build time into code that needs no eval (strict CSP)", () => {
    const code = readFileSync(join(import.meta.dirname, "generated/app-validator.ts"), "utf8");
    expect(code).not.toMatch(/new Function|\beval\(|require\(/);
  });
});
