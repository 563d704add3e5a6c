import { types as pgliteTypes, type ParserOptions } from "@electric-sql/pglite";
import pg from "pg";

/**
 * Both engines must hand back the same JavaScript values. Left alone they
 * differ: PGlite parses int8 into a (lossy) number, pg parses numeric[] into
 * (lossy) numbers and interval into an object, and both turn a date into a
 * Date at local midnight. Money and ids must not lose digits, and a calendar
 * date has no time zone, so: int8, numeric and date come back as strings
 * (also inside arrays); timestamptz stays a Date; interval is text.
 */
const OID = {
  int8: 20,
  date: 1082,
  interval: 1186,
  int8Array: 1016,
  textArray: 1009,
  dateArray: 1182,
  numericArray: 1231,
} as const;

const asText = (value: string): string => value;
const textArrayOfPglite = (value: string): unknown => pgliteTypes.arrayParser(value, asText, OID.textArray);

/** Parsers passed to PGlite (numeric and numeric[] already arrive as strings; interval as text). */
export const PGLITE_PARSERS: ParserOptions = {
  [OID.int8]: asText,
  [OID.int8Array]: textArrayOfPglite,
  [OID.date]: asText,
  [OID.dateArray]: textArrayOfPglite,
};

// pg-types' TypeId enum lists no array types, hence the widening to number.
const textArrayOfPg = pg.types.getTypeParser(OID.textArray as number, "text") as (value: string) => unknown;
const pgOverrides = new Map<number, (value: string) => unknown>([
  [OID.numericArray, textArrayOfPg],
  [OID.date, asText],
  [OID.dateArray, textArrayOfPg],
  [OID.interval, asText],
]);

/** Per-pool type parsers for pg (int8 is already a string there); the global pg.types stay untouched. */
export const POSTGRES_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    (format !== "binary" && pgOverrides.get(oid)) || (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as pg.CustomTypesConfig["getTypeParser"],
};
