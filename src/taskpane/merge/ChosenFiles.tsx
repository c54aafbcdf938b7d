import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  shorthands,
  Text,
  tokens,
} from "@fluentui/react-components";
import { DragEvent, useEffect, useId, useRef, useState } from "react";
import { StringKey, useT } from "../i18n";
import { addFiles, fileKey } from "./chosen";
import { fill } from "../fill";
import { ShortList } from "./ShortList";

const useStyles = makeStyles({
  drop: {
    ...shorthands.border("2px", "dashed", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  dropActive: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  // A long Thai label wraps in a narrow pane instead of widening it.
  wrap: { maxWidth: "100%", whiteSpace: "normal", height: "auto", textAlign: "start" },
  row: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    justifyContent: "space-between",
  },
  name: { minWidth: 0, overflowWrap: "anywhere" },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** The words of one chooser: its button, the hint under it, the heading of its list (with {n}). */
export interface ChooserLabels {
  choose: StringKey;
  hint: StringKey;
  list: StringKey;
}

const MERGE_LABELS: ChooserLabels = { choose: "chooseFiles", hint: "dropHere", list: "chosenList" };

/**
 * Choosing the files to merge (or, with other labels, the files of the previous period): a file dialog or a drop adds to the list (the same file twice is kept
 * once); each file can be removed, the whole list cleared. Closing the file dialog without a choice
 * changes nothing.
 */
export function ChosenFiles({
  files,
  onChange,
  disabled,
  labels = MERGE_LABELS,
  onChoosing,
}: {
  files: readonly File[];
  onChange: (files: File[]) => void;
  disabled: boolean;
  labels?: ChooserLabels;
  /** The user is choosing (the file dialog opened, files dragged over): what reads them can start. */
  onChoosing?: () => void;
}) {
  const t = useT();
  const styles = useStyles();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const clearButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [over, setOver] = useState(false);
  const [notes, setNotes] = useState<string[]>([]);
  const [confirmClear, setConfirmClear] = useState(false);
  // After a removal, the index whose remove button takes the focus (-1: the choose button).
  const [focusAfter, setFocusAfter] = useState<number | null>(null);

  useEffect(() => {
    if (focusAfter === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button[data-remove]");
    const target = buttons?.length
      ? buttons[Math.min(focusAfter, buttons.length - 1)]
      : chooseButton.current;
    target?.focus();
    setFocusAfter(null);
  }, [focusAfter, files]);

  const add = (picked: Iterable<File> | null) => {
    const r = addFiles(files, picked);
    const n: string[] = [];
    if (r.ignored.length) n.push(fill(t("notAddedIgnored"), { names: r.ignored.join(", ") }));
    if (r.already.length) n.push(fill(t("notAddedAlready"), { names: r.already.join(", ") }));
    setNotes(n);
    if (r.files.length !== files.length) onChange(r.files);
  };

  const remove = (f: File) => {
    const i = files.indexOf(f);
    setNotes([]);
    onChange(files.filter((x) => x !== f));
    setFocusAfter(Math.max(0, i));
  };

  const closeClear = (cleared: boolean) => {
    setConfirmClear(false);
    if (cleared) {
      setNotes([]);
      onChange([]);
    }
    // Back to the control that opened the dialog, or to choosing files when the list is gone.
    setTimeout(() => (cleared ? chooseButton.current : clearButton.current)?.focus(), 0);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) add(Array.from(e.dataTransfer.files));
  };

  return (
    <div
      className={`${styles.drop} ${over ? styles.dropActive : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!over) onChoosing?.();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Button
        ref={chooseButton}
        className={styles.wrap}
        aria-describedby={hintId}
        disabled={disabled}
        onClick={() => {
          onChoosing?.();
          input.current?.click();
        }}
      >
        {t(labels.choose)}
      </Button>
      <Text id={hintId} size={200}>
        {t(labels.hint)}
      </Text>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-label={t(labels.choose)}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          // A closed dialog gives no files (or no change event at all): nothing is added or lost.
          add(Array.from(e.target.files ?? []));
          // The same file can be chosen again after it was removed.
          e.target.value = "";
        }}
      />
      {notes.map((n) => (
        <Text key={n} size={200} className={styles.note} role="status">
          {n}
        </Text>
      ))}
      {files.length ? (
        <div ref={list}>
          <div className={styles.header}>
            <Text weight="semibold">{fill(t(labels.list), { n: files.length })}</Text>
            <Button
              ref={clearButton}
              appearance="subtle"
              size="small"
              disabled={disabled}
              onClick={() => setConfirmClear(true)}
            >
              {t("clearFiles")}
            </Button>
          </div>
          <ShortList
            items={files}
            label={fill(t(labels.list), { n: files.length })}
            keyOf={fileKey}
            render={(f) => (
              <span className={styles.row}>
                <span className={styles.name}>{f.name}</span>
                <Button
                  data-remove=""
                  size="small"
                  appearance="subtle"
                  disabled={disabled}
                  aria-label={fill(t("removeFileNamed"), { name: f.name })}
                  onClick={() => remove(f)}
                >
                  {t("removeFile")}
                </Button>
              </span>
            )}
          />
        </div>
      ) : null}
      <Dialog open={confirmClear} onOpenChange={(_, d) => !d.open && closeClear(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{fill(t("clearTitle"), { n: files.length })}</DialogTitle>
            <DialogContent>{t("clearBody")}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => closeClear(true)}>
                {t("clearFiles")}
              </Button>
              <Button onClick={() => closeClear(false)}>{t("cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
