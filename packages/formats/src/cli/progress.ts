/**
 * A one-line progress bar on stderr. Drawn only when stderr is a terminal (redirected output
 * gets no control characters) and only redrawn when the shown percentage changes.
 */

/** Where the CLI writes; injectable so that tests run the CLI in-process. */
export interface CliIo {
  /** Writes to standard output (text, newlines included by the caller). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal: enables the progress bar. */
  readonly stderrIsTTY: boolean;
  /** Terminal width in characters. Defaults to 80. */
  readonly columns?: number;
}

/** A progress reporter: `update(fraction)` in [0, 1], `done()` clears the line. */
export interface ProgressBar {
  update(fraction: number): void;
  done(): void;
}

const NOOP: ProgressBar = { update: () => undefined, done: () => undefined };

/**
 * A bar such as `importing [##########----------]  50%`, or a no-op reporter when `enabled` is
 * false or stderr is not a terminal.
 */
export function createProgressBar(io: CliIo, label: string, enabled: boolean): ProgressBar {
  if (!enabled || !io.stderrIsTTY) return NOOP;
  const width = Math.max(10, Math.min(40, (io.columns ?? 80) - label.length - 10));
  let shown = -1;
  let drawn = false;
  return {
    update(fraction) {
      const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
      const pct = Math.floor(f * 100);
      if (pct === shown) return;
      shown = pct;
      drawn = true;
      const full = Math.round(f * width);
      io.stderr(
        `\r${label} [${'#'.repeat(full)}${'-'.repeat(width - full)}] ${String(pct).padStart(3)}%`,
      );
    },
    done() {
      if (drawn) io.stderr('\r\x1b[K');
      drawn = false;
    },
  };
}
