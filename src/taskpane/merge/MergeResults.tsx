import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { Fragment, ReactNode, Ref } from "react";
import { formChoiceNote, MergeOutcome } from "../../app/mergeSession";
import { periodWords } from "../../domain/period";
import { unitName as unitNameIn } from "../../domain/units";
import type { MergedUnit, MergeResult } from "../../domain";
import { StringKey, Translate, useT } from "../i18n";
import { fill } from "../fill";
import { ShortList } from "./ShortList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  part: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  name: { fontWeight: tokens.fontWeightSemibold },
  count: { display: "inline-block", maxWidth: "100%" },
  title: { ...typographyStyles.subtitle2, margin: 0 },
});

/**
 * The period merged, then the problems: the files refused (with why), the units missing, the copies
 * superseded, the files skipped. What `children` gives (the comparison with the previous period)
 * follows the counts.
 */
export function MergeResults({
  outcome,
  fileCount,
  busy,
  headingRef,
  onTakeInstead,
  children,
}: {
  outcome: MergeOutcome;
  fileCount: number;
  busy: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onTakeInstead: (file: string, by: string) => void;
  children?: ReactNode;
}) {
  const t = useT();
  const styles = useStyles();
  const result = outcome.result;
  const formNote = formChoiceNote(outcome);
  const rejected = rejectedFiles(result);
  const merged = [...result.merged].sort((a, b) => severity(b) - severity(a));
  const counts = [
    rejected.length ? fill(t("countRejected"), { n: rejected.length }) : null,
    result.missing.length ? fill(t("countMissing"), { n: result.missing.length }) : null,
    result.superseded.length ? fill(t("countSuperseded"), { n: result.superseded.length }) : null,
    outcome.skipped.length ? fill(t("countSkipped"), { n: outcome.skipped.length }) : null,
    fill(t("countMerged"), { n: result.merged.length, files: fileCount }),
  ].filter((x): x is string => x !== null);
  const problems = rejected.length > 0 || result.missing.length > 0;

  return (
    <section className={styles.root} aria-labelledby="merge-results-title">
      <h3
        id="merge-results-title"
        ref={headingRef}
        tabIndex={-1}
        aria-describedby="merge-counts"
        className={styles.title}
      >
        {t("resultsTitle")}
      </h3>
      {result.period ? (
        <Text id="merge-period" weight="semibold">
          {fill(t("mergedPeriod"), { period: t.m(periodWords(result.period)) })}
        </Text>
      ) : null}
      <MessageBar intent={problems ? "warning" : "success"} layout="multiline">
        <MessageBarBody id="merge-counts">
          {/* Each count on one line: a narrow pane breaks between counts, not inside a word. */}
          {counts.map((c, i) => (
            <Fragment key={c}>
              {i ? " · " : null}
              <span className={styles.count}>{c}</span>
            </Fragment>
          ))}
        </MessageBarBody>
      </MessageBar>
      {formNote ? <Text id="merge-form-note">{t.m(formNote)}</Text> : null}
      {children}

      {rejected.length ? (
        <Part title={fill(t("rejectedTitle"), { n: rejected.length })} id="merge-rejected">
          <ShortList
            items={rejected}
            label={fill(t("rejectedTitle"), { n: rejected.length })}
            keyOf={(r) => r.file}
            render={(r) => (
              <>
                <Badge appearance="tint" color="danger">
                  {t(r.duplicate ? "stDuplicate" : "stRejected")}
                </Badge>{" "}
                <span className={styles.name}>{r.file}</span>
                {` — ${r.reasons.map((x) => t.m(x)).join("; ")}`}
              </>
            )}
          />
        </Part>
      ) : null}

      {result.missing.length ? (
        <Part title={fill(t("missingTitle"), { n: result.missing.length })} id="merge-missing">
          <ShortList
            items={result.missing}
            first={8}
            label={fill(t("missingTitle"), { n: result.missing.length })}
            keyOf={(u) => u.code ?? u.th}
            render={(u) => unitNameIn(u, t.lang)}
          />
        </Part>
      ) : null}

      {result.superseded.length ? (
        <Part
          title={fill(t("supersededTitleN"), { n: result.superseded.length })}
          id="merge-superseded"
        >
          <ShortList
            items={result.superseded}
            label={fill(t("supersededTitleN"), { n: result.superseded.length })}
            keyOf={(x) => `${x.file}|${x.sheet}`}
            render={(x) => (
              <>
                {`${x.file} — ${supersededName(x.unit, x.by, result, t)} · ${t(
                  x.reason === "chosen" ? "supersededChosen" : "supersededBy"
                )} ${x.by} `}
                <Button size="small" disabled={busy} onClick={() => onTakeInstead(x.file, x.by)}>
                  {t(x.reason === "chosen" ? "useLaterAgain" : "useInstead")}
                </Button>
              </>
            )}
          />
        </Part>
      ) : null}

      {outcome.skipped.length ? (
        <Part title={fill(t("skippedTitle"), { n: outcome.skipped.length })} id="merge-skipped">
          <ShortList
            items={outcome.skipped}
            label={fill(t("skippedTitle"), { n: outcome.skipped.length })}
            keyOf={(x) => x.file}
            render={(x) => (
              <>
                <span className={styles.name}>{x.file}</span>
                {` — ${t.m(x.reason)}`}
              </>
            )}
          />
        </Part>
      ) : null}

      {merged.length ? (
        <Part title={fill(t("mergedTitle"), { n: merged.length })} id="merge-merged">
          <ShortList
            items={merged}
            label={fill(t("mergedTitle"), { n: merged.length })}
            keyOf={(m) => `${m.file}|${m.sheet}`}
            render={(m) => {
              const s = mergedState(m);
              return (
                <>
                  <Badge appearance="tint" color={s.color}>
                    {t(s.key)}
                  </Badge>{" "}
                  <span className={styles.name}>{m.file}</span>
                  {` — ${mergedName(m, t)}${counted(m, t)}`}
                  {m.mappedFrom ? ` · ${fill(t("mergedMapped"), { form: m.mappedFrom })}` : null}
                </>
              );
            }}
          />
        </Part>
      ) : null}
    </section>
  );
}

