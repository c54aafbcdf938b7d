import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
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
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import {
  effectivePassMark,
  scoreText,
  shortBy,
  flagsOf,
  FormSheet,
  ReadItem,
  scoresOf,
  summarizeScores,
  codeSpan,
  Msg,
  msg,
} from "../domain";
import { ErrorBar } from "./components";
import { CheckedSheet, Found, SheetChoice, useFoundForm } from "./FormPicker";
import { PhotoButton } from "./PhotoButton";
import { Gateway } from "./gateway";
import { fill, useT } from "./i18n";
import { codesText, DoneBar, firstScreen, ListFilter } from "./lists";
import { useGoTo, useWatch } from "./shell";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  measures: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalS,
    marginInline: 0,
    minWidth: 0,
  },
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBlockEnd: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  go: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    width: "100%",
    whiteSpace: "normal",
    paddingInline: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  goText: { display: "flex", flexDirection: "column", minWidth: 0 },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  bulk: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalXS,
  },
  header: { "& button": { height: "auto", paddingBlock: tokens.spacingVerticalXS } },
  headerText: { display: "flex", flexDirection: "column" },
  table: { tableLayout: "auto" },
});

type Filter = "noMeasures" | "all";

/**
 * Items under the pass mark by indicator, with what they still lack and what can be done about it here
 * (standard measures, one item or all the selected at once; an item's own measures split off its
 * group; a photo), and the unit's standing.
 */
/** Where an item's measures begin (a text split into "(ต่อ)" parts is typed in its first part). */
const measuresStart = (it: ReadItem) => it.starts?.measures ?? it.cells.measures;

