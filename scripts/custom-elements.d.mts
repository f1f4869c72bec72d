// Types of scripts/custom-elements.mjs for TypeScript importers (.storybook/main.ts).
import type { Package, CustomElementDeclaration } from 'custom-elements-manifest/schema';

/** Repository root. */
export declare const root: string;
/** packages/elements. */
export declare const elementsDir: string;
/** packages/elements/custom-elements.json. */
export declare const manifestPath: string;
/** Source files the analyzer reads, relative to packages/elements. */
export declare function manifestSources(): string[];
/** Builds the manifest object. */
export declare function generateManifest(): Package;
/** Every custom element declaration of a manifest with its module path. */
export declare function manifestElements(
  manifest: Package,
): (CustomElementDeclaration & { modulePath: string })[];
/** Writes the manifest to `file` and returns it. */
export declare function writeManifest(file?: string): Package;
