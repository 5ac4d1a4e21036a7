/**
 * The Office.js proxy-object contract: every property write, method call and load is
 * queued on the request context and runs only in `context.sync()`, in queue order.
 * Reading a property needs load + sync first (PropertyNotLoaded otherwise), loaded
 * values are snapshots, methods that return data return a ClientResult, and
 * `*OrNullObject` proxies learn `isNullObject` at the next sync.
 */
import {
  PayloadLimitError,
  SimOfficeError,
  propertyNotLoaded,
  simError,
} from "./errors";
import type { WorkbookModel } from "./model";

export interface SimOptions {
  /** highest ExcelApi 1.x minor version supported (1.17 -> 17) */
  apiVersion: number;
  /** request payload limit in bytes (Excel on the web: 5 MB) */
  requestLimit: number;
  /** response payload limit in bytes (Excel on the web: 5 MB) */
  responseLimit: number;
  /** cells one read may cover (Excel: 5,000,000) */
  maxCellsPerRead: number;
}

/** Per-simulator statistics. `requestBytes[i]`/`responseBytes[i]` belong to sync number i+1. */
export class SimStats {
  /** every context.sync() call, including empty and failed ones */
  syncs = 0;
  /** syncs that had queued work (Office.js skips the round trip otherwise) */
  roundTrips = 0;
  failedSyncs = 0;
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  /** queued operations per sync */
  operations: number[] = [];
  /** TableRowCollection.add calls that ran (the add-in must not use it: co-authoring conflicts) */
  tableRowAdds = 0;
  suspendApiCalculation = 0;
  suspendScreenUpdating = 0;

  reset(): void {
    this.syncs = 0;
    this.roundTrips = 0;
    this.failedSyncs = 0;
    this.requestBytes = [];
    this.responseBytes = [];
    this.operations = [];
    this.tableRowAdds = 0;
    this.suspendApiCalculation = 0;
    this.suspendScreenUpdating = 0;
  }

  get totalRequestBytes(): number {
    return this.requestBytes.reduce((a, b) => a + b, 0);
  }
  get totalResponseBytes(): number {
    return this.responseBytes.reduce((a, b) => a + b, 0);
  }
}

/** What the proxies need from the simulator. */
export interface SimHost {
  model: WorkbookModel;
  readonly options: SimOptions;
  readonly stats: SimStats;
  isSetSupported(name: string, version?: string): boolean;
}

/** What the proxies need from their request context. */
export interface ContextCore {
  readonly _host: SimHost;
  /** true while a sync runs the queue (proxies created then are not queued themselves) */
  _executing: boolean;
  _enqueue(op: QueuedOp): void;
  _newObjectId(): number;
}

export interface OpRecord {
  /** SetProperty | Method | Query | Instantiate */
  a: string;
  /** object id */
  o: number;
  n?: string;
  v?: unknown;
}

export interface QueuedOp {
  record: OpRecord;
  owner: ClientObject<unknown>;
  write: boolean;
  read: boolean;
  run(x: Exec): void;
}

/** Runs of characters beyond ASCII: each takes more than a byte in UTF-8. */
const WIDE = /[\u0080-\uffff]+/g;

/**
 * A text's length in UTF-8 (as TextEncoder writes it), counted without writing it: encoding a request of megabytes
 * only to measure it cost the playground's Chromium a copy of it and 7 ms a megabyte. ASCII is a byte a character;
 * the runs beyond it (found by one native search, not a loop over every character) add what they take more. The
 * same count in Node and the browser.
 */
