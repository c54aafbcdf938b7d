import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { LibraryListing, listLibrary, periodFolderIn } from "../../app/library";
import { whenWords } from "../../app/submit";
import { dueReport } from "../../domain/fiscal";
import { Period, periodKey, periodWords } from "../../domain/period";
import type { RetryNote } from "../../graph";
import { ErrorBar } from "../components";
import { useT } from "../i18n";
import { fill } from "../fill";
import { ShortList } from "../merge/ShortList";
import { useAction } from "../useAction";
import { useM365 } from "./context";
import { graphFor, libraryName } from "./graph";
import { RetryWait } from "./RetryWait";
import { useM365T } from "./strings";

const useStyles = makeStyles({
  wrap: { minWidth: 0, "& .fui-MessageBarBody": { overflowWrap: "anywhere", minWidth: 0 } },
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
});

/** The round due (the create view's default) and the three before it, newest first. */
export function recentPeriods(now: Date = new Date()): Period[] {
  const out: Period[] = [dueReport(now)];
  while (out.length < 4) {
    const p = out[out.length - 1];
    out.push(
      p.round === 12
        ? { fiscalYear: p.fiscalYear, round: 6 }
        : { fiscalYear: p.fiscalYear - 1, round: 12 }
    );
  }
  return out;
}

/**
 * "รวมจากไลบรารี": the files the units sent to the round's folder of the city's library, listed
 * through Microsoft Graph and handed to the merge view, which reads them with the files chosen from
 * the computer (the same merge use case: `app/library.ts` gives them as PickedFiles whose bytes come
 * through each file's download URL, or from the copy kept when its eTag has not changed). Shows who
 * sent each file and when; who has not sent is the merge's list of units not received.
 */
export function LibrarySource({
  listing,
  onListing,
  disabled,
  now,
}: {
  listing: LibraryListing | null;
  onListing: (l: LibraryListing | null) => void;
  disabled: boolean;
  now?: Date;
}) {
  const m = useM365();
  const t = useT();
  const s = useM365T();
  const styles = useStyles();
  const periods = recentPeriods(now);
  const [choice, setChoice] = useState(periodKey(periods[0]));
  const [wait, setWait] = useState<RetryNote | null>(null);
  const { busy, error, run } = useAction();
  if (!m) return null;
  const library = libraryName(m);
  if (!m.naa)
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s("noNaaTitle")}</MessageBarTitle>
          {s("noNaaMerge")}
        </MessageBarBody>
      </MessageBar>
    );

  const get = () =>
    run(async () => {
      const period = periods.find((p) => periodKey(p) === choice) ?? periods[0];
      const g = graphFor(m, m.config.readScopes, setWait);
      const folder = await periodFolderIn(g, m.config.library, period);
      onListing(await listLibrary(g, folder, { cache: m.cache }));
    }).finally(() => setWait(null));

  const entries = listing?.entries ?? [];
  const downloaded = entries.filter((e) => e.got === "downloaded").length;
  const cached = entries.filter((e) => e.got === "cached").length;
  return (
    <section className={styles.root} aria-labelledby="library-title">
      <Text as="h3" id="library-title" weight="semibold" className={styles.title}>
        {s("libraryTitle")}
      </Text>
      <Text size={200}>{fill(s("libraryHint"), { library })}</Text>
      <Field label={s("libraryPeriod")}>
        <Select value={choice} disabled={busy || disabled} onChange={(_, d) => setChoice(d.value)}>
          {periods.map((p) => (
            <option key={periodKey(p)} value={periodKey(p)}>
              {t.m(periodWords(p))}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button disabledFocusable={busy || disabled} onClick={get}>
          {s("libraryGet")}
        </Button>
        {listing ? (
          <Button disabledFocusable={busy || disabled} onClick={() => onListing(null)}>
            {s("libraryClear")}
          </Button>
        ) : null}
      </div>
      {busy ? <Spinner size="tiny" label={s("libraryGetting")} /> : null}
      <RetryWait wait={wait} />
      {/* A folder's address or a path in the message wraps rather than widening the pane. */}
      <div className={styles.wrap}>
        <ErrorBar error={error} />
      </div>
      {listing && !entries.length ? (
        <Text>{fill(s("libraryNone"), { folder: listing.folder.name })}</Text>
      ) : null}
      {entries.length ? (
        <Text weight="semibold">
          {fill(s("libraryFiles"), { folder: listing!.folder.name, n: entries.length })}
        </Text>
      ) : null}
      {entries.length ? (
        <ShortList
          label={fill(s("libraryFiles"), { folder: listing!.folder.name, n: entries.length })}
          items={entries}
          keyOf={(e) => e.id}
          render={(e) => (
            <>
              <span className={styles.name}>{e.name}</span>{" "}
              <span className={styles.meta}>
                {fill(s("librarySentBy"), {
                  by: e.modifiedBy ?? "-",
                  when: t.m(whenWords(e.modified)),
                })}
              </span>
            </>
          )}
        />
      ) : null}
      {downloaded + cached ? (
        <Text size={200} id="library-counts">
          {fill(s("libraryCounts"), { downloaded, cached })}
        </Text>
      ) : null}
      {listing?.notRead.length ? (
        <Text weight="semibold">{fill(s("libraryNotRead"), { n: listing.notRead.length })}</Text>
      ) : null}
      {listing?.notRead.length ? (
        <ShortList
          label={fill(s("libraryNotRead"), { n: listing.notRead.length })}
          items={listing.notRead}
          keyOf={(n) => n.name}
          render={(n) => `${n.name} — ${t.m(n.reason)}`}
        />
      ) : null}
      {listing?.ignored.length ? (
        <Text size={200}>{fill(s("libraryIgnored"), { n: listing.ignored.length })}</Text>
      ) : null}
    </section>
  );
}
