/**
 * The strings of the pane's Microsoft 365 parts, Thai first, kept beside them (the views' table in
 * i18n.ts stays theirs). `{n}` and the like are filled in with `fill`.
 */
import { useContext } from "react";
import { LangContext } from "../i18n";

export const M365_STRINGS = {
  // Submit (district)
  submitTitle: { th: "ส่งรายงานไปยังส่วนกลาง", en: "Send the report to the central office" },
  submit: { th: "ส่งรายงาน", en: "Send the report" },
  submitWhere: {
    th: "ส่งสมุดงานนี้ (ฉบับที่บันทึกแล้ว) ไปที่ไลบรารี {library} ของส่วนกลาง แทนไฟล์ที่เคยส่งของรอบเดียวกัน",
    en: "Sends this workbook (as saved) to the central office's library {library}, replacing what was sent for the same round",
  },
  submitNeedsCheck: {
    th: "ส่งได้เมื่อตรวจสอบแล้วพร้อมส่ง: กด ตรวจสอบก่อนส่ง",
    en: "Can be sent once checked and ready: press Check before submission",
  },
  submitNeedsFix: {
    th: "ส่งได้เมื่อแก้ข้อผิดพลาดแล้วและตรวจสอบอีกครั้งว่าพร้อมส่ง",
    en: "Can be sent once the errors are fixed and a new check says it is ready",
  },
  submitNeedsRecheck: {
    th: "สมุดงานเปลี่ยนไปหลังการตรวจสอบ: ตรวจอีกครั้งก่อนส่ง",
    en: "The workbook changed after the check: check again before sending",
  },
  stepChecking: { th: "กำลังตรวจไฟล์ที่บันทึกไว้…", en: "Checking the saved file…" },
  stepLocating: {
    th: "กำลังหาโฟลเดอร์ของรอบนี้ในไลบรารี…",
    en: "Finding the round's folder in the library…",
  },
  stepUploading: { th: "กำลังส่ง {percent} %", en: "Sending: {percent} %" },
  stepVersion: { th: "กำลังอ่านรุ่นของไฟล์…", en: "Reading the file's version…" },
  waiting: {
    th: "Microsoft 365 ขอให้รอ {s} วินาที แล้วจะลองใหม่ (ครั้งที่ {i} จาก {n})",
    en: "Microsoft 365 asked to wait {s} seconds; trying again then ({i} of {n})",
  },
  waitingGateway: {
    th: "Microsoft 365 ขัดข้องชั่วคราว จะลองใหม่ในอีก {s} วินาที (ครั้งที่ {i} จาก {n})",
    en: "Microsoft 365 failed for a moment; trying again in {s} seconds ({i} of {n})",
  },
  waitingConnection: {
    th: "การเชื่อมต่อกับ Microsoft 365 ขาด จะลองใหม่ในอีก {s} วินาที (ครั้งที่ {i} จาก {n})",
    en: "The connection to Microsoft 365 broke off; trying again in {s} seconds ({i} of {n})",
  },
  submitted: { th: "ส่งแล้ว", en: "Sent" },
  openInSharePoint: { th: "เปิดไฟล์ใน SharePoint", en: "Open the file in SharePoint" },
  noNaaTitle: {
    th: "ส่งหรือรวมผ่าน Microsoft 365 จาก Excel นี้ไม่ได้",
    en: "Sending or merging through Microsoft 365 is not available in this Excel",
  },
  noNaaSubmit: {
    th: "Excel นี้ไม่รองรับการลงชื่อเข้าใช้สำหรับ Add\u2060-\u2060in (ต้องเป็น Microsoft 365 รุ่นปัจจุบัน และใน Excel บนเว็บต้องเปิดไฟล์จาก SharePoint หรือ OneDrive) บันทึกสมุดงานแล้วส่งไฟล์ให้ส่วนกลางตามเดิม",
    en: "This Excel does not offer sign-in to add-ins (it needs a current Microsoft 365 build, and in Excel on the web a file opened from SharePoint or OneDrive): save the workbook and send the file to the central office as before",
  },
  noNaaMerge: {
    th: "Excel นี้ไม่รองรับการลงชื่อเข้าใช้สำหรับ Add\u2060-\u2060in (ต้องเป็น Microsoft 365 รุ่นปัจจุบัน และใน Excel บนเว็บต้องเปิดไฟล์จาก SharePoint หรือ OneDrive) เลือกไฟล์ที่ดาวน์โหลดไว้จากเครื่องได้ตามเดิม",
    en: "This Excel does not offer sign-in to add-ins (it needs a current Microsoft 365 build, and in Excel on the web a file opened from SharePoint or OneDrive): choose the downloaded files from this computer as before",
  },
  // Merge from the library (central office)
  libraryTitle: { th: "รวมจากไลบรารี", en: "Merge from the library" },
  libraryHint: {
    th: "ไฟล์ที่หน่วยงานส่งไว้ในไลบรารี {library} ของรอบที่เลือก",
    en: "The files the units sent to the library {library} for the round chosen",
  },
  libraryPeriod: { th: "รอบที่จะดึงไฟล์", en: "Round to get" },
  libraryGet: { th: "ดึงไฟล์จากไลบรารี", en: "Get the files from the library" },
  libraryGetting: { th: "กำลังอ่านรายการไฟล์ในไลบรารี…", en: "Listing the library's files…" },
  libraryFiles: { th: "ไฟล์ในไลบรารี {folder} ({n})", en: "Files in the library {folder} ({n})" },
  libraryNone: {
    th: "โฟลเดอร์ {folder} ยังไม่มีไฟล์",
    en: "The folder {folder} has no file yet",
  },
  libraryCounts: {
    th: "ดาวน์โหลด {downloaded} ไฟล์ · ไม่เปลี่ยนแปลงตั้งแต่ครั้งก่อน ไม่ดาวน์โหลดซ้ำ {cached} ไฟล์",
    en: "{downloaded} downloaded · {cached} unchanged since the last merge, not downloaded again",
  },
  librarySentBy: { th: "ส่งโดย {by} เมื่อ {when}", en: "sent by {by}, {when}" },
  libraryNotRead: { th: "ไม่อ่าน ({n})", en: "Not read ({n})" },
  libraryIgnored: {
    th: "ไม่อ่านไฟล์ล็อกของ Office และไฟล์ซ่อน {n} ไฟล์",
    en: "{n} Office lock files and hidden files not read",
  },
  libraryClear: { th: "นำไฟล์จากไลบรารีออก", en: "Remove the library's files" },
} as const;

export type M365Key = keyof typeof M365_STRINGS;

export function useM365T(): (k: M365Key) => string {
  const lang = useContext(LangContext);
  return (k) => M365_STRINGS[k][lang];
}
