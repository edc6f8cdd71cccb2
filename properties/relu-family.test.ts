/**
 * The piecewise functions — ReLU, leaky ReLU, PReLU, |x| — and the identity: branches agree
 * with the definition on each side, one-sided slopes at the kink equal the branches'
 * derivatives (a kink where the catalog says, none elsewhere), the PReLU slope derivative, and
 * the special slopes that turn leaky ReLU into other functions.
 */
import fc from 'fast-check';
import { describe } from 'vitest';
import { builtinCatalog, derive, type CatalogEntry } from '../src/symbolic/index.ts';
import { real } from './_internals/catalog-points.ts';
import { assertAgreeAt, assertClose, big, expr, valueAt } from './_internals/precise.ts';
import { propertyTest } from './_internals/property-test.ts';

const catalog = builtinCatalog();
const piecewise: CatalogEntry[] = catalog.entries.filter((e) => e.branches !== undefined);
const alpha = real(-3, 3, [0, 1, -1]);
const x = real(-40, 40, [0]);
/** One-sided difference step at the kink: the branches are linear, so any step is exact. */
const KINK_STEP = '1e-20';

/** Parameter values for `entry` (α when it has one). */
const paramsOf = (entry: CatalogEntry, a: number): Record<string, number> => Object.fromEntries(entry.parameters.map((p) => [p.name, a]));

describe('piecewise', () => {
  for (const entry of piecewise) {
    propertyTest(`${entry.name}.branches`, `${entry.name} equals its branch on each side of the kink`, () =>
      fc.property(x, alpha, (v, a) => {
        for (const branch of entry.branches!) {
          const holds = branch.relation === '<' ? v < branch.at : v > branch.at;
          if (holds) assertAgreeAt(entry.definition, branch.expression, { x: v, ...paramsOf(entry, a) }, { rel: 1e-28, abs: 0 });
        }
      }));
    propertyTest(`${entry.name}.kink`, `${entry.name}: one-sided slopes at the kink equal the branch derivatives`, () =>
      fc.property(alpha, (a) => {
        const params = paramsOf(entry, a);
        const at = entry.facts.find((f) => f.kind === 'kink');
        if (!at || at.kind !== 'kink') throw new Error(`${entry.name}: piecewise but no kink fact`);
        const f0 = valueAt(entry.definition, { x: at.at, ...params });
        for (const branch of entry.branches!) {
          const sign = branch.relation === '<' ? '-' : '';
          const fh = valueAt(entry.definition, { x: `${sign}${KINK_STEP}`, ...params });
          const slope = fh.minus(f0).div(big(`${sign}${KINK_STEP}`));
          const expected = valueAt(derive(branch.expression, 'x'), { x: at.at, ...params });
          assertClose(slope, expected, `${entry.name}: slope ${branch.relation} ${at.at}`, { rel: 1e-25, abs: 1e-25 });
        }
      }), 15);
  }
  propertyTest('relu.forms', 'ReLU(x) = max(0, x) = (x + |x|)/2 and ReLU′ = H(x) for x ≠ 0', () =>
    fc.property(x, (v) => {
      const relu = catalog.get('relu').definition;
      assertAgreeAt(relu, expr('max(0, x)'), { x: v }, { rel: 0, abs: 0 });
      assertAgreeAt(relu, expr('(x + abs(x))/2'), { x: v });
      if (v !== 0) assertClose(valueAt(derive(relu, 'x'), { x: v }), big(v > 0 ? 1 : 0), `ReLU' at ${v}`, { rel: 0 });
    }));
  propertyTest('prelu.d-alpha', '∂/∂α PReLU = −ReLU(−x) = min(0, x); ∂/∂x = 1 for x > 0, α for x < 0', () =>
    fc.property(x, alpha, (v, a) => {
      const prelu = catalog.get('prelu').definition;
      assertAgreeAt(derive(prelu, 'alpha'), expr('min(0, x)'), { x: v, alpha: a });
      if (v !== 0) assertClose(valueAt(derive(prelu, 'x'), { x: v, alpha: a }), big(v > 0 ? 1 : a), `PReLU' at ${v}`, { rel: 1e-28 });
    }));
  propertyTest('leaky_relu.special-slopes', 'leaky ReLU with α = 0, 1, −1 is ReLU, the identity, |x|', () =>
    fc.property(x, (v) => {
      const leaky = catalog.get('leaky_relu').definition;
      assertAgreeAt(leaky, catalog.get('relu').definition, { x: v, alpha: 0 }, { rel: 0, abs: 0 });
      assertAgreeAt(leaky, catalog.get('identity').definition, { x: v, alpha: 1 }, { rel: 0, abs: 0 });
      assertAgreeAt(leaky, catalog.get('abs').definition, { x: v, alpha: -1 }, { rel: 0, abs: 0 });
    }));
  propertyTest('abs.derivative', '|x|′ = sign x for x ≠ 0, |x| >= 0, |−x| = |x|', () =>
    fc.property(x, (v) => {
      const abs = catalog.get('abs').definition;
      if (v !== 0) assertClose(valueAt(derive(abs, 'x'), { x: v }), big(Math.sign(v)), `|x|' at ${v}`, { rel: 0 });
      return valueAt(abs, { x: v }).gte(0) && valueAt(abs, { x: v }).eq(valueAt(abs, { x: -v }));
    }));
  propertyTest('relu.monotonic', 'ReLU and leaky ReLU with α >= 0 are non-decreasing', () =>
    fc.property(x, x, real(0, 3, [0]), (a, b, slope) => {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const leaky = catalog.get('leaky_relu').definition;
      const relu = catalog.get('relu').definition;
      return valueAt(relu, { x: lo }).lte(valueAt(relu, { x: hi })) && valueAt(leaky, { x: lo, alpha: slope }).lte(valueAt(leaky, { x: hi, alpha: slope }));
    }));
  propertyTest('identity.derivatives', "identity' = 1 and identity'' = 0", () =>
    fc.property(x, (v) => {
      const id = catalog.get('identity').definition;
      return valueAt(derive(id, 'x'), { x: v }).eq(1) && valueAt(derive(derive(id, 'x'), 'x'), { x: v }).isZero();
    }), 10);
});
