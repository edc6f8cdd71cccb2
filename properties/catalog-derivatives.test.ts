/**
 * Every catalog derivative — first and second, by every variable and parameter — agrees with a
 * high-precision central difference of the function it comes from, at random points of the
 * entry's domain away from its kinks. One property per (entry, symbol, order).
 */
import fc from 'fast-check';
import { describe } from 'vitest';
import { builtinCatalog, derive } from '../src/symbolic/index.ts';
import { entryPoint, stepFor } from './_internals/catalog-points.ts';
import { assertDerivativeAt } from './_internals/precise.ts';
import { PRECISE_RUNS, propertyTest } from './_internals/property-test.ts';

/** Entries whose reference evaluation is slow (many exponentials): fewer runs by default. */
const SLOW_ENTRIES: ReadonlyMap<string, number> = new Map([['softmax_cross_entropy', 4], ['mish', 10]]);

for (const entry of builtinCatalog().entries) {
  describe(`${entry.name} derivatives`, () => {
    const symbols = [...entry.variables.map((v) => v.name), ...entry.parameters.map((p) => p.name)];
    const runs = SLOW_ENTRIES.get(entry.name) ?? PRECISE_RUNS;
    for (const wrt of symbols) {
      const first = derive(entry.definition, wrt);
      const second = derive(first, wrt);
      propertyTest(`derivative.${entry.name}.${wrt}.1`, `∂${entry.name}/∂${wrt} agrees with a 30-digit central difference`, () =>
        fc.property(entryPoint(entry), (point) => assertDerivativeAt(entry.definition, first, wrt, point, stepFor(entry, wrt, point))), runs);
      propertyTest(`derivative.${entry.name}.${wrt}.2`, `∂²${entry.name}/∂${wrt}² agrees with a 30-digit central difference of the first`, () =>
        fc.property(entryPoint(entry), (point) => assertDerivativeAt(first, second, wrt, point, stepFor(entry, wrt, point))), runs);
    }
  });
}
