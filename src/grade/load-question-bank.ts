/**
 * Loads a question bank from YAML. Every problem is reported as a GradproofError naming the file,
 * the line and column, and what was expected:
 *
 * ```yaml
 * title: Homework 6
 * questions:
 *   - id: q1-swish
 *     prompt: Differentiate $\operatorname{Swish}(x) = x\,\sigma(x)$.
 *     derivative: { of: swish, wrt: x }        # or: expected: '\sigma(x) + …'
 *     variables: { x: [-6, 6] }                 # optional domains
 *     parameters: { beta: [0.1, 4] }
 *     assumptions: ['x > 0']
 *     format: auto                              # latex | text | auto
 *     tolerance: { relative: 1e-7, absolute: 1e-9 }
 *     tests:                                    # first match wins
 *       - { test: equivalent, score: 1, feedback: Correct. }
 *       - { test: missing-chain-factor, score: 0.5, feedback: 'Missing {factor}.' }
 * ```
 */
import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { GradproofError, builtinCatalog, isGradproofError, parseAnswer, type Assumption, type Catalog, type Interval } from '../symbolic/index.ts';
import { ANSWER_TEST_KINDS, DEFAULT_RESPONSE_TREE, type AnswerTestKind, type AnswerTestSpec } from './answer-tests.ts';
import { DEFAULT_TOLERANCE } from './answer-judge.ts';
import { resolveProblem, type SymbolDomain } from './grading-problem.ts';
import type { Question, QuestionBank } from './question-bank.ts';

/** Options of {@link loadQuestionBank}. */
export interface LoadBankOptions {
  readonly catalog?: Catalog;
}

const QUESTION_KEYS = new Set(['id', 'prompt', 'expected', 'derivative', 'variables', 'parameters', 'assumptions', 'format', 'tolerance', 'tests', 'timeBudgetMs']);

