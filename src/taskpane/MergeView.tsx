import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Cancelled, PickedFile } from "../app/files";
import {
  MergeOutcome,
  mergeRead,
  PreviousPeriod,
  readPreviousPeriod,
  ReadPool,
  readUnitFiles,
  ReadSet,
} from "../app/mergeSession";
import {
  COMPARE_SHEET,
  DEFAULT_PASS_MARK,
  isPassMark,
  Period,
  periodKey,
  periodsOfSubmissions,
  SUMMARY_SHEETS,
  typedNumber,
} from "../domain";
import type { LibraryListing } from "../app/library";
import { ReasonError } from "../domain/errors";
import { fflateInflate } from "../xlsx/read/fflateInflate";
import { ErrorBar, SuccessBar } from "./components";
import { Gateway } from "./gateway";
import { STRINGS, useT } from "./i18n";
import { ChosenFiles, ChooserLabels } from "./merge/ChosenFiles";
import { CompareOutcome } from "./merge/CompareOutcome";
import { fill } from "./fill";
import { MergeResults } from "./merge/MergeResults";
import { ReportDownload } from "./merge/ReportDownload";
import { inSteps, painted, stepped } from "./merge/progressSteps";
import { readersModule } from "./merge/readers";
import { LibrarySlot } from "./m365/slots";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  stepTitle: { margin: 0 },
  select: { maxWidth: "100%", minWidth: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  // The bar steps without Fluent's 0.3 s width transition: an animated width is a layout of the
  // whole pane every frame, and with a step every few tenths of a second it never stops — on two
  // cores that layout took the time the readers need.
  steadyBar: { transitionProperty: "none" },
});

type Phase =
  | { kind: "idle" }
  | { kind: "reading"; file: number; of: number }
  | { kind: "previous"; file: number; of: number }
  | { kind: "merging"; sheets: number; done: number; of: number }
  | { kind: "writing"; done: number; total: number };

const PREVIOUS_LABELS: ChooserLabels = {
  choose: "chooseCompare",
  hint: "compareHint",
  list: "compareChosen",
};

/** A browser file as the use cases take it (with the File, for the worker that reads it). */
const picked = (f: File): PickedFile & { file: File } => ({
  name: f.name,
  bytes: async () => new Uint8Array(await f.arrayBuffer()),
  modified: f.lastModified || null,
  file: f,
});

/** A pool of Web Workers to read in, where the browser has them. */
async function readPool(files: number): Promise<ReadPool | undefined> {
  return (await readersModule())?.browserReadPool(files);
}

/**
 * Readers started when the view opens and whenever the user starts choosing files (the dialog
 * opened, files dragged over), so that their scripts are loaded and compiled by the time the files
 * come; those not taken are stopped when the view closes.
 */
function useWarmReaders(): () => void {
  const open = useRef(false);
  useEffect(() => {
    open.current = true;
    void readersModule().then((m) => open.current && m?.warmReaders());
    return () => {
      open.current = false;
      void readersModule().then((m) => m?.coolReaders());
    };
  }, []);
  return useCallback(() => void readersModule().then((m) => open.current && m?.warmReaders()), []);
}

/** Summary sheets ita writes: a workbook holding any of them already has a summary. */
const SUMMARY_NAMES = new Set<string>([...Object.values(SUMMARY_SHEETS), COMPARE_SHEET]);

