import {
  Body1,
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  ToggleButton,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Msg } from "../domain/text";
import type { Gateway } from "./gateway";
import { Lang, LangContext, STRINGS } from "./i18n";
import type { HostInfo } from "./office";
import { startReaders } from "./merge/readers";
import { parseRange } from "../domain/layout/a1";
import {
  ChangesContext,
  GoToContext,
  GROW_AFTER_MS,
  rescueFocus,
  usable,
  View,
  WatchContext,
} from "./shell";

// Each view is its own chunk: the pane's first script holds only the shell.
const CreateView = lazy(() =>
  import(/* webpackChunkName: "create" */ "./CreateView").then((m) => ({ default: m.CreateView }))
);
const ValidateView = lazy(() =>
  import(/* webpackChunkName: "validate" */ "./ValidateView").then((m) => ({
    default: m.ValidateView,
  }))
);
const MergeView = lazy(() =>
  import(/* webpackChunkName: "merge" */ "./MergeView").then((m) => ({ default: m.MergeView }))
);
const FlagsView = lazy(() =>
  import(/* webpackChunkName: "flags" */ "./FlagsView").then((m) => ({ default: m.FlagsView }))
);

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    // Office's guidance for task panes: 20 px side margins; 16 px in a pane under 360 px, where a
    // classic Windows scrollbar (17 px) leaves the content 303 px of the default 320 px.
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: "20px",
    "@media (max-width: 359px)": { paddingInline: tokens.spacingHorizontalL },
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    // A file input's intrinsic width (about 290 px) would stick out of a 270 px pane.
    "& input[type='file']": { width: "100%", maxWidth: "100%", minWidth: 0 },
    // A select is as wide as its longest option (a form's id, years and items) unless held.
    "& .fui-Select": { maxWidth: "100%", minWidth: 0 },
    // Fluent's combobox is at least 250 px wide: more than a 270 px pane with a scrollbar holds.
    "& .fui-Combobox": { maxWidth: "100%", minWidth: 0 },
    "& select": { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  langs: { display: "flex", columnGap: tokens.spacingHorizontalXS },
  // The four views on one line at 320 px, also beside a classic 17 px scrollbar (Thai labels a size
  // smaller and tighter under 360 px); below that they may wrap rather than stick out of the pane.
  tabs: {
    flexWrap: "wrap",
    "& button": { paddingInline: "3px", minWidth: 0 },
    "@media (max-width: 359px)": {
      "& button": { paddingInline: "2px" },
      "& .fui-Tab__content, & .fui-Tab__content--reserved-space": {
        fontSize: tokens.fontSizeBase200,
        lineHeight: tokens.lineHeightBase200,
        paddingInline: "1px",
      },
    },
  },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The notes bar's own strings (kept here so the views' string table stays theirs). */
const NOTE_STRINGS = {
  title: { th: "ทำเสร็จแล้ว แต่มีบางขั้นที่ Excel ไม่ยอมทำ", en: "Done, but Excel refused some steps" },
  dismiss: { th: "ปิด", en: "Dismiss" },
} as const;

export interface AppProps {
  host: HostInfo;
  gateway: Gateway;
  initialLang?: Lang;
  initialView?: View;
  now?: Date;
  /** Remembers the user's choice of language for the next time the pane opens. */
  onLangChange?: (lang: Lang) => void;
}

/**
 * The gateway with the notes of writes that succeeded without some finishing step (a sheet not
 * protected, panes not frozen, an earlier summary not deleted, ...) passed to `show`; every write to
 * the workbook reported to `changed`, and a form created to `created`.
 */
function withNotes(
  gateway: Gateway,
  show: (notes: Msg[]) => void,
  changed: () => void,
  created: (sheet: string) => void,
  own: { count: number }
): Gateway {
  /** A write through the pane: lists checked before it may be out of date. */
  const writes =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      own.count++;
      try {
        return await f(...a);
      } finally {
        own.count--;
        changed();
      }
    };
  return {
    ...gateway,
    writeScores: writes(gateway.writeScores),
    insertMeasures: writes(gateway.insertMeasures),
    insertMeasuresMany: writes(gateway.insertMeasuresMany),
    splitMeasures: writes(gateway.splitMeasures),
    insertPhoto: writes(gateway.insertPhoto),
    // Fitting changes the layout, not what the report says: a list checked before stays right.
    fit: async (sheet) => {
      own.count++;
      try {
        return await gateway.fit(sheet);
      } finally {
        own.count--;
      }
    },
    scaffold: async (model) => {
      own.count++;
      try {
        const r = await gateway.scaffold(model);
        changed();
        created(model.name);
        show(r.notes);
        return r;
      } finally {
        own.count--;
      }
    },
    writeSummary: async (sheets, opts) => {
      const r = await gateway.writeSummary(sheets, opts);
      show(r.notes);
      return r;
    },
  };
}

