import {
  Badge,
  Button,
  Checkbox,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import {
  effectivePassMark,
  shortBy,
  flagsOf,
  ReadForm,
  ReadItem,
  summarizeScores,
} from "../domain";
import { ErrorBar, SuccessBar } from "./components";
import { CheckedSheet, Found, SheetChoice, useFoundForm } from "./FormPicker";
import { PhotoButton } from "./PhotoButton";
import { Gateway } from "./gateway";
import { useT } from "./i18n";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  measures: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  table: { tableLayout: "auto" },
});

/** Items under the pass mark, with what they still lack, the form's standard measures, and the unit's standing. */
export function FlagsView({ gateway }: { gateway: Gateway }) {
  const t = useT();
  const styles = useStyles();
  const [found, setFound] = useState<Pick<Found, "form" | "how"> | null>(null);
  const form = found?.form ?? null;
  const { find, choices, picked, setPicked } = useFoundForm(gateway);
  const [done, setDone] = useState<string | null>(null);
  const { error, run, busy } = useAction();

  const refresh = (sheet?: string) =>
    run(async () => {
      setFound(await find(sheet));
    });
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const passMark = form ? effectivePassMark(form) : 0;
  const flags = form ? flagsOf(form, passMark) : [];
  const items = new Map(form?.items.map((i) => [i.code, i]));
  const summary = form
    ? summarizeScores(form.catalog, new Map(form.items.map((i) => [i.code, i.score])), passMark)
    : null;
  const yn = (s: string) => (s ? t("yes") : t("no"));

  return (
    <section className={styles.root} aria-labelledby="flags-title">
      <Subtitle2 as="h2" id="flags-title">
        {t("flagsTitle")} {form ? `(< ${passMark})` : ""}
      </Subtitle2>
      <div>
        <Button disabled={busy} onClick={() => refresh()}>
          {t("refresh")}
        </Button>
      </div>
      <ErrorBar error={error} />
      {choices ? (
        <SheetChoice
          sheets={choices}
          value={picked}
          disabled={busy}
          onChoose={(sheet) => {
            setPicked(sheet);
            void refresh(sheet);
          }}
        />
      ) : null}
      {found ? <CheckedSheet found={found} /> : null}
      <SuccessBar text={done} />
      {form && !flags.length ? <p>{t("noFlags")}</p> : null}
      {flags.length ? (
        <Table size="extra-small" className={styles.table} aria-label={t("flagsTitle")}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("code")}</TableHeaderCell>
              <TableHeaderCell>{t("score")}</TableHeaderCell>
              <TableHeaderCell>{t("shortBy")}</TableHeaderCell>
              <TableHeaderCell>{t("measures")}</TableHeaderCell>
              <TableHeaderCell>{t("results")}</TableHeaderCell>
              <TableHeaderCell>{t("evidence")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {flags.map((f) => {
              const it = items.get(f.code)!;
              return (
                <TableRow key={f.code}>
                  <TableCell>{f.code}</TableCell>
                  <TableCell>{f.score.toFixed(2)}</TableCell>
                  <TableCell>{shortBy(f.score, passMark).toFixed(2)}</TableCell>
                  <TableCell>{yn(it.measures)}</TableCell>
                  <TableCell>{yn(it.results)}</TableCell>
                  <TableCell>
                    {it.evidence || it.photos ? t("yes") : t("no")}{" "}
                    <PhotoButton
                      code={f.code}
                      disabled={busy}
                      onPicture={(bytes, base64) =>
                        run(async () => {
                          await gateway.insertPhoto(form!, f.code, bytes, base64);
                          setDone(`${f.code}: ${t("photoInserted")}`);
                          const again = await find(form!.sheet);
                          setFound(again && { form: again.form, how: found!.how });
                        })
                      }
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      {form
        ? flags
            .map((f) => items.get(f.code)!)
            .filter((it) => !it.measures)
            .map((it) => (
              <MeasuresPicker
                key={it.code}
                form={form}
                item={it}
                busy={busy}
                onInsert={(chosen) =>
                  run(async () => {
                    await gateway.insertMeasures(form, form.catalog.byCode.get(it.code)!, chosen);
                    setDone(`${it.code}: ${t("measuresInserted")}`);
                    const again = await find(form.sheet);
                    setFound(again && { form: again.form, how: found!.how });
                  })
                }
              />
            ))
        : null}
      {summary ? (
        <>
          <Subtitle2 as="h2">{t("averages")}</Subtitle2>
          <Table size="extra-small" aria-label={t("averages")}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("indicator")}</TableHeaderCell>
                <TableHeaderCell>{t("score")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.indicators.map((i) => (
                <TableRow key={i.number}>
                  <TableCell>{`${i.number}. ${t.m(i.name)}`}</TableCell>
                  <TableCell>{i.mean === null ? t("notScored") : i.mean.toFixed(2)}</TableCell>
                </TableRow>
              ))}
              {summary.tools.map((tool) => (
                <TableRow key={tool.id}>
                  <TableCell>
                    <strong>{`${t("tool")} ${tool.id} (${tool.weight})`}</strong>
                  </TableCell>
                  <TableCell>
                    {tool.mean === null ? (
                      t("notScored")
                    ) : (
                      <>
                        {tool.mean.toFixed(2)}{" "}
                        <Badge appearance="tint" color={tool.passes ? "success" : "danger"}>
                          {tool.passes ? t("pass") : t("fail")}
                        </Badge>
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell>
                  <strong>{`${t("total")} ${form!.catalog.tools.map((x) => `${x.id} ${x.weight}`).join(" / ")}`}</strong>
                </TableCell>
                <TableCell>
                  {summary.total === null
                    ? t("notScored")
                    : `${summary.total.toFixed(2)} (${t("estimate")})`}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </>
      ) : null}
    </section>
  );
}

function MeasuresPicker({
  form,
  item,
  busy,
  onInsert,
}: {
  form: ReadForm;
  item: ReadItem;
  busy: boolean;
  onInsert: (chosen: string[]) => void;
}) {
  const t = useT();
  const styles = useStyles();
  const standard = form.catalog.byCode.get(item.code)!.standardMeasures;
  const [chosen, setChosen] = useState<boolean[]>(() => standard.map(() => true));
  if (!standard.length) return null;
  return (
    <fieldset className={styles.measures}>
      <legend>
        {item.code}: {t("standardMeasures")}
      </legend>
      {standard.map((m, i) => (
        <Checkbox
          key={i}
          checked={chosen[i]}
          label={m}
          onChange={(_, d) => setChosen((c) => c.map((v, j) => (j === i ? Boolean(d.checked) : v)))}
        />
      ))}
      <div>
        <Button
          appearance="primary"
          disabled={busy || !chosen.some(Boolean)}
          onClick={() => onInsert(standard.filter((_, i) => chosen[i]))}
        >
          {t("insertMeasures")} ({item.code})
        </Button>
      </div>
    </fieldset>
  );
}
