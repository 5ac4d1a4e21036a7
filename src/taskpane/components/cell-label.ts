/** `C5` from `'Sheet'!C5`: how a cell is named on its own sheet. */
export function cellLabel(address: string): string {
  return address.split("!").pop() ?? address;
}
