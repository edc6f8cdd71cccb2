/**
 * Fake training run directories for the site's tests: the files the trainer writes
 * (config.json, metrics.jsonl, final.json, PNG images), some of them broken on purpose.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** A small valid PNG (gradient), as the landscape experiment would write. */
export function tinyPng(size = 16): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) {
    png.data[4 * i] = (i * 7) % 256;
    png.data[4 * i + 1] = (i * 3) % 256;
    png.data[4 * i + 2] = 128;
    png.data[4 * i + 3] = 255;
  }
  return PNG.sync.write(png);
}

function run(dir: string, config: object | string, final: object | undefined, epochs: number, seed: number): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config));
  const lines = Array.from({ length: epochs }, (_, e) => JSON.stringify({ epoch: e + 1, loss: 1 / (e + 1 + seed), accuracy: 0.8 + e / 100, val_loss: 1.1 / (e + 1 + seed), val_accuracy: 0.78 + e / 100 }));
  writeFileSync(join(dir, 'metrics.jsonl'), `${lines.join('\n')}\n`);
  if (final) writeFileSync(join(dir, 'final.json'), JSON.stringify(final));
}

/** A sweep folder (α = −0.5 and PReLU complete, α = 0 cut short, a corrupt config, an identity run on plain MNIST, the trainer's report.md), a Q2 summary and a landscape image. */
export function writeRunFixtures(root: string): string {
  const sweep = join(root, 'seed-q3');
  run(join(sweep, 'leaky_relu_-0.5'), { activation: { name: 'leaky_relu', params: { alpha: -0.5 } } },
    { train: { loss: 0.0412, accuracy: 0.9871 }, test: { loss: 0.0555, accuracy: 0.9822 } }, 5, 1);
  // The trainer's own layout: settings nested under `config`, a title, learned α as {values, mean, std} per layer.
  run(join(sweep, 'prelu'), { schemaVersion: 1, kind: 'gradproof-train-run', config: { activation: { name: 'prelu', params: {} }, invert: true } }, {
    title: 'PReLU', train: { loss: 0.0390, acc: 0.9877 }, validation: { loss: 0.2, acc: 0.5 }, test: { loss: 0.0501, acc: 0.9838 },
    learned: { act1: { alpha: { values: [-0.3, -0.2, 0.1, -0.1], mean: -0.125, std: 0.15 } }, act2: { alpha: { values: [0.05, 0.0, -0.02, 0.01], mean: 0.01, std: 0.03 } } },
  }, 5, 2);
  run(join(sweep, 'identity-plain'), { config: { activation: { name: 'identity', params: {} }, invert: false } }, { title: 'identity, plain MNIST', test: { loss: 0.3, acc: 0.91 } }, 2, 5);
  writeFileSync(join(sweep, 'report.md'), '# Q3 report\n\n| activation | test acc |\n|---|---|\n| PReLU | 0.9838 |\n\n![landscape](../landscape/mish.png)\n');
  run(join(sweep, 'relu'), { activation: 'relu' }, undefined, 3, 3);
  writeFileSync(join(sweep, 'relu', 'metrics.jsonl'), '{"epoch":1,"loss":0.9}\n{"epoch":2,"lo', { flag: 'a' });
  run(join(sweep, 'broken'), '{not json', { test: { loss: 1 } }, 1, 4);
  const q2 = join(root, 'seed-q2');
  mkdirSync(q2, { recursive: true });
  const curve = (loss: 'bce' | 'mse', scale: number) => Array.from({ length: 4 }, (_, epoch) => ({
    epoch, train: { [loss]: scale / (epoch + 1) }, validation: { [loss]: scale / (epoch + 1) + 0.01 * epoch },
  }));
  writeFileSync(join(q2, 'q2.json'), JSON.stringify({ schemaVersion: 1, kind: 'gradproof-q2-report', bce: { loss: 'bce', curve: curve('bce', 0.69) }, mse: { loss: 'mse', curve: curve('mse', 0.25) } }));
  mkdirSync(join(root, 'landscape'), { recursive: true });
  writeFileSync(join(root, 'landscape', 'mish.png'), tinyPng());
  return root;
}
