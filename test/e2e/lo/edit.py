"""Edit cells of a workbook in LibreOffice and save it as .xlsx again, as a user of another program
would: every other cell, sheet and hidden sheet as LibreOffice keeps them.
Usage: python3 edit.py IN.xlsx OUT.xlsx SHEET CELL=TEXT [CELL=TEXT …]
(run with /usr/bin/python3, which has the uno module)
"""
import os, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect():
    port = 2100 + os.getpid() % 700
    profile = tempfile.mkdtemp(prefix="lo-edit-")
    proc = subprocess.Popen(
        ["soffice", "--headless", "--norestore", "--nologo",
         f"--accept=socket,host=127.0.0.1,port={port};urp;", f"-env:UserInstallation=file://{profile}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            return proc, ctx, profile
        except Exception:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("LibreOffice did not start")


def main():
    src, out, sheet_name = sys.argv[1], sys.argv[2], sys.argv[3]
    edits = [a.split("=", 1) for a in sys.argv[4:]]
    proc, ctx, profile = connect()
    try:
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0,
                                           (pv("Hidden", True),))
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
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=60)
        subprocess.run(["rm", "-rf", profile])


main()
