"""The edits that type a report into a blank form, as `type_form.py` takes them: each item's score, and
the texts the report gives (issue, measures, results, evidence) into the cells `ita read` names for the
blank form (a measure group's texts into its shared cell, once). Prints the edits as JSON.
Usage: python3 report_edits.py REPORT.json BLANK-READ.json [CODES_REGEX]
"""
import json, re, sys

report = json.load(open(sys.argv[1], encoding="utf8"))
blank = json.load(open(sys.argv[2], encoding="utf8"))
only = re.compile(sys.argv[3]) if len(sys.argv) > 3 else None
cells = {it["code"]: it["cells"] for it in blank["items"]}
edits, written = [], set()
for it in report["items"]:
    if only and not only.fullmatch(it["code"]):
        continue
    c = cells[it["code"]]
    if it.get("score") is not None:
        edits.append({"cell": c["score"], "number": it["score"]})
    for field in ("issue", "measures", "results", "evidence"):
        text = it.get(field) or ""
        if text and c[field] not in written:
            edits.append({"cell": c[field], "text": text})
            written.add(c[field])
print(json.dumps(edits, ensure_ascii=False))
