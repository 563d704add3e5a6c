import type { ComponentManifest } from "@finwright/schemas";

/**
 * Declares the React-free half of a component. Identity at run time; it exists so
 * that TypeScript checks the manifest where it is written, and so third-party
 * libraries declare components exactly as the built-in ones do.
 */
export function defineManifest<const M extends ComponentManifest>(manifest: M): M {
  return manifest;
}
