/**
 * The CLI process loads mathjs from its single-file build (bin/mathjs-hooks.mjs →
 * bin/mathjs-single-file.mjs): every value any source file imports from 'mathjs' must be a named
 * export there, or `gradproof` would fail to link while in-process tests pass.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Value (not type) names imported from 'mathjs' by the TypeScript files under `dir`. */
function mathjsValueImports(dir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/^import\s+(?!type\b)\{([^}]*)\}\s+from\s+'mathjs'/gm)) {
      for (const part of m[1]!.split(',').map((p) => p.trim()).filter((p) => p && !p.startsWith('type '))) names.add(part.split(/\s+as\s+/)[0]!);
    }
    if (/^import\s+(\*\s+as\s+\w+|\w+)\s+from\s+'mathjs'/m.test(text)) names.add('default');
  }
  return names;
}

describe('mathjs single-file build in the CLI process', () => {
  it('exports every value the sources import from mathjs, with the same behaviour', async () => {
    const single = (await import('../../bin/mathjs-single-file.mjs')) as unknown as Record<string, unknown>;
    const wanted = mathjsValueImports(path.join(root, 'src'));
    expect(wanted.size).toBeGreaterThan(3);
    for (const name of wanted) expect(single[name], `mathjs export '${name}'`).toBeDefined();
    const parse = single.parse as (text: string) => { toString(): string };
    expect(parse('x*sigmoid(beta*x)').toString()).toBe('x * sigmoid(beta * x)');
  });

  it('runs `gradproof gradcheck` through the hook', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'bin/gradproof.js'), 'gradcheck', '--fn', 'swish', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({ status: 'pass' });
  }, 60_000);
});
