/** Which newer Excel API sets this Excel supports; the add-in needs ExcelApi 1.7 and uses newer sets when present. */
export interface Capabilities {
  /** Range.getCellProperties / setCellProperties / getRowProperties / getColumnProperties, RangeAreas, suspendScreenUpdating (1.9). */
  cellProperties: boolean;
  /** Range.getMergedAreasOrNullObject (1.13). */
  mergedAreas: boolean;
}

export const MINIMUM_API = "1.7";

export function detectCapabilities(): Capabilities {
  const supported = (version: string): boolean => {
    try {
      return Office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
  return { cellProperties: supported("1.9"), mergedAreas: supported("1.13") };
}
