import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { groupIssues, normalizableScores, ReadForm, validate, ValidationResult } from "../domain";
import { ErrorBar, SuccessBar } from "./components";
import { CheckedSheet, Found, SheetChoice, useFoundForm } from "./FormPicker";
import { Gateway } from "./gateway";
import { useT } from "./i18n";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  issue: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    paddingBlock: tokens.spacingVerticalXS,
    whiteSpace: "normal",
  },
  issueText: { display: "flex", flexDirection: "column", rowGap: "2px" },
  cell: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  /** Read by screen readers, not shown: the severity the badge shows by colour. */
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

interface Checked {
  form: ReadForm;
  how: Found["how"];
  result: ValidationResult;
}

/** One click: read the sheet, run the rules, mark the cells, list the issues grouped by tool and indicator. */
export function ValidateView({ gateway, now }: { gateway: Gateway; now?: Date }) {
  const t = useT();
  const styles = useStyles();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const { find, choices, picked, setPicked } = useFoundForm(gateway);

  /** Validate and mark the form found (null: a choice is needed first). */
  const checkFound = async (found: Found | null) => {
    if (!found) {
      setChecked(null);
      return;
    }
    const { form, protectedSheet, how } = found;
    const result = validate(form, { now });
    await gateway.mark(form, result.issues, protectedSheet);
    setChecked({ form, how, result });
  };

  const check = (sheet?: string) =>
    run(async () => {
      setDone(null);
      await checkFound(await find(sheet));
    });

  const normalize = () =>
    run(async () => {
      if (!checked) return;
      const fixes = normalizableScores(checked.form);
      await gateway.writeScores(checked.form.sheet, fixes);
      setDone(`${t("normalized")}: ${fixes.length}`);
      const again = await find(checked.form.sheet);
      await checkFound(again && { ...again, how: checked.how });
    });

  const fixable = checked ? normalizableScores(checked.form).length : 0;
  return (
    <section className={styles.root} aria-labelledby="validate-title">
      <Subtitle2 as="h2" id="validate-title">
        {t("validateTitle")}
      </Subtitle2>
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => check()}>
          {t("validateButton")}
        </Button>
      </div>
      {busy ? <Spinner size="tiny" label={t("validating")} /> : null}
      <ErrorBar error={error} />
      {choices ? (
        <SheetChoice
          sheets={choices}
          value={picked}
          disabled={busy}
          onChoose={(sheet) => {
            setPicked(sheet);
            void check(sheet);
          }}
        />
      ) : null}
      {checked ? <CheckedSheet found={checked} /> : null}
      {checked ? <Summary result={checked.result} /> : null}
      {fixable ? (
        <Button onClick={normalize} disabled={busy}>
          {t("normalize")} ({fixable})
        </Button>
      ) : null}
      <SuccessBar text={done} />
      {checked
        ? groupIssues(checked.result.issues, checked.form.catalog).map((g) => (
            <section key={g.key} aria-label={t.m(g.title)}>
              <Subtitle2 as="h3">{t.m(g.title)}</Subtitle2>
              <ul className={styles.group}>
                {g.issues.map((i, k) => (
                  <li key={`${i.rule}-${i.code}-${k}`}>
                    <Button
                      appearance="subtle"
                      className={styles.issue}
                      disabled={!i.cell}
                      onClick={() =>
                        i.cell && run(() => gateway.select(checked.form.sheet, i.cell!))
                      }
                      icon={
                        <Badge
                          appearance="filled"
                          color={i.severity === "error" ? "danger" : "warning"}
                          size="small"
                          aria-hidden
                        >
                          {i.severity === "error" ? "!" : "?"}
                        </Badge>
                      }
                    >
                      <span className={styles.issueText}>
                        <span>
                          <span
                            className={styles.hidden}
                          >{`${i.severity === "error" ? t("error") : t("warning")}: `}</span>
                          {t.m(i.message)}
                        </span>
                        <span className={styles.cell}>
                          {i.cell ? `${t("goToCell")} ${i.cell}` : i.rule}
                        </span>
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
            </section>
          ))
        : null}
    </section>
  );
}

function Summary({ result }: { result: ValidationResult }) {
  const t = useT();
  if (result.ok) {
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>
          <MessageBarTitle>{t("readyTitle")}</MessageBarTitle>
          {t("readyBody")}
          {result.warnings ? ` · ${result.warnings} ${t("warnings")}` : ""}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" role="status">
      <MessageBarBody>
        <MessageBarTitle>{t("notReadyTitle")}</MessageBarTitle>
        {`${result.errors} ${t("errors")} · ${result.warnings} ${t("warnings")}`}
      </MessageBarBody>
    </MessageBar>
  );
}
