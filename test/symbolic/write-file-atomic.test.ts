import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeJsonAtomic } from '../../src/symbolic/index.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gp-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes text and bytes, creating missing folders, and leaves no temporary file', () => {
    const text = join(dir, 'a', 'b', 'note.txt');
    writeFileAtomic(text, 'héllo\n');
    expect(readFileSync(text, 'utf8')).toBe('héllo\n');
    const bytes = join(dir, 'blob.bin');
    writeFileAtomic(bytes, new Uint8Array([0, 255, 7]));
    expect([...readFileSync(bytes)]).toEqual([0, 255, 7]);
    expect(readdirSync(dir).sort()).toEqual(['a', 'blob.bin']);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['note.txt']);
  });

  it('replaces an existing file whole', () => {
    const file = join(dir, 'f.txt');
    writeFileSync(file, 'old content that is longer');
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['f.txt']);
  });

  it('applies the requested mode to a new file', () => {
    const file = join(dir, 'private.txt');
    writeFileAtomic(file, 'x', { mode: 0o600 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('throws, and removes its temporary file, when the target cannot be replaced', () => {
    const target = join(dir, 'is-a-folder');
    writeFileAtomic(join(target, 'inside.txt'), 'x');
    expect(() => writeFileAtomic(target, 'y')).toThrow();
    expect(readdirSync(dir)).toEqual(['is-a-folder']);
  });
});

describe('writeJsonAtomic', () => {
  it('writes indented JSON with a trailing newline', () => {
    const file = join(dir, 'v.json');
    writeJsonAtomic(file, { a: 1, b: [true, null] });
    const text = readFileSync(file, 'utf8');
    expect(text).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}\n');
    expect(JSON.parse(text)).toEqual({ a: 1, b: [true, null] });
  });
});
