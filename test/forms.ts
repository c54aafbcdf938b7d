import { Catalog, findForm } from "../src/domain";

/** The FY2567 district form, pinned by id and version: tests never depend on which form is newest. */
export const FY2567: Catalog = findForm("bkk-district-ita", "2567.1")!;
