import {
  Button,
  Field,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  parseScoresList,
  plannedScoreChanges,
  FormSheet,
  ScoreChange,
  UnmatchedLine,
} from "../domain";
import { ErrorBar } from "./components";
import { CheckedSheet, Found, SheetChoice, useFoundForm } from "./FormPicker";
import { Gateway } from "./gateway";
import { useT } from "./i18n";
import { DoneBar } from "./lists";
import { useGoTo } from "./shell";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

interface Plan {
  form: FormSheet;
  how: Found["how"];
  changes: ScoreChange[];
  unmatched: UnmatchedLine[];
}

/** Paste a scores list, preview what changes, apply it to the form on the active sheet. */
export function ImportScores({ gateway }: { gateway: Gateway }) {
  const t = useT();
  const styles = useStyles();
  const goTo = useGoTo();
  const [text, setText] = useState("");
  const [plan, setPlan] = useState<Plan | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** The lines of the last import that were not imported: kept after the import, to be corrected. */
  const [skipped, setSkipped] = useState<UnmatchedLine[]>([]);
  const { busy, error, run } = useAction();
  const { find, choices, picked, setPicked } = useFoundForm(gateway);

  const preview = (sheet?: string) =>
    run(async () => {
      setDone(null);
      setSkipped([]);
      const found = await find(sheet);
      if (!found) return setPlan(null);
      const { form, how } = found;
      const { scores, unmatched } = parseScoresList(text, form.formDef);
      setPlan({ form, how, changes: plannedScoreChanges(form, scores), unmatched });
    });

  const apply = () =>
    run(async () => {
      if (!plan) return;
      await gateway.writeScores(plan.form.sheet, plan.changes);
      setDone(`${t("imported")}: ${plan.changes.length} (${plan.form.sheet})`);
      setSkipped(plan.unmatched);
      setPlan(null);
    });

  return (
    <section className={styles.root} aria-labelledby="import-title">
      <Subtitle2 as="h2" id="import-title">
        {t("importTitle")}
      </Subtitle2>
      <Field label={t("importLabel")}>
        <Textarea
          id="import-scores-text"
          resize="vertical"
          rows={5}
          value={text}
          onChange={(_, d) => {
            setText(d.value);
            setPlan(null);
          }}
        />
      </Field>
      <div className={styles.actions}>
        <Button disabled={busy || !text.trim()} onClick={() => preview()}>
          {t("preview")}
        </Button>
        <Button
          appearance="primary"
          disabled={busy || !plan || plan.changes.length === 0}
          onClick={apply}
        >
          {t("apply")}
        </Button>
      </div>
      {text.trim() && !plan && !busy && !choices && !done ? <p>{t("previewFirst")}</p> : null}
      {choices ? (
        <SheetChoice
          sheets={choices}
          value={picked}
          disabled={busy}
          onChoose={(sheet) => {
            setPicked(sheet);
            void preview(sheet);
          }}
        />
      ) : null}
      {plan ? <CheckedSheet found={plan} /> : null}
      {plan ? (
        plan.changes.length ? (
          <Table size="extra-small" aria-label={t("preview")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("code")}</TableHeaderCell>
                <TableHeaderCell>{t("before")}</TableHeaderCell>
                <TableHeaderCell>{t("after")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.changes.map((c) => (
                <TableRow key={c.code}>
                  <TableCell>{c.code}</TableCell>
                  <TableCell>{c.before || "–"}</TableCell>
                  <TableCell>{c.after.toFixed(2)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <p>{t("noChanges")}</p>
        )
      ) : null}
      {plan?.unmatched.length ? (
        <div role="status">
          <strong>{t("unmatched")}</strong>
          <ul>
            {plan.unmatched.map((u) => (
              <li key={u.line}>
                {t("line")} {u.line}: “{u.text}” — {t.m(u.reason)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorBar error={error} />
      <DoneBar
        text={done}
        next={t("nextAfterImport")}
        action={
          <Button size="small" onClick={() => goTo.focus("validate", "validate-button")}>
            {t("goValidate")}
          </Button>
        }
      />
      {!plan && skipped.length ? (
        <div role="status">
          <strong>{t("skippedAfterImport")}</strong>
          <ul>
            {skipped.map((u) => (
              <li key={u.line}>
                {t("line")} {u.line}: “{u.text}” — {t.m(u.reason)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
