import {
  Body1,
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
import { lazy, Suspense, useState } from "react";
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
});

type View = "create" | "validate" | "flags" | "merge";

export interface AppProps {
  host: HostInfo;
  gateway: Gateway;
  initialLang?: Lang;
  initialView?: View;
  now?: Date;
}

export function App({ host, gateway, initialLang = "th", initialView = "create", now }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [view, setView] = useState<View>(initialView);
  const s = (k: keyof typeof STRINGS) => STRINGS[k][lang];
  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme} lang={lang}>
        <main className={styles.root}>
          <header className={styles.header}>
            <Subtitle1 as="h1">{s("appTitle")}</Subtitle1>
            <TabList
              size="small"
              selectedValue={lang}
              onTabSelect={(_, d) => setLang(d.value as Lang)}
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
                  onTabSelect={(_, d) => setView(d.value as View)}
                  aria-label={s("views")}
                >
                  <Tab value="create">{s("tabCreate")}</Tab>
                  <Tab value="validate">{s("tabValidate")}</Tab>
                  <Tab value="flags">{s("tabFlags")}</Tab>
                  <Tab value="merge">{s("tabMerge")}</Tab>
                </TabList>
              </nav>
              <Suspense fallback={<Spinner size="small" label={s("loading")} />}>
                {view === "create" ? <CreateView gateway={gateway} now={now} /> : null}
                {view === "validate" ? <ValidateView gateway={gateway} now={now} /> : null}
                {view === "flags" ? <FlagsView gateway={gateway} /> : null}
                {view === "merge" ? <MergeView gateway={gateway} /> : null}
              </Suspense>
            </>
          )}
        </main>
      </FluentProvider>
    </LangContext.Provider>
  );
}
