/**
 * The library's files are downloaded one after another even when a pool is handed every file at once
 * (a burst of downloads is what Microsoft 365 answers by throttling).
 */
import { Cancelled } from "../../src/app/files";
import { inTurn } from "../../src/app/readOne";
import type { ReadOne } from "../../src/app/readWire";

const answer = (name: string) => ({ error: { th: name, en: name } }) as unknown as ReadOne;

describe("inTurn", () => {
  it("starts each read when the one before has ended, failed or not", async () => {
    const turn = inTurn();
    const log: string[] = [];
    const ends: Record<string, () => void> = {};
    const read = (name: string, fail = false) =>
      turn(() => {
        log.push(`start ${name}`);
        return new Promise<ReadOne>((resolve, reject) => {
          ends[name] = () => (fail ? reject(new Error(name)) : resolve(answer(name)));
        });
      });
    const a = read("a", true);
    const b = read("b");
    const c = read("c");
    await Promise.resolve();
    expect(log).toEqual(["start a"]);
    ends.a();
    await expect(a).rejects.toThrow("a");
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(["start a", "start b"]);
    ends.b();
    await expect(b).resolves.toEqual(answer("b"));
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(["start a", "start b", "start c"]);
    ends.c();
    await expect(c).resolves.toEqual(answer("c"));
  });

  it("starts none of the reads still waiting once cancelled", async () => {
    const turn = inTurn();
    const started: string[] = [];
    let end: () => void = () => undefined;
    const a = turn(() => {
      started.push("a");
      return new Promise<ReadOne>((resolve) => (end = () => resolve(answer("a"))));
    });
    const b = turn(async () => {
      started.push("b");
      return answer("b");
    });
    await Promise.resolve();
    turn.cancel();
    end();
    await expect(a).resolves.toEqual(answer("a"));
    await expect(b).rejects.toBeInstanceOf(Cancelled);
    expect(started).toEqual(["a"]);
  });
});
