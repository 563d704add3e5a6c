import { describe, expect, it } from "vitest";
import { buildSourceMap } from "./source-locator.js";
import { countMembers, prescanJson } from "./prescan.js";

const text = `{
  "name": "A \\"quoted\\" é",
  "pages": [
    { "id": "home", "a/b": [1, { "x": true }] }
  ],
  "name": "again"
}`;

describe("buildSourceMap", () => {
  const map = buildSourceMap(text);
  it("places object members at their key and array items at their value", () => {
    expect(map.positionOf("/pages")).toEqual({ line: 3, column: 3 });
    expect(map.positionOf("/pages/0")).toEqual({ line: 4, column: 5 });
    expect(map.positionOf("/pages/0/id")).toEqual({ line: 4, column: 7 });
    expect(map.positionOf("/pages/0/a~1b/1/x")).toEqual({ line: 4, column: 34 });
  });
  it("falls back to the nearest existing parent", () => {
    expect(map.positionOf("/pages/0/missing")).toEqual({ line: 4, column: 5 });
  });
  it("finds duplicate keys", () => {
    expect(map.duplicateKeys).toEqual([{ pointer: "/name", position: { line: 6, column: 3 }, firstPosition: { line: 2, column: 3 } }]);
  });
});

describe("prescanJson", () => {
  it("counts members so duplicate keys show as a difference after parsing", () => {
    const scan = prescanJson(text, 100);
    expect(scan.members).toBe(6);
    expect(countMembers(JSON.parse(text))).toBe(5);
  });
  it("stops at the depth limit without recursion", () => {
    const scan = prescanJson("[".repeat(1_000_000), 128);
    expect(scan.tooDeepAt).toBe(128);
  });
  it("ignores brackets inside strings", () => {
    expect(prescanJson('{"a": "[[[{{{"}', 2).tooDeepAt).toBe(-1);
  });
});

describe("prescanJson on awkward strings", () => {
  it("skips escaped quotes and backslashes inside strings", () => {
    const text = String.raw`{"a": "x\"{[:", "b\\": "\\", "c": ["\\\"]"]}`;
    expect(prescanJson(text, 10)).toEqual({ depth: 2, members: 3, tooDeepAt: -1 });
    expect(JSON.parse(text)).toBeTruthy();
  });
});
