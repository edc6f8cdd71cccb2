import { describe, expect, it } from 'vitest';
import { isGradproofError, parseExpression } from '../../src/symbolic/index.ts';
import { assertActivationGradients, gradcheckActivation } from '../../src/train/activation-gradcheck.ts';
import { catalogActivation } from '../../src/train/activation-expressions.ts';
import { parseActivationSpec } from '../../src/train/activation-spec.ts';

describe('the float32 gradcheck of an activation before training', () => {
  it('passes every trainable activation with its parameters (fixed and trainable)', () => {
    for (const text of ['relu', 'leaky:-0.5', 'leaky:3', 'prelu', 'abs', 'identity', 'swish', 'swish_beta', 'swish_beta:2.5', 'mish']) {
      const expressions = catalogActivation(parseActivationSpec(text));
      const report = gradcheckActivation(expressions);
      expect(report.dtype, text).toBe('float32');
      expect(report.status, `${text}: ${JSON.stringify(report.worst)}`).toBe('pass');
      expect(report.checked).toBeGreaterThan(100);
    }
  });

  it('checks the layer\'s own expressions: a wrong derivative by x or by a trainable parameter is refused', () => {
    const swishBeta = catalogActivation(parseActivationSpec('swish_beta:2.5'));
    const refusal = (f: () => void): string => {
      try { f(); } catch (e) { expect(isGradproofError(e, 'GP_GRAD_MISMATCH')).toBe(true); return (e as Error).message; }
      throw new Error('expected GP_GRAD_MISMATCH');
    };
    // β's chain-rule factor dropped from ∂f/∂x
    const byX = refusal(() => assertActivationGradients({ ...swishBeta, dx: parseExpression('sigmoid(beta*x) + x*sigmoid(beta*x)*sigmoid(-beta*x)') }));
    expect(byX).toMatch(/^activation swish_beta \(float32 gradcheck, seed 1, \d+ failing points\): expected ∂f\/∂x = \S+ \(\w[\w-]*\), got \S+ .* at x = \S+, beta = 2\.5 \(/);
    // a sign error in ∂f/∂β
    const byBeta = refusal(() => assertActivationGradients({ ...swishBeta, dparams: { beta: parseExpression('-x^2*sigmoid(beta*x)*sigmoid(-beta*x)') } }));
    expect(byBeta).toMatch(/expected ∂f\/∂beta = .*sign error/);
    // Mish′ without its Δ term
    const mish = catalogActivation(parseActivationSpec('mish'));
    expect(refusal(() => assertActivationGradients({ ...mish, dx: parseExpression('tanh(softplus(x))') }))).toMatch(/activation mish/);
  });
});
