import type { DocumentData } from '@annotkit/core';
/**
 * A read-only tree of files: the contents of a zip, a list of browser `File`s (a dropped folder),
 * or a Node directory. Paths are POSIX, relative, without a leading `./` or `/`; entries whose
 * names try to escape the root (`..`) are ignored by every implementation.
 */
export interface FileTree {
    /** All file paths, sorted. Directories are implied by paths. */
    paths(): readonly string[];
    has(path: string): boolean;
    /** Size in bytes of an entry, when known without reading it. */
    size(path: string): number | undefined;
    read(path: string): Promise<Uint8Array>;
    /** Reads an entry as UTF-8 text (a leading BOM is stripped). */
    readText(path: string): Promise<string>;
}
/** What an export writes: path → contents. Text is written as UTF-8. */
export type OutputTree = Map<string, Uint8Array | string>;
/** A non-fatal problem found while importing. */
export interface ImportWarning {
    /** Stable code, e.g. `'label-created'`, `'out-of-image'`, `'missing-image'`. */
    readonly code: string;
    readonly message: string;
    readonly file?: string;
    readonly line?: number;
    /** How many times this warning occurred (warnings of one kind are aggregated). */
    readonly count?: number;
}
/** Something an export could not hold. */
export interface DroppedReport {
    /** What was dropped, e.g. `'polygon shapes'`, `'tracks'`, `'attribute "color"'`. */
    readonly what: string;
    readonly count: number;
    /** Why, e.g. `'Pascal VOC detection stores boxes only'`. */
    readonly reason: string;
}
export interface ImportOptions {
    readonly signal?: AbortSignal;
    /** Called with a value in [0, 1]. */
    readonly onProgress?: (fraction: number) => void;
    /**
     * Labels to map onto by name; unknown names are created (with a warning). When absent, every
     * label in the file is created.
     */
    readonly labels?: DocumentData['labels'];
}
export interface ExportOptions {
    readonly signal?: AbortSignal;
    readonly onProgress?: (fraction: number) => void;
    /** Subset name for formats that have subsets. Defaults to `'default'` (COCO, Datumaro), `'train'` (YOLO). */
    readonly subset?: string;
}
export interface ImportResult {
    readonly document: DocumentData;
    readonly warnings: readonly ImportWarning[];
}
export interface ExportResult {
    readonly tree: OutputTree;
    readonly dropped: readonly DroppedReport[];
}
/**
 * A dataset format. Codecs are pure: no DOM, no Node APIs, no module state; they read a
 * `FileTree` and return plain `DocumentData`.
 */
export interface Codec {
    /** Stable id, e.g. `'cvat-images-1.1'`, `'coco-1.0'`, `'ultralytics-detect-1.0'`. */
    readonly id: string;
    /** Display name, as CVAT shows it, e.g. `'CVAT for images 1.1'`. */
    readonly name: string;
    /**
     * Confidence in [0, 1] that the tree is in this format: 0 = no, ≥ 0.9 = certain from
     * unambiguous markers, in between = plausible.
     */
    detect(tree: FileTree): Promise<number>;
    import(tree: FileTree, options?: ImportOptions): Promise<ImportResult>;
    export(document: DocumentData, options?: ExportOptions): Promise<ExportResult>;
}
