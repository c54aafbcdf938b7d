import { Button, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { MergeOutcome } from "../../app/mergeSession";
import { DEFAULT_OFFICE } from "../../domain/report/office";
import { ErrorBar } from "../components";
import { useT } from "../i18n";
import { SavedFile, saveBlob, Saving } from "../SavedFile";
import { useAction } from "../useAction";
import { localSetting, OFFICE_SETTING, Setting } from "./settings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  button: { maxWidth: "100%", whiteSpace: "normal", height: "auto", alignSelf: "flex-start" },
});

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

  const save = () =>
    run(async () => {
      setSaving(null);
      const { centralReportFile } = await import(/* webpackChunkName: "report" */ "./reportFile");
      const file = await centralReportFile(outcome, office.trim() || DEFAULT_OFFICE);
      setSaving(await saveBlob(file.name, file.blob, downloads));
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
      <SavedFile
        saving={saving}
        onHelp={() => saving && setSaving({ ...saving, help: true })}
        elsewhere={t("saveElsewhere")}
        id="merge-report-help"
      />
    </section>
  );
}