function Part({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.part} aria-labelledby={id}>
      <Text as="h4" id={id} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      {children}
    </section>
  );
}

interface RejectedFile {
  file: string;
  duplicate: boolean;
  reasons: { th: string; en: string }[];
}

/** One entry per refused file, its reasons in the order given (a file may hold several forms). */
export function rejectedFiles(r: MergeResult): RejectedFile[] {
  const out = new Map<string, RejectedFile>();
  for (const x of r.rejected) {
    const e = out.get(x.file) ?? {
      file: x.file,
      duplicate: r.duplicates.some((d) => d.files.includes(x.file)),
      reasons: [],
    };
    if (!e.reasons.some((m) => m.th === x.reason.th)) e.reasons.push(x.reason);
    out.set(x.file, e);
  }
  return [...out.values()];
}

const severity = (m: MergedUnit) => (m.validation.errors ? 2 : m.validation.warnings ? 1 : 0);

function mergedState(m: MergedUnit): { key: StringKey; color: "danger" | "warning" | "success" } {
  if (m.validation.errors) return { key: "stErrors", color: "warning" };
  if (m.validation.warnings) return { key: "stWarnings", color: "warning" };
  return { key: "stValid", color: "success" };
}

/** The items with errors and with warnings, by code (`2 errors: I3, I22`); the form's own problems as "form". */
function counted(m: MergedUnit, t: Translate): string {
  const items = (severity: "error" | "warning") => {
    const codes = [
      ...new Set(
        m.validation.issues
          .filter((i) => i.severity === severity)
          .map((i) => i.code ?? t("formWide"))
      ),
    ];
    return codes.length > 6 ? `${codes.slice(0, 6).join(", ")} …` : codes.join(", ");
  };
  const parts = [
    m.validation.errors
      ? `${fill(t("nErrors"), { n: m.validation.errors })} (${items("error")})`
      : null,
    m.validation.warnings
      ? `${fill(t("nWarnings"), { n: m.validation.warnings })} (${items("warning")})`
      : null,
  ].filter(Boolean);
  return parts.length ? `: ${parts.join("; ")}` : "";
}

/** A unit by its English name in English where it has one; otherwise (and in Thai) as the form names it. */
const mergedName = (m: MergedUnit, t: Translate) =>
  t.lang === "en" && m.unit.en !== m.unit.th ? m.unit.en : m.label;

/** A superseded copy's unit as the copy merged instead names it. */
function supersededName(unit: string, by: string, r: MergeResult, t: Translate): string {
  const merged = r.merged.find((m) => m.file === by);
  return merged ? mergedName(merged, t) : unit;
}
