/** @finwright/schemas: the definition language (JSON Schemas, types, validate, migrate, expression checks). */
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

export { validate, CURRENT_SCHEMA_VERSION, type ValidateOptions } from "./validate/validate.js";
export { parseDefinitionText, validateText, type ParsedText, type TextValidationResult } from "./validate/validate-text.js";
export { DEFAULT_LIMITS, type ValidationLimits } from "./validate/limits.js";
export { PROBLEM_CODES, type Problem, type ProblemCode, type ValidationResult } from "./validate/problem.js";
export { PLATFORM_ROLES } from "./validate/checks/roles.js";

export { migrate, createMigrator, type MigrateOptions } from "./migrations/migrate.js";
export type { MigrationResult, MigrationStep } from "./migrations/migration.types.js";

export { parseExpression, type ExpressionNode, type ParseResult } from "./expressions/parse-expression.js";
export { findBindings, hasBinding, type BindingScan, type BindingSegment } from "./expressions/find-bindings.js";
export { analyseExpression, type ExpressionAnalysis, type ExpressionReference } from "./expressions/analyse-expression.js";
export { analyseSource, clearExpressionCache, type SourceAnalysis } from "./expressions/analyse-source.js";
export { FORBIDDEN_GLOBALS, FORBIDDEN_PROPERTIES, SCOPE_ROOTS, QUERY_FIELDS } from "./expressions/names.js";
export { STDLIB_FUNCTIONS, STDLIB_NAMESPACES, type HelperDoc } from "./expressions/stdlib-catalog.js";
export { buildSourceMap, type SourceMap, type SourcePosition } from "./json-source/source-locator.js";
export { joinPointer, splitPointer, escapePointerSegment } from "./json-source/json-pointer.js";

/** TypeScript types of the definition, derived from the JSON Schemas (see scripts/generate-types.mjs). */
export type * from "./generated/definition.types.js";
export type { FinwrightAppDefinition as AppDefinition } from "./generated/definition.types.js";
