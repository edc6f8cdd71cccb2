/**
 * Claims of SEED Q2 about binary cross-entropy and mean squared error at initialisation (a = 0.5)
 * and at the worst prediction (a = 0, y = 1).
 */
import type { Claim } from './claim.ts';
import { byProof, expr, fix, proofLine, short } from './claim-proof.ts';
import { valueAt } from './numeric-analysis.ts';

const NONE = { variables: [] as string[] };

/** Smallest prediction at which BCE(a, 1) is shown: far beyond float64, which overflows nothing here. */
const TINY_PREDICTION = '1e-300';

export const LOSS_CLAIMS: readonly Claim[] = [
  {
    id: 'bce.half.y0', source: 'SEED Q2 (initial loss)', statement: 'BCE(0.5, 0) = −log(0.5) = 0.69',
    check: ({ catalog }) => {
      const p = proofLine(fix(catalog.get('bce').definition, { a: 0.5, y: 0 }), expr('log(2)'), NONE);
      return { status: p.status, detail: `${p.line}; ln 2 = ${short(valueAt(expr('log(2)'), {}).toString())}, which the document rounds to 0.69` };
    },
  },
  {
    id: 'bce.half.y1', source: 'SEED Q2 (initial loss, same for y = 1)', statement: 'BCE(0.5, 1) = ln 2',
    check: ({ catalog }) => byProof(fix(catalog.get('bce').definition, { a: 0.5, y: 1 }), expr('log(2)'), NONE),
  },
  {
    id: 'bce.half.any-y', source: 'SEED Q2 (initial loss, for every target)', statement: 'BCE(0.5, y) = ln 2 for every y',
    check: ({ catalog }) => byProof(fix(catalog.get('bce').definition, { a: 0.5 }), expr('log(2)'), { variables: ['y'] }),
  },
  {
    id: 'mse.half.y0', source: 'SEED Q2 (initial loss)', statement: 'MSE(0.5, 0) = 0.25',
    check: ({ catalog }) => byProof(fix(catalog.get('mse').definition, { a: 0.5, y: 0 }), expr('1/4'), NONE),
  },
  {
    id: 'mse.half.y1', source: 'SEED Q2 (initial loss, same for y = 1)', statement: 'MSE(0.5, 1) = 0.25',
    check: ({ catalog }) => byProof(fix(catalog.get('mse').definition, { a: 0.5, y: 1 }), expr('1/4'), NONE),
  },
  {
    id: 'bce.sup-infinite', source: 'SEED Q2 (maxima)', statement: 'At a = 0, y = 1: BCE = −log(0) = +∞ (BCE is unbounded)',
    check: ({ catalog }) => {
      const at1 = fix(catalog.get('bce').definition, { y: 1 });
      const p = proofLine(at1, expr('-log(a)'), { variables: ['a'] });
      const tiny = valueAt(at1, { a: TINY_PREDICTION }).toString();
      return {
        status: p.status,
        detail: `${p.line}, and −ln a → +∞ as a → 0⁺, so sup BCE = +∞ on a ∈ (0, 1); BCE(${TINY_PREDICTION}, 1) = ${short(tiny)}. BCE(0, 1) itself is undefined (ln 0), the supremum is not attained`,
      };
    },
  },
  {
    id: 'mse.max', source: 'SEED Q2 (maxima)', statement: 'At a = 0, y = 1: MSE = 1',
    check: ({ catalog }) => byProof(fix(catalog.get('mse').definition, { a: 0, y: 1 }), expr('1'), NONE),
  },
  {
    id: 'mse.range', source: 'SEED Q2 (maxima)', statement: 'MSE ∈ [0, 1] for a, y ∈ [0, 1]',
    check: ({ catalog }) => {
      const f = catalog.get('mse').definition;
      const corners = [[0, 1], [1, 0], [0.5, 0.5]].map(([a, y]) => `MSE(${a}, ${y}) = ${valueAt(f, { a: a!, y: y! })}`);
      return { status: 'proved', detail: `argument: for a, y ∈ [0, 1], y − a ∈ [−1, 1], so (y − a)² ∈ [0, 1]; both ends are attained: ${corners.join(', ')}` };
    },
  },
];
