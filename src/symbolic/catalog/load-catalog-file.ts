/**
 * Loads users' catalog entries from a YAML file (`--catalog FILE`), with the same shape as the
 * built-in ones. Every problem is a GP_CATALOG error naming the file, the line and what is wrong.
 * Expressions go through the safe parser; YAML aliases are not followed (no "billion laughs").
 *
 * @example
 * ```yaml
 * functions:
 *   - name: gelu_tanh
 *     title: GELU (tanh approximation)
 *     variables: [x]
 *     parameters: [{ name: c, default: 0.044715 }]
 *     definition: 0.5*x*(1 + tanh(0.7978845608*(x + c*x^3)))
 *     forms:
 *       - { id: gelu.d1, source: my notes, derivative: x, expression: "..." }
 * ```
 */
import { readFileSync, statSync } from 'node:fs';
import type { MathNode } from 'mathjs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import { GradproofError, isGradproofError } from '../error.ts';
import { parseExpression } from '../parse.ts';
import type { AlternativeForm, Branch, CatalogEntry, Interval, ParameterSpec, VariableSpec } from './catalog-entry.ts';

/** Largest catalog file read, in bytes: far beyond any real catalog, small enough to parse instantly. */
export const MAX_CATALOG_BYTES = 1_000_000;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REALS: Interval = { min: -Infinity, max: Infinity };

/** Reads and validates a YAML catalog file. */
export function loadCatalogFile(path: string): CatalogEntry[] {
  let text: string;
  try {
    if (statSync(path).size > MAX_CATALOG_BYTES) fail(path, 1, `file too large: expected at most ${MAX_CATALOG_BYTES} bytes`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isGradproofError(error)) throw error;
    throw new GradproofError('GP_CATALOG', `${path}: cannot read catalog file: ${(error as Error).message}`, { cause: error });
  }
  return parseCatalogText(text, path);
}

