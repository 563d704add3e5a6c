import { param, response, schemaRef } from "./openapi-components.js";
import { json, jsonBody, noContent, type OperationSpecs } from "./openapi-operation.js";

const SET_COOKIE = {
  description: "The session cookie (finwright_session, or __Host-finwright_session over HTTPS): HttpOnly, SameSite=Strict.",
  schema: { type: "string" },
} as const;

/** Sign-in, sign-out, the current session and API tokens. */
export const authOperations: OperationSpecs<"login" | "logout" | "currentSession" | "createApiToken" | "listApiTokens" | "revokeApiToken"> = {
  login: {
    tag: "auth",
    description: "Every failed sign-in gets the same 401, whatever the reason. Repeated failures for an account or from an address are throttled (429).",
    requestBody: jsonBody("The credentials.", schemaRef("LoginRequest")),
    responses: {
      "200": json("Signed in.", "LoginResponse", { "Set-Cookie": SET_COOKIE }),
      "401": response("Unauthenticated"),
      "429": response("TooManyRequests"),
    },
  },
  logout: {
    tag: "auth",
    description: "Only for sessions: an API token is stopped by revoking it (400 otherwise).",
    responses: { "204": noContent("Signed out; the cookie is cleared.") },
  },
  currentSession: { tag: "auth", responses: { "200": json("The caller.", "Session") } },
  createApiToken: {
    tag: "tokens",
    requestBody: jsonBody("The token's name, roles and lifetime.", schemaRef("CreateApiTokenRequest")),
    responses: { "201": json("Created; the secret is in `token`, and only here.", "CreatedApiToken") },
  },
  listApiTokens: { tag: "tokens", responses: { "200": json("The tokens, without their secrets.", "ApiTokenList") } },
  revokeApiToken: {
    tag: "tokens",
    parameters: [param("TokenId")],
    responses: { "204": noContent("Revoked."), "404": response("NotFound") },
  },
};
