/** A count with its noun, in the singular for one: "1 activity", "2 activities", "0 marks". */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
