/**
 * Parses a one-variable assumption such as `x > 0` or `beta <= 2` (from `--assume` flags and
 * question banks) into the prover's {@link Assumption}.
 */
import { GradproofError } from './error.ts';
import type { Assumption } from './prove/index.ts';

const ASSUMPTION = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(>=|<=|>|<)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*$/i;

/**
 * @example parseAssumption('x > 0') // { variable: 'x', relation: '>', value: 0 }
 * @throws GradproofError GP_PARSE naming what was expected.
 */
export function parseAssumption(text: string): Assumption {
  const match = ASSUMPTION.exec(text);
  if (!match) {
    throw new GradproofError('GP_PARSE', `assumption '${text}': expected NAME OP NUMBER with OP one of > >= < <=, e.g. 'x > 0' (at position 0)`, {
      position: { offset: 0 },
    });
  }
  return { variable: match[1]!, relation: match[2] as Assumption['relation'], value: Number(match[3]) };
}
