/** A translation tree: nested keys down to strings. */
export type Tree = Record<string, unknown>;

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges `from` into `into`, key by key, so two files may both add e.g. `refusals.<area>`. */
export function deepMerge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = isTree(existing) && isTree(value) ? deepMerge({ ...existing }, value) : value;
  }
  return into;
}

/**
 * One language's resources: its main file, its feature files (`locales/features/<feature>.<lang>.json`,
 * each holding its own top-level keys, in path order) and its notification catalog, merged into the
 * one `translation` namespace.
 */
export function mergeLocale(main: Tree, features: Record<string, Tree>, notifications: Tree): Tree {
  const merged = deepMerge({}, main);
  for (const path of Object.keys(features).sort()) deepMerge(merged, features[path] as Tree);
  return deepMerge(merged, notifications);
}

/** Files' trees merged in path order (each adds its own keys under shared parents). */
export function mergeParts(parts: Record<string, Tree>): Tree {
  const merged: Tree = {};
  for (const path of Object.keys(parts).sort()) deepMerge(merged, parts[path] as Tree);
  return merged;
}
