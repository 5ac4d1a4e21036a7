/**
 * OfficeExtension.Error look-alike. Real Office.js throws `RichApi.Error` objects with
 * `code`, `message`, `debugInfo` (and `traceMessages`, `innerError`, `httpStatusCode`).
 * Codes and messages below come from Microsoft's "Error handling with the
 * application-specific JavaScript APIs" page and from office.js' resource strings.
 */

export const ErrorMessages = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel. See Office client application and platform availability for Office Add-ins for more information.",
  BadPassword: "The password you supplied is incorrect.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "This operation is not permitted for the current object.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  UnsupportedOperation: "The operation being attempted is not supported.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
} as const;

export type SimErrorCode = keyof typeof ErrorMessages | "PropertyNotLoaded" | "CannotUpdateReadOnlyProperty";

const httpStatus: Partial<Record<string, number>> = {
  AccessDenied: 401,
  ApiNotFound: 404,
  GeneralException: 500,
  InvalidArgument: 400,
  ItemNotFound: 404,
  PropertyNotLoaded: 400,
  ValueNotLoaded: 400,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
};

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

/** Shaped like OfficeExtension.Error: `name === "RichApi.Error"`. */
export class SimOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: string;
  readonly debugInfo: SimDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: SimOfficeError | null = null;
  readonly httpStatusCode: number | undefined;

  constructor(code: string, message: string, errorLocation?: string, statement?: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.code = code;
    this.httpStatusCode = httpStatus[code];
    this.debugInfo = { code, message };
    if (errorLocation !== undefined) this.debugInfo.errorLocation = errorLocation;
    if (statement !== undefined) this.debugInfo.statement = statement;
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** An error with the standard message for its code. */
export function simError(code: keyof typeof ErrorMessages, errorLocation?: string, detail?: string): SimOfficeError {
  const message = detail === undefined ? ErrorMessages[code] : `${ErrorMessages[code]} ${detail}`;
  return new SimOfficeError(code, message, errorLocation);
}

export function propertyNotLoaded(typeName: string, property: string): SimOfficeError {
  return new SimOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${property}`,
  );
}

export function readOnlyProperty(typeName: string, property: string): SimOfficeError {
  return new SimOfficeError(
    "CannotUpdateReadOnlyProperty",
    `The property '${property}' is read-only and it cannot be updated.`,
    `${typeName}.${property}`,
  );
}

/** Office.js' client-side requirement-set check message. */
export function apiNotFound(apiName: string, version: string): SimOfficeError {
  return new SimOfficeError(
    "ApiNotFound",
    `The method or property ${apiName} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
    apiName,
  );
}

/** Thrown inside a sync when a payload limit is hit: the sync is rolled back whole. */
export class PayloadLimitError extends SimOfficeError {}

export function isSimOfficeError(e: unknown): e is SimOfficeError {
  return e instanceof SimOfficeError;
}
