import type { Area } from "../core/grid";
import { parseAreaAddress } from "../core/address";

/**
 * Reads the areas of an Excel address list, such as the one `RangeAreas.address` gives
 * (`Sheet1!A1:B2,Sheet1!D4` or `'My, plan'!A1:C1, 'My, plan'!E5`), into 0-based areas.
 */
export function parseAreas(address: string): Area[] {
  const areas: Area[] = [];
  for (const part of splitAddressList(address)) {
    const area = parseAreaAddress(part.slice(part.lastIndexOf("!") + 1));
    if (area) areas.push(area);
  }
  return areas;
}

/** Splits on commas that are not inside a quoted sheet name. */
function splitAddressList(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i]!;
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      parts.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Groups cells into runs along rows (`C5:F5`), so a long list of flagged cells becomes a short address. */
export function compressCells(cells: { row: number; column: number }[]): Area[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.column - b.column);
  const out: Area[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.top === c.row && last.right + 1 === c.column) last.right = c.column;
    else if (!(last && last.top === c.row && last.right >= c.column)) out.push({ top: c.row, left: c.column, bottom: c.row, right: c.column });
  }
  return out;
}
