import type { CellValue, Grid } from "../core/grid";

/**
 * Parses CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) or tab-separated text
 * into rows of strings. A byte-order mark is dropped; \r\n and \n both end a line.
 */
export function parseDelimited(text: string, delimiter: "," | "\t" | ";"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let atFieldStart = true;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = "";
      atFieldStart = true;
      continue;
    }
    if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && s[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      atFieldStart = true;
      continue;
    }
    field += ch;
    atFieldStart = false;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Every field stays text, as a text import keeps it: the engine reads dates, percentages and years from text. */
function cellOf(field: string): CellValue {
  if (field.trim() === "") return null;
  return field;
}

export function delimitedGrid(text: string, sheet: string, delimiter: "," | "\t" | ";"): Grid {
  const rows = parseDelimited(text, delimiter);
  while (rows.length > 0 && rows[rows.length - 1]!.every((f) => f.trim() === "")) rows.pop();
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const values = rows.map((r) => {
    const line: CellValue[] = r.map(cellOf);
    while (line.length < width) line.push(null);
    return line;
  });
  return { sheet, top: 0, left: 0, values };
}
