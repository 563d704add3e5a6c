/**
 * Runs async tasks one at a time, in call order. PGlite has a single
 * connection: without this, a query issued while a transaction is open would
 * run inside that transaction and vanish with its rollback (toolchain P9).
 */
export class AsyncMutex {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    // A failed task must not block the tasks queued behind it.
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
