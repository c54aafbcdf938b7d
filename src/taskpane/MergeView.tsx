import {
  Button,
  Field,
  makeStyles,
  ProgressBar,
  Subtitle2,
  Switch,
  Input,
  tokens,
  Badge,
  shorthands,
} from "@fluentui/react-components";
import { DragEvent, useRef, useState } from "react";
import {
  buildSummary,
  DEFAULT_CATALOG,
  DEFAULT_PASS_MARK,
  isPassMark,
  typedNumber,
  mergeForms,
  MergeResult,
  Msg,
  Submission,
} from "../domain";
import { fflateInflate } from "../xlsx/read/fflateInflate";
import { readSubmission } from "../xlsx/read/submission";
import { ErrorBar, SuccessBar } from "./components";
import { Gateway } from "./gateway";
import { StringKey, useT } from "./i18n";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  drop: {
    ...shorthands.border("2px", "dashed", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  dropActive: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
});

interface FileRow {
  name: string;
  state: StringKey;
  detail: string | null;
}

type Phase = { kind: "idle" } | { kind: "reading" | "writing"; done: number; total: number };

const pause = () => new Promise((r) => setTimeout(r, 0));

/** Choose many district workbooks, read them here in the pane, write the summary sheets into this workbook. */
export function MergeView({ gateway }: { gateway: Gateway }) {
  const t = useT();
  const styles = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [over, setOver] = useState(false);
  const [expectDistricts, setExpectDistricts] = useState(true);
  const [passMark, setPassMark] = useState(String(DEFAULT_PASS_MARK));
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [rows, setRows] = useState<FileRow[]>([]);
  const [result, setResult] = useState<MergeResult | null>(null);
  // What was read, and the files the user took over a later copy (see "use this file instead").
  const [read, setRead] = useState<{ subs: Submission[]; names: string[] } | null>(null);
  const [prefer, setPrefer] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const cancel = useRef({ aborted: false });
  const { busy, error, run, setError } = useAction();
  const passNum = typedNumber(passMark) ?? NaN;
  const passOk = isPassMark(passNum);

  const choose = (list: FileList | null) => {
    setFiles(
      Array.from(list ?? []).filter(
        (f) => /\.(xlsx|xls|xlsm|xlsb|ods|numbers)$/i.test(f.name) || f.type.includes("sheet")
      )
    );
    setRows([]);
    setResult(null);
    setDone(null);
    setRead(null);
    setPrefer([]);
  };

  /** Merge what was read and write the summary into this workbook. */
  const mergeAndWrite = async (subs: Submission[], names: string[], chosen: string[]) => {
    const merged = mergeForms(subs, {
      catalog: DEFAULT_CATALOG,
      passMark: passNum,
      expect: expectDistricts ? "districts" : "none",
      prefer: chosen,
    });
    setRows(names.map((n) => fileRow(n, merged, t.m)));
    setResult(merged);
    if (!merged.merged.length) {
      setPhase({ kind: "idle" });
      setError({ th: t("noneMerged"), en: t("noneMerged") } as Msg);
      return;
    }
    setPhase({ kind: "writing", done: 0, total: 1 });
    await gateway.writeSummary(buildSummary(merged), {
      signal: cancel.current,
      onProgress: (d, total) => setPhase({ kind: "writing", done: d, total }),
    });
    setPhase({ kind: "idle" });
    setDone(`${t("mergeDone")}: ${merged.merged.length} / ${names.length}`);
  };

  /** Take a superseded file instead of the copy that replaced it, and write the summary again. */
  const takeInstead = (file: string, by: string) =>
    run(async () => {
      if (!read) return;
      cancel.current = { aborted: false };
      setDone(null);
      const chosen = [...prefer.filter((f) => f !== by && f !== file), file];
      setPrefer(chosen);
      await mergeAndWrite(read.subs, read.names, chosen);
    }).finally(() => setPhase({ kind: "idle" }));

  const start = () =>
    run(async () => {
      cancel.current = { aborted: false };
      setDone(null);
      setResult(null);
      const subs: Submission[] = [];
      const status: FileRow[] = files.map((f) => ({
        name: f.name,
        state: "reading",
        detail: null,
      }));
      setRows([...status]);
      for (const [i, f] of files.entries()) {
        if (cancel.current.aborted) {
          setError({ th: "ยกเลิกแล้ว ยังไม่ได้เขียนสรุป", en: "Cancelled; no summary written" });
          setPhase({ kind: "idle" });
          return;
        }
        setPhase({ kind: "reading", done: i, total: files.length });
        await pause();
        const read = readSubmission(f.name, new Uint8Array(await f.arrayBuffer()), {
          inflate: fflateInflate,
          catalog: DEFAULT_CATALOG,
        });
        // The file's own saved time, else the time the browser gives for the file.
        for (const s of read)
          if (s.form && !s.saved && f.lastModified)
            s.saved = { at: new Date(f.lastModified).toISOString(), source: "filesystem" };
        subs.push(...read);
        const rejected = read.find((x) => x.error)?.error;
        status[i] = rejected
          ? { name: f.name, state: "stRejected", detail: t.m(rejected) }
          : { name: f.name, state: "stRead", detail: null };
        setRows([...status]);
      }
      const names = files.map((f) => f.name);
      setRead({ subs, names });
      setPrefer([]);
      await mergeAndWrite(subs, names, []);
    }).finally(() => setPhase({ kind: "idle" }));

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    choose(e.dataTransfer.files);
  };

  return (
    <section className={styles.root} aria-labelledby="merge-title">
      <Subtitle2 as="h2" id="merge-title">
        {t("mergeTitle")}
      </Subtitle2>
      <div
        className={`${styles.drop} ${over ? styles.dropActive : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Field label={t("chooseFiles")} hint={t("dropHere")}>
          {(fieldProps) => (
            <input
              {...fieldProps}
              type="file"
              multiple
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => choose(e.target.files)}
            />
          )}
        </Field>
        {files.length ? <span>{`${files.length} ${t("filesChosen")}`}</span> : null}
      </div>
      <Switch
        label={t("expectDistricts")}
        checked={expectDistricts}
        onChange={(_, d) => setExpectDistricts(d.checked)}
      />
      <Field label={t("passMark")} validationMessage={passOk ? undefined : t("invalidPassMark")}>
        <Input type="number" value={passMark} onChange={(_, d) => setPassMark(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !files.length || !passOk} onClick={start}>
          {t("startMerge")}
        </Button>
        <Button disabled={!busy} onClick={() => (cancel.current.aborted = true)}>
          {t("cancelMerge")}
        </Button>
      </div>
      {phase.kind !== "idle" ? (
        <Field
          label={`${t(phase.kind === "reading" ? "reading" : "writing")} ${phase.done}/${phase.total}`}
          validationState="none"
        >
          <ProgressBar value={phase.total ? phase.done / phase.total : 0} />
        </Field>
      ) : null}
      <ErrorBar error={error} />
      <SuccessBar text={done} />
      {rows.length ? (
        <section aria-label={t("fileStatus")}>
          <Subtitle2 as="h3">{t("fileStatus")}</Subtitle2>
          <ul className={styles.list}>
            {rows.map((r, i) => (
              <li key={`${r.name}-${i}`}>
                <Badge
                  appearance="tint"
                  color={
                    r.state === "stRejected" || r.state === "stDuplicate"
                      ? "danger"
                      : r.state === "stErrors"
                        ? "warning"
                        : r.state === "stSuperseded"
                          ? "informative"
                          : "success"
                  }
                >
                  {t(r.state)}
                </Badge>{" "}
                {r.name}
                {r.detail ? ` — ${r.detail}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result && result.superseded.length ? (
        <section aria-label={t("supersededTitle")}>
          <Subtitle2 as="h3">{t("supersededTitle")}</Subtitle2>
          <ul className={styles.list}>
            {result.superseded.map((x) => (
              <li key={`${x.file}|${x.sheet}`}>
                {`${x.file} — ${x.unit} · ${t("supersededBy")} ${x.by} `}
                <Button size="small" disabled={busy} onClick={() => takeInstead(x.file, x.by)}>
                  {t("useInstead")}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result && result.missing.length ? (
        <p>
          <strong>{`${t("missingUnits")} (${result.missing.length}): `}</strong>
          {result.missing.map((u) => u.th).join(", ")}
        </p>
      ) : null}
    </section>
  );
}

function fileRow(name: string, r: MergeResult, m: (x: Msg) => string): FileRow {
  const rejected = r.rejected.filter((x) => x.file === name);
  const merged = r.merged.filter((x) => x.file === name);
  const superseded = r.superseded.filter((x) => x.file === name);
  if (superseded.length && !merged.length && !rejected.length)
    return { name, state: "stSuperseded", detail: superseded.map((x) => m(x.note)).join("; ") };
  if (rejected.length && !merged.length) {
    const dup = r.duplicates.some((d) => d.files.includes(name));
    return {
      name,
      state: dup ? "stDuplicate" : "stRejected",
      detail: rejected.map((x) => m(x.reason)).join("; "),
    };
  }
  const errors = merged.reduce((n, x) => n + x.validation.errors, 0);
  const warnings = merged.reduce((n, x) => n + x.validation.warnings, 0);
  const unit = merged.map((x) => x.label).join(", ");
  if (errors)
    return {
      name,
      state: "stErrors",
      detail: `${unit}: ${errors} ${m({ th: "ข้อผิดพลาด", en: "errors" })}, ${warnings} ${m({ th: "คำเตือน", en: "warnings" })}`,
    };
  if (warnings)
    return {
      name,
      state: "stWarnings",
      detail: `${unit}: ${warnings} ${m({ th: "คำเตือน", en: "warnings" })}`,
    };
  return { name, state: "stValid", detail: unit };
}
