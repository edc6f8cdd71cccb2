/**
 * The cursor of the LaTeX grammar over one token list, and the limits it enforces while the
 * parser builds nodes: the count of nodes, the height of the tree, the nesting depth and the
 * height of exponent towers. Every refusal is a GradproofError at a token's position.
 *
 * Internal to the LaTeX parser (`LatexParser` extends it with the grammar).
 */
import type { MathNode } from 'mathjs';
import { GradproofError } from '../error.ts';
import type { ExpressionLimits } from '../expression-limits.ts';
import { describeToken as describe, type LatexToken } from './tokenize-latex.ts';

/** Token access and limit accounting for {@link LatexParser}. */
export class LatexCursor {
  private index = 0;
  private depth = 0;
  private tower = 0;
  private nodes = 0;
  private readonly heights = new WeakMap<MathNode, number>();

  constructor(
    private readonly tokens: readonly LatexToken[],
    readonly limits: ExpressionLimits,
  ) {}

  /** The token `ahead` of the cursor (the end token past the last). */
  peek(ahead = 0): LatexToken {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)]!;
  }

  /** Consumes and returns the token at the cursor. */
  next(): LatexToken {
    const t = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return t;
  }

  /** True when the token `ahead` of the cursor is `value`. */
  is(value: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind !== 'end' && t.value === value;
  }

  /** Consumes `value`, or refuses with what was being read. */
  expect(value: string, what: string): LatexToken {
    if (!this.is(value)) this.fail('GP_PARSE', `${what}: expected '${value}', got ${describe(this.peek())}`);
    return this.next();
  }

  /** Throws a GradproofError at the current token (or `at`). */
  fail(code: 'GP_PARSE' | 'GP_INPUT' | 'GP_LIMIT', what: string, at: LatexToken = this.peek()): never {
    throw new GradproofError(code, `${what} (at position ${at.offset})`, { position: { offset: at.offset } });
  }

  /** Counts a created node against the size limit. */
  made<T extends MathNode>(node: T): T {
    if (++this.nodes > this.limits.maxNodes) this.fail('GP_LIMIT', `formula too large: expected at most ${this.limits.maxNodes} nodes`);
    // The tree's height is limited too (a sum of 60 terms is a chain of 60 additions).
    const children = (node as unknown as { args?: MathNode[] }).args ?? [];
    let height = 0;
    for (const child of children) height = Math.max(height, 1 + (this.heights.get(child) ?? 0));
    if (height > this.limits.maxDepth) {
      this.fail('GP_LIMIT', `formula nested too deeply (${height} levels of operations): expected at most ${this.limits.maxDepth}`);
    }
    this.heights.set(node, height);
    return node;
  }

  /** Runs `body` one nesting level deeper, refusing past the depth limit. */
  nested<T>(body: () => T): T {
    if (++this.depth > this.limits.maxDepth) this.fail('GP_LIMIT', `formula nested too deeply: expected at most ${this.limits.maxDepth} levels`);
    try {
      return body();
    } finally {
      this.depth--;
    }
  }

  /** Runs `body` one exponent level higher, refusing past the tower limit. */
  raised<T>(body: () => T): T {
    if (++this.tower > this.limits.maxTower) this.fail('GP_LIMIT', `exponent tower too high: expected at most ${this.limits.maxTower} nested powers or exponentials`);
    try {
      return body();
    } finally {
      this.tower--;
    }
  }
}
