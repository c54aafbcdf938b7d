"""LibreOffice for the print checks: started headless with a profile of its own, reached through UNO,
and closed with its profile removed, whatever happened (the scripts beside this one share it).
Run the scripts with /usr/bin/python3, which has the uno module.
"""
import contextlib, os, shutil, subprocess, tempfile, time
import uno
from com.sun.star.beans import PropertyValue


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


@contextlib.contextmanager
def libreoffice(prefix):
    """Yields the Desktop of a new LibreOffice process."""
    port = 2100 + os.getpid() % 700
    profile = tempfile.mkdtemp(prefix=prefix)
    proc = subprocess.Popen(
        ["soffice", "--headless", "--norestore", "--nologo",
         f"--accept=socket,host=127.0.0.1,port={port};urp;", f"-env:UserInstallation=file://{profile}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        yield desktop
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=60)
        except Exception:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


def open_hidden(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
                                        (pv("Hidden", True),))
