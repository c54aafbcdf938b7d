/** Copies of files kept from an earlier merge, by item and eTag (see `library.ts`). */
export interface ByteCache {
  /** The bytes kept for this item when its eTag is still `eTag`; else null. */
  get(key: string, eTag: string): Promise<Uint8Array | null>;
  put(key: string, eTag: string, bytes: Uint8Array): Promise<void>;
}

/** A cache that lasts as long as the object (the pane's, while it is open). */
export function memoryCache(): ByteCache {
  const kept = new Map<string, { eTag: string; bytes: Uint8Array }>();
  return {
    get: async (key, eTag) => {
      const k = kept.get(key);
      return k && k.eTag === eTag ? k.bytes : null;
    },
    put: async (key, eTag, bytes) => {
      kept.set(key, { eTag, bytes });
    },
  };
}
