"""Edit cells of a workbook in LibreOffice and save it as .xlsx again, as a user of another program
would: every other cell, sheet and hidden sheet as LibreOffice keeps them.
Usage: python3 edit.py IN.xlsx OUT.xlsx SHEET CELL=TEXT [CELL=TEXT …]
(run with /usr/bin/python3, which has the uno module)
"""
import os, sys
import uno
from session import libreoffice, open_hidden, pv


def main():
    src, out, sheet_name = sys.argv[1], sys.argv[2], sys.argv[3]
    edits = [a.split("=", 1) for a in sys.argv[4:]]
    with libreoffice("lo-edit-") as desktop:
        doc = open_hidden(desktop, src)
        sheet = doc.Sheets.getByName(sheet_name)
        # The form is protected without a password: unprotect, edit, protect again.
        protected = sheet.isProtected()
        if protected:
            sheet.unprotect("")
        for cell, text in edits:
            sheet.getCellRangeByName(cell).setString(text)
        if protected:
            sheet.protect("")
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                       (pv("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)

main()