export function byteLength(text: string): number {
  let bytes = text.length;
  for (const [run] of text.matchAll(WIDE)) {
    for (let k = 0; k < run.length; k++) {
      const c = run.charCodeAt(k);
      if (c < 0x800) bytes += 1;
      else if (c < 0xdc00 && c >= 0xd800 && (run.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
        bytes += 2; // a pair of surrogates: four bytes for the two
        k++;
      } else bytes += 2; // three bytes (a lone surrogate is written as U+FFFD, three bytes too)
    }
  }
  return bytes;
}

/** Execution state of one sync: staged results are applied only if the whole batch succeeds. */
export class Exec {
  readonly commits: Array<() => void> = [];
  responseBytes = 0;
  constructor(readonly host: SimHost) {}

  get wb(): WorkbookModel {
    return this.host.model;
  }

  stage(fn: () => void): void {
    this.commits.push(fn);
  }

  /** Count a part of the response; fail the sync once the response is over the limit. */
  respond(part: unknown): void {
    this.responseBytes += byteLength(JSON.stringify(part) ?? "null");
    this.checkResponse(0);
  }

  /** Fail early when a read is certain to push the response over the limit. */
  checkResponse(extra: number): void {
    if (this.responseBytes + extra > this.host.options.responseLimit) {
      throw new PayloadLimitError(
        "ResponsePayloadSizeLimitExceeded",
        simError("ResponsePayloadSizeLimitExceeded").message,
        "context.sync",
      );
    }
  }
}

export class ClientResult<T> {
  private loaded = false;
  private current: T | undefined;

  get value(): T {
    if (!this.loaded) {
      throw new SimOfficeError("ValueNotLoaded", simError("ValueNotLoaded").message, "clientResult.value");
    }
    return this.current as T;
  }

  /** @internal */
  _set(v: T): void {
    this.loaded = true;
    this.current = v;
  }
}

export interface LoadSpec {
  paths: string[][];
  top?: number;
  skip?: number;
}

function splitPaths(text: string): string[][] {
  return text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => p.split("/").map((s) => s.trim()).filter((s) => s !== ""));
}

function objectPaths(obj: Record<string, unknown>, prefix: string[]): string[][] {
  const out: string[][] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v === true) out.push([...prefix, k]);
    else if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const inner = objectPaths(v as Record<string, unknown>, [...prefix, k]);
      out.push(...(inner.length > 0 ? inner : [[...prefix, k]]));
    }
  }
  return out;
}

/** Load options: "a, b/c", ["a", "b/c"], { select, expand, top, skip } or { a: true, b: { c: true } }. */
export function parseLoadOption(option: unknown): LoadSpec {
  if (option === undefined || option === null) return { paths: [] };
  if (typeof option === "string") return { paths: splitPaths(option) };
  if (Array.isArray(option)) {
    const items: unknown[] = option;
    return { paths: items.flatMap((p) => (typeof p === "string" ? splitPaths(p) : [])) };
  }
  if (typeof option === "object") {
    const o = option as Record<string, unknown>;
    const keys = Object.keys(o);
    const optionKeys = ["select", "expand", "top", "skip", "$top", "$skip"];
    if (keys.length > 0 && keys.every((k) => optionKeys.includes(k))) {
      const spec: LoadSpec = { paths: [] };
      for (const key of ["select", "expand"]) {
        const v = o[key];
        if (typeof v === "string") spec.paths.push(...splitPaths(v));
        else if (Array.isArray(v)) spec.paths.push(...parseLoadOption(v).paths);
      }
      const top = o["top"] ?? o["$top"];
      const skip = o["skip"] ?? o["$skip"];
      if (typeof top === "number") spec.top = top;
      if (typeof skip === "number") spec.skip = skip;
      return spec;
    }
    return { paths: objectPaths(o, []) };
  }
  return { paths: [] };
}

export interface PathInfo {
  parent: ClientObject<unknown> | null;
  name: string;
  args: readonly unknown[];
}

export type Resolver<T> = (x: Exec) => T | null;

/**
 * A value as it goes over the wire: a proxy becomes a reference to its object path (not its loaded values, which
 * its toJSON would give); anything holding no proxy is the same value, unchanged. A walk of the value rather than
 * a JSON.stringify replacer, which would call back into script for every cell of a written array.
 */
