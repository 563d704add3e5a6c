// Prepares a running server for the benchmark: signs in as the demo developer (builders may not create API tokens),
// creates an API token (bearer: no cookie, no CSRF header on PUT) and creates
// the apps (one per PUT connection, so that writers never conflict).
import http from "node:http";
import { send } from "./load.mjs";

async function json(agent, base, options, expected) {
  const res = await send(agent, base, { ...options, keepBody: true });
  if (!expected.includes(res.status)) throw new Error(`${options.method ?? "GET"} ${options.path}: HTTP ${res.status}: ${res.text.slice(0, 500)}`);
  return { ...res, body: res.text === "" ? undefined : JSON.parse(res.text) };
}

/** Returns `{ token, apps: [{ id, etag, body }] }`; `definitionFor(i)` gives app i's definition (distinct ids). */
export async function prepareWorkload(base, { password, appCount, definitionFor }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const login = await json(agent, base, {
      method: "POST", path: "/api/v1/auth/login", headers: { "content-type": "application/json" },
      body: JSON.stringify({ workspace: "demo", username: "developer", password }),
    }, [200]);
    const cookie = [login.headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]).join("; ");
    const created = await json(agent, base, {
      method: "POST", path: "/api/v1/tokens",
      headers: { "content-type": "application/json", cookie, "x-csrf-token": login.body.csrfToken },
      body: JSON.stringify({ name: "bench/server", roles: ["developer"], expiresInDays: 1 }),
    }, [201]);
    const auth = { authorization: `Bearer ${created.body.token}` };
    const apps = [];
    for (let i = 0; i < appCount; i += 1) {
      const body = JSON.stringify({ definition: definitionFor(i) });
      const app = await json(agent, base, { method: "POST", path: "/api/v1/apps", headers: { ...auth, "content-type": "application/json" }, body }, [201]);
      apps.push({ id: app.body.id ?? app.body.app?.id, etag: app.headers.etag, body });
    }
    if (apps.some((a) => typeof a.id !== "string" || typeof a.etag !== "string")) throw new Error(`unexpected create answer: no id or ETag`);
    // The GET answer once, to report its size and check it really is 200 with the app.
    const read = await json(agent, base, { path: `/api/v1/apps/${apps[0].id}`, headers: auth }, [200]);
    return { auth, apps, getBytes: Buffer.byteLength(read.text), putBytes: Buffer.byteLength(apps[0].body) };
  } finally {
    agent.destroy();
  }
}
