// Module resolution hook of the CLI process: `import … from 'mathjs'` loads mathjs's single-file
// build (bin/mathjs-single-file.mjs) instead of its ~1,000-module ESM entry.
const SINGLE_FILE = new URL('./mathjs-single-file.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'mathjs' && context.parentURL !== SINGLE_FILE) return { url: SINGLE_FILE, shortCircuit: true };
  return nextResolve(specifier, context);
}
