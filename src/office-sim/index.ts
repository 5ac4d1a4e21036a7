/**
 * office-sim: an in-memory Excel workbook behind an Office.js-compatible API, for
 * testing the add-in's Excel adapter without Excel and for the playground. See README.md
 * in this folder.
 */
export { Sim, SheetBuilder, FIVE_MB } from "./sim";
export type { SimCreateOptions, CfSpec } from "./sim";
export { SimStats, ClientResult, ClientObject, ClientCollection } from "./client";
export type { SimOptions } from "./client";
export { RequestContext } from "./context";
export { SimOfficeError, ErrorMessages } from "./errors";
export { installOfficeGlobals, createExcelNamespace, createOfficeNamespace, createOfficeExtensionNamespace, OfficeExtensionErrorCodes } from "./globals";
export { snapshotSheet, snapshotWorkbook } from "./snapshot";
export type { SheetSnapshot, CellSnapshot, ConditionalFormatSnapshot, FormatSnapshot } from "./snapshot";
export { WorkbookModel, SheetModel } from "./model";
export * as ExcelEnums from "./enums.generated";

import type { RequestContext as SimContext } from "./context";

/**
 * The simulator's context typed as Office.js' `Excel.RequestContext`, for adapter code
 * that takes a context parameter. (The simulator implements the subset described in
 * README.md; anything else is undefined at run time.)
 */
export function asExcelContext(context: SimContext): Excel.RequestContext {
  return context as unknown as Excel.RequestContext;
}
