export * from "./keys";
export * from "./snapshot";
export * from "./store";
export * from "./changes";
export * from "./trend";
export * from "./sheet-section";
