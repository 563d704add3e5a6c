import { HttpProblem } from "../../http/errors/problem.js";
import { JsonFields } from "../auth/json-fields.js";
import { isStorableText } from "./storable-text.js";

/**
 * The small JSON envelopes of the app routes. Only the listed fields are
 * read; any other is refused with 400 (an unknown field is a mistake or a
 * probe, never silently ignored).
 */

function badBody(pointer: string, code: string, message: string): HttpProblem {
  return new HttpProblem(400, "Invalid request body", message, { errors: [{ pointer, code, message }] });
}

/** POST /apps: `{ definition, requiresFourEyes? }`. The definition itself is checked by checkDefinition. */
export function readCreateBody(body: unknown): { definition: unknown; requiresFourEyes: boolean } {
  new JsonFields(body, ["definition", "requiresFourEyes"]).done();
  const fields = body as Record<string, unknown>;
  if (fields["definition"] === undefined) throw badBody("/definition", "field.required", "Send the app definition in 'definition'.");
  const requiresFourEyes = fields["requiresFourEyes"] ?? false;
  if (typeof requiresFourEyes !== "boolean") throw badBody("/requiresFourEyes", "field.boolean", "'requiresFourEyes' must be true or false.");
  return { definition: fields["definition"], requiresFourEyes };
}

/** PUT /apps/:id: `{ definition }`. */
export function readDraftBody(body: unknown): unknown {
  new JsonFields(body, ["definition"]).done();
  const definition = (body as Record<string, unknown>)["definition"];
  if (definition === undefined) throw badBody("/definition", "field.required", "Send the app definition in 'definition'.");
  return definition;
}

export const MAX_NOTE_LENGTH = 2000;

/** POST /apps/:id/publish: `{ note? }`; an empty request body is a publication without a note. */
export function readNoteBody(body: unknown): string {
  if (body === undefined) return "";
  const fields = new JsonFields(body, ["note"]);
  const note = fields.string("note", { max: MAX_NOTE_LENGTH, optional: true }) ?? "";
  fields.done();
  if (!isStorableText(note)) throw badBody("/note", "field.string", "'note' contains a NUL character or a broken UTF-16 surrogate: remove it.");
  return note;
}

/** Routes that take no body refuse one, rather than ignore what the client meant to say. */
export function requireNoBody(body: unknown): void {
  if (body === undefined) return;
  if (typeof body === "object" && body !== null && !Array.isArray(body) && Object.keys(body).length === 0) return;
  throw badBody("", "body.unexpected", "This endpoint takes no request body.");
}
