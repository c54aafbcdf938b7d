"""Which cells of a sheet would print clipped in LibreOffice: for every cell or merged area with text,
the height LibreOffice itself needs for that text at that width (measured on a scratch sheet with the
same font and wrapping) against the height the rows give it; for a cell that does not wrap, also the
width its one line needs against the cell's, when the text cannot run on into the next cell (that cell
has content) or is a number (shown as ###). Prints one JSON object:
{"checked": N, "clipped": [{"cell": "E14:E17", "need": pt, "have": pt, "text": "..."}], "rows": N}
With "all" instead of a sheet index: {"sheets": [{"name", "checked", "clipped", "rows", "pages",
"landscape", "paper": [w, h] in mm, "scale", "fitToWidth", "rowBreaks", "colBreaks" (0-based rows and
columns that begin a page), "shapes": [{"rows": [first, last], "cols": [first, last]}]}]}.
With "N+pages": sheet N's check and page setup in one object, with "fill" (each printed page's share
of the printable height that its rows take, the repeated header included).
Usage: python3 fit.py FILE.xlsx [SHEET_INDEX|N+pages|all]   (run with /usr/bin/python3, which has the uno module)
"""
import json, os, sys
from session import libreoffice, open_hidden


def pt(hmm):
    return hmm / 100 * 72 / 25.4


def check(doc, index):
    sheet = doc.Sheets.getByIndex(index)
    if not doc.Sheets.hasByName("fit-scratch"):
        doc.Sheets.insertNewByName("fit-scratch", doc.Sheets.Count)
    scratch = doc.Sheets.getByName("fit-scratch")
    probe = scratch.getCellByPosition(0, 0)
    line = scratch.getCellByPosition(1, 1)
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
            name = area.AbsoluteName.split(".")[-1].replace("$", "")
            checked += 1
            if not cell.IsTextWrapped:
                # One line: as wide as the cell, or running on into an empty neighbour.
                line.setString(text)
                for prop in ("CharHeight", "CharFontName", "CharWeight"):
                    try:
                        line.setPropertyValue(prop, cell.getPropertyValue(prop))
                    except Exception:
                        pass
                scratch.Columns.getByIndex(1).OptimalWidth = True
                scratch.Rows.getByIndex(1).OptimalHeight = True
                need_w = scratch.Columns.getByIndex(1).Width
                need_h = scratch.Rows.getByIndex(1).Height
                number = cell.getType().value == "VALUE"
                nxt = a.EndColumn + 1
                blocked = nxt > last_col or sheet.getCellByPosition(nxt, r).getString() != ""
                if need_w > width + 20 and (number or blocked):
                    clipped.append({"cell": name, "needWidth": round(pt(need_w), 1),
                                    "haveWidth": round(pt(width), 1), "text": text[:60]})
                elif need_h > have + 20 and "\n" not in text:
                    clipped.append({"cell": name, "need": round(pt(need_h), 1), "have": round(pt(have), 1),
                                    "text": text[:60]})
                continue
            scratch.Columns.getByIndex(0).Width = width
            probe.setString(text)
            for prop in ("CharHeight", "CharFontName", "CharWeight", "IsTextWrapped",
                         "ParaIndent", "ParaLeftMargin", "ParaRightMargin"):
                try:
                    probe.setPropertyValue(prop, cell.getPropertyValue(prop))
                except Exception:
                    pass
            scratch.Rows.getByIndex(0).OptimalHeight = True
            need = scratch.Rows.getByIndex(0).Height
            if need > have + 20:  # 0.2 mm of slack
                clipped.append({"cell": name, "need": round(pt(need), 1), "have": round(pt(have), 1),
                                "text": text[:60]})
    return {"checked": checked, "clipped": clipped, "rows": last_row + 1}


def cell_at(sizes, pos):
    """Index of the row or column (by their sizes) that holds position pos."""
    edge = 0
    for i, size in enumerate(sizes):
        edge += size
        if pos < edge:
            return i
    return len(sizes) - 1


