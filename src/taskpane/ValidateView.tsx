import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  groupIssues,
  Issue,
  Msg,
  normalizableScores,
  FormSheet,
  ScoreChange,
  submissionName,
  validate,
  ValidationResult,
} from "../domain";
import { ReasonError } from "../domain/errors";
import { ErrorBar } from "./components";
import { CheckedSheet, Found, SheetChoice, useFoundForm } from "./FormPicker";
import { Gateway } from "./gateway";
import { fill, useT } from "./i18n";
import { codesText, DoneBar, firstScreen, ListFilter, StaleBar } from "./lists";
import { SavedFile, saveBlob, Saving } from "./SavedFile";
import { SubmitSlot } from "./m365/slots";
import { useGoTo, useStaleness, useWatch } from "./shell";
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
    width: "100%",
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalXS,
    whiteSpace: "normal",
    fontWeight: tokens.fontWeightRegular,
  },
  issueText: { display: "flex", flexDirection: "column", rowGap: "2px", minWidth: 0 },
  cell: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  header: { "& button": { height: "auto", paddingBlock: tokens.spacingVerticalXS } },
  headerText: { display: "flex", flexDirection: "column" },
  counts: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  copy: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  panel: { marginInline: 0 },
});

interface Checked {
  form: FormSheet;
  how: Found["how"];
  protectedSheet: boolean;
  result: ValidationResult;
  /** Scores stored as text or shown as a percentage (each converts to a number). */
  textScores: ScoreChange[];
  /** The pane's count of workbook changes when this check was made. */
  at: number;
  /** Why the sheet could not be fitted for printing before it was found ready, if so. */
  fitRefused: Msg | null;
}

type Filter = "all" | "error" | "warning";

/** Items without a score are one entry when there are this many or more (a blank form has all). */
const GROUP_NO_SCORE_FROM = 2;

/**
 * One click: read the sheet, run the rules, mark the cells, list the issues grouped by tool and
 * indicator (groups with errors open), with a filter and what to do next.
 */
