/**
 * The custom document property the central report carries (docProps/custom.xml), so that a merge
 * given a folder holding an earlier report recognises it as its own output, as it does a summary.
 */
export const REPORT_PROPERTY = { name: "ITA central report", value: "ita merge" } as const;