def page_fill(sheet, style, heights):
    """How full each printed page is: the height of the rows printed on it (the repeated title rows
    included) at the page's scale, over the page's printable height (margins, header and footer taken
    off), page by page in LibreOffice's own breaks within the print area."""
    areas = sheet.getPrintAreas()
    if not areas:
        return []
    first, last = areas[0].StartRow, areas[0].EndRow
    titles = sheet.getTitleRows() if sheet.getPrintTitleRows() else None
    title_h = sum(heights[r] for r in range(titles.StartRow, titles.EndRow + 1)) if titles else 0
    room = style.Height - style.TopMargin - style.BottomMargin
    if style.HeaderIsOn:
        room -= style.HeaderHeight
    if style.FooterIsOn:
        room -= style.FooterHeight
    scale = (style.PageScale or 100) / 100
    starts = [first] + sorted(b.Position for b in sheet.getRowPageBreaks() if first < b.Position <= last)
    fills = []
    for k, start in enumerate(starts):
        end = starts[k + 1] - 1 if k + 1 < len(starts) else last
        used = sum(heights[r] for r in range(start, end + 1) if r < len(heights))
        # The title rows print again at the top of every page that does not hold them already.
        if titles and not (start <= titles.StartRow <= end):
            used += title_h
        fills.append(round(used * scale / room, 3))
    return fills


def page_setup(doc, index):
    sheet = doc.Sheets.getByIndex(index)
    style = doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
    pages = doc.getRendererCount(sheet, ())  # lays the pages out, so the breaks below are LibreOffice's
    cur = sheet.createCursor()
    cur.gotoEndOfUsedArea(False)
    heights = [sheet.Rows.getByIndex(r).Height for r in range(cur.RangeAddress.EndRow + 40)]
    widths = [sheet.Columns.getByIndex(c).Width for c in range(cur.RangeAddress.EndColumn + 20)]
    shapes = []
    for k in range(sheet.DrawPage.Count):
        shape = sheet.DrawPage.getByIndex(k)
        p, z = shape.Position, shape.Size
        # The cells under the shape (0-based), its edges taken 1 mm inside (row heights are rounded).
        shapes.append({"rows": [cell_at(heights, p.Y + 100), cell_at(heights, p.Y + z.Height - 100)],
                       "cols": [cell_at(widths, p.X + 100), cell_at(widths, p.X + z.Width - 100)]})
    return {"name": sheet.Name, "pages": pages, "landscape": style.IsLandscape,
            "fill": page_fill(sheet, style, heights),
            "paper": [round(style.Width / 100), round(style.Height / 100)], "scale": style.PageScale,
            "fitToWidth": style.ScaleToPagesX, "shapes": shapes,
            # Rows and columns (0-based) that begin a printed page, LibreOffice's own and ours.
            "rowBreaks": [b.Position for b in sheet.getRowPageBreaks() if b.Position < len(heights)],
            "colBreaks": [b.Position for b in sheet.getColumnPageBreaks() if b.Position < len(widths)]}


def main():
    path = os.path.abspath(sys.argv[1])
    which = sys.argv[2] if len(sys.argv) > 2 else "0"
    with libreoffice("lo-fit-") as desktop:
        doc = open_hidden(desktop, path)
        if which.endswith("+pages"):
            # One sheet with its pages: the check, the page style and breaks, and how full each page is.
            index = int(which[: -len("+pages")])
            out = dict(page_setup(doc, index), **check(doc, index))
        elif which == "all":
            count = doc.Sheets.Count
            # Page counts before the scratch sheet exists.
            setups = [page_setup(doc, i) for i in range(count)]
            out = {"sheets": [dict(setups[i], **check(doc, i)) for i in range(count)]}
        else:
            out = check(doc, int(which))
        print(json.dumps(out, ensure_ascii=False))
        doc.close(True)

main()
