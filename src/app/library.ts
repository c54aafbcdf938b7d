/**
 * The units' files in the city's library (a SharePoint folder the central office set up, docs/m365-setup.md)
 * as the merge takes files: the folder is listed through Microsoft Graph and each file becomes a
 * `PickedFile` whose bytes come through its download URL when the merge reads it. The merge itself
 * is the same use case as for files on disk (`readUnitFiles`, `mergeRead`): the command's
 * `ita merge --graph URL` and the pane's "รวมจากไลบรารี" only gather files this way.
 *
 * The folder's files and those of its subfolders (one level: a folder per unit, where the library
 * keeps each unit to its own folder) are read; deeper folders and OneNote notebooks are named as
 * not read. A file whose eTag is the one of the copy kept from the last merge is not downloaded
 * again (`ByteCache`: the command keeps copies on disk, the pane for as long as it is open).
 */
import { ReasonError } from "../domain/errors";
import { baseName, msg, Msg } from "../domain/text";
import { Period, periodWords } from "../domain/period";
import {
  DriveFolder,
  DriveItem,
  downloadFile,
  GraphClient,
  GraphError,
  itemAt,
  listChildren,
  resolveFolder,
} from "../graph";
import { periodFolder } from "./submit";
import { READ_LIMITS } from "../xlsx/read/limits";
import type { ByteCache } from "./byteCache";
import { DEEPER_FOLDER, ignoredName, PickedFile, SourceError } from "./files";

export type { ByteCache } from "./byteCache";
export { memoryCache } from "./byteCache";

/** A file of the folder, as listed. */
export interface LibraryEntry {
  /** Its path within the folder: `1035-2570-r6.xlsx`, or `1035/1035-2570-r6.xlsx` in a unit's folder. */
  name: string;
  id: string;
  eTag: string | null;
  size: number | null;
  /** When it was last changed (ISO), and by whom: who sent it. */
  modified: string | null;
  modifiedBy: string | null;
  webUrl: string | null;
  /** Once read: downloaded now, or the copy of the last merge (its eTag unchanged). */
  got: "downloaded" | "cached" | null;
}

/** What the folder held. */
export interface LibraryListing {
  folder: DriveFolder;
  entries: LibraryEntry[];
  /** The files to read, in the order of `entries`. */
  files: PickedFile[];
  /** Office lock files and hidden files, not read (as in a folder on disk). */
  ignored: { name: string; why: "lock" | "hidden" }[];
  /**
   * What is neither a file to read nor a unit's folder, with the reason; `failed`: a unit's folder
   * that could not be listed (its files may be missing from the merge).
   */
  notRead: { name: string; reason: Msg; failed?: true }[];
}

export interface ListOptions {
  cache?: ByteCache;
  /** Told when a file's bytes are about to be fetched or taken from the cache. */
  onFile?: (entry: LibraryEntry, how: "download" | "cached") => void;
  /** Files larger than this are refused without downloading (the reader's limit). */
  maxBytes?: number;
}

const listAction = (name: string) =>
  msg(`อ่านรายการไฟล์ในโฟลเดอร์ ${name}`, `list the files of the folder ${name}`);
const downloadAction = (name: string) => msg(`ดาวน์โหลดไฟล์ ${name}`, `download ${name}`);

/** A failure that is the source's stops the reading; one that is the file's refuses that file. */
function asFileError(e: unknown): unknown {
  if (e instanceof GraphError && e.fatal) return new SourceError(e.reason, e.kind);
  return e;
}

/**
 * A period's folder in the library (`<library>/2570-r6`), as the pane finds it from the configured
 * library URL; refused in words when the central office has not made it yet.
 */
export async function periodFolderIn(
  g: GraphClient,
  libraryUrl: string,
  period: Period
): Promise<DriveFolder> {
  const library = await resolveFolder(g, libraryUrl);
  const name = periodFolder(period);
  const item = await itemAt(
    g,
    library,
    name,
    msg(
      `หาโฟลเดอร์ ${name} ในไลบรารี ${library.name}`,
      `find the folder ${name} in the library ${library.name}`
    )
  );
  if (!item?.folder)
    throw new ReasonError(
      msg(
        `ไลบรารี ${library.name} ยังไม่มีโฟลเดอร์ ${name} ของ${periodWords(period).th}: ยังไม่มีหน่วยงานใดส่ง หรือส่วนกลางยังไม่ได้สร้างโฟลเดอร์ของรอบนี้`,
        `The library ${library.name} has no folder ${name} for the ${periodWords(period).en}: no unit has sent yet, or the round's folder is not made yet`
      )
    );
  return {
    driveId: library.driveId,
    id: item.id,
    name: `${library.name}/${item.name}`,
    webUrl: item.webUrl ?? null,
  };
}

