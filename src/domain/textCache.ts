/**
 * What was worked out from a text (its words, its entries, its line count), kept by the text itself
 * — a string's hash is computed once and kept, a key built from it is hashed on every look-up — and
 * emptied when its texts hold more than `maxChars` characters or it holds `maxEntries` texts, so a
 * big merge's memory does not grow with the texts it has seen.
 */
export class TextCache<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;
  constructor(
    private readonly maxChars: number,
    private readonly maxEntries: number
  ) {}

  get(text: string): V | undefined {
    return this.map.get(text);
  }

  set(text: string, value: V): V {
    if (!this.map.has(text)) {
      if (this.chars + text.length > this.maxChars || this.map.size >= this.maxEntries) {
        this.map.clear();
        this.chars = 0;
      }
      this.chars += text.length;
    }
    this.map.set(text, value);
    return value;
  }

  /** The value kept for `text`, else `make(text)`, kept. */
  of(text: string, make: (text: string) => V): V {
    const hit = this.map.get(text);
    return hit !== undefined ? hit : this.set(text, make(text));
  }
}
