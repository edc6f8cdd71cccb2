/**
 * One human line per sweep event, for the CLI's progress display (`gradproof train --preset …`).
 */
import type { SweepProgress } from './run-sweep.ts';

/**
 * A short status line: the batch position, loss and speed of a running configuration, or the
 * outcome of a finished one.
 * @example formatSweepProgressLine(event) // "prelu (3/7) epoch 2/3 batch 40/113 loss 0.2113 acc 0.9312 352 img/s ETA 1m05s"
 */
export function formatSweepProgressLine(event: SweepProgress): string {
  const where = `${event.id} (${event.index + 1}/${event.total})`;
  if (event.type === 'batch') {
    const p = event.progress;
    return `${where} epoch ${p.epoch}/${p.epochs} batch ${p.batch}/${p.batches} loss ${p.loss.toFixed(4)} acc ${p.acc.toFixed(4)} ${p.imgPerSec.toFixed(0)} img/s ETA ${duration(p.etaSeconds)}`;
  }
  const r = event.result;
  if (r.status === 'failed') return `${where} failed: ${r.error ?? 'unknown error'}`;
  return `${where} done: test loss ${r.test?.loss.toFixed(4) ?? '—'}, test acc ${r.test?.acc.toFixed(4) ?? '—'}, ${r.epochsRun} epochs in ${duration(r.seconds)}`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const total = Math.round(seconds); // round first: 119.7 s is 2m00s, not 1m60s
  const m = Math.floor(total / 60);
  const s = total - 60 * m;
  return m > 0 ? `${m}m${String(s).padStart(2, '0')}s` : `${s}s`;
}
