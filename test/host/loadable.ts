/** Loaded properties: readable only after `load()` and `sync()`, as in Excel. */
export function notLoaded(what: string): never {
  throw new Error(`PropertyNotLoaded: ${what} was read before load() and sync()`);
}

/** A property that can be read only once loaded and synced. */
export class Loadable<T> {
  private value: T | undefined;
  private ready = false;
  constructor(private readonly what: string) {}
  set(v: T) {
    this.value = v;
    this.ready = true;
  }
  get(): T {
    if (!this.ready) notLoaded(this.what);
    return this.value as T;
  }
}