const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);

/** List the folder at a URL, or one already found (and its unit folders), as files for the merge. */
export async function listLibrary(
  g: GraphClient,
  source: string | DriveFolder,
  opts: ListOptions = {}
): Promise<LibraryListing> {
  const folder = typeof source === "string" ? await resolveFolder(g, source) : source;
  const out: LibraryListing = { folder, entries: [], files: [], ignored: [], notRead: [] };
  const maxBytes = opts.maxBytes ?? READ_LIMITS.fileBytes;

  const add = (item: DriveItem, path: string) => {
    const entry: LibraryEntry = {
      name: path,
      id: item.id,
      eTag: item.eTag ?? null,
      size: item.size ?? null,
      modified: item.lastModifiedDateTime ?? null,
      modifiedBy: item.lastModifiedBy?.user?.displayName ?? null,
      webUrl: item.webUrl ?? null,
      got: null,
    };
    let loaded: Promise<Uint8Array> | null = null;
    const key = `${folder.driveId}!${item.id}`;
    const load = async (): Promise<Uint8Array> => {
      if (entry.size !== null && entry.size > maxBytes)
        throw new ReasonError(
          msg(
            `ไฟล์ ${baseName(path)} มีขนาด ${mb(entry.size)} MB เกินขนาดที่รับได้ (${mb(maxBytes)} MB) จึงไม่ดาวน์โหลด`,
            `${baseName(path)} is ${mb(entry.size)} MB, over the ${mb(maxBytes)} MB a unit's file may be; not downloaded`
          )
        );
      if (opts.cache && entry.eTag) {
        const kept = await opts.cache.get(key, entry.eTag);
        if (kept) {
          opts.onFile?.(entry, "cached");
          entry.got = "cached";
          return kept;
        }
      }
      opts.onFile?.(entry, "download");
      let bytes: Uint8Array;
      try {
        bytes = await downloadFile(g, folder.driveId, item, downloadAction(path));
      } catch (e) {
        throw asFileError(e);
      }
      entry.got = "downloaded";
      if (opts.cache && entry.eTag) await opts.cache.put(key, entry.eTag, bytes);
      return bytes;
    };
    out.entries.push(entry);
    out.files.push({
      name: path,
      // Read once: the merge may ask again to compare two files that look alike.
      bytes: () => (loaded ??= load()),
      modified: entry.modified ? Date.parse(entry.modified) : null,
    });
  };

  const walk = async (at: { driveId: string; id: string }, prefix: string, depth: number) => {
    let items: DriveItem[];
    try {
      items = await listChildren(
        g,
        at,
        listAction(prefix ? `${folder.name}/${prefix}` : folder.name)
      );
    } catch (e) {
      // A unit's folder that cannot be listed (moved or removed since, no permission) is named as not
      // read, with why; the other units' files are merged. The folder itself failing stops it all.
      if (depth > 0 && e instanceof GraphError && !e.fatal) {
        out.notRead.push({ name: prefix, reason: e.reason, failed: true });
        return;
      }
      throw asFileError(e);
    }
    for (const item of items) {
      const path = prefix ? `${prefix}/${item.name}` : item.name;
      const why = ignoredName(item.name);
      if (why) out.ignored.push({ name: path, why });
      else if (item.folder) {
        if (depth === 0) await walk({ driveId: folder.driveId, id: item.id }, path, depth + 1);
        else out.notRead.push({ name: path, reason: DEEPER_FOLDER });
      } else if (item.package)
        out.notRead.push({
          name: path,
          reason: msg(
            "เป็นสมุดบันทึก OneNote ไม่ใช่ไฟล์ Excel",
            "a OneNote notebook, not an Excel workbook"
          ),
        });
      else add(item, path);
    }
  };
  await walk(folder, "", 0);
  return out;
}