/** Reads and loads the bank at `path`. */
export function loadQuestionBankFile(path: string, options: LoadBankOptions = {}): QuestionBank {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GradproofError('GP_NOT_FOUND', `question bank ${path}: expected a readable file, got ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return loadQuestionBank(text, path, options);
}

/**
 * Loads a bank from YAML `text`; `file` names it in messages.
 * @throws GradproofError GP_INPUT "FILE:LINE:COLUMN: problem" (GP_PARSE for YAML syntax).
 */
export function loadQuestionBank(text: string, file = '<bank>', options: LoadBankOptions = {}): QuestionBank {
  const catalog = options.catalog ?? builtinCatalog();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const where = (node: YamlNode | null | undefined, extra = 0) => {
    const offset = (node?.range?.[0] ?? 0) + extra;
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col, offset };
  };
  const fail = (node: YamlNode | null | undefined, problem: string, code: 'GP_INPUT' | 'GP_PARSE' = 'GP_INPUT', extra = 0): never => {
    const p = where(node, extra);
    throw new GradproofError(code, `${file}:${p.line}:${p.column}: ${problem}`, { position: p });
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const p = lines.linePos(e.pos[0]);
    throw new GradproofError('GP_PARSE', `${file}:${p.line}:${p.col}: YAML syntax: ${e.message.split('\n')[0]}`, { position: { file, line: p.line, column: p.col, offset: e.pos[0] } });
  }
  const root = doc.contents;
  if (!isMap(root)) return fail(root, 'expected a mapping with `questions:`');
  const list = root.get('questions', true) as YamlNode | undefined;
  if (!isSeq(list) || list.items.length === 0) return fail(list ?? root, 'expected `questions:` to be a non-empty list');
  const titleNode = root.get('title', true) as YamlNode | undefined;
  const questions: Question[] = [];
  const ids = new Set<string>();
  for (const item of list.items as YamlNode[]) {
    if (!isMap(item)) return fail(item, 'question: expected a mapping with id, prompt and expected or derivative');
    const q = item as YAMLMap<unknown, unknown>;
    for (const pair of q.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!QUESTION_KEYS.has(key)) fail(pair.key as YamlNode, `unknown key '${key}': expected one of ${[...QUESTION_KEYS].join(', ')}`);
    }
    const field = (key: string) => q.get(key, true) as YamlNode | undefined;
    const str = (key: string, required: boolean): string | undefined => {
      const node = field(key);
      if (node === undefined) return required ? fail(item, `question: expected \`${key}:\``) : undefined;
      if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) return fail(node, `${key}: expected text`);
      return String(node.value);
    };
    const id = str('id', true)!;
    if (ids.has(id)) fail(field('id'), `duplicate question id '${id}': expected each id once`);
    ids.add(id);
    const context = `question '${id}'`;
    try {
      const variables = domains(field('variables'), `${context}: variables`, fail);
      const parameters = domains(field('parameters'), `${context}: parameters`, fail);
      const derivative = field('derivative');
      let derivativeOf: string | undefined;
      let wrt: string | undefined;
      if (derivative !== undefined) {
        if (!isMap(derivative)) fail(derivative, `${context}: derivative: expected { of: NAME, wrt: VARIABLE }`);
        const of = (derivative as YAMLMap).get('of');
        if (typeof of !== 'string') fail(derivative, `${context}: derivative: expected \`of:\` naming a catalog function`);
        if (!catalog.find(of as string)) fail(derivative, `${context}: derivative: unknown function '${String(of)}': expected one of ${catalog.entries.map((e) => e.name).join(', ')}`);
        derivativeOf = of as string;
        const w = (derivative as YAMLMap).get('wrt');
        if (w !== undefined && typeof w !== 'string') fail(derivative, `${context}: derivative: expected \`wrt:\` to be a variable name`);
        wrt = w as string | undefined;
      }
      const expectedText = str('expected', false);
      let expected;
      if (expectedText !== undefined) {
        try {
          expected = parseAnswer(expectedText).node;
        } catch (error) {
          if (!isGradproofError(error)) throw error;
          fail(field('expected'), `${context}: expected: ${error.message}`, 'GP_INPUT', quotedShift(field('expected'), error.position?.offset ?? 0));
        }
      }
      const format = (str('format', false) ?? 'auto') as Question['format'];
      if (!['auto', 'latex', 'text'].includes(format)) fail(field('format'), `${context}: format: expected latex, text or auto, got '${format}'`);
      const problem = resolveProblem({
        expected, derivativeOf, wrt, variables, parameters, assumptions: assumptions(field('assumptions'), context, fail), catalog,
      });
      const budgetNode = field('timeBudgetMs');
      const timeBudgetMs = budgetNode === undefined ? undefined : positiveNumber(budgetNode, `${context}: timeBudgetMs`, fail);
      questions.push({
        id, prompt: str('prompt', false) ?? '', problem, tests: tests(field('tests'), context, fail), format,
        tolerance: tolerance(field('tolerance'), context, fail), timeBudgetMs, line: where(item).line,
      });
    } catch (error) {
      if (isGradproofError(error) && !error.message.startsWith(`${file}:`)) fail(item, `${context}: ${error.message}`);
      throw error;
    }
  }
  const byId = new Map(questions.map((q) => [q.id, q]));
  return { file, title: isScalar(titleNode) ? String(titleNode.value) : undefined, questions, find: (id) => byId.get(id) };
}

type Fail = (node: YamlNode | null | undefined, problem: string, code?: 'GP_INPUT' | 'GP_PARSE', extra?: number) => never;

