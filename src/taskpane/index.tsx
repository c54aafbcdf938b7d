import { createRoot } from "react-dom/client";
import { App } from "./App";
import { lazyExcelGateway } from "./lazyGateway";
import { firstLanguage, hostInfo, localLangStore, settingsMarkStore } from "./office";

/* global document, Office, Excel */

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const host = hostInfo();
  const langs = localLangStore();
  const gateway = lazyExcelGateway((batch) => Excel.run(batch), settingsMarkStore(), {
    mergedAreas: host.mergedAreas,
  });
  createRoot(container).render(
    <App
      host={host}
      gateway={gateway}
      initialLang={firstLanguage(langs)}
      onLangChange={langs.set}
    />
  );
});
