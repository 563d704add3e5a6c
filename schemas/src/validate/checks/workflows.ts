import { joinPointer } from "../../json-source/json-pointer.js";
import { suggestion } from "../did-you-mean.js";
import { asArray, asString, isObject, type DefinitionIndex, type JsonObject } from "../definition-index.js";
import type { Report } from "./report.js";

/** The events each kind of step can end with; a task may declare its own outcomes. */
const STEP_EVENTS: Record<string, readonly string[]> = {
  task: ["completed"],
  approval: ["approved", "rejected", "expired"],
  action: ["succeeded", "failed"],
  timer: ["elapsed"],
};

/** Workflows as state machines: a start that exists, transitions to steps that exist, on events the step emits, no dead ends. */
export function checkWorkflows(index: DefinitionIndex, report: Report): void {
  const connections = [...index.connections.keys()];
  for (const [id, { pointer, value: workflow }] of index.workflows) {
    if (!isObject(workflow["states"])) continue;
    const states = workflow["states"];
    const stateIds = Object.keys(states);
    const where = `Workflow '${id}'`;
    const start = asString(workflow["start"]);
    if (start !== undefined && !(start in states)) {
      report(`${pointer}/start`, "workflow.unknown-start", `${where} starts at the step '${start}', which does not exist.${suggestion(start, stateIds)}`);
    }
    const reachable = new Set<string>();
    const edges = new Map<string, string[]>();
    for (const [stateId, state] of Object.entries(states)) {
      if (!isObject(state)) continue;
      const statePointer = joinPointer(`${pointer}/states`, stateId);
      const stepWhere = `${where}, step '${stateId}'`;
      edges.set(stateId, checkTransitions(state, statePointer, stepWhere, stateIds, report));
      if (state["type"] === "action") {
        const connection = asString(state["connection"]);
        if (connection !== undefined && !connections.includes(connection)) {
          report(`${statePointer}/connection`, "ref.unknown-connection", `${stepWhere} calls the connection '${connection}', which does not exist.${suggestion(connection, connections)}`);
        }
      }
      if (state["type"] === "timer" && (state["delay"] === undefined) === (state["until"] === undefined)) {
        report(statePointer, "workflow.bad-timer", `${stepWhere}: a timer needs either a delay (such as PT4H) or an until time, not both or neither.`);
      }
    }
    if (start === undefined || !(start in states)) continue;
    const queue = [start];
    while (queue.length > 0) {
      const next = queue.pop()!;
      if (reachable.has(next)) continue;
      reachable.add(next);
      queue.push(...(edges.get(next) ?? []));
    }
    for (const stateId of stateIds) {
      if (!reachable.has(stateId)) {
        report(joinPointer(`${pointer}/states`, stateId), "workflow.unreachable", `${where}: no path leads to the step '${stateId}' from the start, so it never runs.`, "warning");
      }
    }
  }
}

function checkTransitions(state: JsonObject, pointer: string, where: string, stateIds: string[], report: Report): string[] {
  const type = asString(state["type"]);
  const transitions = asArray(state["transitions"]);
  const targets: string[] = [];
  if (type === "end") return targets;
  if (type !== undefined && type in STEP_EVENTS || type === "condition") {
    if (transitions.length === 0) report(pointer, "workflow.dead-end", `${where} has no transitions, so the workflow would stop there. Add a transition or make it an end step.`);
  }
  const outcomes = type === "task" && Array.isArray(state["outcomes"]) ? (state["outcomes"] as string[]) : STEP_EVENTS[type ?? ""];
  let hasFallback = false;
  transitions.forEach((transition, i) => {
    if (!isObject(transition)) return;
    const tPointer = `${pointer}/transitions/${i}`;
    const to = asString(transition["to"]);
    if (to !== undefined) {
      if (stateIds.includes(to)) targets.push(to);
      else report(`${tPointer}/to`, "workflow.unknown-target", `${where} goes to the step '${to}', which does not exist.${suggestion(to, stateIds)}`);
    }
    const on = asString(transition["on"]);
    if (on !== undefined && outcomes && !outcomes.includes(on)) {
      report(`${tPointer}/on`, "workflow.bad-transition", `${where}: ${type === "action" || type === "approval" ? "an" : "a"} ${type} step never ends with '${on}'; it ends with ${outcomes.join(" or ")}.${suggestion(on, outcomes)}`);
    }
    if (type === "condition" && transition["when"] === undefined) hasFallback = true;
  });
  if (type === "condition" && transitions.length > 0 && !hasFallback) {
    report(`${pointer}/transitions`, "workflow.missing-fallback", `${where}: when no condition is true the workflow would be stuck. Add a last transition without "when".`, "warning");
  }
  return targets;
}
