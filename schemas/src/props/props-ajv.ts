import { Ajv2020 } from "ajv/dist/2020.js";
import type { ValidateFunction } from "ajv";
import { EDITOR_KEYWORDS, type JsonSchema } from "../manifest/component-manifest.types.js";
import { definitionSchemas } from "../json-schemas.js";

/** A compiled props check: returns ajv-style errors, or null when the props are valid. */
export type PropsCheck = (props: unknown) => readonly PropsSchemaError[] | null;

export interface PropsSchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string | undefined;
}

/** Turns a props JSON Schema into a check. Swap it for precompiled checks where `eval` is not allowed (browser CSP). */
export type PropsCompiler = (schema: JsonSchema) => PropsCheck;

let sharedAjv: Ajv2020 | undefined;

/** The ajv instance for component props: 2020-12, strict, knows our editor keywords and shared schemas (money). */
export function propsAjv(): Ajv2020 {
  if (sharedAjv) return sharedAjv;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, discriminator: true });
  ajv.addVocabulary([...EDITOR_KEYWORDS]);
  for (const schema of definitionSchemas) ajv.addSchema(schema);
  sharedAjv = ajv;
  return ajv;
}

const compiled = new WeakMap<object, PropsCheck>();

/** The default compiler: ajv at run time, cached per schema object. Needs `eval`, so Node or a non-CSP page. */
export const compilePropsWithAjv: PropsCompiler = (schema) => {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const validateFn: ValidateFunction = propsAjv().compile(schema as object);
  const check: PropsCheck = (props) => (validateFn(props) ? null : (validateFn.errors ?? []));
  compiled.set(schema, check);
  return check;
};
