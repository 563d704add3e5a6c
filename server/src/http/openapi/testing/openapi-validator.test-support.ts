import { compilePropsWithAjv, type PropsCheck, type PropsSchemaError } from "@finwright/schemas";
import type { OpenApiDocument, OperationObject, PathItem, ResponseObject } from "../openapi.types.js";

/**
 * Validates HTTP answers against the OpenAPI document with ajv (2020-12,
 * strict, with the published definition schemas loaded, so the document's
 * `$ref` to app-1.json resolves). ajv comes through @finwright/schemas'
 * public compilePropsWithAjv: the server package cannot resolve
 * `ajv/dist/2020.js` itself (the hoisted ajv is v6, eslint's).
 *
 * ajv has no formats loaded; `date-time` and `uuid` are checked as patterns.
 */

const FORMAT_PATTERNS: Readonly<Record<string, string>> = {
  "date-time": String.raw`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$`,
  uuid: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
};

const COMPONENT_SCHEMA = "#/components/schemas/";

/** A copy of `schema` that ajv compiles on its own: component refs point into `$defs`, formats become patterns. */
function portable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(portable);
  if (typeof schema !== "object" || schema === null) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith(COMPONENT_SCHEMA)) copy[key] = `#/$defs/${value.slice(COMPONENT_SCHEMA.length)}`;
    else if (key === "format" && typeof value === "string") {
      const pattern = FORMAT_PATTERNS[value];
      if (pattern === undefined || "pattern" in schema) throw new Error(`The test validator cannot check the format '${value}' here.`);
      copy["pattern"] = pattern;
    } else copy[key] = portable(value);
  }
  return copy;
}

export interface Conformance {
  /** The response object of `method path` for `status`, or undefined when the document has none. */
  responseOf(method: string, path: string, status: number): ResponseObject | undefined;
  /** Problems of `body` against the schema of `method path status contentType`; [] when it conforms. */
  check(method: string, path: string, status: number, contentType: string | null, body: unknown): string[];
  /** Compiles a schema of the document (wrapped with every component schema as `$defs`). */
  compile(schema: unknown): PropsCheck;
}

export function openApiConformance(document: OpenApiDocument): Conformance {
  const defs = portable(document.components.schemas);
  const compiled = new Map<unknown, PropsCheck>();
  const compile = (schema: unknown): PropsCheck => {
    let check = compiled.get(schema);
    if (check === undefined) {
      check = compilePropsWithAjv({ ...(portable(schema) as object), $defs: defs });
      compiled.set(schema, check);
    }
    return check;
  };
  const operationOf = (method: string, path: string): OperationObject | undefined =>
    document.paths[path]?.[method.toLowerCase() as keyof PathItem];
  const responseOf = (method: string, path: string, status: number): ResponseObject | undefined => {
    const found = operationOf(method, path)?.responses[String(status)];
    if (found === undefined || !("$ref" in found)) return found;
    return document.components.responses[found.$ref.split("/").pop() ?? ""];
  };
  return {
    responseOf,
    compile,
    check(method, path, status, contentType, body) {
      if (operationOf(method, path) === undefined) return [`The document has no operation ${method} ${path}.`];
      const response = responseOf(method, path, status);
      if (response === undefined) return [`${method} ${path} does not document the status ${status}.`];
      if (response.content === undefined) return body === undefined ? [] : [`${method} ${path} ${status} documents no body, but one came.`];
      const mediaType = (contentType ?? "").split(";")[0]?.trim() ?? "";
      const media = response.content[mediaType];
      if (media === undefined) return [`${method} ${path} ${status} documents ${Object.keys(response.content).join(", ")}, not ${mediaType || "no content type"}.`];
      const errors = compile(media.schema)(body);
      return (errors ?? []).map((error: PropsSchemaError) => `${error.instancePath || "/"} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`);
    },
  };
}