function wire(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof ClientObject) return { _ObjectPathId: value._objectId };
  if (Array.isArray(value)) {
    const items: unknown[] = value;
    let out: unknown[] | null = null;
    for (let k = 0; k < items.length; k++) {
      const w = wire(items[k]);
      if (w !== items[k]) (out ??= [...items])[k] = w;
    }
    return out ?? value;
  }
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    const w = wire(v);
    if (w !== v) (out ??= { ...value })[k] = w;
  }
  return out ?? value;
}

/** JSON of a batch, the way its size is measured for the request payload limit. */
export function requestJson(ops: readonly QueuedOp[]): string {
  const paths: Record<number, { P: number | null; N: string; A: unknown }> = {};
  const addPath = (obj: ClientObject<unknown> | null): void => {
    for (let o = obj; o !== null && paths[o._objectId] === undefined; o = o._path.parent) {
      paths[o._objectId] = { P: o._path.parent?._objectId ?? null, N: o._path.name, A: wire(o._path.args) };
      for (const a of o._path.args) if (a instanceof ClientObject) addPath(a);
    }
  };
  for (const op of ops) {
    addPath(op.owner);
    const v = op.record.v;
    if (Array.isArray(v)) for (const a of v as unknown[]) if (a instanceof ClientObject) addPath(a);
    if (v instanceof ClientObject) addPath(v);
  }
  return JSON.stringify({ Actions: ops.map((o) => (o.record.v === undefined ? o.record : { ...o.record, v: wire(o.record.v) })), ObjectPaths: paths });
}

export function nullObjectError(typeName: string, property: string): SimOfficeError {
  return new SimOfficeError(
    "ItemNotFound",
    `${simError("ItemNotFound").message} (The object is a null object: read isNullObject before using '${property}'.)`,
    `${typeName}.${property}`,
  );
}

export abstract class ClientObject<T> {
  abstract readonly _typeName: string;
  readonly _objectId: number;
  _isNull: boolean | undefined = undefined;
  protected readonly _fields = new Map<string, unknown>();
  private readonly _children = new Map<string, ClientObject<unknown>>();

  constructor(
    readonly _ctx: ContextCore,
    readonly _path: PathInfo,
    private readonly _resolver: Resolver<T>,
    nullable = false,
  ) {
    this._objectId = _ctx._newObjectId();
    if (nullable && !_ctx._executing) {
      // Office.js instantiates *OrNullObject objects at the next sync so isNullObject is known
      _ctx._enqueue({
        record: { a: "Instantiate", o: this._objectId },
        owner: this,
        write: false,
        read: true,
        run: (x) => {
          const t = this._resolve(x);
          x.respond({ IsNull: t === null });
          x.stage(() => {
            this._isNull = t === null;
          });
        },
      });
    }
  }

