/**
 * The gradient-check summary on a function's page: the gradcheck layer's scalar check of each
 * derivative (every variable and trainable parameter) against the numerical oracles, with the
 * kinks it found and their one-sided derivatives.
 */
import { defaultWrt, gradcheckEntry, DEFAULT_POINTS } from '../gradcheck/index.ts';
import type { CatalogEntry } from '../symbolic/index.ts';
import type { GradcheckEvidence } from './function-evidence.ts';

const fmt = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x));

/** Gradient checks of `entry`'s first derivatives, {@link DEFAULT_POINTS} points each (the CLI's default). */
export function gradcheckEvidence(entry: CatalogEntry, points: number = DEFAULT_POINTS): GradcheckEvidence[] {
  return defaultWrt(entry).map((wrt) => {
    const r = gradcheckEntry(entry, { wrt, points });
    return {
      wrt,
      status: r.status,
      checked: r.checked,
      worst: r.worst
        ? { point: r.worst.point[wrt] ?? NaN, absError: r.worst.absError, relError: r.worst.relError, oracle: r.worst.oracle }
        : undefined,
      kinks: r.kinks.map((k) => `${k.wrt} = ${fmt(k.point[k.wrt] ?? NaN)}: left ${fmt(k.left)}, right ${fmt(k.right)}, analytic ${fmt(k.analytic)}${k.subgradient ? ' (a subgradient)' : ' (outside!)'}`),
    };
  });
}
