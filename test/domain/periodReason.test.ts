/** Why a sheet of another period is not merged: both periods named, a year typed in C.E. said so. */
import { msg, otherPeriodReason } from "../../src/domain";

const where = msg('ชีต "ITA"', 'sheet "ITA"');

describe("otherPeriodReason", () => {
  it("names both periods", () => {
    expect(
      otherPeriodReason({ fiscalYear: 2568, round: 12 }, { fiscalYear: 2569, round: 12 }, where)
    ).toEqual({
      th: 'ชีต "ITA": ไฟล์นี้เป็นปี 2568 รอบ 12 เดือน แต่การรวมนี้เป็นปี 2569 รอบ 12 เดือน จึงไม่นำมารวม',
      en: 'sheet "ITA": this file is of fiscal year 2568, 12-month round, but this merge is of fiscal year 2569, 12-month round; not merged',
    });
  });

  it("says a year typed in C.E. is one, with the year to type", () => {
    expect(
      otherPeriodReason({ fiscalYear: 2026, round: 12 }, { fiscalYear: 2569, round: 12 }, where)
    ).toEqual({
      th: 'ชีต "ITA": ไฟล์นี้เป็นปี 2026 รอบ 12 เดือน แต่การรวมนี้เป็นปี 2569 รอบ 12 เดือน จึงไม่นำมารวม (ปี 2026 ดูเป็น ค.ศ.: แก้เป็น พ.ศ. 2569 แล้วส่งใหม่)',
      en: 'sheet "ITA": this file is of fiscal year 2026, 12-month round, but this merge is of fiscal year 2569, 12-month round; not merged (2026 looks like C.E.: correct it to B.E. 2569 and send it again)',
    });
  });
});
