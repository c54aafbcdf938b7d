import {
  Button,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import {
  DEFAULT_PASS_MARK,
  dueReport,
  defaultSheetName,
  formForYear,
  FormMeta,
  freeSheetName,
  isFiscalYear,
  isPassMark,
  typedNumber,
  renderForm,
  resolveUnit,
  Round,
  roundPeriod,
  searchDistricts,
  suggestDistricts,
  unitDisplayName,
  unitName,
} from "../domain";
import { ErrorBar, SuccessBar } from "./components";
import { Gateway } from "./gateway";
import { useT } from "./i18n";
import { ImportScores } from "./ImportScores";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
  suggestions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
  },
});

export function CreateView({ gateway, now = new Date() }: { gateway: Gateway; now?: Date }) {
  const t = useT();
  const styles = useStyles();
  const [unitText, setUnitText] = useState("");
  // The report due now (the user can change both).
  const due = useMemo(() => dueReport(now), [now]);
  const [year, setYear] = useState(String(due.fiscalYear));
  const [round, setRound] = useState<Round>(due.round);
  const [passMark, setPassMark] = useState(String(DEFAULT_PASS_MARK));
  const [preparer, setPreparer] = useState("");
  const [pendingName, setPendingName] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const options = useMemo(() => searchDistricts(unitText).slice(0, 50), [unitText]);
  const nearMisses = useMemo(() => suggestDistricts(unitText), [unitText]);
  const yearNum = Number(year);
  const yearOk = isFiscalYear(yearNum);
  const passNum = typedNumber(passMark) ?? NaN;
  const passOk = isPassMark(passNum);

  const meta = (): FormMeta => ({
    unit: resolveUnit(unitText),
    fiscalYear: yearNum,
    round,
    passMark: passNum,
    preparer: preparer.trim(),
  });

  const create = (name?: string) =>
    run(async () => {
      setDone(null);
      const m = meta();
      const base = defaultSheetName(m);
      const target = name ?? base;
      if (!name) {
        const names = await gateway.sheetNames();
        if (names.some((n) => n.toLowerCase() === base.toLowerCase())) {
          setPendingName(freeSheetName(base, names));
          return;
        }
      }
      await gateway.scaffold(renderForm(formForYear(m.fiscalYear).form, m, undefined, target));
      setDone(`${t("created")}: ${target}`);
    });

  return (
    <section className={styles.form} aria-labelledby="create-title">
      <Subtitle2 as="h2" id="create-title">
        {t("createTitle")}
      </Subtitle2>
      <Field label={t("unit")} hint={t("unitHint")}>
        <Combobox
          freeform
          value={unitText}
          placeholder="จอมทอง / Chom Thong / 1035"
          onChange={(e) => setUnitText(e.target.value)}
          onOptionSelect={(_, d) => setUnitText(d.optionText ?? "")}
        >
          {options.map((u) => (
            <Option key={u.code!} value={u.code!} text={unitName(u, t.lang)}>
              {t.lang === "en"
                ? `${u.en} · ${unitDisplayName(u)} · ${u.code}`
                : `${unitDisplayName(u)} · ${u.en} · ${u.code}`}
            </Option>
          ))}
        </Combobox>
      </Field>
      {nearMisses.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("unitNearMissTitle")}</MessageBarTitle>
            {t("unitNearMissBody")}
            <div className={styles.suggestions}>
              {nearMisses.map((u) => (
                <Button key={u.code!} size="small" onClick={() => setUnitText(unitName(u, t.lang))}>
                  {`${t("useUnit")} ${unitName(u, t.lang)}`}
                </Button>
              ))}
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t("fiscalYear")} validationMessage={yearOk ? undefined : t("invalidYear")}>
        <Input type="number" value={year} onChange={(_, d) => setYear(d.value)} />
      </Field>
      <Field
        label={t("round")}
        hint={`${t("dueNow")} ${due.fiscalYear} ${t.m(roundPeriod(due.fiscalYear, due.round))}`}
      >
        <RadioGroup
          layout="horizontal"
          value={String(round)}
          onChange={(_, d) => setRound(Number(d.value) as Round)}
        >
          <Radio value="6" label={t("round6")} />
          <Radio value="12" label={t("round12")} />
        </RadioGroup>
      </Field>
      <Field label={t("passMark")} validationMessage={passOk ? undefined : t("invalidPassMark")}>
        <Input type="number" value={passMark} onChange={(_, d) => setPassMark(d.value)} />
      </Field>
      <Field label={t("preparer")}>
        <Input value={preparer} onChange={(_, d) => setPreparer(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !yearOk || !passOk} onClick={() => create()}>
          {t("createButton")}
        </Button>
        {busy ? <Spinner size="tiny" label={t("creating")} /> : null}
      </div>
      <ErrorBar error={error} />
      <SuccessBar text={done} />
      <Dialog open={pendingName !== null} onOpenChange={(_, d) => !d.open && setPendingName(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("sheetExistsTitle")}</DialogTitle>
            <DialogContent>
              {t("sheetExistsBody")} “{pendingName}”?
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setPendingName(null)}>
                {t("cancel")}
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  const name = pendingName!;
                  setPendingName(null);
                  void create(name);
                }}
              >
                {t("createAsNew")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <ImportScores gateway={gateway} />
    </section>
  );
}
