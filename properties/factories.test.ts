/**
 * gradproof's own activations through the public factory: each catalog activation compiled to
 * float64 (its stable form), with its symbolic derivative compiled too, checked by
 * `activationProperties` against the catalog's facts (kinks, limits, bounds, minima,
 * monotonicity). This exercises the factory, the compiler and the facts together.
 */
import { describe, it } from 'vitest';
import { compileExpression, recognizeFunctions } from '../src/numeric/index.ts';
import { builtinCatalog, derive, type CatalogEntry } from '../src/symbolic/index.ts';
import { activationProperties, type ActivationPropertyOptions } from './index.ts';

/** Runs per factory property: float64 evaluations, cheap. */
const RUNS = 150;

/** The factory's options read from an entry's facts (single-variable activations, default parameters). */
function optionsFromFacts(entry: CatalogEntry, f: (x: number) => number, df: (x: number) => number): ActivationPropertyOptions {
  const limits: { '-inf'?: number; '+inf'?: number } = {};
  let lowerBound: number | undefined;
  let upperBound: number | undefined;
  let minimum: { at: number; value: number; slack: number } | undefined;
  let monotonic: ActivationPropertyOptions['monotonic'];
  const kinks: number[] = [];
  for (const fact of entry.facts) {
    if (fact.kind === 'limit' && fact.of === 'f' && typeof fact.value === 'number') limits[fact.at] = fact.value;
    if (fact.kind === 'bound') ({ lower: lowerBound, upper: upperBound } = fact);
    // A fact states its value to some digits (−0.3088434): it is a bound only to half a unit of the last one.
    if (fact.kind === 'minimum') minimum = { at: fact.at, value: fact.value, slack: halfUnitOfLastDigit(fact.value) };
    if (fact.kind === 'monotonic') monotonic = fact.on ? { increasing: fact.increasing, on: [fact.on.min, fact.on.max] } : fact.increasing ? 'increasing' : 'decreasing';
    if (fact.kind === 'kink') kinks.push(fact.at);
  }
  return {
    name: `catalog.${entry.name}`, derivative: df, kinks, limits, numRuns: RUNS,
    ...(lowerBound !== undefined ? { lowerBound } : {}), ...(upperBound !== undefined ? { upperBound } : {}),
    ...(minimum ? { minimum } : {}), ...(monotonic ? { monotonic } : {}),
  };
}

/** Half a unit in the last decimal digit of `value` as written (5e-8 for −0.3088434). */
function halfUnitOfLastDigit(value: number): number {
  const decimals = (String(value).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals;
}

const activations = builtinCatalog().entries.filter((e) => e.kind === 'activation' && e.variables.length === 1);

for (const entry of activations) {
  describe(`${entry.name} through activationProperties`, () => {
    const names = [entry.variables[0]!.name, ...entry.parameters.map((p) => p.name)];
    const params = entry.parameters.map((p) => p.default);
    const form = recognizeFunctions(entry.stable ?? entry.definition);
    const value = compileExpression(form, { variables: names });
    const slope = compileExpression(derive(form, names[0]!), { variables: names });
    const f = (x: number) => value.evaluate([x, ...params]);
    const df = (x: number) => slope.evaluate([x, ...params]);
    for (const p of activationProperties(f, optionsFromFacts(entry, f, df))) {
      it(p.title, p.run);
    }
  });
}
