/**
 * The parts of OpenAPI 3.1 that Finwright's description uses, typed just
 * enough to catch misspelt fields. Schemas are JSON Schema 2020-12 (the
 * OpenAPI 3.1 default dialect), kept as plain objects.
 */

/** A JSON Schema 2020-12 object (or a `$ref` to one). */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface Reference {
  readonly $ref: string;
}

export interface MediaType {
  readonly schema: JsonSchema;
}

export interface HeaderObject {
  readonly description: string;
  readonly schema: JsonSchema;
}

export interface ResponseObject {
  readonly description: string;
  readonly headers?: Readonly<Record<string, HeaderObject | Reference>>;
  readonly content?: Readonly<Record<string, MediaType>>;
}

export interface ParameterObject {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly description: string;
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

export interface RequestBodyObject {
  readonly description: string;
  readonly required: boolean;
  readonly content: Readonly<Record<string, MediaType>>;
}

export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface OperationObject {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly security?: readonly SecurityRequirement[];
  readonly parameters?: readonly (ParameterObject | Reference)[];
  readonly requestBody?: RequestBodyObject;
  /** By status code ("200", "404", …). */
  readonly responses: Readonly<Record<string, ResponseObject | Reference>>;
}

export type HttpVerb = "get" | "put" | "post" | "delete" | "patch";

export type PathItem = Partial<Readonly<Record<HttpVerb, OperationObject>>>;

export interface SecurityScheme {
  readonly type: "apiKey" | "http";
  readonly description: string;
  readonly name?: string;
  readonly in?: "header" | "cookie";
  readonly scheme?: string;
}

export interface OpenApiDocument {
  readonly openapi: string;
  readonly jsonSchemaDialect: string;
  readonly info: { readonly title: string; readonly version: string; readonly summary: string; readonly description: string; readonly license: { readonly name: string; readonly identifier: string } };
  readonly servers: readonly { readonly url: string; readonly description: string }[];
  readonly tags: readonly { readonly name: string; readonly description: string }[];
  readonly security: readonly SecurityRequirement[];
  readonly paths: Readonly<Record<string, PathItem>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly securitySchemes: Readonly<Record<string, SecurityScheme>>;
    readonly parameters: Readonly<Record<string, ParameterObject>>;
    readonly headers: Readonly<Record<string, HeaderObject>>;
    readonly responses: Readonly<Record<string, ResponseObject>>;
  };
}
