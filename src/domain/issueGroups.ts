import { FormDef } from "./catalog";
import { Issue } from "./rules";
import { Msg, msg } from "./text";

export interface IssueGroup {
  key: string;
  title: Msg;
  errors: number;
  issues: Issue[];
}

/**
 * Issues grouped as the form is (report details, then tool and indicator): groups with errors come
 * before groups with only warnings, and errors come first within a group.
 */
export function groupIssues(issues: readonly Issue[], formDef: FormDef): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  const order = new Map<string, number>();
  const add = (key: string, title: Msg, rank: number, issue: Issue) => {
    let g = groups.get(key);
    if (!g) {
      g = { key, title, errors: 0, issues: [] };
      groups.set(key, g);
      order.set(key, rank);
    }
    g.issues.push(issue);
    if (issue.severity === "error") g.errors++;
  };
  for (const issue of issues) {
    const item = issue.code ? formDef.byCode.get(issue.code) : undefined;
    if (!item) {
      add("general", msg("ข้อมูลทั่วไปของรายงาน", "Report details"), -1, issue);
      continue;
    }
    const tool = formDef.tools.find((t) => t.id === item.tool)!;
    const ind = tool.indicators.find((i) => i.number === item.indicator)!;
    add(
      `${tool.id}-${ind.number}`,
      msg(
        `${tool.id} · ตัวชี้วัดที่ ${ind.number} ${ind.name.th}`,
        `${tool.id} · Indicator ${ind.number} ${ind.name.en}`
      ),
      ind.number,
      issue
    );
  }
  const sev = (i: Issue) => (i.severity === "error" ? 0 : 1);
  return [...groups.values()]
    .sort(
      (a, b) => (a.errors ? 0 : 1) - (b.errors ? 0 : 1) || order.get(a.key)! - order.get(b.key)!
    )
    .map((g) => ({ ...g, issues: [...g.issues].sort((a, b) => sev(a) - sev(b)) }));
}
