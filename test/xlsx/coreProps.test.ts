/** The saved time of a package: found through its relationships, parsed as XML, W3CDTF dates. */
import { strToU8, zipSync } from "fflate";
import { nodeInflate } from "../../src/xlsx";
import { parseW3cdtf, savedTime } from "../../src/xlsx/read/coreProps";
import { Package } from "../../src/xlsx/read/opc";

const TRANSITIONAL =
  "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
const STRICT =
  "http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties";

const rels = (type: string, target: string) =>
  `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${type}" Target="${target}"/></Relationships>`;

const core = (inner: string, cp = "cp", dcterms = "dcterms") =>
  `<?xml version="1.0" encoding="UTF-8"?><${cp}:coreProperties xmlns:${cp}="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:${dcterms}="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${inner}</${cp}:coreProperties>`;

function pkg(parts: Record<string, string>): Package {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(parts)) files[k] = strToU8(v);
  return new Package("t.xlsx", zipSync(files), nodeInflate);
}

describe("saved time", () => {
  it("reads dcterms:modified from the part the package relationships name", () => {
    const p = pkg({
      "_rels/.rels": rels(TRANSITIONAL, "meta/props.xml"),
      "meta/props.xml": core(
        `<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created><!-- <dcterms:modified>1999-01-01T00:00:00Z</dcterms:modified> --><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-03T09:15:00+07:00</dcterms:modified>`
      ),
      // Not related to the package: never read.
      "docProps/core.xml": core(`<dcterms:modified>2030-01-01T00:00:00Z</dcterms:modified>`),
    });
    expect(savedTime(p)).toBe("2026-11-03T02:15:00.000Z");
  });

  it("takes the strict relationship type, any prefixes and CDATA", () => {
    const p = pkg({
      "_rels/.rels": rels(STRICT, "/docProps/core.xml"),
      "docProps/core.xml": core(
        `<t:modified><![CDATA[2026-11-03T02:15:30Z]]></t:modified>`,
        "p",
        "t"
      ),
    });
    expect(savedTime(p)).toBe("2026-11-03T02:15:30.000Z");
  });

  it("gives null with no relationship, another namespace, a bad date, a placeholder or broken XML", () => {
    expect(
      savedTime(
        pkg({
          "docProps/core.xml": core(`<dcterms:modified>2026-11-03T02:15:00Z</dcterms:modified>`),
        })
      )
    ).toBeNull();
    const with_ = (xml: string) =>
      savedTime(
        pkg({ "_rels/.rels": rels(TRANSITIONAL, "docProps/core.xml"), "docProps/core.xml": xml })
      );
    expect(
      with_(
        `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:x="urn:other"><x:modified>2026-11-03T02:15:00Z</x:modified></cp:coreProperties>`
      )
    ).toBeNull();
    expect(with_(core(`<dcterms:modified>3 Nov 2026</dcterms:modified>`))).toBeNull();
    expect(with_(core(`<dcterms:modified>1970-01-01T00:00:00Z</dcterms:modified>`))).toBeNull();
    expect(with_(`<cp:coreProperties><dcterms:modified>2026`)).toBeNull();
  });

  it("parses W3CDTF forms", () => {
    expect(parseW3cdtf("2026-11-03")).toBe(Date.UTC(2026, 10, 3));
    expect(parseW3cdtf(" 2026-11-03T10:00Z ")).toBe(Date.UTC(2026, 10, 3, 10));
    expect(parseW3cdtf("2026-11-03T10:00:05.5-01:00")).toBe(Date.UTC(2026, 10, 3, 11, 0, 5, 500));
    expect(parseW3cdtf("2026-11-03T10:00:00")).toBe(Date.UTC(2026, 10, 3, 10));
    expect(parseW3cdtf("2026-13-03")).toBeNull();
    expect(parseW3cdtf("")).toBeNull();
  });
});
