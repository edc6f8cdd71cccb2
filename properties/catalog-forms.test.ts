/**
 * Every alternative form in the catalog (the source document's derivative forms of Swish and
 * Mish, σ′ = σ(1 − σ), the ω/δ closed form, …) equals what it claims to equal — the definition or
 * the derived derivative — at random points, with its `where` definitions substituted. Forms
 * with a removable singularity are checked away from it (the Mish suite checks the limit there).
 */
import fc from 'fast-check';
import { describe } from 'vitest';
import { builtinCatalog, deriveN } from '../src/symbolic/index.ts';
import { entryPoint } from './_internals/catalog-points.ts';
import { assertAgreeAt } from './_internals/precise.ts';
import { PRECISE_RUNS, propertyTest } from './_internals/property-test.ts';
import { substitute } from './_internals/substitute.ts';

/** Entries whose forms are slow to evaluate: fewer runs by default. */
const SLOW: ReadonlyMap<string, number> = new Map([['mish', 10], ['softmax_cross_entropy', 6]]);

for (const entry of builtinCatalog().entries) {
  if (entry.forms.length === 0) continue;
  describe(`${entry.name} forms`, () => {
    for (const form of entry.forms) {
      const target = form.target.kind === 'function' ? entry.definition : deriveN(entry.definition, form.target.wrt, form.target.order);
      const node = substitute(form.expression, form.where ?? {});
      const removable = form.note?.includes('removable') ?? false;
      const points = entryPoint(entry).filter((p) => !removable || Object.values(p).every((v) => Math.abs(v) > 1e-12));
      propertyTest(`form.${form.id}`, `${form.source}: equals the ${form.target.kind === 'function' ? 'definition' : 'derived derivative'}${removable ? ' (away from 0)' : ''}`, () =>
        fc.property(points, (point) => assertAgreeAt(node, target, point)), SLOW.get(entry.name) ?? PRECISE_RUNS);
    }
  });
}
