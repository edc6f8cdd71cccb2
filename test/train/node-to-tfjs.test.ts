import * as tf from '@tensorflow/tfjs-core';
import { parse } from 'mathjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isGradproofError } from '../../src/symbolic/index.ts';
import { loadCpuEngine } from '../../src/train/engines/cpu.ts';
import { compileToTfjs } from '../../src/train/node-to-tfjs.ts';

const XS = [-3, -1.5, -0.25, 0.5, 1, 2.5];

/** Literal expressions we wrote, with float64 references. */
const CASES: [string, (x: number, b: number) => number][] = [
  ['x^2 + 3*x - 1', (x) => x * x + 3 * x - 1],
  ['-x / (1 + abs(x))', (x) => -x / (1 + Math.abs(x))],
  ['exp(-x) * log1p(x^2)', (x) => Math.exp(-x) * Math.log1p(x * x)],
  ['log(1 + exp(x))', (x) => Math.log(1 + Math.exp(x))],
  ['tanh(softplus(x)) + sech(x)^2', (x) => Math.tanh(Math.log1p(Math.exp(x))) + 1 / Math.cosh(x) ** 2],
  ['sqrt(x^2 + 1) - cosh(x) + sinh(x)', (x) => Math.sqrt(x * x + 1) - Math.cosh(x) + Math.sinh(x)],
  ['x * sigmoid(b * x)', (x, b) => x / (1 + Math.exp(-b * x))],
  ['max(x, 0) + min(x, b, 1)', (x, b) => Math.max(x, 0) + Math.min(x, b, 1)],
  ['relu(-x) + heaviside(x) + sign(x)', (x) => Math.max(-x, 0) + (x > 0 ? 1 : 0) + Math.sign(x)],
  ['e^x - pi * (+x)', (x) => Math.exp(x) - Math.PI * x],
  ['2 (x + 1)', (x) => 2 * (x + 1)],
];

describe('mathjs nodes to tfjs', () => {
  beforeAll(async () => {
    await loadCpuEngine();
  });

  it.each(CASES)('%s', (text, reference) => {
    const f = compileToTfjs(parse(text), ['x', 'b']);
    const b = 0.7;
    const y = f({ x: tf.tensor1d(XS), b: tf.scalar(b) }).dataSync();
    XS.forEach((x, i) => expect(y[i]).toBeCloseTo(reference(x, b), 4));
  });

  it('folds constant expressions and keeps the input shape', () => {
    const f = compileToTfjs(parse('2^3 - exp(0) + 0*1'), ['x']);
    const y = f({ x: tf.tensor2d([[1, 2], [3, 4]]) });
    expect(y.shape).toEqual([2, 2]);
    expect(Array.from(y.dataSync())).toEqual([7, 7, 7, 7]);
  });

  it('refuses what it cannot compile, with GP_INPUT', () => {
    const refuse = (text: string, vars: string[], pattern: RegExp) => {
      try {
        compileToTfjs(parse(text), vars);
      } catch (e) {
        expect(isGradproofError(e, 'GP_INPUT')).toBe(true);
        expect((e as Error).message).toMatch(pattern);
        return;
      }
      throw new Error(`expected ${text} to be refused`);
    };
    refuse('gamma(x)', ['x'], /got function gamma/);
    refuse('x + y', ['x'], /got symbol 'y'/);
    refuse('x == 1', ['x'], /got operator ==/);
    refuse('[x, 1]', ['x'], /got node type ArrayNode/);
    refuse("'a'", ['x'], /got constant a/);
    refuse('tanh(x, 2)', ['x'], /got tanh with 2 arguments/);
  });
});
