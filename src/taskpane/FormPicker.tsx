import {
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import type { FormLookup, FoundHow, SheetForm } from "../excel/readForm";
import type { Gateway } from "./gateway";
import { useT } from "./i18n";

export type Found = SheetForm & { how: FoundHow };

/**
 * The form a view works on, found wherever the user is (the active sheet, else the only form sheet,
 * else the sheet the user chooses from the form sheets). `find` answers null while a choice is needed.
 */
export function useFoundForm(gateway: Gateway, opts: { geometry?: boolean } = {}) {
  const [choices, setChoices] = useState<string[] | null>(null);
  const [picked, setPicked] = useState("");

  const found = (r: FormLookup & { kind: "form" }): Found => {
    const { form, protectedSheet, syncs, how } = r;
    return { form, protectedSheet, syncs, how };
  };

  /** Find the form; with `sheet`, read that sheet (the user's choice or the sheet already checked). */
  const find = async (sheet?: string): Promise<Found | null> => {
    if (sheet !== undefined)
      return found((await gateway.locateFormSheet(sheet, opts)) as FormLookup & { kind: "form" });
    const r = await gateway.locateFormSheet(undefined, opts);
    if (r.kind === "form") {
      setChoices(null);
      setPicked("");
      return found(r);
    }
    setChoices(r.sheets);
    if (picked && r.sheets.includes(picked)) return find(picked);
    setPicked("");
    return null;
  };
  return { find, choices, picked, setPicked };
}

/** The form sheets to choose from, when the active sheet is not a form and there are several. */
export function SheetChoice({
  sheets,
  value,
  disabled,
  onChoose,
}: {
  sheets: readonly string[];
  value: string;
  disabled: boolean;
  onChoose: (sheet: string) => void;
}) {
  const t = useT();
  return (
    <>
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>{t("chooseSheetTitle")}</MessageBarTitle>
          {t("chooseSheetBody")}
        </MessageBarBody>
      </MessageBar>
      <Field label={t("reportSheet")}>
        <Select value={value} disabled={disabled} onChange={(_, d) => d.value && onChoose(d.value)}>
          <option value="" disabled>
            {t("chooseSheetPlaceholder")}
          </option>
          {sheets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

/** Which sheet was checked, and why that one when it is not the active sheet. */
export function CheckedSheet({ found }: { found: Pick<Found, "form" | "how"> }) {
  const t = useT();
  return (
    <Text as="p" size={200}>
      {`${t("sheetChecked")}: "${found.form.sheet}"`}
      {found.how === "only" ? ` · ${t("foundOnlyForm")}` : ""}
    </Text>
  );
}
