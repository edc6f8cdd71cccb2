/**
 * `gradproof verify [NAME...] [--catalog FILE] [--json]`: derive and prove every catalog
 * function's derivatives, prove or refute the source document's forms, evaluate its claims.
 * Exit 1 only when one of the catalog's own derivatives is refuted (3 when one is undecided);
 * refuted claims of the source document are findings, reported with exit 0.
 */
import { Command } from 'commander';
import type { VerifyReport } from '../../symbolic/index.ts';
import type { CommandIO } from '../command-io.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { runAction } from '../run-action.ts';

export function verifyCommand(io: CommandIO, setExit: (code: ExitCode) => void): Command {
  return new Command('verify')
    .description('derive, prove and check every catalog function (or the named ones) and every claim of the source document')
    .argument('[names...]', 'catalog entries to verify (default: all, plus the claims)')
    .option('--catalog <file>', 'add entries from a YAML catalog file')
    .option('--json', 'print the report as JSON')
    .action(async (names: string[], flags: { catalog?: string; json?: boolean }) => {
      setExit(await runAction(io, Boolean(flags.json), async () => {
        // Loaded on use, so `gradproof --help` and other commands start fast.
        const { builtinCatalog, loadCatalogFile, verifyCatalog } = await import('../../symbolic/index.ts');
        const catalog = flags.catalog ? builtinCatalog().with(loadCatalogFile(flags.catalog)) : builtinCatalog();
        const report = verifyCatalog({ catalog, names });
        if (flags.json) io.out(JSON.stringify(report, null, 2));
        else printReport(io, report);
        return exitFor(report);
      }));
    });
}

function exitFor(report: VerifyReport): ExitCode {
  const statuses = report.functions.flatMap((f) => f.derivatives.map((d) => d.proof.status));
  if (statuses.includes('refuted')) return EXIT.failed;
  if (statuses.some((s) => s !== 'proved')) return EXIT.undecided;
  return EXIT.ok;
}

const MARK: Record<string, string> = { proved: '✔ proved', refuted: '✘ refuted', numerical: '≈ numerical', undecided: '? undecided' };

function printReport(io: CommandIO, report: VerifyReport): void {
  for (const f of report.functions) {
    const proved = f.derivatives.filter((d) => d.proof.status === 'proved').length;
    io.out(`${f.name.padEnd(24)} ${proved}/${f.derivatives.length} derivatives proved${f.kinks.length ? `  (kink at ${f.kinks.map((k) => `${k.variable} = ${k.at}`).join(', ')})` : ''}`);
    for (const d of f.derivatives.filter((d) => d.proof.status !== 'proved')) {
      io.out(`    d${d.order === 2 ? '²' : ''}/d${d.wrt}: ${MARK[d.proof.status]} — ${d.proof.detail ?? ''}`);
    }
    for (const form of f.forms) {
      io.out(`    ${MARK[form.status]!.padEnd(12)} ${form.id}: ${form.expression} = ${form.target}${form.note ? `  [${form.note}]` : ''}`);
      if (form.witness) io.out(`                 witness ${JSON.stringify(form.witness.point)}: form ${form.witness.form}, expected ${form.witness.expected}`);
    }
  }
  if (report.claims.length) {
    io.out('\nClaims of the source document:');
    for (const c of report.claims) {
      io.out(`  ${MARK[c.status]!.padEnd(12)} ${c.id}: ${c.statement}`);
      if (c.status === 'refuted' && c.correctStatement) io.out(`               correct: ${c.correctStatement}`);
    }
  }
  const derivatives = report.functions.flatMap((f) => f.derivatives);
  const proved = derivatives.filter((d) => d.proof.status === 'proved').length;
  io.out(`\n${report.functions.length} functions, ${proved}/${derivatives.length} derivatives proved, ${report.claims.length} claims evaluated in ${report.millis} ms`);
}
