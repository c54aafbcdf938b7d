/** A UI string with its {placeholders} filled in ("กำลังอ่านไฟล์ {i} จาก {n}"). */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole
  );
}
