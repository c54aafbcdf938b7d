export * from "./readForm";
export * from "./writeForm";
