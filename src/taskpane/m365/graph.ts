/** The Graph client of the pane's Microsoft 365 parts, from what the context gives. */
import { graphClient, GraphClient, RetryNote } from "../../graph";
import type { M365 } from "./context";

/** A Graph client for a job's scopes; `onRetry` hears Graph's waits (429/503). */
export function graphFor(m: M365, scopes: string[], onRetry?: (n: RetryNote) => void): GraphClient {
  return graphClient({
    base: m.config.graphBase,
    fetch: m.fetch,
    token: () => m.token(scopes),
    onRetry,
  });
}

/** The library's name for messages: the last part of its URL. */
export function libraryName(m: M365): string {
  const last = m.config.library.replace(/\/+$/, "").split("/").pop() ?? m.config.library;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
