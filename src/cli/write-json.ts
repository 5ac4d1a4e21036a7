/**
 * The --json document written in pieces: exactly the text `JSON.stringify(value, null, indent)` gives, without ever
 * holding it whole (a 200,000-row plan's document is hundreds of megabytes; V8's strings stop at 512 MB). Values
 * small enough are written by JSON.stringify itself; larger objects and arrays are taken apart, element by element.
 */

/** A value of at most this many nodes (objects, arrays, values) is one piece, written by JSON.stringify. */
const PIECE_NODES = 2_000;
/** Output is handed over in pieces of about this many characters. */
const FLUSH = 1 << 20;

/** Whether a value has at most `budget` nodes (counted until the budget runs out). */
function small(value: unknown, budget: { left: number }): boolean {
  if (--budget.left < 0) return false;
  if (value === null || typeof value !== "object") return true;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return true;
  if (Array.isArray(value)) {
    for (const v of value) if (!small(v, budget)) return false;
    return true;
  }
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key) && !small((value as Record<string, unknown>)[key], budget)) return false;
  return true;
}

/** Writes `JSON.stringify(value, null, indent || undefined)` through `write`, in pieces. */
export function writeJson(value: unknown, indent: number, write: (text: string) => void): void {
  let pending: string[] = [];
  let length = 0;
  const out = (text: string): void => {
    pending.push(text);
    length += text.length;
    if (length >= FLUSH) {
      write(pending.join(""));
      pending = [];
      length = 0;
    }
  };
  const space = indent > 0 ? indent : undefined;
  const step = " ".repeat(indent);

  /** A value as JSON.stringify sees it: its toJSON's result when it has one (a date), and nothing for what is not data. */
  const resolve = (value: unknown, key: string): unknown => {
    const v = value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function" ? (value as { toJSON: (key: string) => unknown }).toJSON(key) : value;
    return typeof v === "function" || typeof v === "symbol" ? undefined : v;
  };

  /** Writes one value (resolved, not undefined) at a nesting `pad`. */
  const emit = (value: unknown, pad: string): void => {
    if (value === null || typeof value !== "object" || small(value, { left: PIECE_NODES })) {
      const text = JSON.stringify(value, null, space);
      // JSON strings hold no line breaks (they are escaped), so each line of a piece can be indented as it sits.
      out(space && pad !== "" ? text.replace(/\n/g, `\n${pad}`) : text);
      return;
    }
    const inner = pad + step;
    const newline = space ? `\n${inner}` : "";
    if (Array.isArray(value)) {
      out("[");
      value.forEach((raw, i) => {
        out(i === 0 ? newline : `,${newline}`);
        const v = resolve(raw, String(i));
        if (v === undefined) out("null");
        else emit(v, inner);
      });
      out(space && value.length > 0 ? `\n${pad}]` : "]");
      return;
    }
    out("{");
    let first = true;
    for (const k of Object.keys(value)) {
      const v = resolve((value as Record<string, unknown>)[k], k);
      if (v === undefined) continue;
      out(`${first ? "" : ","}${newline}${JSON.stringify(k)}:${space ? " " : ""}`);
      first = false;
      emit(v, inner);
    }
    out(space && !first ? `\n${pad}}` : "}");
  };
  const top = resolve(value, "");
  if (top !== undefined) emit(top, "");
  if (pending.length > 0) write(pending.join(""));
}
