import { keyWords } from "./key-words";
import type { Plan, RelatedActivity, TheoryOfAction } from "./plan";

/**
 * A theory of action related to the plan that carries it out (docs/product.md, "The rest of a plan"): each statement
 * with the activities that share key words with it (key-words.ts), in their own text or in the names of the goals and
 * strategies they sit under (the activities under "Goal 2: Build partnerships with outside organizations" carry a
 * statement about partnerships). A theory on a sheet of its own serves every plan sheet of its workbook: the hosts read
 * it there and pass it to each plan sheet's reading.
 */

/**
 * Each statement's related activities, those that share its most telling key words first. A key word tells more the
 * fewer activities hold it: "partnerships" in one step says more than "system" that every step under "Goal 1: Build a
 * coherent system" holds. Each shared word counts log(activities / activities holding it), the sum ranks; on a tie,
 * more shared words first, then the plan's order. Every activity that shares a key word stays in the list.
 */
export function relateTheory(plan: Plan): void {
  const theory = plan.theory;
  if (!theory) return;
  // The activities under the same levels share one path array: its key words are read once.
  const pathKeys = new Map<readonly string[], Map<string, string>>();
  const activities = plan.activities.map((a) => {
    let path = pathKeys.get(a.path);
    if (!path) pathKeys.set(a.path, (path = keyWords(a.path.join("\n"))));
    const keys = keyWords(a.text);
    for (const [s, word] of path) if (!keys.has(s)) keys.set(s, word);
    return { id: a.id, cell: a.cell, keys };
  });
  const holding = new Map<string, number>();
  for (const { keys } of activities) for (const s of keys.keys()) holding.set(s, (holding.get(s) ?? 0) + 1);
  const weight = (s: string): number => Math.log(activities.length / holding.get(s)!);
  for (const statement of theory.statements) {
    const keys = keyWords(statement.text);
    const related: { activity: RelatedActivity; score: number }[] = [];
    for (const item of activities) {
      // The words as the statement writes them, in its order.
      const words: string[] = [];
      let score = 0;
      for (const [s, word] of keys) {
        if (!item.keys.has(s)) continue;
        words.push(word);
        score += weight(s);
      }
      if (words.length > 0) related.push({ activity: { id: item.id, cell: item.cell, words }, score });
    }
    statement.activities = related.sort((x, y) => y.score - x.score || y.activity.words.length - x.activity.words.length).map((r) => r.activity);
  }
}

/** A theory of action read elsewhere (another sheet), as a plan of its own starts it: nothing related yet. */
export function theoryForPlan(theory: TheoryOfAction): TheoryOfAction {
  return { statements: theory.statements.map((s) => ({ ...s, activities: [] })), notes: [...theory.notes] };
}

/** The theories of action of several sheets as one (in sheet order), or undefined when there is none. */
export function joinTheories(theories: readonly (TheoryOfAction | undefined)[]): TheoryOfAction | undefined {
  const present = theories.filter((t) => t !== undefined);
  if (present.length === 0) return undefined;
  return { statements: present.flatMap((t) => t.statements), notes: present.flatMap((t) => t.notes) };
}
