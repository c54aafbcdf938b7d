import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import {
  buildSummary,
  Comparison,
  CompareInputError,
  compareWithPrevious,
  DEFAULT_CATALOG,
  DEFAULT_PASS_MARK,
  isPassMark,
  mergeForms,
  MergeResult,
  Msg,
  msg,
  PeriodScores,
  Submission,
  typedNumber,
} from "../domain";
import { ReasonError } from "../domain/errors";
import { baseName } from "../xlsx/read/errors";
import { fflateInflate } from "../xlsx/read/fflateInflate";
import { readSubmission } from "../xlsx/read/submission";
import { ErrorBar, SuccessBar } from "./components";
import { Gateway } from "./gateway";
import { STRINGS, useT } from "./i18n";
import { ChosenFiles, ChooserLabels } from "./merge/ChosenFiles";
import { CompareOutcome } from "./merge/CompareOutcome";
import { fill } from "./merge/fill";
import { MergeResults } from "./merge/MergeResults";
import { ReportDownload } from "./merge/ReportDownload";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  stepTitle: { margin: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

type Phase =
  | { kind: "idle" }
  | { kind: "reading"; file: number; of: number }
  | { kind: "previous"; file: number; of: number }
  | { kind: "writing"; done: number; total: number };

const pause = () => new Promise((r) => setTimeout(r, 0));

const PREVIOUS_LABELS: ChooserLabels = {
  choose: "chooseCompare",
  hint: "compareHint",
  list: "compareChosen",
};

/** The previous period as read, or why it could not be: the merge goes on without it either way. */
type Previous = { period: PeriodScores; problem: null } | { period: null; problem: Msg };

/** Why the previous files give no period, in words a user reads (no stack trace). */
function previousProblem(e: unknown): Msg {
  if (e instanceof CompareInputError || e instanceof ReasonError) return e.reason;
  const detail = e instanceof Error ? e.message.slice(0, 160) : String(e);
  return msg(
    `อ่านไฟล์ครั้งก่อนไม่ได้ (${detail})`,
    `The previous period's files could not be read (${detail})`
  );
}

/** A file the reader could not take for a reason it did not foresee: refused, in words a user reads. */
function unreadable(file: string, e: unknown): Submission {
  const name = baseName(file);
  const detail = e instanceof Error ? e.message.slice(0, 160) : String(e);
  return {
    file,
    error: msg(
      fill(STRINGS.unreadable.th, { name }),
      fill(STRINGS.unreadable.en, { name, detail })
    ),
  };
}

/** Choose many district workbooks, read them here in the pane, write the summary sheets into this workbook. */
export function MergeView({
  gateway,
  downloads = true,
}: {
  gateway: Gateway;
  /** The Office host's webview saves downloads (`HostInfo.downloads`). */
  downloads?: boolean;
}) {
  const t = useT();
  const styles = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [previousFiles, setPreviousFiles] = useState<File[]>([]);
  // The comparison the summary was written with, or why there is none.
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [compareProblem, setCompareProblem] = useState<Msg | null>(null);
  const [expectDistricts, setExpectDistricts] = useState(true);
  const [passMark, setPassMark] = useState(String(DEFAULT_PASS_MARK));
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [result, setResult] = useState<MergeResult | null>(null);
  // What was read, and the files the user took over a later copy (see "use this file instead").
  const [read, setRead] = useState<{
    subs: Submission[];
    names: string[];
    previous: Previous | null;
  } | null>(null);
  const [prefer, setPrefer] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  // Bumped when a merge ends with results on screen: the focus moves to their heading.
  const [finished, setFinished] = useState(0);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const cancel = useRef({ aborted: false });
  const { busy, error, run, setError } = useAction();
  const passNum = typedNumber(passMark) ?? NaN;
  const passOk = isPassMark(passNum);

  useEffect(() => {
    if (finished) resultsHeading.current?.focus();
  }, [finished]);

  const reset = () => {
    setResult(null);
    setComparison(null);
    setCompareProblem(null);
    setDone(false);
    setCancelled(false);
    setRead(null);
    setPrefer([]);
  };

  const choose = (list: File[]) => {
    setFiles(list);
    reset();
  };

  const choosePrevious = (list: File[]) => {
    setPreviousFiles(list);
    reset();
  };

  /**
   * Merge what was read and write the summary into this workbook, compared with the previous period
   * when one was chosen and could be read; a comparison refused (the wrong order, say) is said, and the
   * summary written without it.
   */
  const mergeAndWrite = async (subs: Submission[], chosen: string[], previous: Previous | null) => {
    const merged = mergeForms(subs, {
      catalog: DEFAULT_CATALOG,
      passMark: passNum,
      expect: expectDistricts ? "districts" : "none",
      prefer: chosen,
    });
    let compared: Comparison | null = null;
    let problem = previous?.problem ?? null;
    if (previous?.period && merged.merged.length) {
      try {
        compared = compareWithPrevious(previous.period, merged);
      } catch (e) {
        problem = previousProblem(e);
      }
    }
    setResult(merged);
    setComparison(compared);
    setCompareProblem(problem);
    if (!merged.merged.length) {
      setError({ th: STRINGS.noneMerged.th, en: STRINGS.noneMerged.en });
      return;
    }
    setPhase({ kind: "writing", done: 0, total: 1 });
    try {
      await gateway.writeSummary(buildSummary(merged, compared), {
        signal: cancel.current,
        onProgress: (d, total) => setPhase({ kind: "writing", done: d, total }),
      });
    } catch (e) {
      // Cancelled on request: said plainly, not as an error.
      if (cancel.current.aborted) return setCancelled(true);
      throw e;
    }
    setDone(true);
  };

  const finish = () => {
    setPhase({ kind: "idle" });
    setFinished((n) => n + 1);
  };

  /** Take a superseded file instead of the copy that replaced it, and write the summary again. */
  const takeInstead = (file: string, by: string) =>
    run(async () => {
      if (!read) return;
      cancel.current = { aborted: false };
      setDone(false);
      setCancelled(false);
      const chosen = [...prefer.filter((f) => f !== by && f !== file), file];
      setPrefer(chosen);
      await mergeAndWrite(read.subs, chosen, read.previous);
    }).finally(finish);

  const start = () =>
    run(async () => {
      cancel.current = { aborted: false };
      setDone(false);
      setCancelled(false);
      reset();
      const subs: Submission[] = [];
      for (const [i, f] of files.entries()) {
        if (cancel.current.aborted) return setCancelled(true);
        setPhase({ kind: "reading", file: i + 1, of: files.length });
        await pause();
        let got: Submission[];
        try {
          got = readSubmission(f.name, new Uint8Array(await f.arrayBuffer()), {
            inflate: fflateInflate,
            catalog: DEFAULT_CATALOG,
          });
        } catch (e) {
          got = [unreadable(f.name, e)];
        }
        // The file's own saved time, else the time the browser gives for the file.
        for (const s of got)
          if (s.form && !s.saved && f.lastModified)
            s.saved = { at: new Date(f.lastModified).toISOString(), source: "filesystem" };
        subs.push(...got);
      }
      let previous: Previous | null = null;
      if (previousFiles.length) {
        try {
          // The reader of the previous period loads only when one is chosen.
          const { readPreviousFiles } = await import(
            /* webpackChunkName: "previous" */ "./merge/previous"
          );
          const period = await readPreviousFiles(
            previousFiles.map((f) => ({
              name: f.name,
              bytes: async () => new Uint8Array(await f.arrayBuffer()),
            })),
            (file, of) => setPhase({ kind: "previous", file, of })
          );
          previous = { period, problem: null };
        } catch (e) {
          previous = { period: null, problem: previousProblem(e) };
        }
        if (cancel.current.aborted) return setCancelled(true);
      }
      const names = files.map((f) => f.name);
      setRead({ subs, names, previous });
      setPrefer([]);
      await mergeAndWrite(subs, [], previous);
    }).finally(finish);

  return (
    <section className={styles.root} aria-labelledby="merge-title">
      <Subtitle2 as="h2" id="merge-title">
        {t("mergeTitle")}
      </Subtitle2>
      <ChosenFiles files={files} onChange={choose} disabled={busy} />
      <section className={styles.step} aria-labelledby="merge-compare-title">
        <Text as="h3" id="merge-compare-title" weight="semibold" className={styles.stepTitle}>
          {t("compareTitle")}
        </Text>
        <ChosenFiles
          files={previousFiles}
          onChange={choosePrevious}
          disabled={busy}
          labels={PREVIOUS_LABELS}
        />
      </section>
      <Switch
        label={t("expectDistricts")}
        checked={expectDistricts}
        onChange={(_, d) => setExpectDistricts(d.checked)}
      />
      <Field label={t("passMark")} validationMessage={passOk ? undefined : t("invalidPassMark")}>
        <Input type="number" value={passMark} onChange={(_, d) => setPassMark(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={busy || !files.length || !passOk}
          aria-describedby={files.length ? undefined : "merge-needs-files"}
          onClick={start}
        >
          {t("startMerge")}
        </Button>
        <Button disabledFocusable={!busy} onClick={() => (cancel.current.aborted = true)}>
          {t("cancelMerge")}
        </Button>
      </div>
      {files.length ? null : (
        <Text id="merge-needs-files" size={200}>
          {t("mergeNeedsFiles")}
        </Text>
      )}
      {phase.kind !== "idle" ? (
        <Field
          label={
            phase.kind === "reading"
              ? fill(t("readingFileOf"), { i: phase.file, n: phase.of })
              : phase.kind === "previous"
                ? fill(t("readingPreviousOf"), { i: phase.file, n: phase.of })
                : t("writingSheets")
          }
          validationState="none"
        >
          <ProgressBar
            value={
              phase.kind === "reading" || phase.kind === "previous"
                ? (phase.file - 1) / phase.of
                : phase.total
                  ? phase.done / phase.total
                  : 0
            }
          />
        </Field>
      ) : null}
      <ErrorBar error={error} />
      {cancelled ? (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{t("mergeCancelled")}</MessageBarBody>
        </MessageBar>
      ) : null}
      <SuccessBar text={done ? t("mergeDone") : null} />
      {result ? (
        <MergeResults
          result={result}
          fileCount={read?.names.length ?? files.length}
          busy={busy}
          headingRef={resultsHeading}
          onTakeInstead={takeInstead}
        >
          <CompareOutcome comparison={comparison} problem={compareProblem} />
        </MergeResults>
      ) : null}
      {result && done ? (
        <ReportDownload result={result} comparison={comparison} downloads={downloads} />
      ) : null}
    </section>
  );
}
