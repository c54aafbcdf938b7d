import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ReactNode, useId, useState } from "react";
import { useT } from "../i18n";
import { fill } from "../fill";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    // Long file and unit names wrap instead of widening a narrow pane.
    overflowWrap: "anywhere",
  },
  toggle: { alignSelf: "flex-start" },
});

/** A list that shows its first few entries and a "show all N" button when it is long. */
export function ShortList<T>({
  items,
  keyOf,
  render,
  first = 5,
  label,
}: {
  items: readonly T[];
  keyOf: (item: T, index: number) => string;
  render: (item: T) => ReactNode;
  /** Entries shown while collapsed; a list at most one longer is shown whole. */
  first?: number;
  label: string;
}) {
  const t = useT();
  const styles = useStyles();
  const id = useId();
  const [all, setAll] = useState(false);
  const long = items.length > first + 1;
  const shown = long && !all ? items.slice(0, first) : items;
  return (
    <>
      <ul className={styles.list} id={id} aria-label={label}>
        {shown.map((x, i) => (
          <li key={keyOf(x, i)}>{render(x)}</li>
        ))}
      </ul>
      {long ? (
        <Button
          className={styles.toggle}
          appearance="subtle"
          size="small"
          aria-expanded={all}
          aria-controls={id}
          onClick={() => setAll(!all)}
        >
          {all ? t("showFewer") : fill(t("showAll"), { n: items.length })}
        </Button>
      ) : null}
    </>
  );
}
