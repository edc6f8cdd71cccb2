/**
 * Starts a worker thread running one of our TypeScript modules.
 *
 * The module is bundled with esbuild into one ESM file (cached per user in the temp folder, and
 * rebuilt when any of its source files changes), with mathjs taken from its single-file build:
 * loading that is several times faster than loading mathjs's ~1,000 modules through a
 * TypeScript loader, and every worker pays that cost.
 * If bundling fails, a fixed bootstrap registers tsx (the loader `bin/gradproof.js` uses) in the
 * worker instead. Resolves when the module posts `{ready: true}`.
 *
 * Internal to `grade-batch.ts`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { GradproofError, writeFileAtomic } from '../symbolic/index.ts';

/** How long a worker may take to load (mathjs and the bank). */
const STARTUP_LIMIT_MS = 60_000;

/** The tsx fallback: constant code, no user text; the module URL and data come in `workerData`. */
const TSX_BOOTSTRAP = `
const { workerData, parentPort } = require('node:worker_threads');
import(workerData.__tsxApi)
  .then((api) => { api.register(); return import(workerData.__entry); })
  .catch((error) => parentPort.postMessage({ fatal: String((error && error.stack) || error) }));
`;

/** Lets bundled CommonJS dependencies call `require` for Node built-ins. */
const BUNDLE_BANNER = "import { createRequire as __gpCreateRequire } from 'node:module'; const require = __gpCreateRequire(import.meta.url);";

/**
 * mathjs's own single-file build (same version, same API): its ESM entry creates every function
 * eagerly through ~1,000 modules, which costs a worker about twice the start-up time.
 */
const MATHJS_SINGLE_FILE = 'mathjs/lib/browser/math.js';

/** Cached bundles are code this user's workers run: readable and writable by this user only. */
const BUNDLE_FILE_MODE = 0o600;

const bundles = new Map<string, Promise<string | undefined>>();

/** Starts `entry` (a .ts module URL) in a worker with `data` as its workerData. */
export async function startWorkerThread(entry: URL, data: object): Promise<Worker> {
  let bundled = bundles.get(entry.href);
  if (!bundled) bundles.set(entry.href, (bundled = bundleModule(fileURLToPath(entry)).catch(() => undefined)));
  const file = await bundled;
  const worker = file
    ? new Worker(file, { execArgv: [], workerData: data })
    : new Worker(TSX_BOOTSTRAP, { eval: true, execArgv: [], workerData: { ...data, __tsxApi: tsxApiUrl(), __entry: entry.href } });
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      void worker.terminate();
      reject(new GradproofError('GP_INTERNAL', `grading worker did not start: ${message}`));
    };
    const timer = setTimeout(() => fail(`no answer within ${STARTUP_LIMIT_MS} ms`), STARTUP_LIMIT_MS);
    const onMessage = (m: { ready?: boolean; fatal?: string }) => {
      if (m.fatal) return fail(m.fatal);
      if (!m.ready) return;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(worker);
    };
    const onError = (e: Error) => fail(e.message);
    const onExit = (code: number) => fail(`exited with code ${code}`);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  return pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
}

/** Inputs of a cached bundle and their size and modification time. */
type Manifest = Record<string, [number, number]>;

/** The path of an up-to-date bundle of `entryPath`, building it when needed. */
async function bundleModule(entryPath: string): Promise<string> {
  const dir = join(tmpdir(), `gradproof-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.getuid && statSync(dir).uid !== process.getuid()) throw new Error(`${dir} belongs to another user`);
  const name = createHash('sha256').update(entryPath).digest('hex').slice(0, 16);
  const file = join(dir, `${name}.mjs`);
  const manifestFile = join(dir, `${name}.json`);
  if (isFresh(manifestFile)) return file;
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entryPath], bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, metafile: true,
    logLevel: 'silent', banner: { js: BUNDLE_BANNER }, alias: { mathjs: createRequire(import.meta.url).resolve(MATHJS_SINGLE_FILE) },
  });
  const manifest: Manifest = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = join(process.cwd(), input);
    const s = statSync(path);
    manifest[path] = [s.size, s.mtimeMs];
  }
  writeFileAtomic(file, result.outputFiles[0]!.text, { mode: BUNDLE_FILE_MODE });
  writeFileAtomic(manifestFile, JSON.stringify(manifest), { mode: BUNDLE_FILE_MODE });
  return file;
}

function isFresh(manifestFile: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    return Object.entries(manifest).every(([path, [size, mtime]]) => {
      const s = statSync(path);
      return s.size === size && s.mtimeMs === mtime;
    });
  } catch {
    return false;
  }
}
