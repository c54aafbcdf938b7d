/**
 * Text to and from UTF-8 bytes with the platform's own encoders (fflate's helpers did the same, but
 * loading fflate for them cost every merge ~10 ms of start-up).
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const strToU8 = (s: string): Uint8Array<ArrayBuffer> => encoder.encode(s);
export const strFromU8 = (b: Uint8Array): string => decoder.decode(b);

/** A part deflated as it was made (`PartStream`): its compressed bytes, their CRC-32 and its size. */
export interface Deflated {
  deflated: Uint8Array;
  crc: number;
  size: number;
}

/** A part of a package: its bytes, or its bytes already deflated. */
export type PartData = Uint8Array | Deflated;

/**
 * Whether a part is deflated already. Not `instanceof Uint8Array`: bytes made in another realm (a
 * test's jsdom window, a worker) are a Uint8Array of another constructor.
 */
export const isDeflated = (d: PartData): d is Deflated => !ArrayBuffer.isView(d);

/** Where a part's bytes go as they are made (a deflater: the part is never held whole). */
export interface PartStream {
  push(bytes: Uint8Array): void;
  end(): Deflated;
}

/** Characters of XML encoded at a time by Utf8Builder. */
const FLUSH_CHARS = 1 << 20;

/**
 * A large part's XML as UTF-8 bytes, encoded a megabyte of text at a time: a merge of hundreds of
 * units' texts never holds the part as one string beside its pieces and its bytes. Given a stream,
 * each megabyte goes to it as it is encoded (deflated there), so the part is never held whole.
 */
export class Utf8Builder {
  private parts: string[] = [];
  private pending = 0;
  private chunks: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly stream?: PartStream) {}

  /** Add a piece (whole: a row, a string item), so that no character is cut between two chunks. */
  add(s: string): void {
    this.parts.push(s);
    this.pending += s.length;
    if (this.pending >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (!this.parts.length) return;
    const b = encoder.encode(this.parts.join(""));
    this.parts = [];
    this.pending = 0;
    if (this.stream) return this.stream.push(b);
    this.chunks.push(b);
    this.size += b.length;
  }

  /** The part: deflated by the stream when there is one, else its bytes. */
  part(): PartData {
    if (!this.stream) return this.bytes();
    this.flush();
    return this.stream.end();
  }

  bytes(): Uint8Array<ArrayBuffer> {
    if (this.stream) throw new Error("a streamed part's bytes are with its stream");
    this.flush();
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks = [];
    this.size = 0;
    return out;
  }
}
