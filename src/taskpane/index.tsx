import { createRoot } from "react-dom/client";
import { App } from "./App";
import { hostInfo } from "./office";

/* global document, Office */

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App host={hostInfo()} />);
});
