// The one way the core caches: a fact computed once per object (a parsed file, a
// model, an entry) and kept as long as that object lives. Parsed files and models
// never change once built, so a fact can never go stale, and the cache needs no
// clearing: it goes away with its owner.

export function factOf<Owner extends object, T>(compute: (owner: Owner) => T): (owner: Owner) => T {
  const cache = new WeakMap<Owner, T>();
  return (owner) => {
    if (cache.has(owner)) return cache.get(owner) as T;
    const value = compute(owner);
    cache.set(owner, value);
    return value;
  };
}
