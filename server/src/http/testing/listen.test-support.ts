import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { pino, type Logger } from "pino";

/** An app listening on an ephemeral loopback port, for real-HTTP tests. */
export interface ListeningApp {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts `app` with `app.listen(0, "127.0.0.1")` and resolves once it listens. */
export async function listenOnEphemeralPort(app: Express): Promise<ListeningApp> {
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

/** A logger that keeps every line in memory, for asserting on what gets logged. */
export interface CapturedLog {
  readonly logger: Logger;
  /** Every line written so far, as raw text. */
  text(): string;
  /** Every line written so far, parsed. */
  entries(): Record<string, unknown>[];
}

export function captureLog(level: "debug" | "info" = "debug"): CapturedLog {
  const lines: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(line) });
  return {
    logger,
    text: () => lines.join(""),
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** A logger that writes nothing. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
