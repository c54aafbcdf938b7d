import { addFiles } from "../../src/taskpane/merge/chosen";
import { fill } from "../../src/taskpane/fill";
import { localSetting } from "../../src/taskpane/merge/settings";

const file = (name: string, bytes = 3) => new File([new Uint8Array(bytes)], name);

describe("the chosen files", () => {
  it("adds to the list in the order given, once per name and size, every file but lock and hidden ones", () => {
    const a = file("a.xlsx");
    // A PDF is taken (the merge names it with its reason); Office's lock file and a hidden file are not.
    const first = addFiles(
      [],
      [a, file("b.XLSX"), file("notes.pdf"), file("~$a.xlsx"), file(".x")]
    );
    expect(first.files.map((f) => f.name)).toEqual(["a.xlsx", "b.XLSX", "notes.pdf"]);
    expect(first.ignored).toEqual(["~$a.xlsx", ".x"]);
    // The same file picked again (a new File object) is not added; a changed file of that name is.
    const second = addFiles(first.files, [file("a.xlsx"), file("a.xlsx", 9), file("c.ods")]);
    expect(second.files.map((f) => `${f.name}:${f.size}`)).toEqual([
      "a.xlsx:3",
      "b.XLSX:3",
      "notes.pdf:3",
      "a.xlsx:9",
      "c.ods:3",
    ]);
    expect(second.already).toEqual(["a.xlsx"]);
    expect(second.files[0]).toBe(a);
  });

  it("keeps the list as it was when the dialog is closed without a choice", () => {
    const list = [file("a.xlsx")];
    expect(addFiles(list, null).files).toEqual(list);
    expect(addFiles(list, []).files).toEqual(list);
  });
});

describe("filling UI strings", () => {
  it("fills values and picks the English word for one or several", () => {
    const en = "{n} {n|file|files} rejected of {total}";
    expect(fill(en, { n: 1, total: 50 })).toBe("1 file rejected of 50");
    expect(fill(en, { n: 2, total: 50 })).toBe("2 files rejected of 50");
    expect(fill("กำลังอ่านไฟล์ {i} จาก {n}", { i: 12, n: 50 })).toBe("กำลังอ่านไฟล์ 12 จาก 50");
    expect(fill("{unknown} stays", {})).toBe("{unknown} stays");
  });
});

describe("remembered settings", () => {
  it("keeps a value in the given storage and forgets an empty one", () => {
    const data = new Map<string, string>();
    const store = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage;
    const s = localSetting("ita.office", store);
    expect(s.get()).toBeNull();
    s.set("สำนักงาน ก.ก.");
    expect(s.get()).toBe("สำนักงาน ก.ก.");
    s.set("  ");
    expect(s.get()).toBeNull();
  });

  it("works without storage, or with storage that refuses", () => {
    const refusing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    } as unknown as Storage;
    for (const store of [undefined, refusing]) {
      const s = localSetting("ita.office", store);
      expect(() => s.set("x")).not.toThrow();
      expect(s.get()).toBeNull();
    }
  });
});
