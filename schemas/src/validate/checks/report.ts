import type { ProblemCode } from "../problem.js";

/** How a check reports a problem. */
export type Report = (pointer: string, code: ProblemCode, message: string, severity?: "error" | "warning") => void;
