/** @finwright/components: the built-in component library. The manifests are also served React-free from ./manifests. */
export * from "./manifests/index.js";
