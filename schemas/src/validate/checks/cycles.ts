import type { DefinitionIndex } from "../definition-index.js";
import type { DependencyEdge } from "./bindings.js";
import type { Report } from "./report.js";

/**
 * Bindings that depend on themselves, directly or through other components
 * and automatic queries, would recompute forever. Exposed values are linked to
 * the props they derive from (manifest `derivedFrom`).
 */
export function checkCycles(index: DefinitionIndex, edges: readonly DependencyEdge[], report: Report): void {
  // Only a value that depends on something can sit on a loop: keep just the edges into such values
  // (a binding's own graph node, or an exposed value derived from props that hold bindings).
  const sources = new Set<string>();
  for (const edge of edges) sources.add(edge.from);
  const derived = (node: string): string[] => {
    const dot = node.indexOf(".");
    const id = node.slice(0, dot);
    const from = index.nodesById.get(id)?.manifest?.exposes?.[node.slice(dot + 1)]?.derivedFrom ?? [];
    return from.map((prop) => `${id}.${prop}`).filter((key) => sources.has(key));
  };
  const graph = new Map<string, { to: string; pointer: string | undefined }[]>();
  const add = (from: string, to: string, pointer: string | undefined): void => {
    let list = graph.get(from);
    if (!list) graph.set(from, (list = []));
    list.push({ to, pointer });
  };
  const derivedDone = new Set<string>();
  for (const edge of edges) {
    if (sources.has(edge.to)) add(edge.from, edge.to, edge.pointer);
    else if (!derivedDone.has(edge.to)) {
      derivedDone.add(edge.to);
      const targets = derived(edge.to);
      if (targets.length === 0) continue;
      // The binding's own edge first, so loops are reported from the binding written first.
      add(edge.from, edge.to, edge.pointer);
      for (const to of targets) add(edge.to, to, undefined);
    } else if (graph.has(edge.to)) add(edge.from, edge.to, edge.pointer);
  }
  // Iterative DFS with colours; each cycle is reported once, at its first binding.
  const colour = new Map<string, 1 | 2>();
  const reported = new Set<string>();
  for (const start of graph.keys()) {
    if (colour.has(start)) continue;
    const path: string[] = [];
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    colour.set(start, 1);
    path.push(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const out = graph.get(frame.node) ?? [];
      if (frame.next >= out.length) {
        colour.set(frame.node, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const edge = out[frame.next++]!;
      const state = colour.get(edge.to);
      if (state === 1) {
        const loop = [...path.slice(path.indexOf(edge.to)), edge.to];
        const key = [...loop].sort().join(">");
        if (!reported.has(key)) {
          reported.add(key);
          const pointer = firstPointer(graph, loop) ?? "";
          report(pointer, "binding.cycle", `These bindings depend on each other in a loop, so none can be computed: ${loop.join(" → ")}. Break the loop, for example by storing one value in state.`);
        }
      } else if (state === undefined) {
        colour.set(edge.to, 1);
        path.push(edge.to);
        stack.push({ node: edge.to, next: 0 });
      }
    }
  }
}

function firstPointer(graph: Map<string, { to: string; pointer: string | undefined }[]>, loop: string[]): string | undefined {
  for (let i = 0; i < loop.length - 1; i++) {
    const edge = graph.get(loop[i]!)?.find((e) => e.to === loop[i + 1] && e.pointer !== undefined);
    if (edge?.pointer) return edge.pointer;
  }
  return undefined;
}