export function FlagsView({ gateway }: { gateway: Gateway }) {
  const t = useT();
  const styles = useStyles();
  const goTo = useGoTo();
  const [found, setFound] = useState<Found | null>(null);
  const form = found?.form ?? null;
  const { find, choices, picked, setPicked } = useFoundForm(gateway);
  const [done, setDone] = useState<{ text: string; next: string } | null>(null);
  const [filter, setFilter] = useState<Filter | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<string[] | null>(null);
  const { error, run, busy } = useAction();

  const watch = useWatch();
  const read = async (sheet?: string) => {
    const f = await find(sheet);
    if (f) watch.follow(f.form.sheet);
    setFound((before) => f && { ...f, how: before && sheet ? before.how : f.how });
    return f;
  };
  const refresh = (sheet?: string) =>
    run(async () => {
      setDone(null);
      await read(sheet);
    });
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const passMark = form ? effectivePassMark(form) : 0;
  const flags = form ? flagsOf(form, passMark) : [];
  const items = new Map(form?.items.map((i) => [i.code, i]));
  const flagged = flags.map((f) => items.get(f.code)!);
  const withoutMeasures = flagged.filter((it) => !it.measures);
  const effectiveFilter: Filter = filter ?? (withoutMeasures.length ? "noMeasures" : "all");
  const shown = effectiveFilter === "noMeasures" ? withoutMeasures : flagged;
  const byIndicator = form ? indicatorGroups(form, shown) : [];
  // Open first: the indicators with items still without measures (all, once every item has some),
  // as many as make a first screen of items; the rest open on demand.
  const lacking = byIndicator.filter((g) => g.items.some((i) => !i.measures));
  const openItems = open ?? firstScreen(lacking.length ? lacking : byIndicator);
  const chosen = withoutMeasures.filter((it) => selected.has(it.code));
  const summary = form ? summarizeScores(form.formDef, scoresOf(form), passMark) : null;

  /**
   * After a write: lay the sheet out again for print (new text in a cell must not print cut off, so
   * that no one-click action adds a problem) and read the sheet again, as it now is.
   */
  const refit = async () => {
    try {
      await gateway.fit(form!.sheet);
    } catch {
      // A sheet that cannot be fitted (text outside the form) says why on "จัดหน้าพิมพ์".
    }
    setSelected(new Set());
    return read(form!.sheet);
  };
  /** After a write: the sheet fitted and read again, then what was done and what comes next. */
  const after = async (text: string, next: string) => {
    await refit();
    setDone({ text, next });
  };

  const insertMany = () =>
    run(async () => {
      const written = await gateway.insertMeasuresMany(
        form!,
        chosen.map((it) => {
          const item = form!.formDef.byCode.get(it.code)!;
          return { item, chosen: item.standardMeasures };
        }),
        found!.protectedSheet
      );
      const codes = written.flatMap((w) => w.codes);
      await after(
        fill(t("measuresInsertedMany"), { n: codes.length, codes: codesText(codes) }),
        t("nextAfterMeasures")
      );
    });

  const allChosen = withoutMeasures.length > 0 && chosen.length === withoutMeasures.length;
  return (
    <section className={styles.root} aria-labelledby="flags-title">
      <Subtitle2 as="h2" id="flags-title">
        {t("flagsTitle")} {form ? `(< ${passMark})` : ""}
      </Subtitle2>
      <div>
        <Button disabled={busy} onClick={() => refresh(form?.sheet)}>
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
      <DoneBar
        text={done?.text ?? null}
        next={done?.next}
        action={
          <Button size="small" onClick={() => goTo.focus("validate", "validate-button")}>
            {t("goValidate")}
          </Button>
        }
      />
      {form && !flags.length ? <p>{t("noFlags")}</p> : null}
      {flags.length ? (
        <>
          <Text>{fill(t("flagsCount"), { n: flags.length, m: withoutMeasures.length })}</Text>
          <ListFilter<Filter>
            value={effectiveFilter}
            onChange={setFilter}
            options={[
              { value: "noMeasures", label: t("filterNoMeasures"), count: withoutMeasures.length },
              { value: "all", label: t("filterAll"), count: flagged.length },
            ]}
          />
        </>
      ) : null}
      {withoutMeasures.length > 1 ? (
        <div className={styles.bulk}>
          <Checkbox
            checked={allChosen ? true : chosen.length ? "mixed" : false}
            label={fill(t("selectAllNoMeasures"), { n: withoutMeasures.length })}
            onChange={() =>
              setSelected(allChosen ? new Set() : new Set(withoutMeasures.map((i) => i.code)))
            }
          />
          <Button appearance="primary" disabled={busy || !chosen.length} onClick={insertMany}>
            {fill(t("insertForSelected"), { n: chosen.length })}
          </Button>
        </div>
      ) : null}
      {form && byIndicator.length ? (
        <Accordion
          multiple
          collapsible
          openItems={openItems}
          onToggle={(_, d) => setOpen(d.openItems as string[])}
        >
          {byIndicator.map((g) => {
            const lacking = g.items.filter((i) => !i.measures).length;
            return (
              <AccordionItem key={g.key} value={g.key}>
                <AccordionHeader as="h3" className={styles.header} expandIconPosition="end">
                  <span className={styles.headerText}>
                    <span>{t.m(g.title)}</span>
                    <span className={styles.sub}>
                      {[
                        fill(t("itemsCount"), { n: g.items.length }),
                        lacking ? fill(t("noMeasuresCount"), { n: lacking }) : "",
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list} aria-label={t.m(g.title)}>
                    {g.items.map((it) => (
                      <FlagRow
                        key={it.code}
                        form={form}
                        item={it}
                        passMark={passMark}
                        busy={busy}
                        bulk={withoutMeasures.length > 1}
                        selected={selected.has(it.code)}
                        onSelect={(on) =>
                          setSelected((s) => {
                            const n = new Set(s);
                            if (on) n.add(it.code);
                            else n.delete(it.code);
                            return n;
                          })
                        }
                        onGo={() => run(() => gateway.select(form.sheet, measuresStart(it)))}
                        onInsert={(measures) =>
                          run(async () => {
                            await gateway.insertMeasures(
                              form,
                              form.formDef.byCode.get(it.code)!,
                              measures,
                              found!.protectedSheet
                            );
                            await after(
                              `${it.code}: ${t("measuresInserted")}`,
                              t("nextAfterMeasures")
                            );
                          })
                        }
                        onSplit={() =>
                          run(async () => {
                            const r = await gateway.splitMeasures(
                              form,
                              it.code,
                              found!.protectedSheet
                            );
                            // Fitting may move the item's rows: its cell as read after it,
                            // selected again where it moved.
                            const f = await refit();
                            const cell =
                              f?.form.items.find((i) => i.code === it.code)?.cells.measures ??
                              r.cell;
                            if (f && cell !== r.cell) await gateway.select(f.form.sheet, cell);
                            setDone({
                              text: fill(t("splitDone"), { code: it.code, cell }),
                              next: fill(t("nextAfterSplit"), { code: it.code, cell }),
                            });
                          })
                        }
                        onPicture={(bytes, base64) =>
                          run(async () => {
                            await gateway.insertPhoto(form, it.code, bytes, base64);
                            await after(
                              `${it.code}: ${t("photoInserted")}`,
                              t("nextAfterMeasures")
                            );
                          })
                        }
                      />
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      ) : null}
      {summary ? (
        <>
          <Subtitle2 as="h2">{t("averages")}</Subtitle2>
          <Table size="extra-small" className={styles.table} aria-label={t("averages")}>
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
                  <strong>{`${t("total")} ${form!.formDef.tools.map((x) => `${x.id} ${x.weight}`).join(" / ")}`}</strong>
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

/** Flagged items by tool and indicator, in form order. */
function indicatorGroups(
  form: FormSheet,
  items: readonly ReadItem[]
): { key: string; title: Msg; items: ReadItem[] }[] {
  const out = new Map<string, { key: string; title: Msg; items: ReadItem[] }>();
  for (const it of items) {
    const cat = form.formDef.byCode.get(it.code)!;
    const tool = form.formDef.tools.find((x) => x.id === cat.tool)!;
    const ind = tool.indicators.find((i) => i.number === cat.indicator)!;
    const key = `${tool.id}-${ind.number}`;
    if (!out.has(key))
      out.set(key, {
        key,
        title: msg(
          `${tool.id} · ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`,
          `${tool.id} · Indicator ${ind.number} ${ind.name.en}`
        ),
        items: [],
      });
    out.get(key)!.items.push(it);
  }
  return [...out.values()];
}

/** One flagged item: where it stands, and what can be done about it here. */
function FlagRow({
  form,
  item: it,
  passMark,
  busy,
  bulk,
  selected,
  onSelect,
  onGo,
  onInsert,
  onSplit,
  onPicture,
}: {
  form: FormSheet;
  item: ReadItem;
  passMark: number;
  busy: boolean;
  bulk: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onGo: () => void;
  onInsert: (measures: string[]) => void;
  onSplit: () => void;
  onPicture: (bytes: Uint8Array, base64: string) => void;
}) {
  const t = useT();
  const styles = useStyles();
  const yn = (v: boolean) => (v ? t("yes") : t("no"));
  const group = it.sharedWith.length ? codeSpan([it.code, ...it.sharedWith]) : null;
  // Splitting off is for an item covered by its group's written text (an empty group takes measures).
  const splittable = Boolean(group && it.measures);
  const measures = it.measures
    ? group
      ? fill(t("sharedMeasures"), { group })
      : t("yes")
    : t("no");
  const standard = form.formDef.byCode.get(it.code)!.standardMeasures;
  return (
    <li className={styles.item}>
      <Button appearance="subtle" className={styles.go} disabled={busy} onClick={onGo}>
        <span className={styles.goText}>
          <strong>
            {`${it.code} · ${fill(t("scoreShort"), {
              score: scoreText(it.score!),
              short: scoreText(shortBy(it.score!, passMark)),
            })}`}
          </strong>
          <span className={styles.sub}>
            {`${t("measures")}: ${measures} · ${t("results")}: ${yn(Boolean(it.results))} · ${t("evidence")}: ${yn(Boolean(it.evidence || it.photos))}`}
          </span>
          <span className={styles.sub}>{fill(t("goToMeasures"), { cell: measuresStart(it) })}</span>
        </span>
      </Button>
      <div className={styles.row}>
        {!it.measures && bulk ? (
          <Checkbox
            checked={selected}
            disabled={busy}
            label={fill(t("selectItem"), { code: it.code })}
            onChange={(_, d) => onSelect(Boolean(d.checked))}
          />
        ) : null}
        {splittable ? (
          <Button size="small" disabled={busy} onClick={onSplit}>
            {fill(t("splitOff"), { code: it.code })}
          </Button>
        ) : null}
        <PhotoButton code={it.code} disabled={busy} onPicture={onPicture} />
      </div>
      {splittable ? (
        <Text size={200}>{fill(t("splitHint"), { code: it.code, group: group! })}</Text>
      ) : null}
      {!it.measures && standard.length ? (
        <MeasuresPicker
          code={it.code}
          standard={standard}
          busy={busy}
          opened={!bulk}
          onInsert={onInsert}
        />
      ) : null}
    </li>
  );
}

/**
 * The form's standard measures for one item, folded until asked for when several items lack measures
 * (a long list of flagged items is not a wall of ticked boxes: those take "insert for all selected");
 * opened, every measure is ticked, to untick what does not apply.
 */
function MeasuresPicker({
  code,
  standard,
  busy,
  opened,
  onInsert,
}: {
  code: string;
  standard: readonly string[];
  busy: boolean;
  /** Shown open (the only item without measures). */
  opened: boolean;
  onInsert: (chosen: string[]) => void;
}) {
  const t = useT();
  const styles = useStyles();
  const [chosen, setChosen] = useState<boolean[]>(() => standard.map(() => true));
  return (
    <Accordion collapsible defaultOpenItems={opened ? ["measures"] : []}>
      <AccordionItem value="measures">
        <AccordionHeader size="small">
          {`${fill(t("chooseMeasures"), { code })} (${standard.length})`}
        </AccordionHeader>
        <AccordionPanel>
          <fieldset className={styles.measures}>
            <legend>
              {code}: {t("standardMeasures")}
            </legend>
            {standard.map((m, i) => (
              <Checkbox
                key={i}
                checked={chosen[i]}
                label={m}
                onChange={(_, d) =>
                  setChosen((c) => c.map((v, j) => (j === i ? Boolean(d.checked) : v)))
                }
              />
            ))}
            <div>
              <Button
                appearance="primary"
                disabled={busy || !chosen.some(Boolean)}
                onClick={() => onInsert(standard.filter((_, i) => chosen[i]))}
              >
                {t("insertMeasures")} ({code})
              </Button>
            </div>
          </fieldset>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
