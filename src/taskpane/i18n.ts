import { createContext, useContext } from "react";
import type { Msg } from "../domain";
import { FISCAL_YEAR_RANGE as FY, PASS_MARK_RANGE as PM } from "../domain/bounds";

export type Lang = "th" | "en";

/** UI strings, Thai first. Messages from the domain carry their own {th, en}. */
export const STRINGS = {
  appTitle: { th: "รายงาน ITA สำนักงานเขต", en: "ITA District Report" },
  language: { th: "ภาษา", en: "Language" },
  views: { th: "มุมมอง", en: "Views" },
  loading: { th: "กำลังโหลด…", en: "Loading…" },
  unsupportedTitle: { th: "Excel เวอร์ชันนี้ยังไม่รองรับ", en: "This version of Excel is not supported" },
  unsupportedBody: {
    th: "ต้องใช้ Excel ที่รองรับ ExcelApi 1.9 ขึ้นไป (Microsoft 365, Excel 2021 หรือ Excel บนเว็บ)",
    en: "The add-in needs ExcelApi 1.9 or later (Microsoft 365, Excel 2021 or Excel on the web).",
  },
  tabCreate: { th: "สร้างแบบ", en: "Create" },
  tabValidate: { th: "ตรวจสอบ", en: "Validate" },
  tabFlags: { th: "ต่ำกว่าเกณฑ์", en: "Flags" },
  tabMerge: { th: "รวมรายงาน", en: "Merge" },
  // Merge
  mergeTitle: { th: "รวมรายงานของสำนักงานเขต", en: "Merge district workbooks" },
  chooseFiles: {
    th: "เลือกไฟล์ .xlsx ของเขต (เลือกได้หลายไฟล์)",
    en: "Choose the districts' .xlsx files (several at once)",
  },
  dropHere: { th: "หรือลากไฟล์มาวางที่นี่", en: "or drop the files here" },
  expectDistricts: { th: "ตรวจว่าครบ 50 เขต", en: "Expect the 50 districts" },
  startMerge: { th: "รวมรายงาน", en: "Merge" },
  cancelMerge: { th: "ยกเลิก", en: "Cancel" },
  mergeDone: { th: "เขียนสรุปลงในสมุดงานนี้แล้ว", en: "The summary is written into this workbook" },
  noneMerged: { th: "ไม่มีไฟล์ที่รวมได้ จึงไม่เขียนสรุป", en: "No file could be merged; no summary written" },
  stValid: { th: "ถูกต้อง", en: "valid" },
  stWarnings: { th: "มีคำเตือน", en: "warnings" },
  stErrors: { th: "มีข้อผิดพลาด", en: "errors" },
  stRejected: { th: "ไม่รับ", en: "rejected" },
  stDuplicate: { th: "ซ้ำ", en: "duplicate" },
  stSuperseded: { th: "มีฉบับใหม่แทน", en: "superseded" },
  supersededBy: { th: "ใช้แทนด้วย", en: "replaced by" },
  useInstead: { th: "ใช้ไฟล์นี้แทน", en: "Use this file instead" },
  // Merge: chosen files, progress, results, the central report ({n} and the like are filled in)
  chosenList: { th: "ไฟล์ที่เลือก ({n})", en: "Chosen files ({n})" },
  removeFile: { th: "นำออก", en: "Remove" },
  removeFileNamed: { th: "นำออก {name}", en: "Remove {name}" },
  clearFiles: { th: "ล้างรายการ", en: "Clear the list" },
  clearTitle: { th: "ล้างรายการไฟล์ที่เลือก ({n} ไฟล์)?", en: "Clear the chosen files ({n})?" },
  clearBody: {
    th: "ไฟล์จะถูกนำออกจากรายการนี้เท่านั้น ไฟล์ในเครื่องไม่ถูกลบหรือแก้ไข",
    en: "The files leave this list only; nothing on your computer is deleted or changed.",
  },
  notAddedIgnored: {
    th: "ไม่ได้เพิ่ม (ไฟล์ล็อกของ Office หรือไฟล์ซ่อน): {names}",
    en: "Not added (Office lock files or hidden files): {names}",
  },
  notAddedAlready: {
    th: "ไม่ได้เพิ่มซ้ำ (เลือกไว้แล้ว): {names}",
    en: "Not added twice (already chosen): {names}",
  },
  mergeNeedsFiles: {
    th: "เลือกไฟล์ของหน่วยงานก่อน แล้วจึงกดรวมรายงาน",
    en: "Choose the units' files first, then merge",
  },
  readingFileOf: { th: "กำลังอ่านไฟล์ {i} จาก {n}", en: "Reading file {i} of {n}" },
  readFailed: {
    th: "อ่านไฟล์ที่เลือกไม่ได้ กรุณาเลือกไฟล์ใหม่อีกครั้ง",
    en: "The chosen files could not be read; choose them again",
  },
  mergePeriod: { th: "ปีงบประมาณและรอบที่จะรวม", en: "Fiscal year and round to merge" },
  periodOption: {
    th: "{year} รอบ {round} เดือน · {n} ไฟล์",
    en: "{year}, {round}-month round · {n} {n|sheet|sheets}",
  },
  mergePeriodOne: {
    th: "ทุกไฟล์ที่อ่านได้เป็นรอบเดียวกัน",
    en: "Every readable file is of this period",
  },
  mergePeriodOthers: {
    th: "ไฟล์ที่เลือกมีรอบอื่นอีก {n} รอบ: ไฟล์ของรอบอื่นจะไม่นำมารวม และแสดงในรายการไฟล์ที่ไม่รับพร้อมเหตุผล",
    en: "The chosen files give {n} other {n|period|periods}: their files are not merged and are listed among the rejected files with the reason",
  },
  replaceSummaryTitle: {
    th: "แทนที่สรุปเดิมในสมุดงานนี้?",
    en: "Replace the summary in this workbook?",
  },
  replaceSummaryBody: {
    th: "สมุดงานนี้มีชีตสรุปอยู่แล้ว ({sheets}) การรวมครั้งนี้จะเขียนชีตเหล่านั้นใหม่ทั้งหมด",
    en: "This workbook already has summary sheets ({sheets}); this merge writes them anew",
  },
  replaceSummary: { th: "แทนที่สรุปเดิม", en: "Replace it" },
  keepSummary: { th: "ยกเลิก", en: "Cancel" },
  mergingUnits: {
    th: "กำลังรวมรายงาน {n} ฉบับ และจับคู่ผลการดำเนินการกับมาตรการ…",
    en: "Merging {n} reports and matching their results to the measures…",
  },
  writingSheets: {
    th: "กำลังเขียนชีตสรุปลงในสมุดงานนี้…",
    en: "Writing the summary sheets into this workbook…",
  },
  mergeCancelled: {
    th: "ยกเลิกแล้ว ยังไม่ได้เขียนสรุป (สรุปเดิม ถ้ามี ยังอยู่ครบ)",
    en: "Cancelled: no summary written (an earlier summary, if any, is unchanged)",
  },
  resultsTitle: { th: "ผลการรวมรายงาน", en: "Merge results" },
  countMerged: {
    th: "รวมแล้ว {n} หน่วยงาน จาก {files} ไฟล์",
    en: "{n} {n|unit|units} merged from {files} {files|file|files}",
  },
  countRejected: { th: "ไม่รับ {n} ไฟล์", en: "{n} {n|file|files} rejected" },
  countMissing: { th: "ยังไม่ส่ง {n} หน่วยงาน", en: "{n} {n|unit|units} not received" },
  countSuperseded: { th: "มีฉบับใหม่แทน {n} ไฟล์", en: "{n} {n|file|files} superseded" },
  countSkipped: { th: "ข้าม {n} ไฟล์", en: "{n} {n|file|files} skipped" },
  skippedTitle: { th: "ไฟล์ที่ข้าม ({n})", en: "Skipped files ({n})" },
  mergedPeriod: { th: "รวมรายงาน{period}", en: "Merged: {period}" },
  supersededChosen: { th: "คุณเลือกใช้", en: "you chose" },
  useLaterAgain: { th: "กลับไปใช้ฉบับที่บันทึกภายหลัง", en: "Use the later copy again" },
  nErrors: { th: "ข้อผิดพลาด {n}", en: "{n} {n|error|errors}" },
  nWarnings: { th: "คำเตือน {n}", en: "{n} {n|warning|warnings}" },
  mergedMapped: {
    th: "เขียนบนแบบฟอร์ม {form} รวมตามข้อที่ต่อเนื่องกัน",
    en: "written on the form {form}, merged as its items map",
  },
  formWide: { th: "ข้อมูลทั่วไป", en: "details" },
  rejectedTitle: { th: "ไฟล์ที่ไม่รับ ({n})", en: "Rejected files ({n})" },
  missingTitle: { th: "หน่วยงานที่ยังไม่ส่ง ({n})", en: "Units not received ({n})" },
  supersededTitleN: { th: "ไฟล์ที่มีฉบับใหม่แทน ({n})", en: "Superseded files ({n})" },
  mergedTitle: { th: "ไฟล์ที่รวมแล้ว ({n})", en: "Merged files ({n})" },
  showAll: { th: "แสดงทั้งหมด {n} รายการ", en: "Show all {n}" },
  showFewer: { th: "แสดงน้อยลง", en: "Show fewer" },
  unreadable: {
    th: "ไฟล์ {name} อ่านไม่ได้: ไฟล์อาจเสียหาย ลองเปิดใน Excel แล้วบันทึกใหม่ หรือขอไฟล์ใหม่จากหน่วยงาน",
    en: "{name} could not be read ({detail}); open it in Excel and save it again, or ask the unit for a new copy",
  },
  reportTitle: { th: "รายงานกลาง (Word)", en: "Central report (Word)" },
  reportOffice: { th: "หน่วยงานผู้รวบรวม", en: "Compiling office" },
  reportOfficeHint: {
    th: "ขึ้นในย่อหน้าเปิดและท้ายรายงาน จำไว้ในเครื่องนี้",
    en: "Printed in the opening and the closing line; remembered on this computer",
  },
  downloadReport: { th: "ดาวน์โหลดรายงานกลาง (.docx)", en: "Download the central report (.docx)" },
  buildingReport: { th: "กำลังสร้างรายงาน…", en: "Building the report…" },
  // Said only when the browser took the download link (saveFile.ts): never "saved".
  reportStarted: {
    th: "ดาวน์โหลด {file} เริ่มแล้ว ดูในโฟลเดอร์ดาวน์โหลด",
    en: "Download of {file} started; look in your Downloads folder",
  },
  reportNoFile: {
    th: "ถ้าไม่มีไฟล์ในโฟลเดอร์ดาวน์โหลด กดที่นี่",
    en: "No file in your Downloads folder? Click here",
  },
  saveRefused: {
    th: "ยังไม่ได้บันทึก {file}: เบราว์เซอร์ของบานหน้าต่างไม่ได้เริ่มดาวน์โหลด",
    en: "{file} is not saved: the pane's browser did not start the download",
  },
  saveNoLinks: {
    th: "ยังไม่ได้บันทึก {file}: เบราว์เซอร์ของบานหน้าต่างนี้ดาวน์โหลดไฟล์เองไม่ได้",
    en: "{file} is not saved: this pane's browser cannot download files by itself",
  },
  saveHostDrops: {
    th: "ยังไม่ได้บันทึก {file}: Excel บน Mac และ iPad ไม่บันทึกไฟล์ที่ดาวน์โหลดจากบานหน้าต่าง add-in",
    en: "{file} is not saved: Excel for Mac and iPad does not save files downloaded from an add-in pane",
  },
  saveNoFile: {
    th: "ถ้าไม่มี {file} ในโฟลเดอร์ดาวน์โหลด",
    en: "If {file} is not in your Downloads folder",
  },
  saveByLink: {
    th: "กดลิงก์นี้เพื่อบันทึกรายงาน:",
    en: "Click this link to save the report:",
  },
  saveLink: { th: "บันทึก {file}", en: "Save {file}" },
  saveElsewhere: {
    th: "ถ้ากดแล้วยังไม่มีไฟล์ในโฟลเดอร์ดาวน์โหลด: รวมรายงานอีกครั้งใน Excel บนเว็บหรือ Excel บน Windows แล้วดาวน์โหลดจากที่นั่น หรือสร้างรายงานด้วยคำสั่ง ita merge ไฟล์ของเขต --report รายงาน.docx",
    en: "If no file appears in your Downloads folder after that: merge again in Excel on the web or Excel for Windows and download it there, or make the report with the command ita merge district-files --report report.docx",
  },
  // Create
  createTitle: { th: "สร้างแบบรายงาน", en: "Create the reporting sheet" },
  unit: { th: "หน่วยงาน", en: "Unit" },
  unitHint: {
    th: "พิมพ์ชื่อเขต (ไทย/อังกฤษ) หรือรหัส หรือชื่อหน่วยงานอื่น",
    en: "Type a district (Thai/English) or its code, or another unit's name",
  },
  fiscalYear: { th: "ปีงบประมาณ (พ.ศ.)", en: "Fiscal year (B.E.)" },
  round: { th: "รอบการรายงาน", en: "Report round" },
  round6: { th: "6 เดือน", en: "6 months" },
  round12: { th: "12 เดือน", en: "12 months" },
  passMark: { th: "เกณฑ์ผ่าน (คะแนน)", en: "Pass mark (score)" },
  preparer: { th: "ผู้จัดทำรายงาน", en: "Prepared by" },
  createButton: { th: "สร้างแบบรายงาน", en: "Create the sheet" },
  creating: { th: "กำลังสร้าง…", en: "Creating…" },
  created: { th: "สร้างชีตแล้ว", en: "Sheet created" },
  sheetExistsTitle: { th: "มีชีตชื่อนี้อยู่แล้ว", en: "This sheet already exists" },
  sheetExistsBody: {
    th: "จะไม่เขียนทับชีตเดิม สร้างเป็นชีตใหม่ชื่อ",
    en: "The existing sheet is kept. Create a new sheet named",
  },
  createAsNew: { th: "สร้างเป็นชีตใหม่", en: "Create the new sheet" },
  cancel: { th: "ยกเลิก", en: "Cancel" },
  invalidYear: {
    th: `ปีงบประมาณต้องเป็น พ.ศ. ${FY.min}–${FY.max}`,
    en: `The fiscal year must be B.E. ${FY.min}–${FY.max}`,
  },
  invalidPassMark: {
    th: `เกณฑ์ผ่านต้องเป็นตัวเลข ${PM.min}–${PM.max}`,
    en: `The pass mark must be a number from ${PM.min} to ${PM.max}`,
  },
  // Import
  importTitle: { th: "นำเข้าคะแนน", en: "Import scores" },
  importLabel: {
    th: "วางรายการคะแนน (เช่น I22 82.01 ทีละบรรทัด)",
    en: "Paste the scores (one per line, such as I22 82.01)",
  },
  preview: { th: "ดูสิ่งที่จะเปลี่ยน", en: "Preview changes" },
  apply: { th: "นำคะแนนเข้า", en: "Apply the scores" },
  noChanges: { th: "ไม่มีคะแนนที่ต้องเปลี่ยน", en: "No score to change" },
  unmatched: { th: "บรรทัดที่ไม่ตรงกับข้อใด", en: "Lines that matched nothing" },
  line: { th: "บรรทัด", en: "Line" },
  code: { th: "ข้อ", en: "Item" },
  before: { th: "เดิม", en: "Before" },
  after: { th: "ใหม่", en: "After" },
  imported: { th: "นำเข้าคะแนนแล้ว", en: "Scores imported" },
  // Start from an earlier report (issue 26)
  earlierTitle: { th: "เริ่มจากรายงานครั้งก่อน", en: "Start from an earlier report" },
  earlierIntro: {
    th: "รายงานรอบ 12 เดือนต่อจากรอบ 6 เดือน หรือรายงานปีใหม่ต่อจากปีนี้: ใช้แบบรายงานในสมุดงานนี้ หรือเลือกไฟล์รายงานครั้งก่อน (ไฟล์เดิมไม่ถูกแก้ไข)",
    en: "The 12-month report from the 6-month one, or next year's from this year's: use a report sheet in this workbook, or choose the earlier report's file (it is not changed)",
  },
  earlierUseSheet: { th: "ใช้แบบรายงานในสมุดงานนี้", en: "Use a report sheet in this workbook" },
  earlierFile: {
    th: "หรือเลือกไฟล์รายงานครั้งก่อน (.xlsx)",
    en: "or choose the earlier report's file (.xlsx)",
  },
  earlierSource: { th: "รายงานครั้งก่อน", en: "Earlier report" },
  earlierPeriod: { th: "รายงานใหม่", en: "New report" },
  earlierNext: { th: "(รอบถัดไป)", en: "(the next one)" },
  earlierPhotos: { th: "ยกภาพกิจกรรมมาด้วย ({n} ภาพ)", en: "Carry the activity photos too ({n})" },
  earlierScoresSame: {
    th: "คะแนนใหม่ (ถ้ามี วางรายการคะแนน เช่น I22 82.01 ทีละบรรทัด)",
    en: "New scores (if any: paste the scores, one per line, such as I22 82.01)",
  },
  earlierScoresYear: {
    th: "คะแนนของปีนี้ (วางรายการคะแนน เช่น I22 82.01 ทีละบรรทัด หรือเว้นว่างไว้กรอกภายหลัง)",
    en: "This year's scores (paste them, one per line, such as I22 82.01, or leave empty and fill in later)",
  },
  earlierScoresName: { th: "รายการคะแนนที่วาง", en: "the pasted scores" },
  earlierWillDo: { th: "จะทำดังนี้", en: "What will be done" },
  earlierCreate: { th: "สร้างรายงานใหม่", en: "Create the new report" },
  earlierCreated: { th: "สร้างรายงานใหม่แล้ว", en: "New report created" },
  earlierRenamed: { th: "มีชีต {name} อยู่แล้ว", en: "a sheet {name} exists" },
  earlierPhotosCarried: { th: "ยกภาพมา {n} ภาพ", en: "{n} photos carried" },
  nextAfterEarlier: {
    th: "เพิ่มผลที่ดำเนินการหลังรายงานครั้งก่อนในช่องผลการดำเนินงาน แล้วตรวจสอบ: ช่องที่ยังเหมือนรายงานครั้งก่อนจะมีคำเตือน",
    en: "Add what was done since the earlier report in the results cells, then validate: a cell still as in the earlier report gets a warning",
  },
  nextAfterEarlierYear: {
    th: "ใส่คะแนนของปีนี้ (นำเข้าคะแนนด้านล่าง) ปรับมาตรการให้เป็นแผนของปีนี้ แล้วตรวจสอบ",
    en: "Enter this year's scores (Import scores below), adapt the measures as this year's plan, then validate",
  },
  // Validate
  validateTitle: { th: "ตรวจสอบแบบรายงาน", en: "Check the report" },
  validateButton: { th: "ตรวจสอบก่อนส่ง", en: "Validate before submission" },
  validating: { th: "กำลังตรวจสอบ…", en: "Validating…" },
  readyTitle: { th: "พร้อมส่ง", en: "Ready to submit" },
  readyBody: { th: "ไม่พบข้อผิดพลาด", en: "No errors found" },
  notReadyTitle: { th: "ยังส่งไม่ได้", en: "Not ready to submit" },
  errors: { th: "ข้อผิดพลาด", en: "errors" },
  warnings: { th: "คำเตือน", en: "warnings" },
  general: { th: "ข้อมูลทั่วไปของรายงาน", en: "Report details" },
  normalize: {
    th: "แปลงคะแนน {n} ช่องที่เก็บเป็นข้อความหรือร้อยละให้เป็นตัวเลข",
    en: "Convert the {n} {n|score|scores} stored as text or as a percentage into {n|a number|numbers}",
  },
  normalized: { th: "แปลงคะแนนเป็นตัวเลขแล้ว", en: "Scores converted to numbers" },
  goToCell: { th: "ไปที่เซลล์", en: "Go to cell" },
  error: { th: "ข้อผิดพลาด", en: "Error" },
  warning: { th: "คำเตือน", en: "Warning" },
  // Flags
  flagsTitle: { th: "ข้อที่ได้คะแนนต่ำกว่าเกณฑ์", en: "Items under the pass mark" },
  refresh: { th: "อ่านชีตอีกครั้ง", en: "Read the sheet again" },
  noFlags: { th: "ไม่มีข้อที่ต่ำกว่าเกณฑ์", en: "No item is under the pass mark" },
  score: { th: "คะแนน", en: "Score" },
  shortBy: { th: "ขาดอีก", en: "Short by" },
  insertPhoto: { th: "ใส่ภาพ", en: "Insert photo" },
  chooseFile: { th: "เลือกไฟล์ภาพ", en: "choose a picture file" },
  photoInserted: {
    th: "ใส่ภาพในช่องภาพกิจกรรมแล้ว ย้ายหรือปรับขนาดได้",
    en: "photo placed in the activity photos cell; move or resize it as needed",
  },
  estimate: { th: "ประมาณการ", en: "estimate" },
  measures: { th: "มาตรการ", en: "Measures" },
  results: { th: "ผล", en: "Results" },
  evidence: { th: "หลักฐาน", en: "Evidence" },
  yes: { th: "มี", en: "yes" },
  no: { th: "ไม่มี", en: "no" },
  standardMeasures: { th: "มาตรการมาตรฐานของแบบฟอร์ม", en: "The form's standard measures" },
  insertMeasures: { th: "ใส่มาตรการที่เลือก", en: "Insert the chosen measures" },
  measuresInserted: {
    th: "ใส่มาตรการแล้ว แก้ไขต่อได้ในเซลล์",
    en: "Measures inserted; edit them in the cell",
  },
  averages: { th: "ค่าเฉลี่ยรายตัวชี้วัด", en: "Indicator averages" },
  indicator: { th: "ตัวชี้วัด", en: "Indicator" },
  tool: { th: "แบบวัด", en: "Tool" },
  pass: { th: "ผ่าน", en: "pass" },
  fail: { th: "ไม่ผ่าน", en: "fail" },
  total: {
    th: "คะแนนรวมโดยประมาณ (คะแนนทางการมาจาก ป.ป.ช.): ค่าเฉลี่ยของข้อในแต่ละแบบวัด × น้ำหนักตามแบบฟอร์ม",
    en: "Estimated total (the official score is NACC's): each tool's item average × the form's weight",
  },
  notScored: { th: "ยังไม่มีคะแนน", en: "not scored" },
  sheetChecked: { th: "ชีตที่ตรวจ", en: "Sheet checked" },
  foundOnlyForm: {
    th: "ชีตที่เปิดอยู่ไม่ใช่แบบรายงาน จึงตรวจแบบรายงานชีตเดียวในสมุดงานนี้",
    en: "The active sheet is not a report form, so the workbook's only form was checked",
  },
  chooseSheetTitle: { th: "มีแบบรายงานหลายชีต", en: "Several report sheets" },
  chooseSheetBody: {
    th: "ชีตที่เปิดอยู่ไม่ใช่แบบรายงาน เลือกชีตแบบรายงานที่จะตรวจ (หรือเปิดชีตนั้นแล้วกดอีกครั้ง)",
    en: "The active sheet is not a report form: choose the report sheet to check (or open it and press again)",
  },
  reportSheet: { th: "ชีตแบบรายงาน", en: "Report sheet" },
  chooseSheetPlaceholder: { th: "เลือกชีต…", en: "Choose a sheet…" },
  unitNearMissTitle: { th: "ไม่พบเขตชื่อนี้", en: "No district by this name" },
  unitNearMissBody: {
    th: "หมายถึงเขตนี้หรือไม่ (ถ้าไม่ใช่เขต ใช้ชื่อที่พิมพ์ได้)",
    en: "Did you mean this district? (Not a district: the name as typed is used)",
  },
  useUnit: { th: "ใช้", en: "Use" },
  dueNow: { th: "ถึงกำหนดส่งตอนนี้: ปีงบประมาณ", en: "Due now: fiscal year" },
  previewFirst: {
    th: 'กด "ดูสิ่งที่จะเปลี่ยน" ก่อน แล้วจึงนำคะแนนเข้า',
    en: 'Press "Preview changes" first, then apply the scores',
  },
  skippedAfterImport: {
    th: "บรรทัดที่ไม่ได้นำเข้า (แก้แล้วกดดูสิ่งที่จะเปลี่ยนอีกครั้ง)",
    en: "Lines not imported (correct them and preview again)",
  },
  // Create: the form
  formChoice: { th: "แบบฟอร์ม", en: "Form" },
  formByYear: { th: "ตามปีงบประมาณ", en: "By fiscal year" },
  formYears: { th: "ปี", en: "FY" },
  formItems: { th: "ข้อ", en: "items" },
  formFromFile: { th: "จากไฟล์", en: "from file" },
  formFile: {
    th: "ใช้ไฟล์แบบฟอร์ม (.json หรือ .xlsx ที่ส่วนกลางแก้แล้ว)",
    en: "Use a form file (.json, or the .xlsx the central office edited)",
  },
  formFileHint: {
    th: "ใช้เมื่อส่วนกลางส่งไฟล์แบบฟอร์มของปีใหม่มาให้ (ไฟล์ .json หรือ .xlsx)",
    en: "When the central office sends you a new year's form file (.json or .xlsx)",
  },
  chooseFormFile: { th: "เลือกไฟล์…", en: "Choose a file…" },
  noFormFile: { th: "ยังไม่ได้เลือกไฟล์", en: "No file chosen" },
  formFileChosen: { th: "ใช้ไฟล์", en: "Using" },
  unitPlaceholder: { th: "พิมพ์ชื่อหรือรหัสเขตเพื่อค้นหา", en: "Type a district's name or code to search" },
  unitRequired: {
    th: "ระบุหน่วยงานก่อนสร้างแบบรายงาน (ชื่อเขตหรือรหัส เช่น 1035)",
    en: "Give the unit before creating the sheet (a district's name or code, such as 1035)",
  },
  openUnitList: { th: "เปิดรายชื่อเขต", en: "Open the list of districts" },
  formFileRefused: { th: "ใช้ไฟล์แบบฟอร์มนี้ไม่ได้", en: "This form file cannot be used" },
  roundNotInForm: { th: "ไม่มีรอบนี้ในแบบฟอร์ม", en: "This round is not in the form" },
  // Lists, filters, next steps and the split-off (validate, flags, import, the shell)
  nextStep: { th: "ขั้นต่อไป", en: "Next step" },
  nextAfterReady: {
    th: "บันทึกสมุดงาน (Ctrl+S) แล้วส่งไฟล์ให้สำนักงาน ก.ก. (กองวินัยและเสริมสร้างจริยธรรม) ตามช่องทางที่กำหนด",
    en: "Save the workbook (Ctrl+S) and send the file to the central office (สำนักงาน ก.ก.) as instructed",
  },
  nextAfterErrors: {
    th: "แก้รายการที่เป็นข้อผิดพลาดด้านล่าง (กดรายการเพื่อไปที่เซลล์) แล้วกดตรวจสอบอีกครั้ง",
    en: "Fix the errors listed below (press one to go to its cell), then validate again",
  },
  nextAfterImport: {
    th: "ตรวจสอบแบบรายงาน เพื่อดูว่ายังขาดอะไรก่อนส่ง",
    en: "Validate the report to see what is still missing before you send it",
  },
  nextAfterCreate: {
    th: 'กรอกคะแนนของแต่ละข้อในคอลัมน์คะแนน (หรือวางรายการคะแนนที่ "นำเข้าคะแนน") แล้วกรอกมาตรการ ผล และหลักฐานของข้อที่ต่ำกว่าเกณฑ์',
    en: 'Fill in each item\'s score in the score column (or paste the scores under "Import scores"), then measures, results and evidence for items under the pass mark',
  },
  nextAfterMeasures: {
    th: "ปรับข้อความในเซลล์ให้ตรงกับงานของหน่วยงาน เพิ่มผลการดำเนินการและหลักฐาน แล้วตรวจสอบ",
    en: "Adapt the text in the cell to the unit's work, add results and evidence, then validate",
  },
  nextAfterSplit: {
    th: "ช่อง {cell} ถูกเลือกไว้แล้ว: แก้ข้อความที่คัดลอกมาให้เป็นมาตรการของข้อ {code} โดยตรง แล้วตรวจสอบ",
    en: "Cell {cell} is selected: rewrite the copied text as measures aimed at {code}, then validate",
  },
  goValidate: { th: "ไปที่ตรวจสอบ", en: "Go to Validate" },
  dismissNext: { th: "ปิด", en: "Dismiss" },
  textScoresTitle: {
    th: "ยังส่งไม่ได้: มีคะแนนที่เก็บเป็นข้อความหรือร้อยละ",
    en: "Not ready: scores stored as text or as a percentage",
  },
  textScoresBody: {
    th: "คะแนน {n} ช่องเก็บเป็นข้อความหรือร้อยละ ({cells}) ซึ่งสูตรและการรวมรายงานอาจนับผิด: กดปุ่มแปลงด้านล่าง",
    en: "{n} {n|score is|scores are} stored as text or as a percentage ({cells}): formulas and the merge may count {n|it|them} wrongly; press the convert button below",
  },
  staleTitle: { th: "ข้อมูลเปลี่ยนแล้ว — ตรวจอีกครั้ง", en: "The data changed — check again" },
  staleBody: {
    th: "มีการแก้ไขแบบรายงานหลังการตรวจครั้งนี้ รายการด้านล่างอาจไม่ตรงกับชีตแล้ว",
    en: "The report was edited after this check: the list below may no longer match the sheet",
  },
  checkAgain: { th: "ตรวจอีกครั้ง", en: "Check again" },
  show: { th: "แสดง", en: "Show" },
  filterAll: { th: "ทั้งหมด", en: "All" },
  filterErrors: { th: "ข้อผิดพลาด", en: "Errors" },
  filterWarnings: { th: "คำเตือน", en: "Warnings" },
  filterNoMeasures: { th: "ยังไม่มีมาตรการ", en: "Without measures" },
  countErrors: { th: "{n} ข้อผิดพลาด", en: "{n} {n|error|errors}" },
  countWarnings: { th: "{n} คำเตือน", en: "{n} {n|warning|warnings}" },
  noScoreTitle: { th: "{n} ข้อยังไม่มีคะแนน", en: "{n} {n|item has|items have} no score" },
  noScoreBody: {
    th: "ข้อ {codes}: กรอกในคอลัมน์คะแนน หรือวางรายการคะแนนทีเดียว",
    en: "Items {codes}: type them in the score column, or paste the scores all at once",
  },
  goToFirstEmpty: {
    th: "ไปที่ช่องคะแนนแรกที่ยังว่าง ({cell})",
    en: "Go to the first empty score cell ({cell})",
  },
  importScoresNow: { th: "นำเข้าคะแนน", en: "Import scores" },
  severityHelp: {
    th: "ข้อผิดพลาด: ต้องแก้ก่อนส่ง · คำเตือน: ควรดู แต่ส่งได้",
    en: "Error: must be fixed before sending · Warning: worth a look, can be sent",
  },
  flagsCount: {
    th: "{n} ข้อต่ำกว่าเกณฑ์ · {m} ข้อยังไม่มีมาตรการ",
    en: "{n} {n|item|items} under the pass mark · {m} without measures",
  },
  itemsCount: { th: "{n} ข้อ", en: "{n} {n|item|items}" },
  noMeasuresCount: { th: "{n} ไม่มีมาตรการ", en: "{n} without measures" },
  scoreShort: { th: "{score} คะแนน (ขาดอีก {short})", en: "{score} (short by {short})" },
  goToMeasures: { th: "ไปที่ช่องมาตรการ {cell}", en: "Go to the measures cell {cell}" },
  sharedMeasures: { th: "ใช้ร่วมกับ {group}", en: "shared with {group}" },
  selectAllNoMeasures: {
    th: "เลือกทุกข้อที่ยังไม่มีมาตรการ ({n})",
    en: "Select every item without measures ({n})",
  },
  selectItem: { th: "เลือก {code}", en: "Select {code}" },
  insertForSelected: {
    th: "ใส่มาตรการมาตรฐานให้ทั้ง {n} ข้อที่เลือก",
    en: "Insert the standard measures for all {n} selected",
  },
  measuresInsertedMany: {
    th: "ใส่มาตรการมาตรฐานแล้ว {n} ข้อ ({codes})",
    en: "Standard measures inserted for {n} {n|item|items} ({codes})",
  },
  chooseMeasures: { th: "เลือกมาตรการเองสำหรับ {code}", en: "Choose measures for {code}" },
  splitOff: { th: "เขียนมาตรการของข้อ {code} เอง", en: "Write own measures for {code}" },
  splitHint: {
    th: "แยกข้อ {code} ออกจากช่องที่ใช้ร่วมกับ {group}: ข้อความเดิมยังอยู่กับข้ออื่นในกลุ่ม และคัดลอกไว้ในช่องของข้อ {code} ให้แก้",
    en: "Splits {code} off the cells shared with {group}: the text stays with the rest of the group and is copied into {code}'s own cells for you to rewrite",
  },
  splitDone: {
    th: "ข้อ {code} มีช่องมาตรการของตนเองแล้ว ({cell})",
    en: "{code} has its own measures cell now ({cell})",
  },
  // Merge: compared with the previous period
  compareTitle: {
    th: "เทียบกับครั้งก่อน (ไม่บังคับ)",
    en: "Compare with the previous period (optional)",
  },
  chooseCompare: {
    th: "เลือกไฟล์ของครั้งก่อน",
    en: "Choose the previous period's files",
  },
  compareHint: {
    th: "ไฟล์สรุปของปีหรือรอบก่อนที่โปรแกรมนี้เขียน (1 ไฟล์) หรือไฟล์ .xlsx ของเขตจากปีหรือรอบก่อน ลากมาวางที่นี่ได้",
    en: "The previous year's or round's summary written by this program (one file), or the previous period's district .xlsx files; or drop them here",
  },
  compareChosen: { th: "ไฟล์ครั้งก่อนที่เลือก ({n})", en: "Previous period's files ({n})" },
  readingPreviousOf: {
    th: "กำลังอ่านไฟล์ครั้งก่อน {i} จาก {n}",
    en: "Reading previous file {i} of {n}",
  },
  comparePreviousRejected: {
    th: "ไฟล์ครั้งก่อนที่อ่านไม่ได้ {n} ไฟล์:",
    en: "{n} previous {n|file|files} not read:",
  },
  compareLine: {
    th: "เทียบกับ{period}: คะแนนรวมโดยประมาณดีขึ้น {up} หน่วยงาน ลดลง {down} เท่าเดิม {same} จาก {n} หน่วยงานที่เทียบได้",
    en: "Compared with {period}: units compared {n}; estimated total up {up}, down {down}, unchanged {same}",
  },
  compareIncomplete: { th: "คะแนนไม่ครบ {n} หน่วยงาน", en: "{n} without a complete total" },
  compareFell: {
    th: "ข้อที่ตกต่ำกว่าเกณฑ์ {fell} ข้อ ขึ้นมาผ่านเกณฑ์ {rose} ข้อ",
    en: "items fallen under the pass mark: {fell}, risen to it: {rose}",
  },
  compareNotComparable: { th: "ข้อที่เทียบไม่ได้: {codes}", en: "items not comparable: {codes}" },
  compareSheetNote: { th: "ดูชีต {sheet}", en: "see the sheet {sheet}" },
  compareNone: {
    th: "ไม่มีหน่วยงานใดที่อยู่ทั้งในครั้งก่อนและครั้งนี้",
    en: "No unit is in both the previous period and this one",
  },
  compareSkippedTitle: {
    th: "ไม่ได้เทียบกับครั้งก่อน",
    en: "Not compared with the previous period",
  },
  compareSkippedBody: {
    th: "สรุปและรายงานเขียนโดยไม่มีการเทียบกับครั้งก่อน แก้ไฟล์ครั้งก่อนแล้วกดรวมรายงานอีกครั้ง",
    en: "The summary and report are made without the comparison; correct the previous files and merge again",
  },
  // Fit for printing, the print check, changes in the sheet
  fitButton: { th: "จัดหน้าพิมพ์", en: "Fit for printing" },
  fitting: { th: "กำลังจัดหน้าพิมพ์…", en: "Fitting for printing…" },
  fitNow: { th: "จัดหน้าพิมพ์ตอนนี้", en: "Fit for printing now" },
  fitDone: {
    th: "จัดหน้าพิมพ์แล้ว: {pages} หน้า ข้อความที่เคยถูกตัด {cut} ช่องพิมพ์ได้ครบ",
    en: "Fitted for printing: {pages} {pages|page|pages}, the {cut} {cut|cell|cells} that were cut off now print whole",
  },
  fitUnchanged: {
    th: "หน้าพิมพ์พอดีกับข้อความอยู่แล้ว ไม่มีอะไรต้องเปลี่ยน",
    en: "The printed pages already fit the text: nothing to change",
  },
  fitRefused: { th: "ยังจัดหน้าพิมพ์ไม่ได้", en: "Not fitted for printing" },
  clippedTitle: {
    th: "ข้อความ {n} ช่องจะถูกตัดเมื่อพิมพ์",
    en: "{n} {n|cell|cells} will print cut off",
  },
  clippedBody: {
    th: "แถวไม่สูงพอสำหรับข้อความที่พิมพ์ไว้ (Excel ไม่ขยายแถวของช่องที่ผสานไว้ให้เอง): จัดหน้าพิมพ์เพื่อปรับความสูงแถวและแบ่งหน้าใหม่",
    en: "The rows are not tall enough for the text typed (Excel does not grow the rows of merged cells): fit for printing to set the heights and pages again",
  },
  fitNeededTitle: { th: "ข้อความที่พิมพ์เพิ่มยาวเกินหน้า", en: "Text typed runs past its page" },
  fitNeededBody: {
    th: "ปรับความสูงแถวที่พิมพ์แล้ว แต่หน้าพิมพ์ต้องแบ่งใหม่: กดจัดหน้าพิมพ์เมื่อพิมพ์เสร็จ",
    en: "The rows typed in were made taller, but the pages need laying out again: fit for printing when you have finished typing",
  },
  // The copy to send
  copyTitle: { th: "สำเนาสำหรับส่ง", en: "A copy to send" },
  copyHint: {
    th: "บันทึกสมุดงานนี้เป็นไฟล์ชื่อ {file} แล้วส่งไฟล์นั้นให้ส่วนกลาง",
    en: "Save this workbook as {file} and send that file to the central office",
  },
  copyXlsx: { th: "บันทึกสำเนา (.xlsx)", en: "Save a copy (.xlsx)" },
  copyPdf: { th: "บันทึกเป็น PDF", en: "Save as PDF" },
  copying: { th: "กำลังเตรียมไฟล์…", en: "Preparing the file…" },
  copyNoPdf: {
    th: "Excel นี้ทำ PDF จากบานหน้าต่างไม่ได้: ใช้ ไฟล์ > ส่งออก > PDF ใน Excel",
    en: "This Excel cannot make a PDF from the pane: use File > Export > PDF in Excel",
  },
  copyNoFile: {
    th: "Excel นี้ (เช่น บน iPad) ให้ไฟล์จากบานหน้าต่างไม่ได้: บันทึกสมุดงานด้วยชื่อ {file} แล้วส่งไฟล์นั้น",
    en: "This Excel (on iPad, for one) cannot give the file to the pane: save the workbook as {file} and send that file",
  },
  copyElsewhere: {
    th: "ถ้ากดแล้วยังไม่มีไฟล์ในโฟลเดอร์ดาวน์โหลด: บันทึกสมุดงานด้วย ไฟล์ > บันทึกเป็น ชื่อ {file}",
    en: "If no file appears in your Downloads folder after that: save the workbook with File > Save As, named {file}",
  },
  saveByLinkFile: { th: "กดลิงก์นี้เพื่อบันทึกไฟล์:", en: "Click this link to save the file:" },
  photoLabel: { th: "ใส่ภาพ", en: "Photo" },
  formNoticeMeaning: {
    th: "(ข้อคำถามชุดเดียวกับปีนั้น ถ้าส่วนกลางส่งไฟล์แบบฟอร์มของปีใหม่มา ให้เลือกไฟล์นั้นด้านล่าง)",
    en: "(the same questions as that year's; if the central office sends a new year's form file, choose it below)",
  },
} as const;

export type StringKey = keyof typeof STRINGS;

export const LangContext = createContext<Lang>("th");

export interface Translate {
  (key: StringKey): string;
  /** A domain message in the current language. */
  m: (message: Msg) => string;
  lang: Lang;
}

/** A string with its {placeholders} filled, "{n|error|errors}" by the number (fill.ts). */
export { fill } from "./fill";

export function useT(): Translate {
  const lang = useContext(LangContext);
  const t = ((key: StringKey) => STRINGS[key][lang]) as Translate;
  t.m = (message) => message[lang];
  t.lang = lang;
  return t;
}
