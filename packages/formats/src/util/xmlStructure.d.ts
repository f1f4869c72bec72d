/**
 * Checks the structure of `text` (see the module note) and throws `AnnotkitError` `parse` with
 * the file and the 1-based line of the first problem. `maxDepth` bounds element nesting (throws
 * `limit` above it). Runs in time linear in the text length and allocates O(maxDepth).
 */
export declare function checkXmlStructure(
  text: string,
  file: string | undefined,
  maxDepth: number,
): void;
