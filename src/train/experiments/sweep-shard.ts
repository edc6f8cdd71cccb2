/**
 * Shards: `--shard i/n` runs the configurations whose position p (0-based, in the preset's fixed
 * order) has p mod n = i − 1, so n machines (a CI matrix, a batch scheduler) share one sweep and
 * `mergeSweeps` joins their results.
 */
import { GradproofError } from '../../symbolic/error.ts';

/** Shard `index` of `count`, 1-based (`{ index: 1, count: 3 }` is "1/3"). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * Parses `i/n` (1 ≤ i ≤ n).
 * @throws GradproofError GP_INPUT naming the position of the problem.
 * @example parseShard('2/3') // { index: 2, count: 3 }
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) throw new GradproofError('GP_INPUT', `--shard: expected i/n such as 1/3, got '${text}' (at position 0)`, { position: { offset: 0 } });
  return validateShard({ index: Number(match[1]), count: Number(match[2]) });
}

/** @throws GradproofError GP_INPUT unless 1 ≤ index ≤ count. */
export function validateShard(shard: Shard): Shard {
  if (!(Number.isInteger(shard.count) && shard.count >= 1 && Number.isInteger(shard.index) && shard.index >= 1 && shard.index <= shard.count)) {
    throw new GradproofError('GP_INPUT', `--shard: expected i/n with 1 ≤ i ≤ n, got ${shard.index}/${shard.count}`);
  }
  return shard;
}

/** The items of `all` that belong to `shard` (all of them when `shard` is null). */
export function shardSlice<T>(all: readonly T[], shard: Shard | null): T[] {
  if (shard === null) return [...all];
  return all.filter((_, p) => p % shard.count === shard.index - 1);
}