/** Validates YAML catalog text; `file` is used in messages. */
export function parseCatalogText(text: string, file = '<catalog>'): CatalogEntry[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    fail(file, lines.linePos(e.pos[0]).line, `YAML syntax: ${e.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (!isMap(root)) fail(file, lineOf(root as YamlNode), "expected a mapping with a 'functions' list at the top");
  const functions = (root as YAMLMap).get('functions', true) as YamlNode | undefined;
  if (!isSeq(functions)) fail(file, lineOf(root as YamlNode), "expected 'functions:' to be a list of entries");
  const ctx: Context = { file, lineOf };
  return (functions as unknown as { items: YamlNode[] }).items.map((item) => readEntry(item, ctx));
}

interface Context {
  readonly file: string;
  readonly lineOf: (node: YamlNode | null | undefined) => number;
}

function fail(file: string, line: number, problem: string): never {
  throw new GradproofError('GP_CATALOG', `${file}:${line}: ${problem}`, { position: { file, line } });
}

function field(map: YAMLMap, key: string): YamlNode | undefined {
  return map.get(key, true) as YamlNode | undefined;
}

function scalar(map: YAMLMap, key: string, ctx: Context, required: boolean): string | number | boolean | undefined {
  const node = field(map, key);
  if (node === undefined) {
    if (required) fail(ctx.file, ctx.lineOf(map), `entry is missing '${key}'`);
    return undefined;
  }
  if (!isScalar(node)) fail(ctx.file, ctx.lineOf(node), `'${key}': expected a single value`);
  return node.value as string | number | boolean;
}

function expression(map: YAMLMap, key: string, ctx: Context, required = true): MathNode | undefined {
  const value = scalar(map, key, ctx, required);
  if (value === undefined) return undefined;
  try {
    return parseExpression(String(value));
  } catch (error) {
    const message = isGradproofError(error) ? error.message : String(error);
    return fail(ctx.file, ctx.lineOf(field(map, key)), `'${key}': ${message}`);
  }
}

function readEntry(item: YamlNode, ctx: Context): CatalogEntry {
  if (!isMap(item)) fail(ctx.file, ctx.lineOf(item), 'each function must be a mapping (name, variables, definition, ...)');
  const map = item as YAMLMap;
  const name = String(scalar(map, 'name', ctx, true));
  if (!NAME.test(name)) fail(ctx.file, ctx.lineOf(field(map, 'name')), `name '${name}': expected letters, digits and _`);
  const kind = String(scalar(map, 'kind', ctx, false) ?? 'activation');
  if (kind !== 'activation' && kind !== 'loss') fail(ctx.file, ctx.lineOf(field(map, 'kind')), `kind '${kind}': expected activation or loss`);
  const variables = readList(map, 'variables', ctx, true).map((v) => readVariable(v, ctx));
  const parameters = readList(map, 'parameters', ctx, false).map((p) => readParameter(p, ctx));
  const definition = expression(map, 'definition', ctx)!;
  const known = new Set([...variables.map((v) => v.name), ...parameters.map((p) => p.name), 'e', 'pi']);
  definition.traverse((n, path) => {
    const symbol = (n as unknown as { name?: string }).name;
    if (n.type === 'SymbolNode' && path !== 'fn' && symbol && !known.has(symbol)) {
      fail(ctx.file, ctx.lineOf(field(map, 'definition')), `definition uses '${symbol}', which is neither a variable nor a parameter`);
    }
  });
  return {
    name,
    title: String(scalar(map, 'title', ctx, false) ?? name),
    kind,
    variables,
    parameters,
    definition,
    tex: String(scalar(map, 'tex', ctx, false) ?? ''),
    ...(field(map, 'stable') ? { stable: expression(map, 'stable', ctx)! } : {}),
    ...(field(map, 'branches') ? { branches: readList(map, 'branches', ctx, false).map((b) => readBranch(b, ctx)) } : {}),
    facts: [],
    forms: readList(map, 'forms', ctx, false).map((f) => readForm(f, name, ctx)),
    origin: ctx.file,
  };
}

function readList(map: YAMLMap, key: string, ctx: Context, required: boolean): YamlNode[] {
  const node = field(map, key);
  if (node === undefined) {
    if (required) fail(ctx.file, ctx.lineOf(map), `entry is missing '${key}'`);
    return [];
  }
  if (!isSeq(node)) fail(ctx.file, ctx.lineOf(node), `'${key}': expected a list`);
  return (node as unknown as { items: YamlNode[] }).items;
}

function readVariable(node: YamlNode, ctx: Context): VariableSpec {
  if (isScalar(node)) return { name: checkedName(String(node.value), node, ctx), domain: REALS };
  if (!isMap(node)) fail(ctx.file, ctx.lineOf(node), 'a variable is a name or {name, domain}');
  const map = node as YAMLMap;
  return { name: checkedName(String(scalar(map, 'name', ctx, true)), node, ctx), domain: readDomain(map, ctx) };
}

function readParameter(node: YamlNode, ctx: Context): ParameterSpec {
  if (!isMap(node)) fail(ctx.file, ctx.lineOf(node), 'a parameter is {name, default, trainable?, domain?}');
  const map = node as YAMLMap;
  const value = scalar(map, 'default', ctx, true);
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(ctx.file, ctx.lineOf(field(map, 'default')), `'default': expected a finite number, got ${String(value)}`);
  const trainable = scalar(map, 'trainable', ctx, false) ?? false;
  if (typeof trainable !== 'boolean') fail(ctx.file, ctx.lineOf(field(map, 'trainable')), "'trainable': expected true or false");
  return { name: checkedName(String(scalar(map, 'name', ctx, true)), node, ctx), default: value as number, trainable: trainable as boolean, domain: readDomain(map, ctx) };
}

function readDomain(map: YAMLMap, ctx: Context): Interval {
  const node = field(map, 'domain');
  if (node === undefined) return REALS;
  const bound = (v: unknown): number => (v === '-inf' ? -Infinity : v === 'inf' || v === '+inf' ? Infinity : Number(v));
  const items = isSeq(node) ? (node as unknown as { items: YamlNode[] }).items.map((i) => (isScalar(i) ? i.value : NaN)) : [];
  const [min, max] = items.map(bound);
  if (items.length !== 2 || Number.isNaN(min) || Number.isNaN(max) || min! >= max!) {
    fail(ctx.file, ctx.lineOf(node), "'domain': expected [min, max] with min < max (use -inf / inf)");
  }
  return { min: min!, max: max! };
}

function readBranch(node: YamlNode, ctx: Context): Branch {
  if (!isMap(node)) fail(ctx.file, ctx.lineOf(node), "a branch is {variable, relation: '<' or '>', at, expression}");
  const map = node as YAMLMap;
  const relation = String(scalar(map, 'relation', ctx, true));
  if (relation !== '<' && relation !== '>') fail(ctx.file, ctx.lineOf(field(map, 'relation')), `'relation': expected '<' or '>', got '${relation}'`);
  return {
    variable: String(scalar(map, 'variable', ctx, true)),
    relation: relation as '<' | '>',
    at: Number(scalar(map, 'at', ctx, false) ?? 0),
    expression: expression(map, 'expression', ctx)!,
  };
}

function readForm(node: YamlNode, entry: string, ctx: Context): AlternativeForm {
  if (!isMap(node)) fail(ctx.file, ctx.lineOf(node), 'a form is {id, source, expression, derivative?: VAR, order?, where?}');
  const map = node as YAMLMap;
  const wrt = scalar(map, 'derivative', ctx, false);
  const order = Number(scalar(map, 'order', ctx, false) ?? 1);
  if (order !== 1 && order !== 2) fail(ctx.file, ctx.lineOf(field(map, 'order')), `'order': expected 1 or 2, got ${order}`);
  const whereNode = field(map, 'where');
  let where: Record<string, MathNode> | undefined;
  if (whereNode !== undefined) {
    if (!isMap(whereNode)) fail(ctx.file, ctx.lineOf(whereNode), "'where': expected a mapping SYMBOL: expression");
    where = {};
    for (const pair of (whereNode as YAMLMap).items) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      where[checkedName(key, whereNode as YamlNode, ctx)] = expression(whereNode as YAMLMap, key, ctx)!;
    }
  }
  return {
    id: String(scalar(map, 'id', ctx, false) ?? `${entry}.form`),
    source: String(scalar(map, 'source', ctx, false) ?? ctx.file),
    target: wrt === undefined ? { kind: 'function' } : { kind: 'derivative', wrt: String(wrt), order: order as 1 | 2 },
    expression: expression(map, 'expression', ctx)!,
    ...(where ? { where } : {}),
    ...(scalar(map, 'note', ctx, false) ? { note: String(scalar(map, 'note', ctx, false)) } : {}),
  };
}

function checkedName(name: string, node: YamlNode, ctx: Context): string {
  if (!NAME.test(name)) fail(ctx.file, ctx.lineOf(node), `name '${name}': expected letters, digits and _`);
  return name;
}
