/**
 * Parsing of numeric and list flags, with messages that name the flag and what was expected.
 */
import { GradproofError } from '../symbolic/error.ts';

/** A positive integer flag such as `--epochs 5`. */
export function positiveIntegerFlag(flag: string, text: string): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value <= 0) {
    throw new GradproofError('GP_INPUT', `${flag}: expected a positive integer, got '${text}'`);
  }
  return value;
}

/** A non-negative integer flag such as `--seed 0`. */
export function nonNegativeIntegerFlag(flag: string, text: string): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value)) {
    throw new GradproofError('GP_INPUT', `${flag}: expected a non-negative integer, got '${text}'`);
  }
  return value;
}

/** An integer flag that may be negative, such as `--seed -3`. */
export function integerFlag(flag: string, text: string): number {
  const value = Number(text);
  if (!/^\s*-?\d+\s*$/.test(text) || !Number.isSafeInteger(value)) {
    throw new GradproofError('GP_INPUT', `${flag}: expected an integer, got '${text}'`);
  }
  return value;
}

/** A finite positive number flag such as `--time-budget 2000`. */
export function positiveNumberFlag(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) throw new GradproofError('GP_INPUT', `${flag}: expected a positive number, got '${text}'`);
  return value;
}

/** A finite number flag such as `--lr 0.001`. */
export function numberFlag(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new GradproofError('GP_INPUT', `${flag}: expected a number, got '${text}'`);
  return value;
}

/** A comma-separated list flag such as `--activations swish,mish`. */
export function listFlag(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}
