/**
 * `gradproof gradcheck`: check an analytic derivative against numerical oracles — a catalog
 * function (`--fn`), a user-supplied pair (`--f`, `--df`, `--var`), or the whole catalog.
 */
import { Command, Option } from 'commander';
import type { CheckSettings, GradcheckReport } from '../../gradcheck/index.ts';
import type { OracleChoice } from '../../numeric/index.ts';
import { GradproofError, isGradproofError } from '../../symbolic/error.ts';
import { integerFlag, numberFlag } from '../parse-flag.ts';
import type { CommandIO } from '../command-io.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { runAction } from '../run-action.ts';

/** Oracles selectable with --oracle. */
const ORACLES = ['auto', 'central', 'five-point', 'richardson', 'complex-step', 'dual'] as const;

interface Flags {
  fn?: string;
  wrt?: string;
  f?: string;
  df?: string;
  var: string;
  param: string[];
  range?: string;
  points?: string;
  dtype: 'float64' | 'float32';
  oracle: OracleChoice;
  seed?: string;
  atol?: string;
  rtol?: string;
  json?: boolean;
}

/** `name=value` pairs of --param. */
function parseParams(pairs: readonly string[]): Record<string, number> {
  const params: Record<string, number> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(pair);
    if (!match) throw new GradproofError('GP_INPUT', `--param: expected name=value, got '${pair}'`);
    params[match[1]!] = numberFlag(`--param ${match[1]}`, match[2]!);
  }
  return params;
}

/** An expression flag, with the flag named in the error (position kept). */
function expressionFlag(flag: string, text: string, parseExpression: (text: string) => import('mathjs').MathNode) {
  try {
    return parseExpression(text);
  } catch (error) {
    if (isGradproofError(error)) throw new GradproofError(error.code, `${flag}: ${error.message}`, { position: error.position, cause: error });
    throw error;
  }
}

function settingsOf(flags: Flags): CheckSettings {
  let range: [number, number] | undefined;
  if (flags.range !== undefined) {
    const parts = flags.range.split(',');
    if (parts.length !== 2) throw new GradproofError('GP_INPUT', `--range: expected lo,hi, got '${flags.range}'`);
    range = [numberFlag('--range', parts[0]!), numberFlag('--range', parts[1]!)];
    if (!(range[0] < range[1])) throw new GradproofError('GP_INPUT', `--range: expected lo < hi, got '${flags.range}'`);
  }
  return {
    dtype: flags.dtype, oracle: flags.oracle, range,
    points: flags.points === undefined ? undefined : integerFlag('--points', flags.points),
    seed: flags.seed === undefined ? undefined : integerFlag('--seed', flags.seed),
    atol: flags.atol === undefined ? undefined : numberFlag('--atol', flags.atol),
    rtol: flags.rtol === undefined ? undefined : numberFlag('--rtol', flags.rtol),
  };
}

async function run(flags: Flags, io: CommandIO): Promise<ExitCode> {
  // Loaded on use, so `gradproof --help` and other commands start fast.
  const { formatReport, gradcheck, gradcheckCatalog, gradcheckEntry } = await import('../../gradcheck/index.ts');
  const { builtinCatalog, parseExpression } = await import('../../symbolic/index.ts');
  const settings = settingsOf(flags);
  const params = parseParams(flags.param);
  let report: GradcheckReport;
  let entries: GradcheckReport[] | undefined;
  if (flags.fn !== undefined) {
    if (flags.f !== undefined || flags.df !== undefined) throw new GradproofError('GP_INPUT', '--fn: expected either --fn or --f/--df, got both');
    report = gradcheckEntry(builtinCatalog().get(flags.fn), { ...settings, wrt: flags.wrt, params });
  } else if (flags.f !== undefined || flags.df !== undefined) {
    if (flags.f === undefined || flags.df === undefined) throw new GradproofError('GP_INPUT', `${flags.f === undefined ? '--f' : '--df'}: expected an expression (--f and --df go together)`);
    report = gradcheck({ ...settings, f: expressionFlag('--f', flags.f, parseExpression), df: expressionFlag('--df', flags.df, parseExpression), variable: flags.var, params });
  } else {
    if (flags.wrt !== undefined || flags.param.length > 0) throw new GradproofError('GP_INPUT', '--wrt/--param: expected --fn NAME with them');
    ({ report, entries } = gradcheckCatalog(builtinCatalog(), settings));
  }
  if (flags.json) {
    io.out(JSON.stringify(entries ? { ...report, entries: entries.map((e) => ({ subject: e.subject, status: e.status, checked: e.checked, failureCount: e.failureCount })) } : report));
  } else if (entries) {
    for (const e of entries) io.out(`${e.status === 'pass' ? 'PASS' : 'FAIL'} ${e.subject} (${e.checked} points${e.kinks.length ? `, ${e.kinks.length} kinks` : ''})`);
    for (const e of entries.filter((r) => r.status === 'fail')) io.out(formatReport(e));
    io.out(`${report.status === 'pass' ? 'PASS' : 'FAIL'} catalog: ${entries.length} functions, ${report.checked} points (${report.dtype}, seed ${report.seed})`);
  } else {
    io.out(formatReport(report));
  }
  return report.status === 'pass' ? EXIT.ok : EXIT.failed;
}

/** Makes the `gradcheck` sub-command. */
export function gradcheckCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command('gradcheck')
    .description('check analytic derivatives against numerical oracles (a catalog function, a formula pair, or the whole catalog)')
    .option('--fn <name>', 'catalog function to check')
    .option('--wrt <var>', 'variable or parameter to differentiate by (default: all)')
    .option('--f <expr>', 'function, as mathjs text')
    .option('--df <expr>', 'claimed derivative of --f')
    .option('--var <name>', 'variable of --f', 'x')
    .option('--param <name=value>', 'parameter value (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--range <lo,hi>', 'range of the checked variable (default -20,20)')
    .option('--points <n>', 'number of points per check (default 200)')
    .addOption(new Option('--dtype <dtype>', 'arithmetic of the analytic side').choices(['float64', 'float32']).default('float64'))
    .addOption(new Option('--oracle <oracle>', 'numerical oracle').choices([...ORACLES]).default('auto'))
    .option('--seed <n>', 'seed of the random points (default 1)')
    .option('--atol <x>', 'absolute tolerance override')
    .option('--rtol <x>', 'relative tolerance override')
    .option('--json', 'machine-readable report on stdout')
    .action(async (flags: Flags) => {
      setExit(await runAction(io, Boolean(flags.json), () => run(flags, io)));
    });
}
