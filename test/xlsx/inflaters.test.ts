import { promises as fs } from "fs";
import path from "path";
import { formToJson } from "../../src/domain";
import { FormFileError, nodeInflate, readFormsFromBytes } from "../../src/xlsx";
import { fflateInflate } from "../../src/xlsx/read/fflateInflate";
import { Inflater } from "../../src/xlsx/read/zip";
import { deflated, zipBytes } from "../corpus/zipBytes";
import { tmpDir } from "../helpers";
import { districtReport, writeDistrict } from "../merge/districts";

/** The task pane reads with fflate, the CLI with Node's zlib: both must read the same and refuse the same. */
const INFLATERS: [string, Inflater][] = [
  ["node zlib", nodeInflate],
  ["fflate (task pane)", fflateInflate],
];

const reason = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof FormFileError) return e.reason.en;
    throw e;
  }
  throw new Error("expected a refusal");
};

describe.each(INFLATERS)("reading with %s", (_name, inflate) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const file = await writeDistrict(await tmpDir(), "1002.xlsx", districtReport("1002"));
    bytes = new Uint8Array(await fs.readFile(file));
  });

  it("reads a district form exactly as the other inflater does", () => {
    const mine = readFormsFromBytes("1002.xlsx", bytes, { inflate }).map(formToJson);
    const node = readFormsFromBytes("1002.xlsx", bytes, { inflate: nodeInflate }).map(formToJson);
    expect(mine).toEqual(node);
    expect(mine[0].items.map((i) => i.score)).toEqual(
      districtReport("1002").items.map((i) => i.score)
    );
  });

  it("stops an entry that inflates past its declared size", () => {
    const lying = zipBytes([deflated("_rels/.rels", new Uint8Array(4 * 1024 * 1024), 1024)]);
    expect(reason(() => readFormsFromBytes("lying.xlsx", lying, { inflate }))).toMatch(
      /^lying\.xlsx is corrupt or not a valid \.xlsx file/
    );
  });
});

it("refuses a declared bomb from the zip directory, before inflating anything", () => {
  const inflate = jest.fn(nodeInflate);
  const bomb = zipBytes([deflated("xl/workbook.xml", new Uint8Array(1024), 300 * 1024 * 1024)]);
  expect(reason(() => readFormsFromBytes(path.join("in", "bomb.xlsx"), bomb, { inflate }))).toMatch(
    /bomb\.xlsx would unpack to an abnormal size/
  );
  expect(inflate).not.toHaveBeenCalled();
});
