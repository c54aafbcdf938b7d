import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import {
  CarryPlan,
  defaultCarryPeriod,
  defaultSheetName,
  evidenceTargets,
  formLabel,
  FormSheet,
  freeSheetName,
  imageInfo,
  Msg,
  nextPeriod,
  Period,
  periodWords,
  planCarry,
  ReasonError,
  renderForm,
  unitName,
} from "../domain";
import { ErrorBar } from "./components";
import { SheetChoice, useFoundForm } from "./FormPicker";
import { Gateway } from "./gateway";
import { useT } from "./i18n";
import { DoneBar } from "./lists";
import { toBase64 } from "./PhotoButton";
import { useGoTo } from "./shell";
import { useAction } from "./useAction";

/* global atob, File */

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
    alignItems: "center",
  },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The earlier report: a sheet of this workbook, or a file (whose photos are read from its bytes). */
interface Source {
  form: FormSheet;
  /** How the plan's messages name it: the file's name, or this workbook. */
  name: Msg;
  /** How the view shows it: the file's name, or the sheet. */
  label: string;
  /** The pictures over evidence cells, as base64 images, by cell. */
  photos: (
    cells: readonly string[]
  ) => Promise<Map<string, { base64: string; bytes: Uint8Array }[]>>;
}

const key = (p: Period) => `${p.fiscalYear}-${p.round}`;

