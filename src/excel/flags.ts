import { a1, parseCellAddress } from "../core/address";
import { FLAG_STYLES, flagFormula, flagKindOfFormula, type FlagKind, type FlagWrite } from "../core/writes";
import type { Capabilities } from "./capabilities";
import { compressCells } from "./range-address";
import type { WriteBatch } from "./write-batch";

/** Longest address list handed to one `getRanges` call. */
const MAX_ADDRESS_LENGTH = 2000;

/** Queues a load of the sheet's conditional formats, enough to tell the add-in's own from the user's. */
export function loadConditionalFormats(sheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const formats = sheet.getRange().conditionalFormats;
  formats.load("items/type,items/customOrNullObject/rule/formula");
  return formats;
}

/** The add-in's own flag rules among loaded conditional formats. */
export function ownFlags(formats: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return formats.items.filter((cf) => {
    if (cf.type !== "Custom") return false;
    const custom = cf.customOrNullObject;
    return !custom.isNullObject && flagKindOfFormula(custom.rule.formula) !== null;
  });
}

/**
 * Queues the flags: one always-true conditional format per kind over the flagged cells (split into address lists
 * of bounded length). Conditional formats sit on top of the cells' own formats and never change them, so clearing
 * flags gives back exactly what the user had.
 */
export async function queueFlags(sheet: Excel.Worksheet, sheetName: string, flags: FlagWrite[], caps: Capabilities, batch: WriteBatch): Promise<number> {
  const byKind = new Map<FlagKind, { row: number; column: number }[]>();
  for (const f of flags) {
    const p = parseCellAddress(f.cell);
    if (!p || p.sheet !== sheetName) continue;
    const list = byKind.get(f.kind) ?? [];
    list.push({ row: p.row, column: p.column });
    byKind.set(f.kind, list);
  }
  let rules = 0;
  for (const [kind, cells] of byKind) {
    const areas = compressCells(cells).map((a) => (a.left === a.right ? a1(a.top, a.left) : `${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`));
    // Address lists of bounded length (RangeAreas, 1.9), or one range at a time on older Excel.
    const lists: string[] = [];
    if (caps.cellProperties) {
      let list: string[] = [];
      let length = 0;
      for (const address of areas) {
        if (length + address.length + 1 > MAX_ADDRESS_LENGTH && list.length > 0) {
          lists.push(list.join(","));
          list = [];
          length = 0;
        }
        list.push(address);
        length += address.length + 1;
      }
      if (list.length > 0) lists.push(list.join(","));
    } else {
      lists.push(...areas);
    }
    for (const addresses of lists) {
      await batch.reserve(addresses.length + 1_200);
      const target = caps.cellProperties ? sheet.getRanges(addresses) : sheet.getRange(addresses);
      const cf = target.conditionalFormats.add("Custom");
      cf.custom.rule.formula = flagFormula(kind);
      cf.custom.format.fill.color = FLAG_STYLES[kind].fill;
      cf.custom.format.font.color = FLAG_STYLES[kind].font;
      cf.custom.format.font.bold = true;
      cf.priority = 0;
      rules++;
    }
  }
  return rules;
}
