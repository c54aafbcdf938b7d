import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { fill, StringKey, useT } from "./i18n";
import { DATA_URL_MAX, dataUrl, SaveStart, saveEnv, startDownload } from "./saveFile";

const useStyles = makeStyles({
  started: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  noFile: { alignSelf: "flex-start", textAlign: "start" },
  help: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  // A file name has no spaces to break at: it may break anywhere rather than stick out of the pane.
  saveLink: { overflowWrap: "anywhere" },
});

/** A file handed to the browser, and what became of it. */
export interface Saving {
  name: string;
  start: SaveStart;
  /** The file's blob: URL (revoked when the file is replaced or the view closes). */
  blobUrl: string;
  /** Where the help's save link points: the file as a data: URL, or its blob: URL if too long. */
  href: string;
  /** The help to save the file is shown (at once unless the download started; else on request). */
  help: boolean;
}

const NOT_SAVED: Record<Exclude<SaveStart, "started">, StringKey> = {
  refused: "saveRefused",
  "no-download-links": "saveNoLinks",
  "host-drops-downloads": "saveHostDrops",
};

/** Hand a file to the browser's download (see saveFile.ts) and say what is known of it. */
export async function saveBlob(name: string, blob: Blob, downloads: boolean): Promise<Saving> {
  const data = await dataUrl(blob);
  const url = URL.createObjectURL(blob);
  const start = startDownload(name, url, saveEnv(downloads));
  return {
    name,
    start,
    blobUrl: url,
    href: data.length <= DATA_URL_MAX ? data : url,
    help: start !== "started",
  };
}

/**
 * What the pane says of a file it handed to the browser: "started" only when the browser took the
 * download link, with a link to save it if no file came; otherwise that the file is not saved, the
 * link to save it, and what to do if that saves nothing either (`elsewhere`). Used by the central
 * report's download and the copy to send.
 */
export function SavedFile({
  saving,
  onHelp,
  elsewhere,
  id,
  linkText = "saveByLink",
}: {
  saving: Saving | null;
  /** The user found no file: show the help. */
  onHelp: () => void;
  elsewhere: string;
  id?: string;
  linkText?: StringKey;
}) {
  const t = useT();
  const styles = useStyles();
  const saveLink = useRef<HTMLAnchorElement>(null);
  /** The user asked for the help ("no file?"): its save link takes the focus of the link that went. */
  const asked = useRef(false);
  useEffect(() => {
    if (saving?.help && asked.current) {
      asked.current = false;
      saveLink.current?.focus();
    }
  }, [saving?.help]);
  // A file's blob: URL lives while its links are on screen, and a minute more for a download still
  // reading it.
  const blobUrl = saving?.blobUrl;
  useEffect(() => {
    if (!blobUrl) return;
    return () => void setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  }, [blobUrl]);
  if (!saving) return null;
  return (
    <>
      {saving.start === "started" ? (
        <div className={styles.started}>
          <Text role="status" size={200}>
            {fill(t("reportStarted"), { file: saving.name })}
          </Text>
          {saving.help ? null : (
            <Link
              as="button"
              className={styles.noFile}
              onClick={() => {
                asked.current = true;
                onHelp();
              }}
            >
              {t("reportNoFile")}
            </Link>
          )}
        </div>
      ) : null}
      {saving.help ? (
        <MessageBar intent="warning" layout="multiline" role="status" id={id}>
          <MessageBarBody className={styles.help}>
            <MessageBarTitle>
              {fill(t(saving.start === "started" ? "saveNoFile" : NOT_SAVED[saving.start]), {
                file: saving.name,
              })}
            </MessageBarTitle>
            <span>
              {t(linkText)}{" "}
              <Link
                ref={saveLink}
                href={saving.href}
                download={saving.name}
                className={styles.saveLink}
              >
                {fill(t("saveLink"), { file: saving.name })}
              </Link>
            </span>
            <span>{elsewhere}</span>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
