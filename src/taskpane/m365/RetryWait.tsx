import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { RetryNote } from "../../graph";
import { fill } from "../fill";
import { M365Key, useM365T } from "./strings";

const WORDS: Record<RetryNote["reason"], M365Key> = {
  busy: "waiting",
  gateway: "waitingGateway",
  connection: "waitingConnection",
};

/** What the pane says while the Graph client waits to try again (sending and the library alike). */
export function RetryWait({ wait }: { wait: RetryNote | null }) {
  const s = useM365T();
  if (!wait) return null;
  return (
    <MessageBar intent="info" role="status">
      <MessageBarBody>
        {fill(s(WORDS[wait.reason]), {
          s: Math.round(wait.waitMs / 1000),
          i: wait.retry,
          n: wait.of,
        })}
      </MessageBarBody>
    </MessageBar>
  );
}
