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

/** The same for a fact of two objects (a model and the part of its file in focus). */
export function factOfBoth<A extends object, B extends object, T>(compute: (a: A, b: B) => T): (a: A, b: B) => T {
  const cache = new WeakMap<A, WeakMap<B, T>>();
  return (a, b) => {
    let inner = cache.get(a);
    if (!inner) cache.set(a, (inner = new WeakMap()));
    if (inner.has(b)) return inner.get(b) as T;
    const value = compute(a, b);
    inner.set(b, value);
    return value;
  };
}
