import { TextCache } from "../../src/domain/textCache";

describe("TextCache", () => {
  it("keeps what was made for a text and makes it once", () => {
    const cache = new TextCache<number>(100, 10);
    let made = 0;
    const length = (t: string) => (made++, t.length);
    expect(cache.of("สวัสดี", length)).toBe(6);
    expect(cache.of("สวัสดี", length)).toBe(6);
    expect(made).toBe(1);
  });

  it("empties itself when its texts would hold more characters than allowed", () => {
    const cache = new TextCache<string>(10, 100);
    cache.set("abcdef", "1"); // 6 characters
    cache.set("ghij", "2"); // 10: still within
    expect(cache.get("abcdef")).toBe("1");
    cache.set("k", "3"); // 11: emptied first, then kept
    expect(cache.get("abcdef")).toBeUndefined();
    expect(cache.get("ghij")).toBeUndefined();
    expect(cache.get("k")).toBe("3");
  });

  it("empties itself when it holds as many texts as allowed", () => {
    const cache = new TextCache<number>(1000, 2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("a", 3); // a text already kept: no new entry
    expect(cache.get("b")).toBe(2);
    cache.set("c", 4);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, undefined, 4]);
  });
});
