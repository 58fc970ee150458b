// The one way the core caches: a fact computed once per object (a parsed file, a
// model, an entry) and kept as long as that object lives. Parsed files and models
// never change once built, so a fact can never go stale, and the cache needs no
// clearing: it goes away with its owner.
//
// The facts live on their owner, under a symbol, not in a WeakMap per fact: V8's
// young-generation collector keeps a WeakMap's values alive whatever their keys
// (only a full collection clears them), so every model a WeakMap had seen was copied
// by each young collection until the next full one.

const FACTS = Symbol('facts');

type Owner = object & { [FACTS]?: Map<number, unknown> };

let nextFact = 0;

function factsOf(owner: Owner): Map<number, unknown> {
  let facts = owner[FACTS];
  if (!facts) Object.defineProperty(owner, FACTS, { value: (facts = new Map()), writable: true });
  return facts;
}

export function factOf<O extends object, T>(compute: (owner: O) => T): (owner: O) => T {
  const id = nextFact++;
  return (owner) => {
    const facts = factsOf(owner);
    if (facts.has(id)) return facts.get(id) as T;
    const value = compute(owner);
    facts.set(id, value);
    return value;
  };
}

/** The same for a fact of two objects (a model and the part of its file in focus). */
export function factOfBoth<A extends object, B extends object, T>(compute: (a: A, b: B) => T): (a: A, b: B) => T {
  const byFirst = factOf((_a: A) => new Map<B, T>());
  return (a, b) => {
    const inner = byFirst(a);
    if (inner.has(b)) return inner.get(b) as T;
    const value = compute(a, b);
    inner.set(b, value);
    return value;
  };
}
