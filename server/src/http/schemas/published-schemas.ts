import { createHash } from "node:crypto";
import { definitionSchemas, SCHEMA_BASE_URL } from "@finwright/schemas";

/** One published JSON Schema, serialised once, with its strong ETag. */
export interface PublishedSchema {
  readonly fileName: string;
  readonly body: string;
  readonly etag: string;
}

function publish(schema: { readonly $id: string }): PublishedSchema {
  if (!schema.$id.startsWith(SCHEMA_BASE_URL)) throw new Error(`The schema ${schema.$id} is not under ${SCHEMA_BASE_URL}.`);
  const body = JSON.stringify(schema, null, 2);
  const digest = createHash("sha256").update(body).digest("base64url");
  return { fileName: schema.$id.slice(SCHEMA_BASE_URL.length), body, etag: `"${digest}"` };
}

/** The JSON Schemas of the definition, by the file name of their `$id` (`app-1.json`, `money-1.json`, …). */
export const publishedSchemas: ReadonlyMap<string, PublishedSchema> = new Map(
  definitionSchemas.map((schema) => {
    const published = publish(schema);
    return [published.fileName, published];
  }),
);
