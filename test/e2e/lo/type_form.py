"""Type values into cells of a workbook the way another program does (openpyxl, a script, a web form):
the worksheet XML gets the values as inline strings or numbers and nothing else changes, so rows keep
the heights the file had (a long text in a merged cell or a row whose height was set stays clipped,
as it does when typed in Excel). Cells keep their style; missing cells and rows are inserted in order.
Usage: python3 type_form.py IN.xlsx OUT.xlsx EDITS.json [SHEET_NAME]
EDITS.json: [{"cell": "E16", "text": "..."} | {"cell": "B16", "number": 85}, ...]
"""
import json, re, sys, zipfile
from xml.sax.saxutils import escape


def col_num(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def split_ref(ref):
    m = re.match(r"([A-Z]+)(\d+)$", ref)
    return col_num(m.group(1)), int(m.group(2))


def sheet_path(z, name):
    wb = z.read("xl/workbook.xml").decode("utf8")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf8")
    sheets = re.findall(r'<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]*)"', wb)
    rid = next((r for n, r in sheets if name is None or n == name), None)
    target = re.search(r'<Relationship [^>]*Id="%s"[^>]*Target="([^"]*)"' % rid, rels) or re.search(
        r'<Relationship [^>]*Target="([^"]*)"[^>]*Id="%s"' % rid, rels)
    t = target.group(1)
    return t.lstrip("/") if t.startswith("/") else "xl/" + t


def cell_xml(ref, style, edit):
    s = f' s="{style}"' if style else ""
    if "number" in edit:
        return f'<c r="{ref}"{s}><v>{edit["number"]}</v></c>'
    text = escape(edit["text"]).replace("\n", "&#10;")
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def apply(xml, edits):
    for edit in edits:
        ref = edit["cell"]
        col, row = split_ref(ref)
        row_m = re.search(r'<row [^>]*r="%d"[^>]*?(/>|>(.*?)</row>)' % row, xml, re.S)
        if not row_m:
            # A new row, in order among the others.
            new = f'<row r="{row}">{cell_xml(ref, None, edit)}</row>'
            later = [m for m in re.finditer(r'<row [^>]*r="(\d+)"', xml) if int(m.group(1)) > row]
            at = later[0].start() if later else xml.index("</sheetData>")
            xml = xml[:at] + new + xml[at:]
            continue
        start, end = row_m.span()
        row_xml = row_m.group(0)
        if row_xml.endswith("/>"):
            row_xml = row_xml[:-2] + "></row>"
        cell_m = re.search(r'<c r="%s"([^>]*?)(/>|>.*?</c>)' % ref, row_xml, re.S)
        if cell_m:
            style = re.search(r's="(\d+)"', cell_m.group(1))
            row_xml = row_xml[:cell_m.start()] + cell_xml(ref, style and style.group(1), edit) + row_xml[cell_m.end():]
        else:
            cells = list(re.finditer(r'<c r="([A-Z]+)\d+"', row_xml))
            later = [m for m in cells if col_num(m.group(1)) > col]
            at = later[0].start() if later else row_xml.rindex("</row>")
            row_xml = row_xml[:at] + cell_xml(ref, None, edit) + row_xml[at:]
        xml = xml[:start] + row_xml + xml[end:]
    return xml


def main():
    src, out, edits_path = sys.argv[1:4]
    name = sys.argv[4] if len(sys.argv) > 4 else None
    edits = json.load(open(edits_path, encoding="utf8"))
    with zipfile.ZipFile(src) as z:
        path = sheet_path(z, name)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
            for info in z.infolist():
                data = z.read(info.filename)
                if info.filename == path:
                    data = apply(data.decode("utf8"), edits).encode("utf8")
                w.writestr(info, data)


main()
