import { suggestion } from "../did-you-mean.js";
import type { DefinitionIndex } from "../definition-index.js";
import type { Report } from "./report.js";

export const PLATFORM_ROLES: readonly string[] = ["admin", "builder", "developer", "approver", "viewer"];

/** When the app declares business roles, every role it names must be a platform role or a declared one. */
export function checkRoles(index: DefinitionIndex, report: Report): void {
  const declared = index.declaredRoles;
  if (declared === null) return;
  const known = [...PLATFORM_ROLES, ...declared];
  for (const { pointer, value } of index.roleRefs) {
    if (!known.includes(value)) {
      report(pointer, "ref.unknown-role", `The role '${value}' is not declared in the app's roles (${known.join(", ")}).${suggestion(value, known)}`);
    }
  }
}
