// A small closed-loop load generator on node:http: N keep-alive connections,
// each sends its next request as soon as the previous answer has been read.
// Loopback only (the caller checks the URL); bounded by time.
import http from "node:http";

/** Linear-interpolated quantile of sorted values. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** One request on `agent`; resolves with status, headers and the body's length (or text when asked). */
export function send(agent, base, { method = "GET", path, headers = {}, body, keepBody = false }) {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      let length = 0;
      res.on("data", (chunk) => {
        length += chunk.length;
        if (keepBody) chunks.push(chunk);
      });
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, length, text: keepBody ? Buffer.concat(chunks).toString("utf8") : undefined }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * Runs one scenario: `connections` loops, each with its own single-socket
 * keep-alive agent, for `warmupMs` unrecorded then `durationMs` recorded.
 * `makeRequest(connectionIndex)` returns the request options;
 * `onResponse(connectionIndex, response)` may update per-connection state.
 */
export async function runScenario({ base, connections, warmupMs, durationMs, makeRequest, onResponse = () => {} }) {
  const latencies = [];
  const statuses = new Map();
  let errors = 0;
  let bytes = 0;
  const startAt = performance.now();
  const measureFrom = startAt + warmupMs;
  const stopAt = measureFrom + durationMs;
  const agents = [];

  async function loop(index) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    while (performance.now() < stopAt) {
      const t0 = performance.now();
      try {
        const res = await send(agent, base, makeRequest(index));
        const t1 = performance.now();
        onResponse(index, res);
        if (t0 >= measureFrom && t1 <= stopAt) {
          latencies.push(t1 - t0);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          bytes += res.length;
        }
      } catch {
        if (t0 >= measureFrom) errors += 1;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  }

  await Promise.all(Array.from({ length: connections }, (_, i) => loop(i)));
  for (const agent of agents) agent.destroy();
  latencies.sort((a, b) => a - b);
  const seconds = durationMs / 1000;
  const ok = [...statuses].filter(([s]) => s >= 200 && s < 300).reduce((n, [, c]) => n + c, 0);
  const round = (x) => Math.round(x * 100) / 100;
  return {
    requests: latencies.length,
    ok,
    nonOk: latencies.length - ok,
    errors,
    statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    reqPerSec: round(latencies.length / seconds),
    okPerSec: round(ok / seconds),
    latencyMs: {
      p50: round(quantile(latencies, 0.5)), p90: round(quantile(latencies, 0.9)), p99: round(quantile(latencies, 0.99)),
      max: round(latencies.at(-1) ?? NaN), mean: round(latencies.reduce((s, x) => s + x, 0) / (latencies.length || 1)),
    },
    bytesPerSec: Math.round(bytes / seconds),
  };
}
