import { describe, it, expect, vi, afterEach } from "vitest";
import { checkManifest, type ComponentManifest, type JsonSchema } from "@finwright/runtime/engine";
import { builtinLibrary, builtinManifests, moneyInputManifest, tableManifest, tabsManifest } from "./index.js";

const GROUPS = ["Content", "Data", "Layout", "Style", "Validation", "Behaviour"];
const MONEY_REF = "https://finwright.dev/schemas/money-1.json";

const rows = builtinManifests.map((m) => [m.type, m] as const);
const propsOf = (m: ComponentManifest) => Object.entries(m.props["properties"] as Record<string, Record<string, unknown>>);

/** checkManifest compiles only the props schema; wrap any other schema as a prop to compile it the same strict way. */
function schemaProblems(owner: string, name: string, schema: JsonSchema, value?: unknown): string[] {
  return checkManifest({
    type: "Probe",
    version: 1,
    label: `${owner}.${name}`,
    category: "custom",
    icon: "probe",
    description: "probe",
    props: { type: "object", properties: { probe: schema } },
    defaults: value === undefined ? {} : { probe: value },
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("built-in component manifests", () => {
  it("has 23 components with unique types, all at version 1", () => {
    expect(builtinManifests).toHaveLength(23);
    expect(new Set(builtinManifests.map((m) => m.type)).size).toBe(builtinManifests.length);
    expect(builtinManifests.every((m) => m.version === 1)).toBe(true);
    expect(builtinLibrary.manifests).toBe(builtinManifests);
  });

  it.each(rows)("%s meets the manifest contract, without ajv strict-mode warnings", (_type, m) => {
    const warn = vi.spyOn(console, "warn");
    expect(checkManifest(m)).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it.each(rows)("%s documents every prop, with a known inspector group", (_type, m) => {
    expect(m.props["additionalProperties"]).toBe(false);
    for (const [name, prop] of propsOf(m)) {
      expect(prop["description"], `${m.type}.${name}`).toMatch(/\S/);
      expect(GROUPS, `${m.type}.${name}`).toContain(prop["x-group"]);
      expect(prop["x-label"], `${m.type}.${name}`).toMatch(/\S/);
    }
  });

  it.each(rows)("%s: each prop's own default is a valid value of the prop", (_type, m) => {
    for (const [name, prop] of propsOf(m)) {
      if ("default" in prop) expect(schemaProblems(m.type, name, prop, prop["default"])).toEqual([]);
    }
  });

  it.each(rows)("%s: events and exposed values are labelled and their schemas compile", (_type, m) => {
    for (const [name, event] of Object.entries(m.events ?? {})) {
      expect(event.label, `${m.type} event ${name}`).toMatch(/\S/);
      expect(event.description, `${m.type} event ${name}`).toMatch(/\S/);
      if (event.payload) expect(schemaProblems(m.type, name, event.payload)).toEqual([]);
    }
    for (const [name, value] of Object.entries(m.exposes ?? {})) {
      expect(value.description, `${m.type}.${name}`).toMatch(/\S/);
      if (value.schema) expect(schemaProblems(m.type, name, value.schema)).toEqual([]);
    }
    for (const [name, slot] of Object.entries(m.slots ?? {})) {
      expect(slot.label, `${m.type} slot ${name}`).toMatch(/\S/);
    }
  });

  it.each(rows)("%s: money props use the money schema, never a number", (_type, m) => {
    for (const [name, prop] of propsOf(m)) {
      if (prop["x-editor"] !== "money") continue;
      expect(JSON.stringify(prop), `${m.type}.${name}`).toContain(MONEY_REF);
      expect(prop["type"], `${m.type}.${name}`).not.toBe("number");
    }
  });
});

describe("behaviours of particular components", () => {
  it("MoneyInput starts with a money value whose amount is a decimal string", () => {
    const value = moneyInputManifest.defaults.defaultValue;
    expect(Object.keys(value).sort()).toEqual(["amount", "currency"]);
    expect(typeof value.amount).toBe("string");
    expect(value.amount).toMatch(/^-?\d+(\.\d+)?$/);
    expect(moneyInputManifest.props.properties.defaultValue["x-editor"]).toBe("money");
    expect(moneyInputManifest.exposes.value.derivedFrom).toEqual(["defaultValue"]);
  });

  it("MoneyInput rejects a float amount and a lower-case currency", () => {
    const bad = { ...moneyInputManifest, defaults: { defaultValue: { amount: 12.5, currency: "gbp" } } };
    const problems = checkManifest(bad).join("\n");
    expect(problems).toMatch(/defaultValue\/amount/);
    expect(problems).toMatch(/defaultValue\/currency/);
  });

  it("Table's selected and filtered rows derive from its data, so binding data to them is a cycle", () => {
    expect(tableManifest.exposes.selectedRow.derivedFrom).toContain("data");
    expect(tableManifest.exposes.filteredData.derivedFrom).toContain("data");
    expect(tableManifest.props.properties.data["x-editor"]).toBe("binding");
    expect(tableManifest.props.properties.columns["x-editor"]).toBe("columns");
  });

  it("Table rejects a column of an unknown type", () => {
    const bad = { ...tableManifest, defaults: { columns: [{ key: "amount", type: "float" }] } };
    expect(checkManifest(bad)).not.toEqual([]);
  });

  it("Tabs: every tab id names a declared slot", () => {
    const ids = tabsManifest.props.properties.tabs.items.properties.id.enum;
    expect(Object.keys(tabsManifest.slots)).toEqual([...ids]);
    for (const tab of tabsManifest.defaults.tabs) expect(ids).toContain(tab.id);
  });
});
