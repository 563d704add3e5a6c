/** @finwright/runtime: renders app definitions. The React renderer arrives with the runtime issue. */
export * from "./engine/index.js";
