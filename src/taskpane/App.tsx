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
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useMemo, useState } from "react";
import type { Msg } from "../domain/text";
import type { Gateway } from "./gateway";
import { Lang, LangContext, STRINGS } from "./i18n";
import type { HostInfo } from "./office";

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
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  tabs: { flexWrap: "wrap" },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The notes bar's own strings (kept here so the views' string table stays theirs). */
const NOTE_STRINGS = {
  title: { th: "ทำเสร็จแล้ว แต่มีบางขั้นที่ Excel ไม่ยอมทำ", en: "Done, but Excel refused some steps" },
  dismiss: { th: "ปิด", en: "Dismiss" },
} as const;

type View = "create" | "validate" | "flags" | "merge";

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
 * protected, panes not frozen, an earlier summary not deleted, ...) passed to `show`.
 */
function withNotes(gateway: Gateway, show: (notes: Msg[]) => void): Gateway {
  return {
    ...gateway,
    scaffold: async (model) => {
      const r = await gateway.scaffold(model);
      show(r.notes);
      return r;
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
  const [notes, setNotes] = useState<Msg[]>([]);
  const noted = useMemo(() => withNotes(gateway, setNotes), [gateway]);
  const s = (k: keyof typeof STRINGS) => STRINGS[k][lang];
  const chooseLang = (l: Lang) => {
    setLang(l);
    onLangChange?.(l);
  };
  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme} lang={lang}>
        <main className={styles.root}>
          <header className={styles.header}>
            <Subtitle1 as="h1">{s("appTitle")}</Subtitle1>
            <TabList
              size="small"
              selectedValue={lang}
              onTabSelect={(_, d) => chooseLang(d.value as Lang)}
              aria-label={s("language")}
            >
              <Tab value="th">ไทย</Tab>
              <Tab value="en">EN</Tab>
            </TabList>
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
                  selectedValue={view}
                  onTabSelect={(_, d) => {
                    setView(d.value as View);
                    if (d.value === "create") setCreateOpened(true);
                  }}
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
              <Suspense fallback={<Spinner size="small" label={s("loading")} />}>
                {/* The create view stays mounted once opened, so its fields survive a switch of tabs. */}
                {view === "create" || createOpened ? (
                  <div hidden={view !== "create"}>
                    <CreateView gateway={noted} now={now} />
                  </div>
                ) : null}
                {view === "validate" ? <ValidateView gateway={noted} now={now} /> : null}
                {view === "flags" ? <FlagsView gateway={noted} /> : null}
                {view === "merge" ? <MergeView gateway={noted} /> : null}
              </Suspense>
            </>
          )}
        </main>
      </FluentProvider>
    </LangContext.Provider>
  );
}