/**
 * Choose the units' workbooks: they are read here in the pane as soon as they are chosen (the periods
 * they give are shown, the most common chosen), then merged as one period and written into this
 * workbook as summary sheets. The work is the merge use case's (`app/mergeSession`), as in `ita merge`.
 */
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
  // The files of the city's library, when the build has it and the user got them (m365/LibrarySource).
  const [library, setLibrary] = useState<LibraryListing | null>(null);
  const [previousFiles, setPreviousFiles] = useState<File[]>([]);
  const [expectDistricts, setExpectDistricts] = useState(true);
  const [passMark, setPassMark] = useState(String(DEFAULT_PASS_MARK));
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  // What the chosen files gave (read once per choice of files), and the period chosen ("" = the most common).
  const [read, setRead] = useState<{
    files: File[];
    library: LibraryListing | null;
    set: ReadSet;
  } | null>(null);
  const [periodChoice, setPeriodChoice] = useState("");
  // Files the user took instead of their later copies: kept while those files are chosen.
  const [prefer, setPrefer] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<MergeOutcome | null>(null);
  const [done, setDone] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const [confirmReplace, setConfirmReplace] = useState<string[] | null>(null);
  // Bumped when a merge ends with results on screen: the focus moves to their heading.
  const [finished, setFinished] = useState(0);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const cancel = useRef({ aborted: false });
  // The workers reading the chosen files, stopped at once by Cancel.
  const readers = useRef<ReadPool | undefined>(undefined);
  // Their scripts loaded and compiled while the user picks files, not after.
  const warmReaders = useWarmReaders();
  const { busy, error, run, setError } = useAction();
  const passNum = typedNumber(passMark) ?? NaN;
  const passOk = isPassMark(passNum);

  useEffect(() => {
    if (finished) resultsHeading.current?.focus();
  }, [finished]);

  // Read the chosen files as soon as they are chosen: the periods they give are shown before merging.
  useEffect(() => {
    // The files from this computer, then the library's (downloaded as they are read).
    const sources = [...files.map(picked), ...(library?.files ?? [])];
    if (!sources.length) return;
    const signal = { aborted: false };
    cancel.current = signal;
    setPhase({ kind: "reading", file: 0, of: sources.length });
    readPool(files.length)
      .then((pool) => {
        readers.current = pool;
        return readUnitFiles(sources, {
          inflate: fflateInflate,
          signal,
          pool,
          onProgress: inSteps((i, n) => setPhase({ kind: "reading", file: i, of: n })),
        });
      })
      .then((set) => {
        if (!signal.aborted) setRead({ files, library, set });
      })
      .catch((e) => {
        if (e instanceof Cancelled) setCancelled(true);
        // The library could not be read (signed out, offline): said as it is.
        else if (e instanceof ReasonError) setError(e.reason);
        else setError(STRINGS.readFailed);
      })
      .finally(() => {
        if (cancel.current === signal) setPhase({ kind: "idle" });
      });
    return () => {
      signal.aborted = true;
      readers.current?.cancel();
    };
  }, [files, library, setError]);

  const readNow = read && read.files === files && read.library === library ? read.set : null;
  // The periods found, as a preview of the merge (the most common first).
  const preview = useMemo(() => (readNow ? periodsOfSubmissions(readNow.subs) : []), [readNow]);
  const period: Period | null =
    preview.find((p) => periodKey(p.period) === periodChoice)?.period ?? null;

  const choose = (list: File[]) => {
    setFiles(list);
    setOutcome(null);
    setDone(false);
    setCancelled(false);
    setPeriodChoice("");
    // A choice between copies stays while both files are still chosen.
    const names = new Set([
      ...list.map((f) => f.name),
      ...(library?.files.map((f) => f.name) ?? []),
    ]);
    setPrefer((p) => p.filter((n) => names.has(n)));
  };

  const chooseLibrary = (l: LibraryListing | null) => {
    setLibrary(l);
    setOutcome(null);
    setDone(false);
    setCancelled(false);
    setPeriodChoice("");
    const names = new Set([...files.map((f) => f.name), ...(l?.files.map((f) => f.name) ?? [])]);
    setPrefer((p) => p.filter((n) => names.has(n)));
  };

  const choosePrevious = (list: File[]) => {
    setPreviousFiles(list);
    setOutcome(null);
    setDone(false);
  };

  /** Merge what was read (with the previous period when chosen) and write the summary sheets. */
  const mergeAndWrite = async (chosen: string[]) => {
    if (!readNow) return;
    cancel.current = { aborted: false };
    setDone(false);
    setCancelled(false);
    let previous: PreviousPeriod | null = null;
    if (previousFiles.length)
      previous = await readPreviousPeriod(previousFiles.map(picked), {
        inflate: fflateInflate,
        signal: cancel.current,
        onProgress: inSteps((i, n) => setPhase({ kind: "previous", file: i, of: n })),
      });
    // The merge and the summary's rows are worked out here: the step is shown, and painted, before
    // it starts.
    const merging = { kind: "merging", sheets: readNow.subs.filter((s) => s.form).length } as const;
    setPhase({ ...merging, done: 0, of: 0 });
    await painted();
    if (cancel.current.aborted) throw new Cancelled();
    const o = mergeRead(readNow, {
      expect: expectDistricts ? "districts" : "none",
      passMark: passNum,
      period,
      prefer: chosen,
      previous,
    });
    // The crediting and the summary's sheets between frames: the bar moves, and Cancel stops them.
    await stepped(o.steps(), ([d, of]) => setPhase({ ...merging, done: d, of }), cancel.current);
    setOutcome(o);
    const sheets = o.summary();
    if (!sheets) {
      setError({ th: STRINGS.noneMerged.th, en: STRINGS.noneMerged.en });
      return;
    }
    // Marked for profiles (DevTools' Performance panel, the pane's bench): the merge's own work ends
    // here; the writing goes through Excel. (Not every page has User Timing: jsdom has not.)
    if (typeof performance.mark === "function") performance.mark("ita:summary-built");
    setPhase({ kind: "writing", done: 0, total: 1 });
    await painted();
    await gateway.writeSummary(sheets, {
      signal: cancel.current,
      onProgress: (d, total) => setPhase({ kind: "writing", done: d, total }),
    });
    setDone(true);
  };

  const finish = () => {
    setPhase({ kind: "idle" });
    setFinished((n) => n + 1);
  };

  const mergeOrCancel = async (chosen: string[]) => {
    try {
      await mergeAndWrite(chosen);
    } catch (e) {
      // Cancelled on request: said plainly, not as an error.
      if (cancel.current.aborted || e instanceof Cancelled) return setCancelled(true);
      throw e;
    }
  };

  const guarded = (chosen: string[]) => run(() => mergeOrCancel(chosen)).finally(finish);

  /** Merge; when this workbook already has a summary, ask before replacing it. */
  const start = () =>
    run(async () => {
      const existing = (await gateway.sheetNames()).filter((n) => SUMMARY_NAMES.has(n));
      if (existing.length) setConfirmReplace(existing);
      else await mergeOrCancel(prefer);
    }).finally(finish);

  /** Take a superseded file instead of the copy that replaced it (or the later one again), and write again. */
  const takeInstead = (file: string, by: string) => {
    // The copy merged was the user's own choice: back to the later saved one.
    const chosen = prefer.includes(by)
      ? prefer.filter((f) => f !== by)
      : [...prefer.filter((f) => f !== by && f !== file), file];
    setPrefer(chosen);
    void guarded(chosen);
  };

  const reading = phase.kind === "reading";
  return (
    <section className={styles.root} aria-labelledby="merge-title">
      <Subtitle2 as="h2" id="merge-title">
        {t("mergeTitle")}
      </Subtitle2>
      <ChosenFiles files={files} onChange={choose} disabled={busy} onChoosing={warmReaders} />
      <LibrarySlot listing={library} onListing={chooseLibrary} disabled={busy || reading} />
      {preview.length ? (
        <Field
          label={t("mergePeriod")}
          hint={
            preview.length > 1
              ? fill(t("mergePeriodOthers"), { n: preview.length - 1 })
              : t("mergePeriodOne")
          }
        >
          <Select
            className={styles.select}
            value={periodChoice || periodKey(preview[0].period)}
            disabled={busy}
            onChange={(_, d) => {
              setPeriodChoice(d.value);
              setOutcome(null);
              setDone(false);
            }}
          >
            {preview.map((p) => (
              <option key={periodKey(p.period)} value={periodKey(p.period)}>
                {fill(t("periodOption"), {
                  year: p.period.fiscalYear,
                  round: p.period.round,
                  n: p.count,
                })}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
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
          disabledFocusable={busy || reading || !readNow || !passOk}
          aria-describedby={files.length || library ? undefined : "merge-needs-files"}
          onClick={start}
        >
          {t("startMerge")}
        </Button>
        <Button
          disabledFocusable={!busy && !reading}
          onClick={() => {
            cancel.current.aborted = true;
            readers.current?.cancel();
          }}
        >
          {t("cancelMerge")}
        </Button>
      </div>
      {files.length || library ? null : (
        <Text id="merge-needs-files" size={200}>
          {t("mergeNeedsFiles")}
        </Text>
      )}
      {phase.kind !== "idle" ? (
        <Field
          label={
            phase.kind === "reading"
              ? fill(t("readingFileOf"), { i: Math.max(1, phase.file), n: phase.of })
              : phase.kind === "previous"
                ? fill(t("readingPreviousOf"), { i: phase.file, n: phase.of })
                : phase.kind === "merging"
                  ? fill(t("mergingUnits"), { n: phase.sheets })
                  : t("writingSheets")
          }
          validationState="none"
        >
          <ProgressBar
            bar={{ className: styles.steadyBar }}
            value={
              // Merging before its first step is counted: the bar moves on its own (indeterminate).
              phase.kind === "merging"
                ? phase.of
                  ? phase.done / phase.of
                  : undefined
                : phase.kind === "reading" || phase.kind === "previous"
                  ? Math.max(0, phase.file - 1) / phase.of
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
      {outcome ? (
        <MergeResults
          outcome={outcome}
          fileCount={readNow?.files ?? files.length}
          busy={busy}
          headingRef={resultsHeading}
          onTakeInstead={takeInstead}
        >
          <CompareOutcome
            comparison={outcome.comparison}
            problem={outcome.compareProblem}
            rejected={outcome.previousRejected}
          />
        </MergeResults>
      ) : null}
      {outcome && done ? <ReportDownload outcome={outcome} downloads={downloads} /> : null}
      <Dialog
        open={confirmReplace !== null}
        onOpenChange={(_, d) => {
          if (!d.open) setConfirmReplace(null);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("replaceSummaryTitle")}</DialogTitle>
            <DialogContent>
              {fill(t("replaceSummaryBody"), { sheets: (confirmReplace ?? []).join(", ") })}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirmReplace(null);
                  void guarded(prefer);
                }}
              >
                {t("replaceSummary")}
              </Button>
              <Button onClick={() => setConfirmReplace(null)}>{t("keepSummary")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
