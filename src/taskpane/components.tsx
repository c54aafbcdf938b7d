import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Msg } from "../domain";
import { useT } from "./i18n";

/** An error from an action, in the current language. */
export function ErrorBar({ error }: { error: Msg | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t("error")}</MessageBarTitle>
        {t.m(error)}
      </MessageBarBody>
    </MessageBar>
  );
}

export function SuccessBar({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
