#!/usr/bin/env node
// Entry point of the `gradproof` command: loads the TypeScript sources through tsx,
// so a fresh clone works right after `npm install` with no build step.
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

// mathjs from its single-file build: start-up in ~0.1 s instead of ~1.5 s (bin/mathjs-hooks.mjs).
registerHooks('./mathjs-hooks.mjs', import.meta.url);
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
