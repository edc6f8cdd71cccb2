/**
 * The output-landscape result as Markdown: the smoothness numbers per activation and what they
 * say about the claim "Mish's landscape is smoother".
 */
import type { LandscapeResult } from './output-landscape.ts';

const ms = (v: { mean: number; std: number }, digits = 3) => `${v.mean.toFixed(digits)} ± ${v.std.toFixed(digits)}`;

/** Markdown of a {@link LandscapeResult}. */
export function formatLandscapeMarkdown(result: LandscapeResult): string {
  const lines = [
    '# Q1 — output landscape of a random network',
    '',
    `MLP ${result.layers.join(' → ')}, activation after every layer, ${result.size}×${result.size} grid over [${result.domain.join(', ')}]², ` +
      `${result.samples} random network${result.samples === 1 ? '' : 's'} (seeds ${result.seed}…${result.seed + result.samples - 1}), output min–max normalised. Backend: ${result.backend}.`,
    '',
    '| activation | mean gradient | total variation | mean abs Laplacian (bending) | RMS Laplacian (sharpness) | flat share | image |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const l of result.landscapes) {
    lines.push(`| ${l.title} | ${ms(l.meanGradient)} | ${ms(l.totalVariation)} | ${ms(l.meanAbsLaplacian, 2)} | ${ms(l.rmsLaplacian, 1)} | ${ms(l.flatFraction)} | ${l.image ?? '—'} |`);
  }
  lines.push('', 'Mean gradient and total variation are lowered by flat (dead) regions, so they favour ReLU for the wrong reason; the RMS Laplacian is the sharpness measure.');
  lines.push('', `Smoothest first by RMS Laplacian (sharpness of creases): ${result.smoothestFirst.join(' < ')}.`);
  const mish = result.landscapes.find((l) => l.activation === 'mish');
  if (mish !== undefined) {
    const rougher = result.landscapes.filter((l) => l !== mish && l.rmsLaplacian.mean > mish.rmsLaplacian.mean).map((l) => l.title);
    const smoother = result.landscapes.filter((l) => l !== mish && l.rmsLaplacian.mean <= mish.rmsLaplacian.mean).map((l) => l.title);
    lines.push(`Mish's landscape has a lower RMS Laplacian than ${rougher.length === 0 ? 'none of the others' : rougher.join(', ')}` +
      `${smoother.length === 0 ? '' : `, and not lower than ${smoother.join(', ')}`} (means over the sampled networks; compare with their std before reading much into small gaps).`);
  }
  if (result.combinedImage !== null) lines.push('', `![landscapes](${result.combinedImage})`);
  return `${lines.join('\n')}\n`;
}