/** Bytes of a base64 string (a picture Excel gave back). */
function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * "Start from an earlier report" in the create view: the 12-month report from the 6-month one (every
 * score and text carried, photos when asked), or next year's from this year's (unit, issues and
 * measures as a plan, this year's scores pasted here or later). What will be done is shown before
 * anything is written; the earlier report is only read.
 */
export function StartFromEarlier({ gateway }: { gateway: Gateway }) {
  const t = useT();
  const styles = useStyles();
  const goTo = useGoTo();
  const [source, setSource] = useState<Source | null>(null);
  const [period, setPeriod] = useState("");
  const [scores, setScores] = useState("");
  const [photos, setPhotos] = useState(false);
  const [done, setDone] = useState<{ text: string; next: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { busy, error, run } = useAction();
  const { find, choices, picked, setPicked } = useFoundForm(gateway);

  const take = (s: Source) => {
    setSource(s);
    setDone(null);
    const next = defaultCarryPeriod(s.form);
    setPeriod(next ? key(next) : "");
    setPhotos(false);
  };

  const fromSheet = (sheet?: string) =>
    run(async () => {
      setDone(null);
      const found = await find(sheet);
      if (!found) return;
      const form = found.form;
      take({
        form,
        name: { th: "สมุดงานนี้", en: "this workbook" },
        label: `ชีต "${form.sheet}"`,
        photos: async (cells) => {
          const got = await gateway.photosIn(form, cells);
          return new Map(
            [...got].map(([c, list]) => [
              c,
              list.map((base64) => ({ base64, bytes: fromBase64(base64) })),
            ])
          );
        },
      });
    });

  const fromFile = (file: File | undefined) =>
    run(async () => {
      if (!file) return;
      setSource(null);
      setDone(null);
      // The reader (zip, XML) loads only when a file is chosen.
      const [{ readEarlierReport }, { fflateInflate }] = await Promise.all([
        import(/* webpackChunkName: "earlier" */ "../xlsx/read/earlierReport"),
        import(/* webpackChunkName: "earlier" */ "../xlsx/read/fflateInflate"),
      ]);
      const earlier = readEarlierReport(file.name, new Uint8Array(await file.arrayBuffer()), {
        inflate: fflateInflate,
      });
      take({
        form: earlier.form,
        name: { th: file.name, en: file.name },
        label: file.name,
        photos: async (cells) =>
          new Map(
            [...earlier.photosIn(cells)].map(([c, list]) => [
              c,
              list
                .filter((i) => i.format !== "other")
                .map((i) => ({ base64: toBase64(i.bytes), bytes: i.bytes })),
            ])
          ),
      });
    }).finally(() => {
      if (fileInput.current) fileInput.current.value = "";
    });

  // The periods offered: the next one (the default), and the one after it.
  const periods = useMemo(() => {
    const first = source && defaultCarryPeriod(source.form);
    return first ? [first, nextPeriod(first)] : [];
  }, [source]);

  const plan = useMemo((): { plan: CarryPlan | null; problem: Msg | null } => {
    if (!source) return { plan: null, problem: null };
    try {
      const to = periods.find((p) => key(p) === period);
      return {
        plan: planCarry(source.form, {
          source: source.name,
          to: to && key(to) !== key(periods[0]) ? to : undefined,
          scores: scores.trim() ? { name: t("earlierScoresName"), text: scores } : undefined,
        }),
        problem: null,
      };
    } catch (e) {
      if (e instanceof ReasonError) return { plan: null, problem: e.reason };
      throw e;
    }
  }, [source, period, periods, scores, t]);

  const photoCount = plan.plan?.photos.reduce((n, p) => n + p.count, 0) ?? 0;
  const sameYear = plan.plan?.kind === "sameYear";

  const create = () =>
    run(async () => {
      const p = plan.plan;
      if (!p || !source) return;
      setDone(null);
      const names = await gateway.sheetNames();
      const base = defaultSheetName(p.meta);
      const name = names.some((n) => n.toLowerCase() === base.toLowerCase())
        ? freeSheetName(base, names)
        : base;
      const model = renderForm(p.form, p.meta, p.report, name, { carried: p.carried });
      const result = await gateway.scaffold(model);
      let carried = 0;
      if (photos && sameYear && p.photos.length) {
        const found = await source.photos(p.photos.map((x) => x.cell));
        const targets = evidenceTargets(model, p.form);
        const placements = p.photos.flatMap((x) => {
          const at = targets.get(x.code);
          const images = (found.get(x.cell) ?? []).flatMap((img) => {
            const info = imageInfo(img.bytes);
            return info ? [{ base64: img.base64, width: info.width, height: info.height }] : [];
          });
          return at && images.length ? [{ cell: at.cell, area: at.area, images }] : [];
        });
        carried = await gateway.insertPhotos(name, placements);
      }
      const notes = result.notes.map((n) => t.m(n));
      setDone({
        text:
          `${t("earlierCreated")}: ${name}` +
          (name !== base ? ` (${t("earlierRenamed").replace("{name}", base)})` : "") +
          (carried ? ` · ${t("earlierPhotosCarried").replace("{n}", String(carried))}` : ""),
        next: [sameYear ? t("nextAfterEarlier") : t("nextAfterEarlierYear"), ...notes].join(" "),
      });
      setSource(null);
      setScores("");
    });

  return (
    <section className={styles.root} aria-labelledby="earlier-title">
      <Subtitle2 as="h2" id="earlier-title">
        {t("earlierTitle")}
      </Subtitle2>
      <Text as="p" size={200}>
        {t("earlierIntro")}
      </Text>
      <div className={styles.actions}>
        <Button id="earlier-sheet" disabled={busy} onClick={() => fromSheet()}>
          {t("earlierUseSheet")}
        </Button>
      </div>
      {choices ? (
        <SheetChoice
          sheets={choices}
          value={picked}
          disabled={busy}
          onChoose={(sheet) => {
            setPicked(sheet);
            void fromSheet(sheet);
          }}
        />
      ) : null}
      <Field label={t("earlierFile")}>
        {(fieldProps) => (
          <input
            {...fieldProps}
            ref={fileInput}
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(e) => void fromFile(e.target.files?.[0])}
          />
        )}
      </Field>
      {source ? (
        <Text as="p" size={200}>
          {`${t("earlierSource")}: ${source.label} · ${
            source.form.unit.value ? unitName(source.form.unit.value, t.lang) : "?"
          } · ${t.m(periodWords({ fiscalYear: source.form.fiscalYear.value, round: source.form.round.value }))} · ${
            source.form.formVersion
              ? `${source.form.formId} ${source.form.formVersion}`
              : formLabel(source.form.formDef)
          }`}
        </Text>
      ) : null}
      {source && periods.length ? (
        <Field label={t("earlierPeriod")}>
          <RadioGroup value={period} disabled={busy} onChange={(_, d) => setPeriod(d.value)}>
            {periods.map((p, i) => (
              <Radio
                key={key(p)}
                value={key(p)}
                label={`${t.m(periodWords(p))}${i === 0 ? ` ${t("earlierNext")}` : ""}`}
              />
            ))}
          </RadioGroup>
        </Field>
      ) : null}
      {plan.plan ? (
        <>
          {photoCount && sameYear ? (
            <Checkbox
              checked={photos}
              disabled={busy}
              onChange={(_, d) => setPhotos(d.checked === true)}
              label={t("earlierPhotos").replace("{n}", String(photoCount))}
            />
          ) : null}
          <Field label={sameYear ? t("earlierScoresSame") : t("earlierScoresYear")}>
            <Textarea
              id="earlier-scores"
              resize="vertical"
              rows={3}
              value={scores}
              disabled={busy}
              onChange={(_, d) => setScores(d.value)}
            />
          </Field>
          <div role="status" aria-live="polite">
            <strong>{t("earlierWillDo")}</strong>
            <ul className={styles.notes}>
              {plan.plan.notes.map((n, i) => (
                <li key={i}>{t.m(n)}</li>
              ))}
              {plan.plan.scores.unmatched.map((u) => (
                <li
                  key={`u${u.line}`}
                >{`${t("line")} ${u.line}: “${u.text}” — ${t.m(u.reason)}`}</li>
              ))}
            </ul>
          </div>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy} onClick={create}>
              {t("earlierCreate")}
            </Button>
            {busy ? <Spinner size="tiny" label={t("creating")} /> : null}
          </div>
        </>
      ) : null}
      <ErrorBar error={error ?? plan.problem} />
      <DoneBar
        text={done?.text ?? null}
        next={done?.next}
        action={
          <Button size="small" onClick={() => goTo.focus("validate", "validate-button")}>
            {t("goValidate")}
          </Button>
        }
      />
    </section>
  );
}
