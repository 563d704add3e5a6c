import { createHash } from "node:crypto";
import { canonicalJson } from "../audit/canonical-json.js";

/**
 * sha256 (hex) of the definition's canonical JSON: the same definition gives
 * the same hash however its keys were ordered (jsonb reorders them).
 */
export function definitionHash(definition: unknown): string {
  return createHash("sha256").update(canonicalJson(definition), "utf8").digest("hex");
}
