/**
 * The prover on random expressions: for a random tree e and a random identity rewrite R applied
 * at one of its nodes, `prove(e, R(e))` is `proved`; for a constant c ≠ 0, `prove(e, e + c)` is
 * `refuted` with a witness whose values check out at 30 digits (difference = ±c); and for a
 * random mutation m, the verdict on (e, m(e)) is sound: `proved` pairs agree at 30 digits,
 * `refuted` ones come with a witness whose values are right and differ.
 */
import fc from 'fast-check';
import type { MathNode } from 'mathjs';
import { describe } from 'vitest';
import { add, num, prove } from '../src/symbolic/index.ts';
import { expressionArbitrary } from './expression-arbitrary.ts';
import { applyRewrite, IDENTITY_REWRITES } from './_internals/identity-rewrites.ts';
import { mutate, mutationArbitrary } from './_internals/mutate-expression.ts';
import { assertClose, big, valueAt } from './_internals/precise.ts';
import { propertyTest } from './_internals/property-test.ts';

const VARIABLES = ['x', 'y'];
/** Small trees: the prover's normal form grows with each exponential, and each run is one proof. */
const trees = expressionArbitrary({ variables: VARIABLES, maxDepth: 3 });
const rewrite = fc.record({ rule: fc.nat(IDENTITY_REWRITES.length - 1), index: fc.nat(100) });
/** Non-zero constants c for the refutation property. */
const offsets = fc.constantFrom(1, -1, 2, 0.5, -0.25, 3, 1e-3);
/** Points where a tree is tried before requiring a witness: e must be defined somewhere. */
const PROBES: readonly Record<string, number>[] = [{ x: 0.3, y: 0.7 }, { x: -1.1, y: 0.45 }, { x: 1.7, y: -0.9 }];
/** True when `e` has a value at one of the probe points. */
const definedSomewhere = (e: MathNode): boolean => PROBES.some((p) => valueAt(e, p).isFinite());
/** Runs of the prover properties (each run is one proof, up to the prover's time budget). */
const PROVER_RUNS = 40;

/** Points where a `proved` pair is re-checked: a sound prover never proves a pair that differs at one. */
const CHECK_POINTS: readonly Record<string, number>[] = [{ x: 0.37, y: -0.81 }, { x: -1.3, y: 0.55 }, { x: 2.1, y: 1.4 }];

describe('prover', () => {
  propertyTest('prove.identity-rewrites', 'prove(e, R(e)) is proved for random trees e and identity rewrites R', () =>
    fc.property(trees, rewrite, (e, choice) => {
      fc.pre(definedSomewhere(e)); // nowhere defined (1/(x − x)): "undecided" is the right answer
      const { tree, rule } = applyRewrite(e, choice);
      const result = prove(e, tree, { variables: VARIABLES });
      if (result.status !== 'proved') {
        throw new Error(`${rule.name} (${rule.identity}): prove(${e.toString()}, ${tree.toString()}) = ${result.status}: ${'reason' in result ? result.reason : JSON.stringify('witness' in result ? result.witness : '')}`);
      }
    }), PROVER_RUNS);
  propertyTest('prove.offset-refuted', 'prove(e, e + c) is refuted for c ≠ 0, with a witness where b − a = c', () =>
    fc.property(trees, offsets, (e, c) => {
      fc.pre(definedSomewhere(e));
      const shifted = add(e, num(c));
      const result = prove(e, shifted, { variables: VARIABLES });
      if (result.status !== 'refuted') throw new Error(`prove(${e.toString()}, ${shifted.toString()}) = ${result.status}: ${'reason' in result ? result.reason : ''}`);
      const { point, a, b, difference } = result.witness;
      assertClose(big(difference).abs(), big(Math.abs(c)), `witness difference at ${JSON.stringify(point)}`, { rel: 1e-20 });
      assertClose(big(a), valueAt(e, point), `witness value a at ${JSON.stringify(point)}`, { rel: 1e-20, abs: 1e-25 });
      assertClose(big(b), valueAt(shifted, point), `witness value b at ${JSON.stringify(point)}`, { rel: 1e-20, abs: 1e-25 });
    }), PROVER_RUNS);
  propertyTest('prove.sound', 'prove(e, m(e)) for a random mutation m: proved only if equal at 30 digits wherever both are defined; refuted only with a true witness', () =>
    fc.property(trees, mutationArbitrary(), (e, mutation) => {
      const m = mutate(e, mutation);
      const result = prove(e, m, { variables: VARIABLES });
      if (result.status === 'proved') {
        for (const p of CHECK_POINTS) {
          const [a, b] = [valueAt(e, p), valueAt(m, p)];
          if (a.isFinite() && b.isFinite()) assertClose(b, a, `proved ${e.toString()} = ${m.toString()}, but at ${JSON.stringify(p)}`, { rel: 1e-20, abs: 1e-25 });
        }
      } else if (result.status === 'refuted') {
        const { point, a, b } = result.witness;
        assertClose(big(a), valueAt(e, point), `witness value a at ${JSON.stringify(point)}`, { rel: 1e-20, abs: 1e-25 });
        assertClose(big(b), valueAt(m, point), `witness value b at ${JSON.stringify(point)}`, { rel: 1e-20, abs: 1e-25 });
        if (big(a).minus(big(b)).abs().lte(big(a).abs().plus(1).times(1e-25))) throw new Error(`refuted with a witness where both sides agree: ${JSON.stringify(result.witness)}`);
      }
    }), PROVER_RUNS);
});