  get context(): ContextCore {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._typeName, "isNullObject");
    return this._isNull;
  }

  /** @internal run-time resolution against the model (null for a null object) */
  _resolve(x: Exec): T | null {
    return this._resolver(x);
  }

  // ---- metadata subclasses provide --------------------------------------------------

  /** scalar properties loaded by a bare load() */
  protected _scalarNames(): readonly string[] {
    return [];
  }
  /** navigation properties (child objects) */
  protected _navNames(): readonly string[] {
    return [];
  }
  /** property -> ExcelApi version it needs */
  protected _gated(): Readonly<Record<string, string>> {
    return {};
  }
  /** read one scalar from the resolved target during a sync */
  protected _readScalar(name: string, _target: T, _x: Exec): unknown {
    throw simError("InvalidArgument", `${this._typeName}.load`, `The property '${name}' is not supported by the simulator or does not exist.`);
  }
  /** @internal navigation child by name */
  _nav(name: string): ClientObject<unknown> | undefined {
    return this._navNames().includes(name) ? (Reflect.get(this, name) as ClientObject<unknown>) : undefined;
  }

  // ---- helpers for subclasses ---------------------------------------------------------

  protected _host(): SimHost {
    return this._ctx._host;
  }

  protected _requireApi(api: string, version: string): void {
    if (!this._host().isSetSupported("ExcelApi", version)) {
      throw new SimOfficeError(
        "ApiNotFound",
        `The method or property ${api} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
        api,
      );
    }
  }

  protected _get<V>(name: string): V {
    if (this._isNull === true) throw nullObjectError(this._typeName, name);
    if (!this._fields.has(name)) throw propertyNotLoaded(this._typeName, name);
    const version = this._gated()[name];
    if (version !== undefined) this._requireApi(`${this._typeName}.${name}`, version);
    return this._fields.get(name) as V;
  }

  protected _enqueueOp(record: OpRecord, write: boolean, read: boolean, run: (x: Exec) => void): void {
    this._ctx._enqueue({ record, owner: this, write, read, run });
  }

  /** Queue a property write; like Office.js the proxy keeps the written value locally. */
  protected _set(name: string, value: unknown, apply: (target: T, x: Exec) => void): void {
    const version = this._gated()[name];
    if (version !== undefined) this._requireApi(`${this._typeName}.${name}`, version);
    this._fields.set(name, value);
    this._enqueueOp({ a: "SetProperty", o: this._objectId, n: name, v: value }, true, false, (x) => {
      const t = this._resolve(x);
      if (t !== null) apply(t, x);
    });
  }

  /** Queue a method call without a result. Calls on a null object do nothing. */
  protected _call(name: string, args: readonly unknown[], apply: (target: T, x: Exec) => void, write = true): void {
    this._checkArgs(args);
    this._enqueueOp({ a: "Method", o: this._objectId, n: name, v: args }, write, false, (x) => {
      const t = this._resolve(x);
      if (t !== null) apply(t, x);
    });
  }

  /** Queue a method call whose result arrives in a ClientResult at sync. */
  protected _result<R>(name: string, args: readonly unknown[], compute: (target: T, x: Exec) => R): ClientResult<R> {
    this._checkArgs(args);
    const result = new ClientResult<R>();
    this._enqueueOp({ a: "Method", o: this._objectId, n: name, v: args }, false, true, (x) => {
      const t = this._resolve(x);
      const v = t === null ? (null as R) : compute(t, x);
      x.respond({ Value: v });
      x.stage(() => result._set(v));
    });
    return result;
  }

  /** Office.js refuses proxies from another request context. */
  protected _checkArgs(args: readonly unknown[]): void {
    for (const a of args) {
      if (a instanceof ClientObject && a._ctx !== this._ctx) {
        throw simError("InvalidRequestContext", `${this._typeName}`);
      }
    }
  }

  /** Child proxy cached per property name (Office.js returns the same object each time). */
  protected _child<C extends ClientObject<unknown>>(name: string, make: () => C): C {
    let c = this._children.get(name);
    if (c === undefined) {
      c = make();
      this._children.set(name, c);
    }
    return c as C;
  }

  // ---- load -------------------------------------------------------------------------

  load(option?: unknown): this {
    const spec = parseLoadOption(option);
    this._checkLoadApis(spec.paths);
    this._enqueueOp({ a: "Query", o: this._objectId, v: option ?? null }, false, true, (x) => {
      const data = loadObject(this, spec, x);
      x.respond(data);
    });
    return this;
  }

  private _checkLoadApis(paths: string[][]): void {
    for (const path of paths) {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk down the path starts here; no closure keeps it
      let obj: ClientObject<unknown> | undefined = this;
      for (const seg of path) {
        if (obj === undefined) break;
        const version = obj._gated()[seg];
        if (version !== undefined) obj._requireApi(`${obj._typeName}.${seg}`, version);
        obj = seg === "items" ? undefined : obj._nav(seg);
      }
    }
  }

  /** @internal load the given paths from an already resolved target; returns response data */
  _loadResolved(target: T, spec: LoadSpec, x: Exec): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    const groups = new Map<string, string[][]>();
    const paths = spec.paths.length === 0 ? this._scalarNames().map((n) => [n]) : spec.paths;
    for (const p of paths) {
      const [head, ...rest] = p;
      if (head === undefined) continue;
      const g = groups.get(head) ?? [];
      if (rest.length > 0) g.push(rest);
      groups.set(head, g);
    }
    for (const [name, rest] of groups) {
      const nav = this._nav(name);
      if (nav !== undefined) {
        data[name] = loadObject(nav, { paths: rest }, x);
        continue;
      }
      const value = this._readScalar(name, target, x);
      data[name] = value;
      x.stage(() => this._fields.set(name, value));
    }
    return data;
  }

  /** Set several properties at once: `range.set({ values, format: { fill: { color } } })`. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      const nav = this._nav(k);
      if (nav !== undefined && typeof v === "object" && v !== null) {
        nav.set(v as Record<string, unknown>);
        continue;
      }
      if (!hasSetter(this, k)) throw simError("InvalidArgument", `${this._typeName}.set`, `'${k}' is not a writable property.`);
      Reflect.set(this, k, v);
    }
  }

  /** Loaded scalar values (and loaded children), like Office.js' toJSON(). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._fields) {
      out[k] = Array.isArray(v) && v.every((i) => i instanceof ClientObject) ? v.map((i: ClientObject<unknown>) => i.toJSON()) : v;
    }
    for (const [k, c] of this._children) {
      const j = c.toJSON();
      if (Object.keys(j).length > 0) out[k] = j;
    }
    return out;
  }

  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }
}

function hasSetter(obj: object, key: string): boolean {
  for (let p: object | null = Object.getPrototypeOf(obj) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d !== undefined) return d.set !== undefined;
  }
  return false;
}

/** Resolve then load; a null object loads as null and learns isNullObject = true. */
export function loadObject(obj: ClientObject<unknown>, spec: LoadSpec, x: Exec): Record<string, unknown> | null {
  const target = obj._resolve(x);
  x.stage(() => {
    obj._isNull = target === null;
  });
  if (target === null) return null;
  return obj._loadResolved(target, spec, x);
}

/**
 * Base for collections: `items` exists only after load; `load("name")` on a collection
 * means `load("items/name")`.
 */
export abstract class ClientCollection<T, I extends ClientObject<unknown>> extends ClientObject<T> {
  /** item proxies for the resolved collection, created during the sync */
  protected abstract _makeItems(target: T, x: Exec): I[];

  get items(): I[] {
    return this._get<I[]>("items");
  }

  /** scalars of the collection itself (e.g. "count"), as opposed to its items' */
  protected _collectionScalars(): readonly string[] {
    return [];
  }

  override _loadResolved(target: T, spec: LoadSpec, x: Exec): Record<string, unknown> {
    const own = this._collectionScalars();
    const data: Record<string, unknown> = {};
    const ownPaths = spec.paths.filter((p) => p.length === 1 && p[0] !== undefined && own.includes(p[0]));
    for (const [name] of ownPaths) {
      if (name === undefined) continue;
      const v = this._readScalar(name, target, x);
      data[name] = v;
      x.stage(() => this._fields.set(name, v));
    }
    if (ownPaths.length > 0 && ownPaths.length === spec.paths.length) return data;
    let items = this._makeItems(target, x);
    const skip = spec.skip ?? 0;
    items = items.slice(skip, spec.top === undefined ? undefined : skip + spec.top);
    const itemPaths = spec.paths
      .filter((p) => !ownPaths.includes(p))
      .map((p) => (p[0] === "items" ? p.slice(1) : p))
      .filter((p) => p.length > 0);
    data["value"] = items.map((item) => loadObject(item, { paths: itemPaths }, x));
    x.stage(() => this._fields.set("items", items));
    return data;
  }
}
