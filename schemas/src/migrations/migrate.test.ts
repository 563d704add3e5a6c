import { describe, expect, it } from "vitest";
import type { ComponentManifest } from "../manifest/component-manifest.types.js";
import { createMigrator, migrate } from "./migrate.js";

const v1 = { schemaVersion: 1, id: "x", name: "X", pages: [{ id: "home", path: "/", title: "Home", root: { id: "root", type: "Stack", version: 1, props: { spacing: 8 } } }] };

describe("migrate", () => {
  it("leaves a current definition unchanged", () => {
    const result = migrate(v1);
    expect(result).toEqual({ ok: true, doc: v1, applied: [], changed: false });
  });

  it("refuses a definition from the future with a clear message", () => {
    const result = migrate({ ...v1, schemaVersion: 7 });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/newer Finwright \(schemaVersion 7\).*reads up to 1/) as unknown });
  });

  it("refuses what is not a definition", () => {
    expect(migrate([]).ok).toBe(false);
    expect(migrate({ schemaVersion: "1" }).ok).toBe(false);
  });
});

describe("the migration mechanism (with test-only steps)", () => {
  const migrateTo3 = createMigrator([
    { from: 1, description: "rename name to title", migrate: ({ name, ...rest }) => ({ ...rest, title: name }) },
    { from: 2, description: "add settings", migrate: (doc) => ({ ...doc, settings: { locale: "en-GB" } }) },
  ], 3);

  it("applies each step in order and records them", () => {
    const result = migrateTo3(v1);
    expect(result.ok && result.doc).toMatchObject({ schemaVersion: 3, title: "X", settings: { locale: "en-GB" } });
    expect(result.ok && result.applied).toEqual(["1 → 2: rename name to title", "2 → 3: add settings"]);
  });

  it("starts from the document's own version", () => {
    const result = migrateTo3({ ...v1, schemaVersion: 2 });
    expect(result.ok && result.applied).toEqual(["2 → 3: add settings"]);
  });

  it("never mutates its input", () => {
    const input = structuredClone(v1);
    migrateTo3(input);
    expect(input).toEqual(v1);
  });

  it("fails clearly when a step is missing or throws", () => {
    expect(createMigrator([], 2)(v1)).toEqual({ ok: false, error: "No migration from schemaVersion 1 to 2 is registered." });
    const broken = createMigrator([{ from: 1, description: "boom", migrate: () => { throw new Error("bad data"); } }], 2);
    expect(broken(v1)).toEqual({ ok: false, error: "Migrating from schemaVersion 1 to 2 failed: bad data" });
  });

  it("upgrades component props written for an older component version", () => {
    const stack: ComponentManifest = {
      type: "Stack", version: 2, label: "Stack", category: "layout", icon: "stack", description: "",
      props: { type: "object" }, defaults: {}, children: {},
      migrations: { 1: ({ spacing, ...rest }) => ({ ...rest, gap: spacing === 8 ? "md" : "sm" }) },
    };
    const result = migrate(v1, { manifests: [stack] });
    expect(result.ok && result.doc["pages"]).toEqual([{ id: "home", path: "/", title: "Home", root: { id: "root", type: "Stack", version: 2, props: { gap: "md" } } }]);
    expect(result.ok && result.changed).toBe(true);
  });
});
