import { keyWords, sharedKeyWords } from "./key-words";
import type { Plan, RelatedActivity, TheoryOfAction } from "./plan";

/**
 * A theory of action related to the plan that carries it out (docs/product.md, "The rest of a plan"): each statement
 * with the activities that share key words with it (key-words.ts), in their own text or in the names of the goals and
 * strategies they sit under (the activities under "Goal 2: Build partnerships with outside organizations" carry a
 * statement about partnerships). A theory on a sheet of its own serves every plan sheet of its workbook: the hosts read
 * it there and pass it to each plan sheet's reading.
 */

/** Each statement's related activities, most shared key words first (then in the plan's order). */
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
  for (const statement of theory.statements) {
    const keys = keyWords(statement.text);
    statement.activities = activities
      .map((item): RelatedActivity => ({ id: item.id, cell: item.cell, words: sharedKeyWords(keys, item.keys) }))
      .filter((r) => r.words.length > 0)
      .sort((x, y) => y.words.length - x.words.length);
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
