import { HttpProblem, type ProblemItem } from "../../http/errors/problem.js";

/**
 * Reads the fields of a small JSON body, collecting every problem (with a
 * JSON Pointer) and refusing unknown fields (requirement Z3), then throws
 * one 400 listing them all:
 *
 *   const body = new JsonFields(req.body, ["name", "roles"]);
 *   const name = body.string("name", { max: 200 });
 *   body.done();
 */
export class JsonFields {
  readonly #object: Readonly<Record<string, unknown>>;
  readonly #problems: ProblemItem[] = [];

  constructor(body: unknown, allowed: readonly string[]) {
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      this.#object = {};
      this.#problems.push({ pointer: "", code: "body.not-object", message: "Send a JSON object as the request body." });
      return;
    }
    this.#object = body as Record<string, unknown>;
    for (const key of Object.keys(body)) {
      if (!allowed.includes(key)) this.#problems.push({ pointer: pointerOf(key), code: "field.unknown", message: `Unknown field '${shorten(key)}': the fields are ${allowed.join(", ")}.` });
    }
  }

  string(key: string, rules: { readonly max: number; readonly optional?: false }): string;
  string(key: string, rules: { readonly max: number; readonly optional: true }): string | undefined;
  string(key: string, { max, optional = false }: { readonly max: number; readonly optional?: boolean }): string | undefined {
    const value = this.#object[key];
    if (value === undefined && optional) return undefined;
    if (typeof value !== "string" || value.length === 0 || value.length > max) {
      this.#problem(key, "field.string", `'${key}' must be a text of 1 to ${max} characters.`);
      return "";
    }
    return value;
  }

  strings(key: string, { max, maxItems }: { readonly max: number; readonly maxItems: number }): string[] {
    const value = this.#object[key];
    if (!Array.isArray(value) || value.length === 0 || value.length > maxItems || !value.every((item) => typeof item === "string" && item.length > 0 && item.length <= max)) {
      this.#problem(key, "field.strings", `'${key}' must be a list of 1 to ${maxItems} texts of 1 to ${max} characters.`);
      return [];
    }
    return value as string[];
  }

  integer(key: string, { min, max }: { readonly min: number; readonly max: number }): number | undefined {
    const value = this.#object[key];
    if (value === undefined) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      this.#problem(key, "field.integer", `'${key}' must be a whole number from ${min} to ${max}.`);
      return undefined;
    }
    return value;
  }

  /** Throws the 400 when anything was wrong. */
  done(): void {
    if (this.#problems.length > 0) {
      throw new HttpProblem(400, "Invalid request body", this.#problems.map((problem) => problem.message).join(" "), { errors: this.#problems });
    }
  }

  #problem(key: string, code: string, message: string): void {
    this.#problems.push({ pointer: pointerOf(key), code, message });
  }
}

function pointerOf(key: string): string {
  return `/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

function shorten(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}
