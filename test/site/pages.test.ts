import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/symbolic/index.ts';
import { functionCurves } from '../../src/site/index.ts';
import { claimPage } from '../../src/site/pages/claim-page.ts';
import { functionPage } from '../../src/site/pages/function-page.ts';
import { homePage } from '../../src/site/pages/home-page.ts';
import { derivativeTargets, instructorPage } from '../../src/site/pages/instructor-page.ts';
import { float64Compiler, measureAccuracy, stepErrorCurve } from '../../src/site/numeric-evidence.ts';
import { gradcheckEvidence } from '../../src/site/gradcheck-evidence.ts';
import { fixtureReport } from './fixture-report.ts';

const report = fixtureReport();
const mish = report.functions.find((f) => f.name === 'mish')!;
const catalog = builtinCatalog();

describe('function page', () => {
  const page = functionPage(mish, {
    curves: functionCurves(mish, catalog.find('mish'), float64Compiler),
    accuracy: measureAccuracy(mish, catalog.find('mish'), 9),
    stepCurve: stepErrorCurve(mish, catalog.find('mish')),
  });
  const body = page.body.value;

  it('shows the definition, every derivative with steps and certificate, every form with verdict', () => {
    expect(page.path).toBe('functions/mish.html');
    expect(body).toContain('class="katex-display"');
    expect(body.match(/class="card" id="d\d-/g)?.length).toBe(mish.derivatives.length);
    expect(body).toContain('Derivation: ');
    expect(body).toContain('certificate (2 steps)');
    expect(body).toMatch(/<li>d\/dx checked<\/li><li class="formula"><span class="katex">/);
    for (const form of mish.forms) expect(body).toContain(`id="form-${form.id}"`);
    expect(body).toContain('witness point');
    expect(body).toContain('removable singularity');
    const withWhere = functionPage(mish, {}, { 'mish.d1.omega-delta': { omega: '4(x+1)', delta: '2e^{x}' } }).body.value;
    expect(withWhere).toMatch(/<p class="note">where<\/p>/);
  });

  it('plots f, f′, f″ and the step-size error curve as SVG, and reports accuracy', () => {
    expect(body).toMatch(/<\/svg>Mish<\/span>.*<\/svg>Mish′<\/span>.*<\/svg>Mish″<\/span>/s); // legend of the combined plot
    expect(body.match(/<path[^>]* d="M/g)!.length).toBeGreaterThanOrEqual(4); // three curves and the step curve
    expect(body).toContain('Compiled kernel vs the 50-digit reference');
    expect(body).toContain('Gradient check (gradcheck layer): not run in this build.');
  });

  it('the step curve is V-shaped: the error near the optimal step is far below both ends', () => {
    const s = stepErrorCurve(mish, catalog.find('mish'))!;
    const ys = s.points.map((p) => p.y);
    const best = Math.min(...ys);
    expect(best).toBeLessThan(ys[0]! / 1e4);
    expect(best).toBeLessThan(ys[ys.length - 1]! / 1e2);
  });

  it('gradcheck evidence: Mish passes; ReLU passes with its kink at 0 reported with one-sided derivatives', () => {
    const mishChecks = gradcheckEvidence(catalog.get('mish'), 50);
    expect(mishChecks.map((g) => [g.wrt, g.status])).toEqual([['x', 'pass']]);
    const relu = gradcheckEvidence(catalog.get('relu'), 50)[0]!;
    expect(relu.status).toBe('pass');
    expect(relu.kinks!.join(' ')).toMatch(/x = 0: left 0, right 1/);
    const body = functionPage(report.functions.find((f) => f.name === 'relu')!, { gradchecks: [relu] }).body.value;
    expect(body).toContain('x = 0: left 0, right 1');
  });

  it('piecewise functions show their kink and branch derivatives', () => {
    const relu = functionPage(report.functions.find((f) => f.name === 'relu')!).body.value;
    expect(relu).toContain('Not differentiable at');
    expect(relu).toContain('By branch');
    expect(relu).toContain('No plot');
  });

  it('every catalog function renders (no KaTeX failure), loss functions included', () => {
    for (const fn of report.functions) expect(functionPage(fn).body.value).toContain(fn.title.replace(/&/g, '&amp;'));
  });
});

describe('claim and home pages', () => {
  it('a refuted claim shows the correct statement; text is escaped', () => {
    const refuted = claimPage(report.claims.find((c) => c.status === 'refuted')!);
    expect(refuted.body.value).toContain('What holds instead');
    expect(refuted.body.value).toContain('the 2x·σ(βx) form gives x');
    const undecided = claimPage(report.claims.find((c) => c.status === 'undecided')!);
    expect(undecided.body.value).toContain('preconditioner &lt;b&gt;');
  });

  it('home tallies verdicts and links every function and claim', () => {
    const body = homePage(report, [{ path: 'docs/x.html', title: 'X' }]).body.value;
    for (const fn of report.functions) expect(body).toContain(`href="functions/${fn.name}.html"`);
    for (const c of report.claims) expect(body).toContain(`href="claims/${c.id}.html"`);
    const derivatives = report.functions.reduce((n, f) => n + f.derivatives.length, 0);
    expect(body).toContain(`<div class="count">${derivatives}</div><div>derivatives</div>`);
    expect(body).toContain('href="docs/x.html"');
  });
});

describe('instructor page', () => {
  it('offers every catalog derivative as JSON data that cannot close its script tag', () => {
    const targets = derivativeTargets(report);
    expect(targets.find((t) => t.id === 'mish.d1.x')?.expected).toBe(mish.derivatives[0]!.expression);
    const body = instructorPage([{ ...targets[0]!, label: '</script><script>alert(1)</script>' }, ...targets]).body.value;
    const json = /<script type="application\/json" id="targets">(.*?)<\/script>/s.exec(body)![1]!;
    expect(json).not.toContain('</script');
    expect(JSON.parse(json)).toHaveLength(targets.length + 1);
    expect(body).toContain('<option value="mish.d1.x" selected>');
  });
});
