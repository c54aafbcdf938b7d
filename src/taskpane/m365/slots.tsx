/**
 * Where the Microsoft 365 parts sit in the views: nothing at all in a build without Microsoft 365
 * (no context), else the part, loaded on demand so that the views' chunks carry none of it (the
 * Graph client, the submit use case and its reader come with the part's own chunk).
 */
import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense } from "react";
import { useM365 } from "./context";
import type { LibraryListing } from "../../app/library";
import type { SubmitState } from "./SubmitControl";

const Submit = lazy(() =>
  import(/* webpackChunkName: "m365-submit" */ "./SubmitControl").then((m) => ({
    default: m.SubmitControl,
  }))
);

const Library = lazy(() =>
  import(/* webpackChunkName: "m365-library" */ "./LibrarySource").then((m) => ({
    default: m.LibrarySource,
  }))
);

/** The merge view's "รวมจากไลบรารี", where the build reads the city's library. */
export function LibrarySlot(props: {
  listing: LibraryListing | null;
  onListing: (l: LibraryListing | null) => void;
  disabled: boolean;
  now?: Date;
}) {
  const m = useM365();
  if (!m) return null;
  return (
    <Suspense fallback={<Spinner size="tiny" />}>
      <Library {...props} />
    </Suspense>
  );
}

/** The validate view's "ส่งรายงาน", where the build sends through Microsoft 365. */
export function SubmitSlot({ state }: { state: SubmitState }) {
  const m = useM365();
  if (!m) return null;
  return (
    <Suspense fallback={<Spinner size="tiny" />}>
      <Submit state={state} />
    </Suspense>
  );
}