export function ValidateView({
  gateway,
  now,
  downloads = true,
}: {
  gateway: Gateway;
  now?: Date;
  /** The Office host's webview saves downloads (`HostInfo.downloads`: not Excel for Mac or iPad). */
  downloads?: boolean;
}) {
  const t = useT();
  const styles = useStyles();
  const goTo = useGoTo();
  const watch = useWatch();
  const [checked, setChecked] = useState<Checked | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>("all");
  const [open, setOpen] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const { stale, now: changesNow } = useStaleness();
  const { find, choices, picked, setPicked } = useFoundForm(gateway, { geometry: true });

  /**
   * Validate and mark the form found (null: a choice is needed first). A form that passes is fitted
   * for printing before it is said to be ready (and read again when that changed it).
   */
  const checkFound = async (found0: Found | null, fitFirst = true) => {
    if (!found0) {
      setChecked(null);
      return;
    }
    let found = found0;
    let result = validate(found.form, { now });
    let fitRefused: Msg | null = null;
    watch.follow(found.form.sheet);
    if (result.ok && fitFirst) {
      try {
        const fitted = await gateway.fit(found.form.sheet);
        if (!fitted.unchanged) {
          const again = await find(found.form.sheet);
          if (again) {
            found = { ...again, how: found.how };
            result = validate(found.form, { now });
          }
        }
        if (watch.fitNeeded === found.form.sheet) watch.clearFitNeeded();
      } catch (e) {
        if (!(e instanceof ReasonError)) throw e;
        fitRefused = e.reason;
      }
    }
    const { form, protectedSheet, how } = found;
    await gateway.mark(form, result.issues, protectedSheet);
    // Open first: the indicators with errors (else all), as many as make a first screen.
    const groups = groupIssues(listed(result.issues), form.formDef).map((g) => ({
      ...g,
      items: g.issues,
    }));
    const withErrors = groups.filter((g) => g.errors);
    setOpen(firstScreen(withErrors.length ? withErrors : groups));
    setFilter("all");
    setChecked({
      form,
      how,
      protectedSheet,
      result,
      textScores: normalizableScores(form),
      at: changesNow(),
      fitRefused,
    });
  };

  /** Lay the sheet out again for print ("จัดหน้าพิมพ์"), then check it again. */
  const fit = (sheet?: string) =>
    run(async () => {
      setDone(null);
      const found = await find(sheet);
      if (!found) return;
      const r = await gateway.fit(found.form.sheet);
      watch.clearFitNeeded();
      setDone(
        r.unchanged ? t("fitUnchanged") : fill(t("fitDone"), { pages: r.pages, cut: r.cutBefore })
      );
      await checkFound(await find(found.form.sheet), false);
    });

  const check = (sheet?: string) =>
    run(async () => {
      setDone(null);
      await checkFound(await find(sheet));
    });

  const normalize = () =>
    run(async () => {
      if (!checked) return;
      const fixes = checked.textScores;
      await gateway.writeScores(checked.form.sheet, fixes, checked.protectedSheet);
      setDone(`${t("normalized")}: ${fixes.length}`);
      const again = await find(checked.form.sheet);
      await checkFound(again && { ...again, how: checked.how });
    });

  const issues = checked?.result.issues ?? [];
  const noScore = issues.filter((i) => i.rule === "score.required");
  const groupedNoScore = noScore.length >= GROUP_NO_SCORE_FROM;
  /** The issues listed by indicator: without the ones of the grouped "no score" entry. */
  function listed(all: readonly Issue[]): Issue[] {
    const n = all.filter((i) => i.rule === "score.required").length;
    return n >= GROUP_NO_SCORE_FROM ? all.filter((i) => i.rule !== "score.required") : [...all];
  }
  const shown = (i: Issue) => filter === "all" || i.severity === filter;
  const groups = checked
    ? groupIssues(listed(issues), checked.form.formDef)
        .map((g) => ({ ...g, shown: g.issues.filter(shown) }))
        .filter((g) => g.shown.length)
    : [];
  const count = (sev: Issue["severity"]) => issues.filter((i) => i.severity === sev).length;
  const clipped = issues.filter((i) => i.rule === "print.clipped");
  const textScores = checked?.textScores ?? [];
  const ready = Boolean(checked?.result.ok) && textScores.length === 0;

  return (
    <section className={styles.root} aria-labelledby="validate-title">
      <Subtitle2 as="h2" id="validate-title">
        {t("validateTitle")}
      </Subtitle2>
      <div className={styles.actions}>
        <Button id="validate-button" appearance="primary" disabled={busy} onClick={() => check()}>
          {t("validateButton")}
        </Button>
        <Button id="fit-button" disabled={busy} onClick={() => fit(checked?.form.sheet)}>
          {t("fitButton")}
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
      {checked && stale(checked.at) ? (
        <StaleBar disabled={busy} onCheck={() => check(checked.form.sheet)} />
      ) : null}
      {checked && watch.fitNeeded === checked.form.sheet ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("fitNeededTitle")}</MessageBarTitle>
            {t("fitNeededBody")}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={() => fit(checked.form.sheet)}>
              {t("fitButton")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <DoneBar text={done} />
      {checked ? <Summary result={checked.result} textScores={textScores} ready={ready} /> : null}
      {checked?.fitRefused ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("fitRefused")}</MessageBarTitle>
            {t.m(checked.fitRefused)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {checked && ready ? (
        <SubmissionCopy gateway={gateway} form={checked.form} downloads={downloads} />
      ) : null}
      {clipped.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{fill(t("clippedTitle"), { n: clipped.length })}</MessageBarTitle>
            {t("clippedBody")}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={() => fit(checked!.form.sheet)}>
              {t("fitNow")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <SubmitSlot
        state={!checked ? "unchecked" : stale(checked.at) ? "stale" : ready ? "ready" : "notReady"}
      />
      {textScores.length ? (
        <div>
          <Button onClick={normalize} disabled={busy}>
            {fill(t("normalize"), { n: textScores.length })}
          </Button>
        </div>
      ) : null}
      {issues.length ? (
        <>
          <Text size={200}>{t("severityHelp")}</Text>
          <ListFilter<Filter>
            value={filter}
            onChange={setFilter}
            options={[
              { value: "all", label: t("filterAll"), count: issues.length },
              { value: "error", label: t("filterErrors"), count: count("error") },
              { value: "warning", label: t("filterWarnings"), count: count("warning") },
            ]}
          />
        </>
      ) : null}
      {checked && groupedNoScore && filter !== "warning" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{fill(t("noScoreTitle"), { n: noScore.length })}</MessageBarTitle>
            {fill(t("noScoreBody"), { codes: codesText(noScore.map((i) => i.code!)) })}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              size="small"
              disabled={busy || !noScore[0].cell}
              onClick={() => run(() => gateway.select(checked.form.sheet, noScore[0].cell!))}
            >
              {fill(t("goToFirstEmpty"), { cell: noScore[0].cell ?? "" })}
            </Button>
            <Button size="small" onClick={() => goTo.focus("create", "import-scores-text")}>
              {t("importScoresNow")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {checked && groups.length ? (
        <Accordion
          multiple
          collapsible
          openItems={open}
          onToggle={(_, d) => setOpen(d.openItems as string[])}
        >
          {groups.map((g) => {
            const errors = g.shown.filter((i) => i.severity === "error").length;
            const warnings = g.shown.length - errors;
            return (
              <AccordionItem key={g.key} value={g.key}>
                <AccordionHeader as="h3" className={styles.header} expandIconPosition="end">
                  <span className={styles.headerText}>
                    <span>{t.m(g.title)}</span>
                    <span className={styles.counts}>
                      {[
                        errors ? fill(t("countErrors"), { n: errors }) : "",
                        warnings ? fill(t("countWarnings"), { n: warnings }) : "",
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </span>
                </AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <ul className={styles.group} aria-label={t.m(g.title)}>
                    {g.shown.map((i, k) => (
                      <li key={`${i.rule}-${i.code}-${k}`}>
                        <IssueButton
                          issue={i}
                          disabled={busy}
                          onSelect={() =>
                            i.cell && run(() => gateway.select(checked.form.sheet, i.cell!))
                          }
                        />
                      </li>
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      ) : null}
    </section>
  );
}

/** One issue: its message, its severity in words, and the cell it selects in Excel when pressed. */
function IssueButton({
  issue: i,
  disabled,
  onSelect,
}: {
  issue: Issue;
  disabled: boolean;
  onSelect: () => void;
}) {
  const t = useT();
  const styles = useStyles();
  return (
    <Button
      appearance="subtle"
      className={styles.issue}
      disabled={disabled || !i.cell}
      onClick={onSelect}
    >
      <span className={styles.issueText}>
        <span>{t.m(i.message)}</span>
        <span className={styles.cell}>
          <Badge
            appearance="filled"
            color={i.severity === "error" ? "danger" : "warning"}
            size="small"
          >
            {i.severity === "error" ? t("error") : t("warning")}
          </Badge>
          {i.cell ? `${t("goToCell")} ${i.cell}` : i.rule}
        </span>
      </span>
    </Button>
  );
}

function Summary({
  result,
  textScores,
  ready,
}: {
  result: ValidationResult;
  textScores: readonly ScoreChange[];
  ready: boolean;
}) {
  const t = useT();
  if (ready) {
    return (
      <MessageBar intent="success" role="status" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("readyTitle")}</MessageBarTitle>
          {t("readyBody")}
          {result.warnings ? ` · ${fill(t("countWarnings"), { n: result.warnings })}` : ""}
          <br />
          {`${t("nextStep")}: ${t("nextAfterReady")}`}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (result.ok) {
    // No rule fails, but scores stored as text are not numbers yet: not ready.
    return (
      <MessageBar intent="warning" role="status" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("textScoresTitle")}</MessageBarTitle>
          {fill(t("textScoresBody"), {
            n: textScores.length,
            cells: textScores.map((c) => c.cell).join(", "),
          })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="warning" role="status" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("notReadyTitle")}</MessageBarTitle>
        {`${fill(t("countErrors"), { n: result.errors })} · ${fill(t("countWarnings"), { n: result.warnings })}`}
        {textScores.length
          ? ` · ${fill(t("textScoresBody"), { n: textScores.length, cells: textScores.map((c) => c.cell).join(", ") })}`
          : ""}
        <br />
        {`${t("nextStep")}: ${t("nextAfterErrors")}`}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The copy a unit sends, offered once the report is ready: the workbook as Excel has it (its bytes
 * from `getFileAsync`, Compressed) named by the convention (`ITA-2569-12-1035-จอมทอง.xlsx`), and as
 * PDF where the host gives one; saved through the download path, with its link when the download did
 * not start (Excel for Mac and iPad).
 */
function SubmissionCopy({
  gateway,
  form,
  downloads,
}: {
  gateway: Gateway;
  form: FormSheet;
  downloads: boolean;
}) {
  const t = useT();
  const styles = useStyles();
  const [saving, setSaving] = useState<Saving | null>(null);
  const { busy, error, run } = useAction();
  const files = gateway.document();
  const xlsx = submissionName(form, "xlsx");
  const save = (type: "xlsx" | "pdf") =>
    run(async () => {
      setSaving(null);
      const bytes = await files!.file(type);
      const name = submissionName(form, type);
      const mime =
        type === "pdf"
          ? "application/pdf"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      setSaving(await saveBlob(name, new Blob([bytes as BlobPart], { type: mime }), downloads));
    });
  return (
    <section className={styles.copy} aria-labelledby="copy-title">
      <Text as="h3" id="copy-title" weight="semibold">
        {t("copyTitle")}
      </Text>
      {files ? (
        <>
          <Text size={200}>{fill(t("copyHint"), { file: xlsx })}</Text>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy} onClick={() => save("xlsx")}>
              {t("copyXlsx")}
            </Button>
            {files.pdf ? (
              <Button disabled={busy} onClick={() => save("pdf")}>
                {t("copyPdf")}
              </Button>
            ) : null}
          </div>
          {files.pdf ? null : <Text size={200}>{t("copyNoPdf")}</Text>}
          {busy ? <Spinner size="tiny" label={t("copying")} /> : null}
          <ErrorBar error={error} />
          <SavedFile
            saving={saving}
            onHelp={() => saving && setSaving({ ...saving, help: true })}
            elsewhere={fill(t("copyElsewhere"), { file: saving?.name ?? xlsx })}
            linkText="saveByLinkFile"
          />
        </>
      ) : (
        <Text size={200}>{fill(t("copyNoFile"), { file: xlsx })}</Text>
      )}
    </section>
  );
}
