/**
 * A progress bar on standard error for long work (training, grading, sweeps): redrawn in place
 * on a terminal; on a pipe or in CI, one plain line per tenth of the work so logs stay short.
 */
import type { CommandIO } from './command-io.ts';

/** Width of the bar in characters. */
const BAR_WIDTH = 28;
/** Least time between redraws on a terminal, in ms (redrawing each batch would flicker). */
const REDRAW_MS = 100;

/** A bar for `total` steps of one piece of work, labelled e.g. "epoch 2/10". */
export interface ProgressBar {
  /** Reports that `done` of `total` steps are finished; `detail` is appended (loss, img/s…). */
  update(done: number, total: number, detail?: string): void;
  /** Ends the bar's line. */
  finish(summary?: string): void;
}

/** Formats seconds as "1h02m", "3m05s" or "42s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/** Starts a bar labelled `label`; the ETA is estimated from the elapsed time. */
export function progressBar(io: CommandIO, label: string): ProgressBar {
  const started = Date.now();
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(done, total, detail = '') {
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const elapsed = (Date.now() - started) / 1000;
      const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : NaN;
      const text = `${label} ${done}/${total}${detail ? ` ${detail}` : ''} ETA ${formatDuration(eta)}`;
      if (io.interactive) {
        if (Date.now() - lastDraw < REDRAW_MS && done < total) return;
        lastDraw = Date.now();
        const filled = Math.round(fraction * BAR_WIDTH);
        io.progress(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${text}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.err(text);
      }
    },
    finish(summary) {
      if (drawn) io.progress('\n');
      if (summary) io.err(summary);
    },
  };
}
