/**
 * `gradproof check`: is an answer equivalent to an expected expression, or to the derivative of
 * a catalog function? Answers may be LaTeX or mathjs-style text. Exit 0 equivalent,
 * 1 not equivalent, 3 undecided, 2 unparsable input (with the position).
 */
import { Command } from 'commander';
import type { CheckAnswerResult } from '../../grade/index.ts';
import type { CommandIO } from '../command-io.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { runAction } from '../run-action.ts';

interface CheckFlags {
  expected?: string;
  answer?: string;
  derivativeOf?: string;
  wrt?: string;
  where: string[];
  var: string[];
  assume: string[];
  catalog?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function checkCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command('check')
    .description('is an answer equivalent to an expected expression (or to the derivative of a catalog function)?')
    .option('--expected <expr>', 'the expected expression (mathjs text or LaTeX)')
    .option('--answer <expr>', 'the answer to check (mathjs text or LaTeX)')
    .option('--derivative-of <name>', 'expect the derivative of this catalog function instead of --expected')
    .option('--wrt <var>', 'with --derivative-of: the variable (default: its first variable)')
    .option('--where <definition>', "an auxiliary definition used by the answer, e.g. '\\omega = 4(x+1)' (repeatable)", collect, [])
    .option('--var <name>', 'a variable of the expressions (repeatable; default: their free symbols)', collect, [])
    .option('--assume <condition>', "an assumption such as 'x>0' (repeatable)", collect, [])
    .option('--catalog <file>', 'add entries from a YAML catalog file')
    .option('--json', 'print the verdict as JSON')
    .action(async (flags: CheckFlags) => {
      setExit(await runAction(io, Boolean(flags.json), async () => {
        // Loaded on use, so `gradproof --help` and other commands start fast.
        const { builtinCatalog, GradproofError, loadCatalogFile, parseAssumption } = await import('../../symbolic/index.ts');
        const { checkAnswer } = await import('../../grade/index.ts');
        if (flags.answer === undefined) throw new GradproofError('GP_INPUT', 'check: expected --answer EXPR');
        if ((flags.expected === undefined) === (flags.derivativeOf === undefined)) {
          throw new GradproofError('GP_INPUT', 'check: expected exactly one of --expected EXPR or --derivative-of NAME');
        }
        const result = checkAnswer({
          answer: flags.answer,
          ...(flags.expected !== undefined ? { expected: flags.expected } : {}),
          ...(flags.derivativeOf !== undefined ? { derivativeOf: flags.derivativeOf } : {}),
          ...(flags.wrt !== undefined ? { wrt: flags.wrt } : {}),
          where: flags.where,
          ...(flags.var.length ? { variables: flags.var } : {}),
          assumptions: flags.assume.map(parseAssumption),
          catalog: flags.catalog ? builtinCatalog().with(loadCatalogFile(flags.catalog)) : builtinCatalog(),
        });
        if (flags.json) io.out(JSON.stringify(result, null, 2));
        else printResult(io, result);
        return result.verdict === 'equivalent' ? EXIT.ok : result.verdict === 'not-equivalent' ? EXIT.failed : EXIT.undecided;
      }));
    });
}

function printResult(io: CommandIO, r: CheckAnswerResult): void {
  io.out(`read as: ${r.readAs}`);
  io.out(`verdict: ${r.verdict} (${r.method})`);
  if (r.diagnosis) io.out(`diagnosis (${r.diagnosis.kind}): ${r.diagnosis.message}`);
  if (r.counterexample) {
    const c = r.counterexample;
    io.out(`counterexample at ${Object.entries(c.point).map(([k, v]) => `${k} = ${v}`).join(', ')}: expected ${c.expected}, answer ${c.answer}, difference ${c.difference}`);
  }
  for (const note of r.notes) io.out(`note: ${note}`);
}
