import { createContext, useContext } from "react";

export type Lang = "th" | "en";

/** UI strings, Thai first. Messages from the domain carry their own {th, en}. */
export const STRINGS = {
  appTitle: { th: "รายงาน ITA สำนักงานเขต", en: "ITA District Report" },
  language: { th: "ภาษา", en: "Language" },
  unsupportedTitle: { th: "Excel เวอร์ชันนี้ยังไม่รองรับ", en: "This version of Excel is not supported" },
  unsupportedBody: {
    th: "ต้องใช้ Excel ที่รองรับ ExcelApi 1.9 ขึ้นไป (Microsoft 365, Excel 2021 หรือ Excel บนเว็บ)",
    en: "The add-in needs ExcelApi 1.9 or later (Microsoft 365, Excel 2021 or Excel on the web).",
  },
} as const;

export type StringKey = keyof typeof STRINGS;

export const LangContext = createContext<Lang>("th");

/** `t("appTitle")` in the current language. */
export function useT(): (key: StringKey) => string {
  const lang = useContext(LangContext);
  return (key) => STRINGS[key][lang];
}
