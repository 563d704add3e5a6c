/** @finwright/server: the Finwright server (coming with the server-core issue) and the finwright CLI. */
export { main as runCli } from "./cli/main.js";
export type { CliIo } from "./cli/cli-io.js";
