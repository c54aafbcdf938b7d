import {
  Button,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { MergeOutcome } from "../../app/mergeSession";
import { DEFAULT_OFFICE } from "../../domain/report/office";
import { ErrorBar } from "../components";
import { StringKey, useT } from "../i18n";
import { useAction } from "../useAction";
import { fill } from "./fill";
import { DATA_URL_MAX, dataUrl, SaveStart, saveEnv, startDownload } from "./saveFile";
import { localSetting, OFFICE_SETTING, Setting } from "./settings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  button: { maxWidth: "100%", whiteSpace: "normal", height: "auto", alignSelf: "flex-start" },
  started: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  noFile: { alignSelf: "flex-start", textAlign: "start" },
  help: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  // A file name has no spaces to break at: it may break anywhere rather than stick out of the pane.
  saveLink: { overflowWrap: "anywhere" },
});

/** The report handed to the browser, and what became of it. */
interface Saving {
  name: string;
  start: SaveStart;
  /** The report's blob: URL (revoked when the report is replaced or the view closes). */
  blobUrl: string;
  /** Where the help's save link points: the report as a data: URL, or its blob: URL if too long. */
  href: string;
  /** The help to save the file is shown (at once unless the download started; else on request). */
  help: boolean;
}

const NOT_SAVED: Record<Exclude<SaveStart, "started">, StringKey> = {
  refused: "saveRefused",
  "no-download-links": "saveNoLinks",
  "host-drops-downloads": "saveHostDrops",
};

/**
 * The central report (Word) of the merge on screen, downloaded from the pane. The compiling office is
 * a setting remembered on this computer; the report builder and the `docx` package load on first use.
 * The pane says the download started only when the browser took the download link, and offers a link
 * to save the file whenever it did not, or when the user finds no file (see saveFile.ts).
 */
export function ReportDownload({
  outcome,
  setting = localSetting(OFFICE_SETTING),
  downloads = true,
}: {
  /** The merge on screen (with the comparison the summary was written with: the report says the changes). */
  outcome: MergeOutcome;
  setting?: Setting;
  /** The Office host's webview saves downloads (`HostInfo.downloads`: not Excel for Mac or iPad). */
  downloads?: boolean;
}) {
  const t = useT();
  const styles = useStyles();
  const [office, setOffice] = useState(() => setting.get() ?? DEFAULT_OFFICE);
  const [saving, setSaving] = useState<Saving | null>(null);
  const { busy, error, run } = useAction();
  const saveLink = useRef<HTMLAnchorElement>(null);
  /** The user asked for the help ("no file?"): its save link takes the focus of the link that went. */
  const asked = useRef(false);
  useEffect(() => {
    if (saving?.help && asked.current) {
      asked.current = false;
      saveLink.current?.focus();
    }
  }, [saving?.help]);

  // A report's blob: URL lives while its links are on screen, and a minute more for a download
  // still reading it.
  const blobUrl = saving?.blobUrl;
  useEffect(() => {
    if (!blobUrl) return;
    return () => void setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
  }, [blobUrl]);

  const save = () =>
    run(async () => {
      setSaving(null);
      const { centralReportFile } = await import(/* webpackChunkName: "report" */ "./reportFile");
      const file = await centralReportFile(outcome, office.trim() || DEFAULT_OFFICE);
      const data = await dataUrl(file.blob);
      const url = URL.createObjectURL(file.blob);
      const start = startDownload(file.name, url, saveEnv(downloads));
      setSaving({
        name: file.name,
        start,
        blobUrl: url,
        href: data.length <= DATA_URL_MAX ? data : url,
        help: start !== "started",
      });
    });

  return (
    <section className={styles.root} aria-labelledby="merge-report-title">
      <Text as="h3" id="merge-report-title" weight="semibold" className={styles.heading}>
        {t("reportTitle")}
      </Text>
      <Field label={t("reportOffice")} hint={t("reportOfficeHint")}>
        <Input
          value={office}
          onChange={(_, d) => {
            setOffice(d.value);
            setting.set(d.value.trim() === DEFAULT_OFFICE ? "" : d.value);
          }}
        />
      </Field>
      <Button className={styles.button} disabledFocusable={busy} onClick={save}>
        {busy ? t("buildingReport") : t("downloadReport")}
      </Button>
      <ErrorBar error={error} />
      {saving?.start === "started" ? (
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
                setSaving({ ...saving, help: true });
              }}
            >
              {t("reportNoFile")}
            </Link>
          )}
        </div>
      ) : null}
      {saving?.help ? (
        <MessageBar intent="warning" layout="multiline" role="status" id="merge-report-help">
          <MessageBarBody className={styles.help}>
            <MessageBarTitle>
              {fill(t(saving.start === "started" ? "saveNoFile" : NOT_SAVED[saving.start]), {
                file: saving.name,
              })}
            </MessageBarTitle>
            <span>
              {t("saveByLink")}{" "}
              <Link
                ref={saveLink}
                href={saving.href}
                download={saving.name}
                className={styles.saveLink}
              >
                {fill(t("saveLink"), { file: saving.name })}
              </Link>
            </span>
            <span>{t("saveElsewhere")}</span>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
