import { createRoot } from "react-dom/client";
import { App } from "./App";
import { lazyExcelGateway } from "./lazyGateway";
import { builtConfig } from "./m365/config";
import { M365Context } from "./m365/context";
import { officeM365 } from "./m365/office";
import { finishSignIn, isSignInReturn } from "./m365/redirect";
import { firstLanguage, hostInfo, localLangStore, settingsMarkStore } from "./office";

/* global document, Office, Excel */

// The Microsoft 365 settings of this build (ADDIN_M365_…); null: local files only.
const m365Config = builtConfig();

if (m365Config && isSignInReturn()) {
  // Excel on the web's sign-in window came back to this page: hand the answer to the pane.
  void finishSignIn();
} else {
  Office.onReady(() => {
    const container = document.getElementById("container");
    if (!container) return;
    const host = hostInfo();
    const langs = localLangStore();
    const gateway = lazyExcelGateway((batch) => Excel.run(batch), settingsMarkStore(), {
      mergedAreas: host.mergedAreas,
    });
    const m365 = m365Config ? officeM365(m365Config, Office as never) : null;
    createRoot(container).render(
      <M365Context.Provider value={m365}>
        <App
          host={host}
          gateway={gateway}
          initialLang={firstLanguage(langs)}
          onLangChange={langs.set}
        />
      </M365Context.Provider>
    );
  });
}
