import type { PropsSchemaError } from "../props/props-ajv.js";

/** Shape of the build-time generated validator (src/generated/app-validator.ts). */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: (PropsSchemaError & { schemaPath: string })[] | null;
}
