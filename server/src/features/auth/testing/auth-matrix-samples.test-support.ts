import type { MatrixSampleSource } from "../../../http/policy/testing/authorization-matrix.test-support.js";
import { DEMO_TEST_PASSWORD } from "./auth-test-server.test-support.js";
import { call } from "./http-client.test-support.js";

/** Authorization-matrix samples of the auth, API token and audit routes. */
export const authMatrixSamples: MatrixSampleSource = async ({ url, signedIn }) => {
  const created = await call(url, "POST", "/api/v1/tokens", { as: signedIn("admin"), body: { name: "matrix fixture", roles: ["admin"] } });
  const demoTokenId = ((await created.json()) as { id: string }).id;
  return {
    login: () => ({ path: "/api/v1/auth/login", body: { username: "viewer", password: DEMO_TEST_PASSWORD } }),
    logout: () => ({ path: "/api/v1/auth/logout" }),
    currentSession: () => ({ path: "/api/v1/auth/session" }),
    createApiToken: (_caller, roles) => ({ path: "/api/v1/tokens", body: { name: "matrix", roles: roles.length > 0 ? roles : ["viewer"] } }),
    listApiTokens: () => ({ path: "/api/v1/tokens" }),
    revokeApiToken: () => ({ path: `/api/v1/tokens/${demoTokenId}`, otherWorkspace: 404 }),
    listAuditEntries: () => ({ path: "/api/v1/audit" }),
  };
};
