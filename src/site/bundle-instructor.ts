/**
 * Bundles the instructor page's checker (`browser/instructor-app.ts` and the library code it
 * imports) for the browser with esbuild. Node-only modules must not reach the bundle: each
 * Node built-in that the import graph touches is replaced by an empty stub, and those still in
 * the bundle after tree shaking are reported (module and importer), so the layer that pulls
 * them in can be fixed.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { GradproofError } from '../symbolic/index.ts';

/** A Node built-in imported by code that ended up in the browser bundle. */
export interface NodeOnlyImport {
  readonly module: string;
  /** The importing file, relative to the working directory. */
  readonly importer: string;
}

/** What {@link bundleInstructor} produced. */
export interface InstructorBundle {
  readonly code: string;
  readonly bytes: number;
  readonly nodeOnlyImports: readonly NodeOnlyImport[];
}

/** The browser entry point. */
export const INSTRUCTOR_ENTRY = fileURLToPath(new URL('./browser/instructor-app.ts', import.meta.url));

/** Node built-ins, and packages that only run under Node (reached through dynamic imports in Node-only helpers). */
const NODE_ONLY = new Set([...builtinModules.flatMap((m) => [m, `node:${m}`]), 'esbuild', 'tsx', 'tsx/esm/api', 'playwright-core']);

/**
 * Node-only imports known to be harmless in the browser: seedrandom (used by mathjs) reads
 * `require('crypto')` only to autoseed, and falls back to `window.crypto` when it is empty.
 */
const GUARDED: readonly { readonly module: string; readonly importer: RegExp }[] = [{ module: 'crypto', importer: /node_modules\/seedrandom\// }];

function nodeStubs(found: Map<string, NodeOnlyImport>): Plugin {
  return {
    name: 'gradproof-node-stubs',
    setup(b) {
      b.onResolve({ filter: /^(node:)?[a-z_/-]+$/ }, (args) => {
        if (!NODE_ONLY.has(args.path)) return undefined;
        if (!GUARDED.some((g) => g.module === args.path && g.importer.test(args.importer))) {
          const importer = args.importer.replace(`${process.cwd()}/`, '');
          found.set(`${args.path} ${importer}`, { module: args.path, importer });
        }
        return { path: args.path, namespace: 'node-stub' };
      });
      b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => ({
        // CommonJS so that any named import binds (to undefined): using it fails loudly, importing it does not.
        contents: `module.exports = {}; // ${JSON.stringify(args.path)} is not available in the browser`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Bundles the instructor checker (one minified classic script for modern browsers).
 * @throws GradproofError GP_INTERNAL when esbuild fails, with its first error.
 */
export async function bundleInstructor(): Promise<InstructorBundle> {
  const found = new Map<string, NodeOnlyImport>();
  try {
    const result = await build({
      entryPoints: [INSTRUCTOR_ENTRY],
      bundle: true,
      write: false,
      // A classic script (not a module): browsers refuse module scripts from file:// pages.
      format: 'iife',
      platform: 'browser',
      target: ['es2022'],
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
      metafile: true,
      plugins: [nodeStubs(found)],
    });
    const code = result.outputFiles[0]!.text;
    // Only stubs that survived tree shaking matter: an index re-exporting a Node-only helper is harmless if unused.
    const kept = new Set(Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([path]) => path)));
    const nodeOnlyImports = [...found.values()].filter((n) => kept.has(`node-stub:${n.module}`));
    return { code, bytes: Buffer.byteLength(code), nodeOnlyImports };
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { file: string; line: number } }[] }).errors?.[0];
    const where = first?.location ? ` (at ${first.location.file}:${first.location.line})` : '';
    throw new GradproofError('GP_INTERNAL', `instructor bundle: expected esbuild to bundle ${INSTRUCTOR_ENTRY}, got: ${first?.text ?? String(error)}${where}`, { cause: error });
  }
}
