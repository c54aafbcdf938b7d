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
  Select,
  Spinner,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import {
  allForms,
  FormDef,
  compareForms,
  dueReport,
  defaultSheetName,
  formForYear,
  formLabel,
  FormMeta,
  formYears,
  freeSheetName,
  isFiscalYear,
  isPassMark,
  Msg,
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
import { StartFromEarlier } from "./StartFromEarlier";
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
  // The form: chosen by the year ("auto"), or one of the list by its label; a form file adds to it.
  const [formKey, setFormKey] = useState("auto");
  const [fileForms, setFileForms] = useState<FormDef[]>([]);
  const [fileProblems, setFileProblems] = useState<{ file: string; problems: Msg[] } | null>(null);
  const forms = useMemo(
    () =>
      [
        ...allForms().filter((b) => !fileForms.some((f) => formLabel(f) === formLabel(b))),
        ...fileForms,
      ].sort(compareForms),
    [fileForms]
  );
  const [passMark, setPassMark] = useState(() => String(formForYear(due.fiscalYear).form.passMark));
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
  const choice = useMemo(() => {
    const chosen = forms.find((f) => formLabel(f) === formKey);
    return chosen
      ? { form: chosen, notice: null }
      : formForYear(yearOk ? yearNum : due.fiscalYear, forms);
  }, [forms, formKey, yearOk, yearNum, due.fiscalYear]);
  const roundOk = choice.form.rounds.includes(round);

  const chooseForm = (key: string) => {
    setFormKey(key);
    const chosen = forms.find((f) => formLabel(f) === key);
    if (chosen) setPassMark(String(chosen.passMark));
  };

  const takeFormDefFile = async (file: File | undefined) => {
    if (!file) return;
    setFileProblems(null);
    // The reader (zip, XML) loads only when a form file is given.
    const [{ readFormDefBytes }, { fflateInflate }] = await Promise.all([
      import(/* webpackChunkName: "formfile" */ "../xlsx/read/formFile"),
      import(/* webpackChunkName: "formfile" */ "../xlsx/read/fflateInflate"),
    ]);
    const r = readFormDefBytes(file.name, new Uint8Array(await file.arrayBuffer()), fflateInflate);
    if (!r.form) {
      setFileProblems({ file: file.name, problems: r.problems });
      return;
    }
    const form = r.form;
    setFileForms((list) => [...list.filter((f) => formLabel(f) !== formLabel(form)), form]);
    setFormKey(formLabel(form));
    setPassMark(String(form.passMark));
  };

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
      await gateway.scaffold(renderForm(choice.form, m, undefined, target));
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
      <Field label={t("formChoice")}>
        <Select value={formKey} onChange={(_, d) => chooseForm(d.value)}>
          <option value="auto">{`${t("formByYear")} (${formLabel(choice.form)})`}</option>
          {forms.map((f) => (
            <option key={formLabel(f)} value={formLabel(f)}>
              {`${formLabel(f)} · ${t("formYears")} ${formYears(f, forms)} · ${f.items.length} ${t("formItems")}${fileForms.includes(f) ? ` · ${t("formFromFile")}` : ""}`}
            </option>
          ))}
        </Select>
      </Field>
      {choice.notice ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.m(choice.notice)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Field label={t("formFile")} hint={t("formFileHint")}>
        {(fieldProps) => (
          <input
            {...fieldProps}
            type="file"
            accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void takeFormDefFile(e.target.files?.[0])}
          />
        )}
      </Field>
      {fileProblems ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{`${t("formFileRefused")}: ${fileProblems.file}`}</MessageBarTitle>
            <ul>
              {fileProblems.problems.slice(0, 20).map((p, i) => (
                <li key={i}>{t.m(p)}</li>
              ))}
            </ul>
            {fileProblems.problems.length > 20 ? `… +${fileProblems.problems.length - 20}` : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field
        label={t("round")}
        hint={`${t("dueNow")} ${due.fiscalYear} ${t.m(roundPeriod(due.fiscalYear, due.round))}`}
        validationMessage={roundOk ? undefined : `${t("roundNotInForm")} ${formLabel(choice.form)}`}
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
        <Button
          appearance="primary"
          disabled={busy || !yearOk || !passOk || !roundOk}
          onClick={() => create()}
        >
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
      <StartFromEarlier gateway={gateway} />
      <ImportScores gateway={gateway} />
    </section>
  );
}
