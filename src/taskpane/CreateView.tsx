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
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
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
  file: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
    overflowWrap: "anywhere",
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
  /** Create was pressed without a unit: the field says so (validation would fault it at D1). */
  const [unitMissing, setUnitMissing] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const unitInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
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
    setFileName(file.name);
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
      if (!unitText.trim()) {
        setUnitMissing(true);
        unitInput.current?.focus();
        return;
      }
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
      <Field
        label={t("unit")}
        hint={t("unitHint")}
        required
        validationMessage={unitMissing && !unitText.trim() ? t("unitRequired") : undefined}
      >
        <Combobox
          freeform
          ref={unitInput}
          value={unitText}
          placeholder={t("unitPlaceholder")}
          // The list opens from the field (Alt+Down, or typing): the arrow is not a tab stop of its own.
          expandIcon={{ "aria-label": t("openUnitList"), tabIndex: -1 }}
          onChange={(e) => {
            setUnitText(e.target.value);
            if (e.target.value.trim()) setUnitMissing(false);
          }}
          onOptionSelect={(_, d) => {
            setUnitText(d.optionText ?? "");
            setUnitMissing(false);
          }}
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
        label={t("formChoice")}
        // A year without a form of its own: said once, as what it means, not as a warning.
        hint={choice.notice ? `${t.m(choice.notice)} ${t("formNoticeMeaning")}` : undefined}
      >
        <Select value={formKey} onChange={(_, d) => chooseForm(d.value)}>
          <option value="auto">{`${t("formByYear")} (${formLabel(choice.form)})`}</option>
          {forms.map((f) => (
            <option key={formLabel(f)} value={formLabel(f)}>
              {`${formLabel(f)} · ${t("formYears")} ${formYears(f, forms)} · ${f.items.length} ${t("formItems")}${fileForms.includes(f) ? ` · ${t("formFromFile")}` : ""}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("formFile")} hint={t("formFileHint")}>
        {(fieldProps) => (
          <div className={styles.file}>
            {/* The browser's own picker speaks the browser's language: a button in the pane's. */}
            {/* Named by what it shows, then the field's question (a name that begins with the
                button's own words, as speech input users say them). */}
            <Button
              id={fieldProps.id}
              aria-label={`${t("chooseFormFile")} ${t("formFile")}`}
              size="small"
              onClick={() => fileInput.current?.click()}
            >
              {t("chooseFormFile")}
            </Button>
            <Text size={200}>
              {fileName ? `${t("formFileChosen")}: ${fileName}` : t("noFormFile")}
            </Text>
            <input
              ref={fileInput}
              type="file"
              hidden
              tabIndex={-1}
              aria-hidden="true"
              accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                void takeFormDefFile(file);
              }}
            />
          </div>
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
          ref={createButton}
          disabled={busy || !yearOk || !passOk || !roundOk}
          onClick={() => create()}
        >
          {t("createButton")}
        </Button>
        {busy ? <Spinner size="tiny" label={t("creating")} /> : null}
      </div>
      <ErrorBar error={error} />
      <SuccessBar text={done} />
      <Dialog
        open={pendingName !== null}
        onOpenChange={(_, d) => {
          if (d.open) return;
          setPendingName(null);
          // Escape or Cancel: back to the button that opened the question.
          setTimeout(() => createButton.current?.focus(), 0);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("sheetExistsTitle")}</DialogTitle>
            <DialogContent>
              {t("sheetExistsBody")} “{pendingName}”?
            </DialogContent>
            <DialogActions>
              <Button
                appearance="secondary"
                onClick={() => {
                  setPendingName(null);
                  setTimeout(() => createButton.current?.focus(), 0);
                }}
              >
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
