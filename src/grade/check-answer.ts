/**
 * `checkAnswer`: the library call behind `gradproof check` with LaTeX answers. Is `answer`
 * equivalent to `expected` (or to the derivative of a catalog function)? Answers with the
 * verdict, how it was reached, how the answer was read, the mistake that explains it, a
 * counterexample and notes.
 */
import { builtinCatalog, parseAnswer, type AnswerFormat, type Assumption, type Catalog } from '../symbolic/index.ts';
import { AnswerJudge, DEFAULT_TOLERANCE, type Tolerance } from './answer-judge.ts';
import { diagnose, type Diagnosis } from './diagnoses.ts';
import { DEFAULT_ANSWER_BUDGET_MS, notesOf, verdictOf, type Counterexample, type Verdict } from './grade-answer.ts';
import { DEFAULT_SAMPLE_INTERVAL, resolveProblem, type SymbolDomain } from './grading-problem.ts';
import { prepareAnswer } from './prepare-answer.ts';

/** Input of {@link checkAnswer}: `expected`, or `derivativeOf` (+ `wrt`). */
export interface CheckAnswerInput {
  readonly expected?: string;
  readonly derivativeOf?: string;
  readonly wrt?: string;
  readonly answer: string;
  /** Format of `answer` and `where` (default auto). */
  readonly format?: AnswerFormat;
  /** Format of `expected` (default auto). */
  readonly expectedFormat?: AnswerFormat;
  /** `SYMBOL = EXPRESSION` definitions used by the answer (each may hold several, `;`-separated). */
  readonly where?: readonly string[];
  /** Variables (names, or names with domains); default: the free symbols of expected. */
  readonly variables?: readonly (string | SymbolDomain)[];
  readonly assumptions?: readonly Assumption[];
  readonly catalog?: Catalog;
  /** Default 2000 ms. */
  readonly timeBudgetMs?: number;
  readonly tolerance?: Tolerance;
}

/** Result of {@link checkAnswer} (the JSON of `gradproof check`). */
export interface CheckAnswerResult {
  readonly verdict: Verdict;
  readonly method: string;
  /** TeX of the answer as read. */
  readonly readAs: string;
  /** TeX of the expected expression. */
  readonly expectedTex: string;
  readonly diagnosis?: Diagnosis;
  readonly counterexample?: Counterexample;
  readonly notes: readonly string[];
}

/**
 * Checks one answer.
 * @throws GradproofError GP_PARSE / GP_INPUT / GP_LIMIT for unparsable or unknown input (exit 2).
 * @example
 * checkAnswer({ derivativeOf: 'swish', answer: '\\sigma(x) + x\\sigma(x)(1-\\sigma(x))' }).verdict // 'equivalent'
 */
export function checkAnswer(input: CheckAnswerInput): CheckAnswerResult {
  const start = Date.now();
  const variables = (input.variables ?? []).map((v): SymbolDomain => (typeof v === 'string' ? { name: v, domain: DEFAULT_SAMPLE_INTERVAL } : v));
  const expected = input.expected === undefined ? undefined : parseAnswer(input.expected, { format: input.expectedFormat ?? 'auto' }).node;
  const problem = resolveProblem({
    expected, derivativeOf: input.derivativeOf, wrt: input.wrt, variables: variables.length > 0 ? variables : undefined,
    assumptions: input.assumptions, catalog: input.catalog ?? builtinCatalog(),
  });
  const prepared = prepareAnswer(problem, input.answer, input.where ?? [], input.format ?? 'auto');
  const judge = new AnswerJudge(problem, prepared.node, start + (input.timeBudgetMs ?? DEFAULT_ANSWER_BUDGET_MS), input.tolerance ?? DEFAULT_TOLERANCE);
  const equivalence = judge.equivalence();
  const verdict = verdictOf(equivalence);
  const diagnosis = verdict === 'equivalent' ? undefined : diagnose(judge);
  return {
    verdict, method: equivalence.method, readAs: prepared.readAs, expectedTex: problem.expectedTex, diagnosis,
    counterexample: equivalence.witness, notes: notesOf(judge, equivalence, diagnosis),
  };
}
