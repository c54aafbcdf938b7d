import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Field,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { codeSpan } from "../domain";
import { useT } from "./i18n";
import { useFocusOn } from "./shell";

/** Pieces the long lists of the validate and flags views share. */

const useStyles = makeStyles({
  filter: { "& .fui-RadioGroup": { flexWrap: "wrap" } },
  status: { outlineOffset: "2px" },
});

/** A choice of what a list shows, each option with its count. */
export function ListFilter<V extends string>({
  value,
  options,
  onChange,
}: {
  value: V;
  options: readonly { value: V; label: string; count: number }[];
  onChange: (v: V) => void;
}) {
  const t = useT();
  const styles = useStyles();
  return (
    <Field label={t("show")} className={styles.filter}>
      <RadioGroup layout="horizontal" value={value} onChange={(_, d) => onChange(d.value as V)}>
        {options.map((o) => (
          <Radio key={o.value} value={o.value} label={`${o.label} (${o.count})`} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/**
 * What an action did and what to do next, in one bar that takes the keyboard focus when it appears
 * (the control used may be gone: an inserted item leaves the list).
 */
export function DoneBar({
  text,
  next,
  action,
}: {
  text: string | null;
  next?: string | null;
  action?: ReactNode;
}) {
  const t = useT();
  const styles = useStyles();
  const ref = useFocusOn<HTMLDivElement>(text);
  if (!text) return null;
  return (
    <MessageBar intent="success" role="status" ref={ref} tabIndex={-1} className={styles.status}>
      <MessageBarBody>
        <MessageBarTitle>{text}</MessageBarTitle>
        {next ? `${t("nextStep")}: ${next}` : null}
      </MessageBarBody>
      {action ? <MessageBarActions>{action}</MessageBarActions> : null}
    </MessageBar>
  );
}

/** Said over a list checked before the pane last changed the workbook. */
export function StaleBar({ onCheck, disabled }: { onCheck: () => void; disabled: boolean }) {
  const t = useT();
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>{t("staleTitle")}</MessageBarTitle>
        {t("staleBody")}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onCheck} disabled={disabled}>
          {t("checkAgain")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** Item codes as a user reads them: runs joined ("I1–I30, E1–E12, O1-O22"). */
export function codesText(codes: readonly string[]): string {
  const runs: string[][] = [];
  const num = (c: string) => /^([A-Z])(\d+)$/.exec(c);
  for (const c of codes) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    const a = prev ? num(prev) : null;
    const b = num(c);
    if (a && b && a[1] === b[1] && Number(b[2]) === Number(a[2]) + 1) last.push(c);
    else runs.push([c]);
  }
  return runs.map((r) => (r.length > 1 ? codeSpan(r) : r[0])).join(", ");
}

/** Rows a first screen of a list shows open before the rest is left folded. */
const FIRST_SCREEN_ROWS = 10;

/** Keys of the first groups, taken while their rows fit a first screen (at least one group). */
export function firstScreen(
  groups: readonly { key: string; items: readonly unknown[] }[]
): string[] {
  const out: string[] = [];
  let rows = 0;
  for (const g of groups) {
    if (out.length && rows + g.items.length > FIRST_SCREEN_ROWS) break;
    out.push(g.key);
    rows += g.items.length;
  }
  return out;
}
