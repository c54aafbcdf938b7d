import {
  Button,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { Submitted, submittedWords, SubmitStep, submitWorkbook } from "../../app/submit";
import type { RetryNote } from "../../graph";
import { fflateInflate } from "../../xlsx/read/fflateInflate";
import { ErrorBar } from "../components";
import { useT } from "../i18n";
import { fill } from "../fill";
import { useAction } from "../useAction";
import { useM365 } from "./context";
import { graphFor, libraryName } from "./graph";
import { RetryWait } from "./RetryWait";
import { useM365T } from "./strings";

const useStyles = makeStyles({
  wrap: { minWidth: 0, "& .fui-MessageBarBody": { overflowWrap: "anywhere", minWidth: 0 } },
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { margin: 0 },
  // A path or a library's address wraps rather than widening a narrow pane.
  result: { overflowWrap: "anywhere" },
});

/** Where the validate view is: not checked, checked with errors, checked but since changed, ready. */
export type SubmitState = "unchecked" | "notReady" | "stale" | "ready";

/**
 * "ส่งรายงาน": the district sends the workbook to the period's folder of the city's library (the
 * submit use case, `app/submit.ts`). Shown in a build configured for Microsoft 365 only; enabled once
 * the validate view says the report is ready (and its check is not out of date). Says each step, the
 * waits Microsoft 365 asks for, and at the end when, where and which version — or why not.
 */
export function SubmitControl({ state }: { state: SubmitState }) {
  const m = useM365();
  const t = useT();
  const s = useM365T();
  const styles = useStyles();
  const { busy, error, run } = useAction();
  const [step, setStep] = useState<SubmitStep | null>(null);
  const [wait, setWait] = useState<RetryNote | null>(null);
  const [sent, setSent] = useState<Submitted | null>(null);
  if (!m) return null;
  if (!m.naa)
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s("noNaaTitle")}</MessageBarTitle>
          {s("noNaaSubmit")}
        </MessageBarBody>
      </MessageBar>
    );
  const library = libraryName(m);

  const send = () =>
    run(async () => {
      setSent(null);
      setStep({ step: "checking" });
      const bytes = await m.workbookBytes();
      const g = graphFor(m, m.config.writeScopes, (n) => setWait(n));
      const r = await submitWorkbook(g, {
        library: m.config.library,
        bytes,
        workbook: m.workbookName(),
        inflate: fflateInflate,
        onProgress: (p) => {
          setWait(null);
          setStep(p);
        },
      });
      setSent(r);
    }).finally(() => {
      setStep(null);
      setWait(null);
    });

  const why =
    state === "unchecked"
      ? s("submitNeedsCheck")
      : state === "notReady"
        ? s("submitNeedsFix")
        : state === "stale"
          ? s("submitNeedsRecheck")
          : null;
  const stepLabel =
    step?.step === "uploading"
      ? fill(s("stepUploading"), {
          percent: step.total ? Math.round((100 * step.sent) / step.total) : 0,
        })
      : step?.step === "locating"
        ? s("stepLocating")
        : step?.step === "version"
          ? s("stepVersion")
          : s("stepChecking");

  return (
    <section className={styles.root} aria-labelledby="submit-title">
      <Text as="h3" id="submit-title" weight="semibold" className={styles.title}>
        {s("submitTitle")}
      </Text>
      <Text size={200} id="submit-where">
        {fill(s("submitWhere"), { library })}
      </Text>
      <div>
        <Button
          id="submit-button"
          appearance="primary"
          disabledFocusable={state !== "ready" || busy}
          aria-describedby={why ? "submit-why" : "submit-where"}
          onClick={send}
        >
          {s("submit")}
        </Button>
      </div>
      {why ? (
        <Text size={200} id="submit-why">
          {why}
        </Text>
      ) : null}
      {step ? (
        <Field label={stepLabel} validationState="none">
          <ProgressBar
            value={step.step === "uploading" && step.total ? step.sent / step.total : undefined}
          />
        </Field>
      ) : null}
      <RetryWait wait={wait} />
      {/* A folder's address or a path in the message wraps rather than widening the pane. */}
      <div className={styles.wrap}>
        <ErrorBar error={error} />
      </div>
      {sent ? (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody className={styles.result}>
            <MessageBarTitle>{s("submitted")}</MessageBarTitle>
            {t.m(submittedWords(sent, library))}{" "}
            {sent.webUrl ? (
              <Link href={sent.webUrl} target="_blank" rel="noopener noreferrer">
                {s("openInSharePoint")}
              </Link>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
