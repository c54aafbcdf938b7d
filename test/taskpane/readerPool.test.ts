import { Cancelled } from "../../src/app/files";
import { BrowserFile, ReaderPool } from "../../src/taskpane/merge/readerPool";

/**
 * The merge view's readers: started ahead while the user picks files, taken by the next read, each
 * stopped when its read is done. Workers are stand-ins that answer what the test tells them to (a
 * Worker's `postMessage`, `onmessage`, `onerror` and `terminate`, as in the HTML standard's
 * dedicated workers: https://html.spec.whatwg.org/multipage/workers.html#dedicated-workers-and-the-worker-interface).
 */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: { id: number; file: File }[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(m: { id: number; file: File }) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker's answer for file `id`: a file that could not be read (the simplest wire). */
  answer(id: number, en: string) {
    this.onmessage!({ data: { id, wire: { error: { th: en, en } } } } as MessageEvent);
  }
}

const poolOf = (cores: number) =>
  new ReaderPool(
    () => new FakeWorker() as unknown as Worker,
    () => cores
  );
const file = (name: string): BrowserFile => ({
  name,
  bytes: async () => new Uint8Array(),
  modified: null,
  file: { name } as File,
});

beforeEach(() => {
  FakeWorker.made = [];
});

describe("readers started ahead", () => {
  it("starts two readers on a machine of four cores, one on a single core or an unknown count", () => {
    poolOf(4).warm();
    expect(FakeWorker.made).toHaveLength(2);
    FakeWorker.made = [];
    poolOf(1).warm();
    expect(FakeWorker.made).toHaveLength(1);
    FakeWorker.made = [];
    poolOf(0).warm();
    expect(FakeWorker.made).toHaveLength(1);
  });

  it("starts them once however often the view asks", () => {
    const p = poolOf(2);
    p.warm();
    p.warm();
    expect(FakeWorker.made).toHaveLength(2);
  });

  it("gives a read of 50 files the two started ahead, and starts none", () => {
    const p = poolOf(2);
    p.warm();
    const ahead = [...FakeWorker.made];
    const pool = p.pool(50);
    void pool.read(file("a.xlsx"), 0);
    void pool.read(file("b.xlsx"), 1);
    expect(FakeWorker.made).toHaveLength(2);
    expect(ahead.map((w) => w.posted.map((m) => m.id))).toEqual([[0], [1]]);
  });

  it("gives a read of 3 files one of them and keeps the other for the next read", () => {
    const p = poolOf(2);
    p.warm();
    p.pool(3);
    p.pool(3);
    expect(FakeWorker.made).toHaveLength(2);
    p.pool(3);
    expect(FakeWorker.made).toHaveLength(3);
  });

  it("starts new readers for a read when none were started ahead", () => {
    poolOf(2).pool(50);
    expect(FakeWorker.made).toHaveLength(2);
  });

  it("stops the idle readers when the view closes, not those reading", () => {
    const p = poolOf(2);
    p.warm();
    p.pool(3);
    p.cool();
    expect(FakeWorker.made.map((w) => w.terminated)).toEqual([false, true]);
  });
});

describe("a read", () => {
  it("gives each file its worker's answer and stops the workers after the last", async () => {
    const p = poolOf(2);
    const pool = p.pool(16);
    const a = pool.read(file("a.xlsx"), 0);
    const b = pool.read(file("b.xlsx"), 1);
    const [w0, w1] = FakeWorker.made;
    w1.answer(1, "b unreadable");
    expect(w0.terminated).toBe(false);
    w0.answer(0, "a unreadable");
    await expect(a).resolves.toEqual({ error: { th: "a unreadable", en: "a unreadable" } });
    await expect(b).resolves.toEqual({ error: { th: "b unreadable", en: "b unreadable" } });
    expect(FakeWorker.made.map((w) => w.terminated)).toEqual([true, true]);
  });

  it("is cancelled at once: every file waiting is Cancelled and the workers stop", async () => {
    const pool = poolOf(2).pool(16);
    const a = pool.read(file("a.xlsx"), 0);
    pool.cancel();
    await expect(a).rejects.toBeInstanceOf(Cancelled);
    expect(FakeWorker.made.map((w) => w.terminated)).toEqual([true, true]);
  });
});
