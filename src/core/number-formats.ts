/** Excel number formats, as far as reading a plan needs them: which show a date, which a percentage. */

/** A date number format: it shows a day, month or year, and is not just a time or an elapsed time. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  const code = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  return /[dy]/.test(code) || /(^|[^h:])m{3,}/.test(code) || /^m{1,2}([^:]|$)/.test(code.trim());
}

export function isPercentFormat(format: string | null | undefined): boolean {
  return !!format && format.replace(/"[^"]*"/g, "").includes("%");
}
