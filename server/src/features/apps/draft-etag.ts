import { randomBytes } from "node:crypto";
import type { Request } from "express";
import { HttpProblem } from "../../http/errors/problem.js";

/**
 * Drafts carry a random ETag that changes on every write. Random rather than
 * a hash of the content: saving the same content twice still gives two
 * versions, so a writer holding the older ETag cannot slip in between.
 */
export function newDraftEtag(): string {
  return randomBytes(18).toString("base64url");
}

/** The ETag header's value: a strong entity tag. */
export function etagHeader(etag: string): string {
  return `"${etag}"`;
}

const ENTITY_TAG = /^(W\/)?"([^"]*)"$/;

/** 428: saving a draft requires If-Match. */
export function ifMatchRequired(): HttpProblem {
  return new HttpProblem(428, "If-Match required", "Send the ETag of the draft you edited in the If-Match header (read it with GET first), so that nobody's changes are overwritten.");
}

/**
 * The entity tags a request's If-Match names (strong ones only: a weak tag
 * never matches, RFC 9110 §13.1.1); undefined without the header. `*` would
 * overwrite whatever is there, which is exactly the lost update the header
 * prevents, so it is refused (428).
 */
export function ifMatchOf(req: Request): string[] | undefined {
  const header = req.headers["if-match"];
  return header === undefined || header.trim() === "" ? undefined : parseIfMatch(header);
}

function parseIfMatch(header: string): string[] {
  const tags = header.split(",").map((part) => part.trim());
  if (tags.includes("*")) {
    throw new HttpProblem(428, "If-Match required", "If-Match: * is not accepted here: send the ETag of the draft you edited, so that nobody's changes are overwritten.");
  }
  const strong: string[] = [];
  for (const tag of tags) {
    const match = ENTITY_TAG.exec(tag);
    if (!match) throw new HttpProblem(400, "Malformed If-Match", 'If-Match must hold entity tags in double quotes, e.g. If-Match: "3qPa…", as the ETag header gave them.');
    if (match[1] === undefined) strong.push(match[2]!);
  }
  return strong;
}

/** 412 with the current ETag, so the client can re-read, merge and retry. */
export function staleDraft(currentEtag: string): HttpProblem {
  return new HttpProblem(412, "The draft has changed", "Someone saved this draft after you read it. Load the current draft (its ETag is in this response), merge your changes and save again.", {
    headers: { ETag: etagHeader(currentEtag) },
  });
}
