/** Format auto-detection over a file tree. */
import type { Codec, FileTree } from './codec/types.js';
import { codecs as defaultCodecs } from './registry.js';

/** One candidate format with the codec's confidence in [0, 1]. */
export interface DetectCandidate {
  readonly codec: Codec;
  readonly confidence: number;
}

/** Result of {@link detectFormat}. */
export interface DetectResult {
  /** Candidates with confidence > 0, best first. */
  readonly candidates: readonly DetectCandidate[];
  /** The best candidate, when there is one. */
  readonly best: DetectCandidate | undefined;
  /**
   * True when the choice is not clear: no candidate, the best below 0.5, or the top two within
   * 0.1 of each other. A UI should then ask the user.
   */
  readonly unsure: boolean;
}

/**
 * Asks every codec how confident it is that `tree` is in its format and ranks them. A codec
 * that throws while detecting counts as 0.
 */
export async function detectFormat(
  tree: FileTree,
  codecs: readonly Codec[] = defaultCodecs,
): Promise<DetectResult> {
  const scored = await Promise.all(
    codecs.map(async (codec) => {
      let confidence: number;
      try {
        confidence = await codec.detect(tree);
      } catch {
        confidence = 0;
      }
      return {
        codec,
        confidence: Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0,
      };
    }),
  );
  const candidates = scored
    .filter((c) => c.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence);
  const best = candidates[0];
  const second = candidates[1];
  const unsure =
    best === undefined ||
    best.confidence < 0.5 ||
    (second !== undefined && best.confidence - second.confidence < 0.1);
  return { candidates, best, unsure };
}
