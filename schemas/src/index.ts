export type {
  ComponentManifest,
  ComponentCategory,
  ChildrenDeclaration,
  EditorHint,
  EventDeclaration,
  ExposedValueDeclaration,
  JsonSchema,
  PropsMigration,
  SlotDeclaration,
} from "./manifest/component-manifest.types.js";
export { EDITOR_KEYWORDS } from "./manifest/component-manifest.types.js";
export { checkManifest } from "./manifest/check-manifest.js";
export { compilePropsWithAjv, type PropsCheck, type PropsCompiler, type PropsSchemaError } from "./props/props-ajv.js";
export { definitionSchemas, APP_SCHEMA_ID, MONEY_SCHEMA_ID, SCHEMA_BASE_URL } from "./json-schemas.js";
