import type { MatrixSampleSource } from "../../../http/policy/testing/authorization-matrix.test-support.js";
import { call } from "../../auth/testing/http-client.test-support.js";
import { sampleDefinition } from "./apps-test-server.test-support.js";

/**
 * The authorization matrix's sample requests for the /api/v1/apps routes,
 * acting on apps the demo admin creates in the demo workspace (so another
 * workspace's admin must get 404). The first allowed caller of a sample may
 * change what the next one sees (a 409 or 412 then): the matrix only asks
 * that allowed callers get neither 401, 403 nor a 5xx.
 */
export const appMatrixSamples: MatrixSampleSource = async ({ url, signedIn }) => {
  const admin = signedIn("admin");
  const create = async (id: string, requiresFourEyes = false): Promise<{ id: string; etag: string }> => {
    const response = await call(url, "POST", "/api/v1/apps", { as: admin, body: { definition: sampleDefinition({ id }), requiresFourEyes } });
    if (response.status !== 201) throw new Error(`Creating the matrix app '${id}' answered ${response.status}: ${await response.text()}`);
    return { id: ((await response.json()) as { id: string }).id, etag: response.headers.get("etag") ?? "" };
  };
  const app = await create("matrix-app");
  const deletable = await create("matrix-deletable");
  const fourEyes = await create("matrix-four-eyes", true);
  const requested = await call(url, "POST", `/api/v1/apps/${fourEyes.id}/publish`, { as: admin, body: { note: "matrix" } });
  if (requested.status !== 202) throw new Error(`Requesting a publication answered ${requested.status}: ${await requested.text()}`);
  const requestId = ((await requested.json()) as { publishRequest: { id: string } }).publishRequest.id;
  const apps = `/api/v1/apps/${app.id}`;
  const inDemo = 404;

  return {
    listApps: () => ({ path: "/api/v1/apps?limit=5" }),
    createApp: () => ({ path: "/api/v1/apps", body: { definition: sampleDefinition({ id: "matrix-created" }) } }),
    importApp: () => ({ path: "/api/v1/apps/import", body: sampleDefinition({ id: "matrix-imported" }) }),
    getApp: () => ({ path: apps, otherWorkspace: inDemo }),
    replaceAppDraft: () => ({ path: apps, body: { definition: sampleDefinition({ id: "matrix-app", text: "saved" }) }, headers: { "if-match": app.etag }, otherWorkspace: inDemo }),
    deleteApp: () => ({ path: `/api/v1/apps/${deletable.id}`, otherWorkspace: inDemo }),
    restoreApp: () => ({ path: `/api/v1/apps/${deletable.id}/restore`, otherWorkspace: inDemo }),
    publishApp: () => ({ path: `${apps}/publish`, body: { note: "matrix" }, otherWorkspace: inDemo }),
    listPublishRequests: () => ({ path: `/api/v1/apps/${fourEyes.id}/publish-requests`, otherWorkspace: inDemo }),
    approvePublishRequest: () => ({ path: `/api/v1/apps/${fourEyes.id}/publish-requests/${requestId}/approve`, otherWorkspace: inDemo }),
    rejectPublishRequest: () => ({ path: `/api/v1/apps/${fourEyes.id}/publish-requests/${requestId}/reject`, otherWorkspace: inDemo }),
    listAppVersions: () => ({ path: `${apps}/versions`, otherWorkspace: inDemo }),
    getAppVersion: () => ({ path: `${apps}/versions/1`, otherWorkspace: inDemo }),
    restoreAppVersion: () => ({ path: `${apps}/versions/1/restore`, otherWorkspace: inDemo }),
    exportApp: () => ({ path: `${apps}/export`, otherWorkspace: inDemo }),
  };
};