export function App({
  host,
  gateway,
  initialLang = "th",
  initialView = "create",
  now,
  onLangChange,
}: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [view, setView] = useState<View>(initialView);
  const [createOpened, setCreateOpened] = useState(initialView === "create");
  const [validateOpened, setValidateOpened] = useState(initialView === "validate");
  const [notes, setNotes] = useState<Msg[]>([]);
  /** After the form is created: what to do next (the create view says what it made). */
  const [createdNext, setCreatedNext] = useState(false);
  /** Writes the pane made to the workbook (each one may leave a checked list out of date). */
  const [changes, setChanges] = useState(0);
  const mainRef = useRef<HTMLElement>(null);
  const changeCount = useRef(0);
  const changed = useCallback(() => {
    changeCount.current++;
    setChanges(changeCount.current);
    rescueFocus(mainRef.current);
  }, []);
  // The form sheet followed: the user's changes there (not the pane's own writes).
  const own = useRef({ count: 0 });
  const [watched, setWatched] = useState<string | null>(null);
  const [fitNeeded, setFitNeeded] = useState<string | null>(null);
  const noted = useMemo(
    () =>
      withNotes(
        gateway,
        setNotes,
        changed,
        (sheet) => {
          setCreatedNext(true);
          setWatched(sheet);
        },
        own.current
      ),
    [gateway, changed]
  );
  useEffect(() => {
    if (!watched) return;
    let stop: (() => Promise<void>) | null = null;
    let gone = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const rows = new Set<number>();
    const grow = async () => {
      const list = [...rows];
      rows.clear();
      own.current.count++;
      try {
        const r = await gateway.growRows(watched, list);
        if (!gone) setFitNeeded(r.fitNeeded ? watched : null);
      } catch {
        // Excel busy (a cell being edited), the sheet renamed or gone: the next change tries again.
      } finally {
        own.current.count--;
      }
    };
    gateway
      .watch(watched, (c) => {
        if (c.byAddin || own.current.count > 0) return;
        changeCount.current++;
        setChanges(changeCount.current);
        const r = parseRange(c.address.replace(/^.*!/, ""));
        if (r) for (let k = r.r1; k <= Math.min(r.r2, r.r1 + 500); k++) rows.add(k);
        clearTimeout(timer);
        timer = setTimeout(() => void grow(), GROW_AFTER_MS);
      })
      .then((s) => (gone ? void s() : (stop = s)))
      .catch(() => {
        // An Excel without worksheet events: lists go stale only by the pane's own writes.
      });
    return () => {
      gone = true;
      clearTimeout(timer);
      void stop?.().catch(() => {});
    };
  }, [watched, gateway]);
  const watch = useMemo(
    () => ({
      follow: (sheet: string) => setWatched(sheet),
      fitNeeded,
      clearFitNeeded: () => setFitNeeded(null),
    }),
    [fitNeeded]
  );
  const show = useCallback((v: View) => {
    // The merge view's readers start with its chunk, not after it.
    if (v === "merge") startReaders();
    setView(v);
    if (v === "create") setCreateOpened(true);
    if (v === "validate") setValidateOpened(true);
  }, []);
  const goTo = useMemo(
    () => ({
      view: show,
      /** Open a view and put the keyboard focus on one of its elements (by id) once it is shown. */
      focus: (v: View, id: string) => {
        show(v);
        const tryFocus = (left: number) => {
          const el = document.getElementById(id);
          if (el && !el.closest("[hidden]")) {
            el.focus();
            el.scrollIntoView?.({ block: "center" });
          } else if (left > 0) setTimeout(() => tryFocus(left - 1), 50);
        };
        setTimeout(() => tryFocus(40), 0);
      },
    }),
    [show]
  );
  // Focus left on the page body (a dialog closed with Escape, a button that went away or was
  // disabled) goes back to the last control used, or to the view's heading.
  useEffect(() => {
    const main = mainRef.current;
    if (!main) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") rescueFocus(main);
    };
    // Only focus lost with its control (disabled or gone), not a click on the pane's background.
    const onOut = (e: FocusEvent) => {
      const from = e.target as HTMLElement | null;
      if (!e.relatedTarget) setTimeout(() => !usable(from) && rescueFocus(main), 0);
    };
    document.addEventListener("keydown", onKey, true);
    main.addEventListener("focusout", onOut);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      main.removeEventListener("focusout", onOut);
    };
  }, []);
  const s = (k: keyof typeof STRINGS) => STRINGS[k][lang];
  const chooseLang = (l: Lang) => {
    setLang(l);
    onLangChange?.(l);
  };
  return (
    <LangContext.Provider value={lang}>
      <ChangesContext.Provider value={{ changes, count: () => changeCount.current }}>
        <GoToContext.Provider value={goTo}>
          <WatchContext.Provider value={watch}>
            <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme} lang={lang}>
              <main className={styles.root} ref={mainRef}>
                <header className={styles.header}>
                  <Subtitle1 as="h1">{s("appTitle")}</Subtitle1>
                  {/* A choice of two states, not views: toggle buttons, each saying whether it is on. */}
                  <div role="group" aria-label={s("language")} className={styles.langs}>
                    <ToggleButton
                      size="small"
                      appearance={lang === "th" ? "primary" : "subtle"}
                      checked={lang === "th"}
                      lang="th"
                      onClick={() => chooseLang("th")}
                    >
                      ไทย
                    </ToggleButton>
                    <ToggleButton
                      size="small"
                      appearance={lang === "en" ? "primary" : "subtle"}
                      checked={lang === "en"}
                      lang="en"
                      title="English"
                      onClick={() => chooseLang("en")}
                    >
                      EN
                    </ToggleButton>
                  </div>
                </header>
                {!host.supported ? (
                  <MessageBar intent="error">
                    <MessageBarBody>
                      <MessageBarTitle>{s("unsupportedTitle")}</MessageBarTitle>
                      <Body1>{s("unsupportedBody")}</Body1>
                    </MessageBarBody>
                  </MessageBar>
                ) : (
                  <>
                    <nav>
                      <TabList
                        className={styles.tabs}
                        size="small"
                        selectedValue={view}
                        onTabSelect={(_, d) => show(d.value as View)}
                        aria-label={s("views")}
                      >
                        <Tab value="create">{s("tabCreate")}</Tab>
                        <Tab value="validate">{s("tabValidate")}</Tab>
                        <Tab value="flags">{s("tabFlags")}</Tab>
                        <Tab value="merge">{s("tabMerge")}</Tab>
                      </TabList>
                    </nav>
                    {notes.length ? (
                      <MessageBar intent="warning">
                        <MessageBarBody>
                          <MessageBarTitle>{NOTE_STRINGS.title[lang]}</MessageBarTitle>
                          <ul className={styles.notes}>
                            {notes.map((n, i) => (
                              <li key={i}>{n[lang]}</li>
                            ))}
                          </ul>
                        </MessageBarBody>
                        <Button size="small" appearance="transparent" onClick={() => setNotes([])}>
                          {NOTE_STRINGS.dismiss[lang]}
                        </Button>
                      </MessageBar>
                    ) : null}
                    {createdNext && view === "create" ? (
                      <MessageBar intent="info" layout="multiline">
                        <MessageBarBody>
                          <MessageBarTitle>{s("nextStep")}</MessageBarTitle>
                          {s("nextAfterCreate")}
                        </MessageBarBody>
                        <Button
                          size="small"
                          appearance="transparent"
                          onClick={() => setCreatedNext(false)}
                        >
                          {s("dismissNext")}
                        </Button>
                      </MessageBar>
                    ) : null}
                    <Suspense fallback={<Spinner size="small" label={s("loading")} />}>
                      {/* The create view stays mounted once opened, so its fields survive a switch of tabs. */}
                      {view === "create" || createOpened ? (
                        <div hidden={view !== "create"}>
                          <CreateView gateway={noted} now={now} />
                        </div>
                      ) : null}
                      {/* So does the validate view, so that its list is there after a fix elsewhere. */}
                      {view === "validate" || validateOpened ? (
                        <div hidden={view !== "validate"}>
                          <ValidateView gateway={noted} now={now} downloads={host.downloads} />
                        </div>
                      ) : null}
                      {view === "flags" ? <FlagsView gateway={noted} /> : null}
                      {view === "merge" ? (
                        <MergeView gateway={noted} downloads={host.downloads} />
                      ) : null}
                    </Suspense>
                  </>
                )}
              </main>
            </FluentProvider>
          </WatchContext.Provider>
        </GoToContext.Provider>
      </ChangesContext.Provider>
    </LangContext.Provider>
  );
}
