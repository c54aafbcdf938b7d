import { Body1, FluentProvider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1, Tab, TabList, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { HostInfo } from "./office";
import { Lang, LangContext, STRINGS } from "./i18n";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: "300px",
  },
  header: { display: "flex", justifyContent: "space-between", alignItems: "center", columnGap: tokens.spacingHorizontalS },
});

export interface AppProps {
  host: HostInfo;
  initialLang?: Lang;
}

export function App({ host, initialLang = "th" }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  return (
    <LangContext.Provider value={lang}>
      <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme} lang={lang}>
        <main className={styles.root}>
          <header className={styles.header}>
            <Subtitle1 as="h1">{STRINGS.appTitle[lang]}</Subtitle1>
            <TabList size="small" selectedValue={lang} onTabSelect={(_, d) => setLang(d.value as Lang)} aria-label={STRINGS.language[lang]}>
              <Tab value="th">ไทย</Tab>
              <Tab value="en">EN</Tab>
            </TabList>
          </header>
          {!host.supported ? (
            <MessageBar intent="error">
              <MessageBarBody>
                <MessageBarTitle>{STRINGS.unsupportedTitle[lang]}</MessageBarTitle>
                <Body1>{STRINGS.unsupportedBody[lang]}</Body1>
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </main>
      </FluentProvider>
    </LangContext.Provider>
  );
}
