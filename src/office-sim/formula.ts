/**
 * A deliberately small formula evaluator: literals, cell references (same or other
 * sheet), + - * / ^ &, comparisons, parentheses, HYPERLINK (its shown text) and SUM/MIN/MAX/AVERAGE/COUNT over
 * ranges. Anything else evaluates to `undefined` ("unknown"), and the simulator then
 * keeps the cell's cached result (from a file) or null.
 */
import { Rect, lastCol, lastRow, parseAddress } from "./address";
import type { Scalar } from "./values";

export interface FormulaValue {
  value: Scalar | null;
  isError: boolean;
}

export interface FormulaEnv {
  /** value of one cell, or undefined when the sheet does not exist */
  cell(sheetName: string | null, row: number, col: number): FormulaValue | undefined;
}

type Tok = { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; v: string } | { t: "op"; v: string } | { t: "id"; v: string };

function tokenize(src: string): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? "";
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    let m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?/.exec(rest);
    if (m !== null && /^[\d.]/.test(ch)) {
      const text = m[0];
      out.push({ t: "num", v: text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text) });
      i += text.length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++] ?? "";
      }
      if (j >= src.length) return undefined;
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    m = /^(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/.exec(rest);
    if (m === null) m = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![\w(])/.exec(rest);
    if (m !== null) {
      out.push({ t: "ref", v: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^[A-Za-z_][\w.]*/.exec(rest);
    if (m !== null) {
      out.push({ t: "id", v: m[0].toUpperCase() });
      i += m[0].length;
      continue;
    }
    m = /^(?:<>|<=|>=|[-+*/^&=<>(),:])/.exec(rest);
    if (m !== null) {
      out.push({ t: "op", v: m[0] });
      i += m[0].length;
      continue;
    }
    return undefined;
  }
  return out;
}

type Val = FormulaValue | { range: FormulaValue[] };

class Unknown extends Error {}

export function evaluateFormula(formula: string, env: FormulaEnv): FormulaValue | undefined {
  const toks = tokenize(formula.replace(/^=/, ""));
  if (toks === undefined) return undefined;
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];
  const isOp = (v: string): boolean => {
    const t = peek();
    return t !== undefined && t.t === "op" && t.v === v;
  };

  const err = (code: string): FormulaValue => ({ value: code, isError: true });
  const scalar = (v: Val): FormulaValue => {
    if ("range" in v) {
      if (v.range.length === 1 && v.range[0] !== undefined) return v.range[0];
      throw new Unknown();
    }
    return v;
  };
  const num = (v: FormulaValue): number | FormulaValue => {
    if (v.isError) return v;
    if (v.value === null || v.value === "") return 0;
    if (typeof v.value === "number") return v.value;
    if (typeof v.value === "boolean") return v.value ? 1 : 0;
    const n = Number(v.value);
    return Number.isFinite(n) ? n : err("#VALUE!");
  };
  const text = (v: FormulaValue): string => {
    if (v.value === null) return "";
    if (typeof v.value === "boolean") return v.value ? "TRUE" : "FALSE";
    return String(v.value);
  };

  const readRef = (ref: string): Val => {
    const p = parseAddress(ref);
    if (p === null) throw new Unknown();
    const r: Rect = p.rect;
    if (r.rowCount * r.colCount > 100000) throw new Unknown();
    const cells: FormulaValue[] = [];
    for (let i = r.row; i <= lastRow(r); i++) {
      for (let j = r.col; j <= lastCol(r); j++) {
        const v = env.cell(p.sheetName, i, j);
        if (v === undefined) return err("#REF!");
        cells.push(v);
      }
    }
    return r.rowCount === 1 && r.colCount === 1 && cells[0] !== undefined ? cells[0] : { range: cells };
  };

  const callFn = (name: string, args: Val[]): FormulaValue => {
    if (name === "HYPERLINK") {
      // What the cell shows: the friendly name, else the link itself.
      const shown = args[1] ?? args[0];
      if (shown === undefined || "range" in shown) throw new Unknown();
      return shown;
    }
    const flat: FormulaValue[] = [];
    for (const a of args) {
      if ("range" in a) flat.push(...a.range.filter((c) => typeof c.value === "number" || c.isError));
      else flat.push(a);
    }
    const firstError = flat.find((f) => f.isError);
    if (firstError !== undefined && name !== "COUNT") return firstError;
    const nums: number[] = [];
    for (const f of flat) {
      const n = num(f);
      if (typeof n === "number") nums.push(n);
    }
    switch (name) {
      case "SUM":
        return { value: nums.reduce((a, b) => a + b, 0), isError: false };
      case "MIN":
        return { value: nums.length === 0 ? 0 : Math.min(...nums), isError: false };
      case "MAX":
        return { value: nums.length === 0 ? 0 : Math.max(...nums), isError: false };
      case "AVERAGE":
        return nums.length === 0 ? err("#DIV/0!") : { value: nums.reduce((a, b) => a + b, 0) / nums.length, isError: false };
      case "COUNT":
        return { value: flat.filter((f) => typeof f.value === "number").length, isError: false };
      default:
        throw new Unknown();
    }
  };

  const primary = (): Val => {
    const t = peek();
    if (t === undefined) throw new Unknown();
    pos++;
    switch (t.t) {
      case "num":
        return { value: t.v, isError: false };
      case "str":
        return { value: t.v, isError: false };
      case "ref":
        return readRef(t.v);
      case "id": {
        if ((t.v === "TRUE" || t.v === "FALSE") && !isOp("(")) return { value: t.v === "TRUE", isError: false };
        if (!isOp("(")) throw new Unknown();
        pos++;
        const args: Val[] = [];
        if (!isOp(")")) {
          for (;;) {
            args.push(comparison());
            if (isOp(",")) {
              pos++;
              continue;
            }
            break;
          }
        }
        if (!isOp(")")) throw new Unknown();
        pos++;
        return callFn(t.v, args);
      }
      case "op":
        if (t.v === "(") {
          const v = comparison();
          if (!isOp(")")) throw new Unknown();
          pos++;
          return v;
        }
        if (t.v === "-" || t.v === "+") {
          const v = scalar(primary());
          const n = num(v);
          if (typeof n !== "number") return n;
          return { value: t.v === "-" ? -n : n, isError: false };
        }
        throw new Unknown();
    }
  };

  const arith = (a: FormulaValue, b: FormulaValue, op: string): FormulaValue => {
    const x = num(a);
    if (typeof x !== "number") return x;
    const y = num(b);
    if (typeof y !== "number") return y;
    switch (op) {
      case "+":
        return { value: x + y, isError: false };
      case "-":
        return { value: x - y, isError: false };
      case "*":
        return { value: x * y, isError: false };
      case "/":
        return y === 0 ? err("#DIV/0!") : { value: x / y, isError: false };
      default:
        return { value: Math.pow(x, y), isError: false };
    }
  };

  const power = (): Val => {
    let left = primary();
    while (isOp("^")) {
      pos++;
      left = arith(scalar(left), scalar(primary()), "^");
    }
    return left;
  };
  const term = (): Val => {
    let left = power();
    while (isOp("*") || isOp("/")) {
      const op = (peek() as { v: string }).v;
      pos++;
      left = arith(scalar(left), scalar(power()), op);
    }
    return left;
  };
  const sum = (): Val => {
    let left = term();
    while (isOp("+") || isOp("-")) {
      const op = (peek() as { v: string }).v;
      pos++;
      left = arith(scalar(left), scalar(term()), op);
    }
    return left;
  };
  const concat = (): Val => {
    let left = sum();
    while (isOp("&")) {
      pos++;
      const a = scalar(left);
      const b = scalar(sum());
      left = a.isError ? a : b.isError ? b : { value: text(a) + text(b), isError: false };
    }
    return left;
  };
  const comparison = (): Val => {
    const left = concat();
    const t = peek();
    if (t !== undefined && t.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.v)) {
      pos++;
      const a = scalar(left);
      const b = scalar(concat());
      if (a.isError) return a;
      if (b.isError) return b;
      const av = a.value ?? (typeof b.value === "string" ? "" : 0);
      const bv = b.value ?? (typeof a.value === "string" ? "" : 0);
      const cmp =
        typeof av === "string" && typeof bv === "string"
          ? av.toLowerCase() < bv.toLowerCase() ? -1 : av.toLowerCase() > bv.toLowerCase() ? 1 : 0
          : typeof av === typeof bv
            ? av < bv ? -1 : av > bv ? 1 : 0
            : typeof av === "number" ? -1 : 1;
      const result = { "=": cmp === 0, "<>": cmp !== 0, "<": cmp < 0, ">": cmp > 0, "<=": cmp <= 0, ">=": cmp >= 0 }[t.v];
      return { value: result ?? false, isError: false };
    }
    return left;
  };

  try {
    const v = scalar(comparison());
    if (pos !== toks.length) return undefined;
    return v;
  } catch (e) {
    if (e instanceof Unknown) return undefined;
    throw e;
  }
}
