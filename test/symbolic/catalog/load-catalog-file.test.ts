import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GradproofError } from '../../../src/symbolic/index.ts';
import { loadCatalogFile, parseCatalogText } from '../../../src/symbolic/catalog/load-catalog-file.ts';

function catalogError(text: string): GradproofError {
  try {
    parseCatalogText(text, 'mine.yaml');
  } catch (error) {
    if (error instanceof GradproofError) return error;
    throw error;
  }
  throw new Error('expected the catalog to be refused');
}

const GOOD = `functions:
  - name: gelu_tanh
    title: GELU (tanh approximation)
    variables: [x]
    parameters:
      - { name: c, default: 0.044715, trainable: false }
    definition: 0.5*x*(1 + tanh(0.7978845608*(x + c*x^3)))
    forms:
      - id: gelu.alt
        source: my notes
        expression: x*sigmoid(2*0.7978845608*(x + c*x^3))
`;

describe('YAML catalog files', () => {
  it('loads an entry with the built-in shape', () => {
    const [entry] = parseCatalogText(GOOD, 'mine.yaml');
    expect(entry).toMatchObject({ name: 'gelu_tanh', kind: 'activation', origin: 'mine.yaml' });
    expect(entry!.parameters[0]).toMatchObject({ name: 'c', default: 0.044715 });
    expect(entry!.forms[0]!.target).toEqual({ kind: 'function' });
  });

  it('reads a real file from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gp-catalog-'));
    const path = join(dir, 'catalog.yaml');
    writeFileSync(path, GOOD);
    expect(loadCatalogFile(path).map((e) => e.name)).toEqual(['gelu_tanh']);
  });

  it.each([
    ['functions: [', 1, /YAML syntax/],
    ['name: x', 1, /'functions:'/],
    ['functions:\n  - title: no name\n    variables: [x]\n    definition: x', 2, /missing 'name'/],
    ['functions:\n  - name: f\n    variables: [x]\n    definition: x +* 2', 4, /'definition': Value expected/],
    ['functions:\n  - name: f\n    variables: [x]\n    definition: foo(x)', 4, /unknown function 'foo'/],
    ['functions:\n  - name: f\n    variables: [x]\n    definition: x*k', 4, /uses 'k', which is neither/],
    ['functions:\n  - name: f\n    variables: [x]\n    parameters:\n      - { name: a, default: big }\n    definition: a*x', 5, /'default': expected a finite number/],
  ])('refuses a bad file with its line: %s', (text, line, message) => {
    const error = catalogError(text);
    expect(error.code).toBe('GP_CATALOG');
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`mine.yaml:${line}:`)).toBe(true);
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadCatalogFile('/nonexistent/catalog.yaml')).toThrowError(/\/nonexistent\/catalog.yaml: cannot read/);
  });
});
