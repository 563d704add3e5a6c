import type { Database } from "../../db/database.types.js";

/**
 * A Database whose only working method is ping, answering what the test
 * says: for testing how the HTTP layer reacts to the database's state.
 */
export function databaseAnsweringPing(answer: () => boolean | Promise<boolean>): Database {
  const unused = (): Promise<never> => Promise.reject(new Error("This stub database only answers ping()."));
  return {
    kind: "pglite",
    ping: async () => answer(),
    query: unused,
    transaction: unused,
    close: () => Promise.resolve(),
  };
}
