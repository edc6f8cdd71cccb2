/**
 * The expressions an activation layer is built from: forward f(x; θ), its derivative by x and
 * by each trainable parameter, taken from the symbolic catalog (definitions and their derived,
 * proved derivatives). Fixed parameters are substituted as constants; piecewise functions
 * (relu, leaky, prelu, abs) take their derivative branch by branch, joined by a Heaviside mask:
 *   f′ = f′₋ + H(x − a)·(f′₊ − f′₋),  H(0) = 0 (the convention of tfjs's own ReLU gradient).
 */
import type { MathNode } from 'mathjs';
import { type Catalog, type CatalogEntry, GradproofError, add, builtinCatalog, call, derive, mul, num, sub, sym } from '../symbolic/index.ts';
import type { ActivationSpec } from './activation-spec.ts';

/** One parameter of an activation: fixed (substituted) or trainable (a weight per channel). */
export interface ActivationParam {
  readonly name: string;
  readonly trainable: boolean;
  /** The fixed value, or the initial value of every channel's weight. */
  readonly value: number;
}

/** What an activation layer needs: expressions in `x` and the trainable parameters. */
export interface ActivationExpressions {
  readonly spec: ActivationSpec;
  /** Display name from the catalog, e.g. "Swish-β". */
  readonly title: string;
  readonly params: readonly ActivationParam[];
  /** f(x; θ) with fixed parameters substituted. */
  readonly forward: MathNode;
  /** ∂f/∂x. */
  readonly dx: MathNode;
  /** ∂f/∂θ for each trainable parameter θ. */
  readonly dparams: Readonly<Record<string, MathNode>>;
}

/** A source of activation expressions (the catalog by default; tests may supply their own). */
export type ActivationSource = (spec: ActivationSpec) => ActivationExpressions;

/** The variable every activation is written in. */
export const ACTIVATION_VARIABLE = 'x';

let defaultCatalog: Catalog | undefined;

/**
 * Expressions for `spec` from the catalog (the built-in one unless given).
 *
 * @throws GradproofError GP_NOT_FOUND for an unknown name, GP_INPUT for an unknown parameter or
 *   a value outside the parameter's domain.
 */
export function catalogActivation(spec: ActivationSpec, catalog?: Catalog): ActivationExpressions {
  defaultCatalog ??= builtinCatalog();
  const entry = (catalog ?? defaultCatalog).get(spec.name);
  if (entry.kind !== 'activation') throw new GradproofError('GP_INPUT', `activation ${spec.name}: expected an activation, got a ${entry.kind}`);
  const params = resolveParams(entry, spec);
  const fixed = new Map(params.filter((p) => !p.trainable).map((p) => [p.name, p.value]));
  const trainable = params.filter((p) => p.trainable).map((p) => p.name);
  const forward = substitute(entry.definition, fixed);
  const branches = entry.branches;
  if (branches === undefined || branches.length === 0) {
    const dparams = Object.fromEntries(trainable.map((name) => [name, substitute(derive(entry.definition, name), fixed)]));
    return { spec, title: entry.title, params, forward, dx: substitute(derive(entry.definition, ACTIVATION_VARIABLE), fixed), dparams };
  }
  const below = branches.find((b) => b.relation === '<');
  const above = branches.find((b) => b.relation === '>');
  if (below === undefined || above === undefined || below.at !== above.at || below.variable !== ACTIVATION_VARIABLE) {
    throw new GradproofError('GP_CATALOG', `activation ${spec.name}: expected two branches x < a and x > a, got ${branches.map((b) => `${b.variable} ${b.relation} ${b.at}`).join(', ')}`);
  }
  const mask = call('heaviside', below.at === 0 ? sym(ACTIVATION_VARIABLE) : sub(sym(ACTIVATION_VARIABLE), num(below.at)));
  const joined = (wrt: string) => {
    const lo = derive(below.expression, wrt);
    const hi = derive(above.expression, wrt);
    return substitute(add(lo, mul(mask, sub(hi, lo))), fixed);
  };
  return {
    spec, title: entry.title, params, forward, dx: joined(ACTIVATION_VARIABLE),
    dparams: Object.fromEntries(trainable.map((name) => [name, joined(name)])),
  };
}

function resolveParams(entry: CatalogEntry, spec: ActivationSpec): ActivationParam[] {
  const known = new Set(entry.parameters.map((p) => p.name));
  for (const name of Object.keys(spec.params)) {
    if (!known.has(name)) {
      throw new GradproofError('GP_INPUT', `activation ${entry.name}: expected ${known.size === 0 ? 'no parameters' : `parameters ${[...known].join(', ')}`}, got '${name}'`);
    }
  }
  return entry.parameters.map((p) => {
    const value = spec.params[p.name] ?? p.default;
    const { min, max } = p.domain;
    if (!(value >= min && value <= max) || !Number.isFinite(value)) {
      throw new GradproofError('GP_INPUT', `activation ${entry.name}: expected ${p.name} in [${min}, ${max}], got ${value}`);
    }
    return { name: p.name, trainable: p.trainable, value };
  });
}

/** `node` with each fixed parameter replaced by its value. */
function substitute(node: MathNode, fixed: ReadonlyMap<string, number>): MathNode {
  if (fixed.size === 0) return node;
  return node.transform((n) => {
    if (n.type === 'SymbolNode') {
      const value = fixed.get((n as unknown as { name: string }).name);
      if (value !== undefined) return num(value);
    }
    return n;
  });
}
