import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
} from "@fluentui/react-components";
import { COMPARE_SHEET, Comparison, comparisonCounts, Msg, periodWords } from "../../domain";
import { Translate, useT } from "../i18n";
import { fill } from "../fill";

const useStyles = makeStyles({
  text: { overflowWrap: "anywhere", minWidth: 0 },
});

/** The comparison in one short line: units up, down, unchanged; items fallen under the pass mark. */
export function compareLine(c: Comparison, t: Translate): string {
  if (!c.units.length)
    return `${fill(t("compareLine"), { period: t.m(periodWords(c.previous)), up: 0, down: 0, same: 0, n: 0 })} — ${t("compareNone")}`;
  const n = comparisonCounts(c);
  const notComparable = [...c.onlyPreviousItems, ...c.onlyCurrentItems].map((i) => i.code);
  return [
    fill(t("compareLine"), {
      period: t.m(periodWords(c.previous)),
      up: n.improved,
      down: n.declined,
      same: n.unchanged,
      n: c.units.length,
    }),
    n.incomplete ? fill(t("compareIncomplete"), { n: n.incomplete }) : null,
    fill(t("compareFell"), { fell: n.fell, rose: n.rose }),
    notComparable.length
      ? fill(t("compareNotComparable"), { codes: notComparable.join(", ") })
      : null,
    fill(t("compareSheetNote"), { sheet: COMPARE_SHEET }),
  ]
    .filter((x): x is string => x !== null)
    .join(" · ");
}

/**
 * What the comparison with the previous period gave: its line, or why there is none (the merge was
 * written without it). Nothing when no previous files were chosen.
 */
export function CompareOutcome({
  comparison,
  problem,
  rejected = [],
}: {
  comparison: Comparison | null;
  problem: Msg | null;
  /** Files of the previous period that could not be read, with why. */
  rejected?: readonly { file: string; reason: Msg }[];
}) {
  const t = useT();
  const styles = useStyles();
  const notRead = rejected.length ? (
    <Text id="merge-compare-rejected" className={styles.text}>
      {`${fill(t("comparePreviousRejected"), { n: rejected.length })} ${rejected
        .map((r) => `${r.file}: ${t.m(r.reason)}`)
        .join("; ")}`}
    </Text>
  ) : null;
  if (problem)
    return (
      <MessageBar intent="warning" layout="multiline" role="status">
        <MessageBarBody>
          <MessageBarTitle>{t("compareSkippedTitle")}</MessageBarTitle>
          <span className={styles.text}>
            {t.m(problem)} {t("compareSkippedBody")}
          </span>
          {notRead}
        </MessageBarBody>
      </MessageBar>
    );
  if (!comparison) return null;
  return (
    <>
      <Text id="merge-compare" className={styles.text}>
        {compareLine(comparison, t)}
      </Text>
      {notRead}
    </>
  );
}
