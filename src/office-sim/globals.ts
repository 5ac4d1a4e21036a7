/**
 * `Excel`, `Office` and `OfficeExtension` globals backed by a simulator, for code that
 * uses them directly (`Excel.run`, `Office.context.requirements.isSetSupported`,
 * `Excel.ConditionalFormatType.custom`, `error instanceof OfficeExtension.Error`...).
 *
 *   const uninstall = installOfficeGlobals(sim);
 *   try { await adapter.refresh(); } finally { uninstall(); }
 */
import { ClientObject, ClientResult } from "./client";
import { RequestContext } from "./context";
import { allExcelEnums } from "./enums.generated";
import { SimOfficeError } from "./errors";
import type { Sim } from "./sim";

export const OfficeExtensionErrorCodes = {
  accessDenied: "AccessDenied",
  activityLimitReached: "ActivityLimitReached",
  apiNotFound: "ApiNotFound",
  cannotRegisterEvent: "CannotRegisterEvent",
  cannotUpdateReadOnlyProperty: "CannotUpdateReadOnlyProperty",
  connectionFailure: "ConnectionFailure",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidOrTimedOutSession: "InvalidOrTimedOutSession",
  invalidRequestContext: "InvalidRequestContext",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  timeout: "Timeout",
  valueNotLoaded: "ValueNotLoaded",
} as const;

/** The `Excel` namespace: run, RequestContext, and every enum with Office.js' string values. */
export function createExcelNamespace(sim: Sim): Record<string, unknown> {
  class SimRequestContext extends RequestContext {
    constructor() {
      super(sim);
    }
  }
  return {
    ...allExcelEnums,
    run: (first: unknown, second?: unknown): Promise<unknown> =>
      typeof first === "function"
        ? sim.run(first as (c: RequestContext) => Promise<unknown>)
        : sim.run(first, second as (c: RequestContext) => Promise<unknown>),
    RequestContext: SimRequestContext,
  };
}

export function createOfficeNamespace(sim: Sim): Record<string, unknown> {
  const info = { host: "Excel", platform: "PC" };
  return {
    HostType: { Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    context: {
      host: "Excel",
      platform: "PC",
      displayLanguage: "en-US",
      contentLanguage: "en-US",
      diagnostics: { host: "Excel", platform: "PC", version: "16.0.0.0" },
      requirements: { isSetSupported: (name: string, version?: string): boolean => sim.isSetSupported(name, version) },
    },
    onReady: (callback?: (i: typeof info) => void): Promise<typeof info> => {
      if (callback !== undefined) callback(info);
      return Promise.resolve(info);
    },
  };
}

export function createOfficeExtensionNamespace(): Record<string, unknown> {
  return {
    Error: SimOfficeError,
    ErrorCodes: OfficeExtensionErrorCodes,
    ClientResult,
    ClientObject,
    Promise,
    config: { extendedErrorLogging: false },
  };
}

/** Install `Excel`, `Office` and `OfficeExtension` on globalThis; returns a function restoring the previous values. */
export function installOfficeGlobals(sim: Sim): () => void {
  const names = ["Excel", "Office", "OfficeExtension"] as const;
  const previous: { name: string; had: boolean; value: unknown }[] = names.map((n) => ({ name: n, had: Reflect.has(globalThis, n), value: Reflect.get(globalThis, n) }));
  Reflect.set(globalThis, "Excel", createExcelNamespace(sim));
  Reflect.set(globalThis, "Office", createOfficeNamespace(sim));
  Reflect.set(globalThis, "OfficeExtension", createOfficeExtensionNamespace());
  return () => {
    for (const p of previous) {
      if (p.had) Reflect.set(globalThis, p.name, p.value);
      else Reflect.deleteProperty(globalThis, p.name);
    }
  };
}
