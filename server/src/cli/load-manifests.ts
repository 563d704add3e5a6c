import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ComponentManifest } from "@finwright/schemas";
import { builtinManifests } from "@finwright/components/manifests";
import { UsageError } from "./cli-io.js";

/** A component library module: `export default { name, version, manifests }` (or a named `library`). */
interface LibraryModule {
  readonly default?: { readonly manifests?: readonly ComponentManifest[] };
  readonly library?: { readonly manifests?: readonly ComponentManifest[] };
}

/** The built-in manifests plus those of each `--library` module. */
export async function loadManifests(libraries: readonly string[], cwd: string): Promise<ComponentManifest[]> {
  const manifests: ComponentManifest[] = [...builtinManifests];
  for (const path of libraries) {
    let module: LibraryModule;
    try {
      module = (await import(pathToFileURL(resolve(cwd, path)).href)) as LibraryModule;
    } catch (error) {
      throw new UsageError(`cannot load the component library '${path}': ${(error as Error).message}`);
    }
    const list = module.default?.manifests ?? module.library?.manifests;
    if (!Array.isArray(list)) throw new UsageError(`'${path}' is not a component library: it should export { name, version, manifests } as its default export.`);
    manifests.push(...(list as readonly ComponentManifest[]));
  }
  return manifests;
}
