/** The compiling office printed in the central report unless another is given (`--office`, the pane's setting). */
export const DEFAULT_OFFICE = "กองวินัยและเสริมสร้างจริยธรรม สำนักงาน ก.ก.";
