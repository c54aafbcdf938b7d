/**
 * A list whose items are made as they are read, each time it is read: what is written out item by
 * item (`ita merge --json`'s trace of every unit) is then never held whole. `JSON.stringify` gives
 * the whole array (`toJSON`), so the text is the same either way.
 */
export class LazyList<T> implements Iterable<T> {
  constructor(private readonly items: () => Iterable<T>) {}

  /** `f` of each of `xs`, made when read. */
  static map<A, B>(xs: readonly A[], f: (x: A) => B): LazyList<B> {
    return new LazyList(function* () {
      for (const x of xs) yield f(x);
    });
  }

  [Symbol.iterator](): Iterator<T> {
    return this.items()[Symbol.iterator]();
  }

  toJSON(): T[] {
    return [...this];
  }
}
