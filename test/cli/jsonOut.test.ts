import { jsonPieces, writeJson } from "../../src/cli/jsonOut";
import { LazyList } from "../../src/domain/lazyList";

describe("--json written in pieces", () => {
  it("writes what JSON.stringify with two spaces writes, a line break after", () => {
    const value = {
      merged: [
        { unit: "สำนักงานเขตจอมทอง", scores: [85.5, null], note: undefined },
        { unit: "บางนา", scores: [], extra: {} },
      ],
      empty: [],
      nothing: {},
      text: 'บรรทัด 1\nบรรทัด "2"',
      n: 3,
    };
    let out = "";
    writeJson(value, (s) => (out += s));
    expect(out).toBe(
      [
        "{",
        '  "merged": [',
        "    {",
        '      "unit": "สำนักงานเขตจอมทอง",',
        '      "scores": [',
        "        85.5,",
        "        null",
        "      ]",
        "    },",
        "    {",
        '      "unit": "บางนา",',
        '      "scores": [],',
        '      "extra": {}',
        "    }",
        "  ],",
        '  "empty": [],',
        '  "nothing": {},',
        '  "text": "บรรทัด 1\\nบรรทัด \\"2\\"",',
        '  "n": 3',
        "}",
        "",
      ].join("\n")
    );
  });

  it("agrees with JSON.stringify deeper than it opens, on what has no JSON and on toJSON", () => {
    const value = {
      a: [[[[[{ deep: [1, { x: "y" }] }]]]]],
      when: new Date(Date.UTC(2026, 11, 5)),
      fn: () => 1,
      list: [undefined, () => 2, "s"],
    };
    expect([...jsonPieces(value)].join("")).toBe(JSON.stringify(value, null, 2));
    expect([...jsonPieces(value)].join("")).toContain('"when": "2026-12-05T00:00:00.000Z"');
  });

  it("hands the output pieces, not one string", () => {
    const rows = Array.from({ length: 30000 }, (_, i) => ({ i, text: "ก".repeat(40) }));
    const pieces: string[] = [];
    writeJson({ rows }, (s) => pieces.push(s));
    expect(pieces.length).toBeGreaterThan(1);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(1.1 * 1048576);
    expect(JSON.parse(pieces.join("")).rows[29999]).toEqual({ i: 29999, text: "ก".repeat(40) });
  });

  it("writes a LazyList item by item, as JSON.stringify writes its array", () => {
    const made: number[] = [];
    const list = LazyList.map([1, 2, 3], (n) => {
      made.push(n);
      return { n, text: "ผล" };
    });
    const value = {
      a: { b: { c: { units: list, empty: LazyList.map([], (x) => x) } } },
      top: list,
    };
    expect(JSON.stringify(list)).toBe(
      '[{"n":1,"text":"ผล"},{"n":2,"text":"ผล"},{"n":3,"text":"ผล"}]'
    );
    made.length = 0;
    const pieces = jsonPieces(value);
    let text = "";
    // Each item is made when it is written: when the first item's text is out, one item was made.
    while (!text.includes('"n": 1')) text += pieces.next().value;
    expect(made).toEqual([1]);
    for (let p = pieces.next(); !p.done; p = pieces.next()) text += p.value;
    expect(made).toEqual([1, 2, 3, 1, 2, 3]);
    // The three items as JSON.stringify indents them `depth` levels in.
    const items = (depth: number) =>
      [1, 2, 3].map((n) =>
        ["{", `  "n": ${n},`, '  "text": "ผล"', "}"].map((l) => "  ".repeat(depth) + l).join("\n")
      );
    expect(text).toBe(
      [
        "{",
        '  "a": {',
        '    "b": {',
        '      "c": {',
        '        "units": [',
        items(5).join(",\n"),
        "        ],",
        '        "empty": []',
        "      }",
        "    }",
        "  },",
        '  "top": [',
        items(2).join(",\n"),
        "  ]",
        "}",
      ].join("\n")
    );
  });
});
