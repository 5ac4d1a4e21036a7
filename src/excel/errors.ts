/** Why an action stopped, in words for the person who clicked: shown as is in the task pane or a notification. */
export type ProblemKind = "protected" | "no-timeline" | "too-large" | "no-sheet" | "stale" | "unsupported" | "excel";

export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly kind: ProblemKind,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

function codeOf(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const code = e.code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** Excel on the web refused a request or response over its 5 MB limit. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = codeOf(e);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** A plain-language message for any error an action ends with. */
export function describeError(e: unknown): string {
  if (e instanceof UserFacingError) return e.message;
  const code = codeOf(e);
  if (code === "AccessDenied" || code === "InvalidOperationInCellEditMode") {
    return code === "InvalidOperationInCellEditMode"
      ? "Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again."
      : "Excel refused the change: the sheet or workbook is protected, or you only have permission to view it.";
  }
  if (isPayloadLimitError(e)) return "The sheet is too large for Excel to send to the add-in in one piece. Clear unused rows and columns, then try again.";
  const message = e instanceof Error ? e.message : String(e);
  return `Excel reported a problem${code ? ` (${code})` : ""}: ${message}`;
}
