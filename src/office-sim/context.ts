/** RequestContext (`context.sync()` and its accounting) and Excel.run. */
import {
  ClientObject,
  ContextCore,
  Exec,
  QueuedOp,
  SimHost,
  byteLength,
  requestJson,
} from "./client";
import { PayloadLimitError, SimOfficeError, simError } from "./errors";
import { WorkbookModel } from "./model";
import { ApplicationProxy, WorkbookProxy } from "./workbook";

function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class RequestContext implements ContextCore {
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = {
    add: (_obj: unknown): void => undefined,
    remove: (_obj: unknown): void => undefined,
  };
  private _queue: QueuedOp[] = [];
  private _ids = 0;
  /** @internal */
  _executing = false;

  constructor(readonly _host: SimHost) {
    this.workbook = new WorkbookProxy(this, { parent: null, name: "workbook", args: [] }, (x) => x.wb);
  }

  get application(): ApplicationProxy {
    return this.workbook.application;
  }

  /** @internal */
  _enqueue(op: QueuedOp): void {
    this._queue.push(op);
  }
  /** @internal */
  _newObjectId(): number {
    return ++this._ids;
  }
  /** @internal number of queued operations (for tests of the harness itself) */
  get _pendingCount(): number {
    return this._queue.length;
  }

  /**
   * Run the queued operations against the workbook, in order. Results become visible
   * only after the returned promise resolves. A request or response over the payload
   * limit rejects the whole batch with nothing applied; any other error stops the batch
   * at the failing operation (earlier operations stay applied, as in Excel).
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this._queue;
    this._queue = [];
    const host = this._host;
    const stats = host.stats;
    stats.syncs++;
    stats.operations.push(ops.length);
    if (ops.length === 0) {
      stats.requestBytes.push(0);
      stats.responseBytes.push(0);
      await nextTick();
      return passThroughValue as T;
    }
    stats.roundTrips++;
    const requestBytes = byteLength(requestJson(ops));
    stats.requestBytes.push(requestBytes);
    await nextTick();
    if (requestBytes > host.options.requestLimit) {
      stats.responseBytes.push(0);
      stats.failedSyncs++;
      throw new PayloadLimitError("RequestPayloadSizeLimitExceeded", simError("RequestPayloadSizeLimitExceeded").message, "context.sync");
    }
    const needsBackup = ops.some((o) => o.write) && ops.some((o) => o.read);
    const backup: WorkbookModel | null = needsBackup ? host.model.clone() : null;
    const x = new Exec(host);
    let current: QueuedOp | undefined;
    try {
      this._executing = true;
      for (const op of ops) {
        current = op;
        op.run(x);
      }
    } catch (e) {
      stats.responseBytes.push(x.responseBytes);
      stats.failedSyncs++;
      if (e instanceof PayloadLimitError && backup !== null) host.model.restoreFrom(backup);
      if (e instanceof SimOfficeError && current !== undefined && e.debugInfo.statement === undefined) {
        e.debugInfo.statement = describeOp(current);
      }
      throw e;
    } finally {
      this._executing = false;
    }
    stats.responseBytes.push(x.responseBytes);
    for (const commit of x.commits) commit();
    return passThroughValue as T;
  }
}

/** Readable statement for error.debugInfo, e.g. `worksheets.getItem("Plan").getRange("A1").values = ...;` */
export function describeOp(op: QueuedOp): string {
  const path: string[] = [];
  for (let o: ClientObject<unknown> | null = op.owner; o !== null; o = o._path.parent) {
    const args = o._path.args.map((a) => (a instanceof ClientObject ? `<${a._typeName}>` : JSON.stringify(a) ?? "undefined"));
    path.unshift(o._path.args.length > 0 || o._path.name.startsWith("get") || o._path.name === "add" ? `${o._path.name}(${args.join(", ")})` : o._path.name);
  }
  const target = path.join(".");
  switch (op.record.a) {
    case "SetProperty":
      return `${target}.${op.record.n ?? ""} = ...;`;
    case "Method":
      return `${target}.${op.record.n ?? ""}(...);`;
    case "Query":
      return `${target}.load(${JSON.stringify(op.record.v) ?? ""});`;
    default:
      return `${target};`;
  }
}

type Batch<T> = (context: RequestContext) => Promise<T>;

/**
 * Excel.run(batch) / Excel.run(objectOrContext, batch): creates a request context,
 * runs the batch, and syncs whatever is still queued when the batch's promise resolves.
 */
export async function runBatch<T>(host: SimHost, first: unknown, second?: unknown): Promise<T> {
  const batch = (typeof first === "function" ? first : second) as Batch<T> | undefined;
  if (typeof batch !== "function") throw simError("InvalidArgument", "Excel.run");
  let ctx: RequestContext;
  if (first instanceof RequestContext) ctx = first;
  else if (first instanceof ClientObject && first._ctx instanceof RequestContext) ctx = first._ctx;
  else if (Array.isArray(first) && first[0] instanceof ClientObject && first[0]._ctx instanceof RequestContext) ctx = first[0]._ctx;
  else ctx = new RequestContext(host);
  const result: unknown = batch(ctx);
  if (typeof result !== "object" || result === null || typeof (result as { then?: unknown }).then !== "function") {
    throw new SimOfficeError("RunMustReturnPromise", simError("RunMustReturnPromise").message, "Excel.run");
  }
  const value = await (result as PromiseLike<T>);
  if (ctx._pendingCount > 0) await ctx.sync();
  return value;
}
