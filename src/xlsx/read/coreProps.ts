/**
 * When the file was last saved, as the package says: the core properties part (found through the
 * package relationships, transitional or strict) and its `dcterms:modified` (a W3CDTF date). The
 * merge uses it to tell a corrected resubmission from the report it replaces.
 */
import { FormFileError } from "./errors";
import { Package } from "./opc";

const DCTERMS = "http://purl.org/dc/terms/";
const CORE_PROPS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";

/** W3CDTF (a profile of ISO 8601): a year, a month, a day, or a time with its zone. */
const W3CDTF =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * Before 1980 no zip file was written (its dates start there): writers that do not track time put a
 * placeholder such as 1970-01-01 in the part, which says nothing about when the file was saved.
 */
const EARLIEST = Date.UTC(1980, 0, 1);

/** A W3CDTF date as ms since the epoch; null when it is not one or is a placeholder. */
export function parseW3cdtf(text: string): number | null {
  const s = text.trim();
  const m = W3CDTF.exec(s);
  if (!m) return null;
  // A time without a zone is read as UTC (W3CDTF requires the zone; Date.parse would take local time).
  const iso = m[4] !== undefined && m[7] === undefined ? `${s}Z` : s;
  const t = Date.parse(iso);
  return Number.isFinite(t) && t >= EARLIEST ? t : null;
}

/** The saved time (ISO 8601, UTC) of a package; null when it has none or none that can be read. */
export function savedTime(pkg: Package): string | null {
  const rel = pkg
    .rels("")
    .find((r) => r.target !== null && /\/metadata\/core-properties$/.test(r.type));
  if (!rel?.target || !pkg.has(rel.target)) return null;
  let depth = 0;
  let inModified = false;
  let rootOk = false;
  let text = "";
  try {
    pkg.xml(rel.target, {
      open: (uri, local) => {
        depth++;
        if (depth === 1) rootOk = local === "coreProperties" && uri === CORE_PROPS;
        if (rootOk && depth === 2 && local === "modified" && uri === DCTERMS) inModified = true;
      },
      close: () => {
        if (depth === 2) inModified = false;
        depth--;
      },
      text: (s) => {
        if (inModified) text += s;
      },
    });
  } catch (e) {
    // A broken properties part does not make the report unreadable: the file's time is used instead.
    if (e instanceof FormFileError) return null;
    throw e;
  }
  const t = parseW3cdtf(text);
  return t === null ? null : new Date(t).toISOString();
}
