"""Which cells of a sheet would print clipped in LibreOffice: for every cell or merged area with text,
the height LibreOffice itself needs for that text at that width (measured on a scratch sheet with the
same font and wrapping) against the height the rows give it. Prints one JSON object:
{"checked": N, "clipped": [{"cell": "E14:E17", "need": pt, "have": pt, "text": "..."}], "rows": N}
Usage: python3 fit.py FILE.xlsx [SHEET_INDEX]   (run with /usr/bin/python3, which has the uno module)
"""
import json, os, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect():
    port = 2100 + os.getpid() % 700
    profile = tempfile.mkdtemp(prefix="lo-fit-")
    proc = subprocess.Popen(
        ["soffice", "--headless", "--norestore", "--nologo",
         f"--accept=socket,host=127.0.0.1,port={port};urp;", f"-env:UserInstallation=file://{profile}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            return proc, ctx
        except Exception:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("LibreOffice did not start")


def pt(hmm):
    return hmm / 100 * 72 / 25.4


def main():
    path = os.path.abspath(sys.argv[1])
    index = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    proc, ctx = connect()
    try:
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (pv("Hidden", True),))
        sheet = doc.Sheets.getByIndex(index)
        doc.Sheets.insertNewByName("fit-scratch", doc.Sheets.Count)
        scratch = doc.Sheets.getByName("fit-scratch")
        probe = scratch.getCellByPosition(0, 0)
        cur = sheet.createCursor()
        cur.gotoEndOfUsedArea(False)
        last_row, last_col = cur.RangeAddress.EndRow, cur.RangeAddress.EndColumn
        seen = set()
        checked = 0
        clipped = []
        for r in range(last_row + 1):
            for c in range(last_col + 1):
                if (r, c) in seen:
                    continue
                cell = sheet.getCellByPosition(c, r)
                text = cell.getString()
                area = sheet.createCursorByRange(cell)
                area.collapseToMergedArea()
                a = area.RangeAddress
                for rr in range(a.StartRow, a.EndRow + 1):
                    for cc in range(a.StartColumn, a.EndColumn + 1):
                        seen.add((rr, cc))
                if not text:
                    continue
                width = sum(sheet.Columns.getByIndex(cc).Width for cc in range(a.StartColumn, a.EndColumn + 1))
                have = sum(sheet.Rows.getByIndex(rr).Height for rr in range(a.StartRow, a.EndRow + 1))
                scratch.Columns.getByIndex(0).Width = width
                probe.setString(text)
                for prop in ("CharHeight", "CharFontName", "CharWeight", "IsTextWrapped",
                             "ParaIndent", "ParaLeftMargin", "ParaRightMargin"):
                    try:
                        probe.setPropertyValue(prop, cell.getPropertyValue(prop))
                    except Exception:
                        pass
                if not cell.IsTextWrapped:
                    checked += 1
                    continue
                scratch.Rows.getByIndex(0).OptimalHeight = True
                need = scratch.Rows.getByIndex(0).Height
                checked += 1
                if need > have + 20:  # 0.2 mm of slack
                    clipped.append({"cell": area.AbsoluteName.split(".")[-1].replace("$", ""),
                                    "need": round(pt(need), 1), "have": round(pt(have), 1), "text": text[:60]})
        print(json.dumps({"checked": checked, "clipped": clipped, "rows": last_row + 1}, ensure_ascii=False))
        doc.close(True)
    finally:
        proc.terminate()


main()
