/** @finwright/runtime/engine: the React-free part of the runtime (also used by the server). */
export { defineManifest } from "./components/define-manifest.js";
export { checkManifest } from "@finwright/schemas";
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
} from "@finwright/schemas";