/** Characters before the content of a quoted scalar (the opening quote). */
function quotedShift(node: YamlNode | undefined, offset: number): number {
  const type = isScalar(node) ? node.type : undefined;
  return offset + (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' ? 1 : 0);
}

function domains(node: YamlNode | undefined, what: string, fail: Fail): SymbolDomain[] {
  if (node === undefined) return [];
  if (!isMap(node)) return fail(node, `${what}: expected a mapping NAME: [MIN, MAX]`);
  return (node as YAMLMap).items.map((pair) => {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) fail(pair.key as YamlNode, `${what}: expected a variable name, got '${name}'`);
    const value = pair.value as YamlNode | null;
    const json = value === null ? null : (value as { toJSON(): unknown }).toJSON();
    const bounds = Array.isArray(json) ? json : json && typeof json === 'object' ? [(json as Record<string, unknown>).min, (json as Record<string, unknown>).max] : undefined;
    if (!bounds || bounds.length !== 2 || !bounds.every((b) => typeof b === 'number' && !Number.isNaN(b)) || (bounds[0] as number) >= (bounds[1] as number)) {
      return fail(value ?? (pair.key as YamlNode), `${what}: ${name}: expected [MIN, MAX] with MIN < MAX`);
    }
    const domain: Interval = { min: bounds[0] as number, max: bounds[1] as number };
    return { name, domain };
  });
}

function assumptions(node: YamlNode | undefined, context: string, fail: Fail): Assumption[] {
  if (node === undefined) return [];
  if (!isSeq(node)) return fail(node, `${context}: assumptions: expected a list such as ['x > 0']`);
  return (node.items as YamlNode[]).map((item) => {
    const text = isScalar(item) ? String(item.value) : '';
    const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
    if (!m) return fail(item, `${context}: assumption: expected 'VARIABLE > NUMBER' (or <, >=, <=), got '${text}'`);
    return { variable: m[1]!, relation: m[2] as Assumption['relation'], value: Number(m[3]) };
  });
}

function tests(node: YamlNode | undefined, context: string, fail: Fail): AnswerTestSpec[] {
  if (node === undefined) return [...DEFAULT_RESPONSE_TREE];
  if (!isSeq(node) || node.items.length === 0) return fail(node, `${context}: tests: expected a non-empty list of { test, score, feedback }`);
  return (node.items as YamlNode[]).map((item) => {
    if (!isMap(item)) return fail(item, `${context}: tests: expected { test, score, feedback }`);
    const m = item as YAMLMap;
    const test = m.get('test');
    if (typeof test !== 'string' || !(ANSWER_TEST_KINDS as readonly string[]).includes(test)) {
      return fail(item, `${context}: test: expected one of ${ANSWER_TEST_KINDS.join(', ')}, got '${String(test)}'`);
    }
    const score = m.get('score');
    if (typeof score !== 'number' || score < 0 || score > 1) return fail(item, `${context}: ${test}: expected score between 0 and 1, got '${String(score)}'`);
    const feedback = m.get('feedback');
    if (feedback !== undefined && typeof feedback !== 'string') return fail(item, `${context}: ${test}: expected feedback to be text`);
    const tol = m.get('tolerance', true) as YamlNode | undefined;
    return { test: test as AnswerTestKind, score, feedback: feedback as string | undefined, tolerance: tol === undefined ? undefined : tolerance(tol, context, fail) };
  });
}

function tolerance(node: YamlNode | undefined, context: string, fail: Fail): { relative: number; absolute: number } | undefined {
  if (node === undefined) return undefined;
  const json = (node as { toJSON(): unknown }).toJSON() as Record<string, unknown> | null;
  const ok = json !== null && typeof json === 'object' && Object.keys(json).every((k) => (k === 'relative' || k === 'absolute') && typeof json[k] === 'number' && (json[k] as number) >= 0);
  if (!ok) return fail(node, `${context}: tolerance: expected { relative: NUMBER, absolute: NUMBER } (non-negative)`);
  return { ...DEFAULT_TOLERANCE, ...(json as { relative?: number; absolute?: number }) };
}

function positiveNumber(node: YamlNode, what: string, fail: Fail): number {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value !== 'number' || !(value > 0)) return fail(node, `${what}: expected a positive number of milliseconds`);
  return value;
}
