/**
 * The catalog: built-in entries plus any loaded from users' YAML files, looked up by name.
 */
import { GradproofError } from '../error.ts';
import { BUILTIN_ENTRIES } from './builtin-entries.ts';
import type { CatalogEntry } from './catalog-entry.ts';

/** An ordered, name-indexed set of catalog entries. */
export class Catalog {
  private readonly byName: ReadonlyMap<string, CatalogEntry>;

  constructor(readonly entries: readonly CatalogEntry[]) {
    const map = new Map<string, CatalogEntry>();
    for (const entry of entries) map.set(entry.name, entry); // later entries (user files) override built-ins
    this.byName = map;
    this.entries = [...map.values()];
  }

  /** The entry called `name`, or undefined. */
  find(name: string): CatalogEntry | undefined {
    return this.byName.get(name);
  }

  /**
   * The entry called `name`.
   * @throws GradproofError GP_NOT_FOUND naming the known entries.
   */
  get(name: string): CatalogEntry {
    const entry = this.byName.get(name);
    if (!entry) {
      throw new GradproofError('GP_NOT_FOUND', `unknown function '${name}': expected one of ${[...this.byName.keys()].join(', ')}`);
    }
    return entry;
  }

  /** A catalog with `extra` entries added (overriding built-ins of the same name). */
  with(extra: readonly CatalogEntry[]): Catalog {
    return new Catalog([...this.entries, ...extra]);
  }
}

/** The built-in catalog. */
export function builtinCatalog(): Catalog {
  return new Catalog(BUILTIN_ENTRIES);
}
