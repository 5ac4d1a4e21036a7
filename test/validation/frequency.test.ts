/** @jest-environment node */
/**
 * docs/product.md, "Validation: findings": a frequency word ("quarterly", "monthly", "twice a year", "annually", "each
 * trimester", "weekly") that its marks contradict. Each word is tried with marks that satisfy it (silent) and marks
 * that contradict it (one finding at the activity's first mark, naming the activity, the word and what the marks
 * show), in the realistic district plan, a July-June school year by month, read back from .xlsx.
 */
import { removeTempFiles } from "../support/workbook-builder";
import {
  analyzePlan,
  analyzeSpec,
  BASE_LINES,
  cell,
  col,
  expectClean,
  expectSilent,
  insertAfter,
  M,
  months,
  only,
  replace,
  rowOf,
  step,
  yearPlanSheet,
  yearStep,
  YEAR_LINES,
  type Month,
} from "./district-plan";

afterAll(removeTempFiles);

/** The activity, added to Goal 2 of the base plan with the given marks. */
function withActivity(text: string, marks: readonly Month[]) {
  const lines = insertAfter(
    BASE_LINES.filter((l) => !("text" in l) || !/quarterly|twice a year|annually/.test(l.text)),
    "Capitalize",
    step(text, "MTSS Coordinator", marks),
  );
  return { lines, row: rowOf(lines, text) };
}

const QUARTERLY = "Meet quarterly to review MTSS data and adjust the plan.";
const TWICE = "Administer the PLC self-assessment twice a year.";
const MONTHLY = "Hold monthly MTSS team meetings in every school.";
const ANNUALLY = "Report coaching outcomes to the school board annually.";
const TRIMESTER = "Review universal screening data each trimester.";
const WEEKLY = "Hold weekly PLC meetings in every CSI school.";

/** [text, marks, the word quoted back, what the marks show] */
const CONTRADICTED: [string, Month[], string, string][] = [
  [QUARTERLY, ["October"], "quarterly", "the marks show one time in 2023-24 (expected about four)"],
  [QUARTERLY, [...M], "quarterly", "the marks run for more than a quarter without a break"],
  [QUARTERLY, ["September", "March"], "quarterly", "the marks leave 5 months without an occurrence"],
  [TWICE, ["November"], "twice a year", "the marks show one time in 2023-24 (expected two)"],
  [TWICE, ["November", "February", "May"], "twice a year", "the marks show 3 times in 2023-24 (expected two)"],
  [MONTHLY, ["September", "December", "March"], "monthly", "the marks skip 2 months between occurrences"],
  [MONTHLY, ["October"], "monthly", "only one month is marked"],
  [ANNUALLY, ["December", "June"], "annually", "the marks show 2 times in 2023-24 (expected one)"],
  [TRIMESTER, ["November", "March"], "each trimester", "the marks show 2 times in 2023-24 (expected three)"],
  [WEEKLY, ["September", "January"], "weekly", "the marks skip 3 months between occurrences"],
  [WEEKLY, ["September"], "weekly", "only one month is marked"],
  ["Survey teachers on PLC practices three times a year.", ["October", "February"], "three times a year", "the marks show 2 times in 2023-24 (expected three)"],
  // "Monthly" after "at" still says how often the activity happens.
  ["Share attendance data at monthly principal meetings.", ["September", "December", "March"], "monthly", "the marks skip 2 months between occurrences"],
  ["Hold semiannual data retreats with principals.", ["October"], "twice a year", "the marks show one time in 2023-24 (expected two)"],
  // Capitals, an accent elsewhere in the label, a hyphen or brackets around the word: it is still read.
  ["Hold MONTHLY café conversations with families.", ["September", "December", "March"], "monthly", "the marks skip 2 months between occurrences"],
  ["Run bi-weekly (every other week) PLC walkthroughs.", ["September", "January"], "weekly", "the marks skip 3 months between occurrences"],
  ["Review the coaching logs (Quarterly).", ["October"], "quarterly", "the marks show one time in 2023-24 (expected about four)"],
  // Quoted with marks from outside ASCII: the label's words are read with their accents off, the word still found.
  ["Hold \u00abmonthly\u00bb caf\u00e9 nights with families.", ["September", "December", "March"], "monthly", "the marks skip 2 months between occurrences"],
  // "Annually", unlike "annual", says how often.
  ["Conduct evaluations of instructional coaches annually.", ["December", "June"], "annually", "the marks show 2 times in 2023-24 (expected one)"],
  // "The annual calendar" names the calendar; "quarterly" says how often it is updated.
  ["Update the annual PD calendar quarterly.", ["October"], "quarterly", "the marks show one time in 2023-24 (expected about four)"],
];

const SATISFIED: [string, Month[]][] = [
  [QUARTERLY, ["October", "January", "March", "June"]],
  [QUARTERLY, ["September", "December", "March", "June"]],
  [TWICE, ["November", "May"]],
  [MONTHLY, months("August", "May")],
  [ANNUALLY, ["June"]],
  // One occurrence that runs over consecutive months is still one.
  [ANNUALLY, ["April", "May"]],
  [TRIMESTER, ["November", "March", "June"]],
  [WEEKLY, months("September", "May")],
  ["Survey teachers on PLC practices three times a year.", ["October", "February", "May"]],
  // "Per year" counting days or hours is not a frequency.
  ["Provide three coaching days per year for new teachers.", ["August", "October", "February"]],
  ["Offer 20 hours of professional learning per year on literacy.", months("September", "November")],
  // A frequency word that describes a thing, not how often the activity happens.
  ["Present the annual report to the school board.", ["December", "June"]],
  // Evaluations are annual; completing them takes a mid-year and a year-end window.
  ["Complete annual evaluations of instructional coaches.", ["January", "May"]],
  ["Design a comprehensive schedule for annual and weekly professional learning.", ["July"]],
  ["Build a calendar of monthly coaching cycles.", ["August"]],
  ["Update the annual PD calendar quarterly.", ["October", "January", "March", "June"]],
];

/** A plan over the given periods: a development step, then the activity under test (row 5), marked as given. */
function twoStepPlan(sheet: string, title: string, periods: string[], text: string, marked: string[]) {
  return analyzeSpec({
    name: sheet,
    rows: [
      [title],
      [],
      ["Action Step", "Person(s) Responsible", ...periods],
      ["Develop the MTSS data protocol with the district data team.", "Director of PL", ...periods.map((_, i) => (i === 0 ? "X" : null))],
      [text, "MTSS Coordinator", ...periods.map((p) => (marked.includes(p) ? "X" : null))],
    ],
  });
}

describe("frequency-mismatch", () => {
  test.each(CONTRADICTED)("fires on %j marked %j", async (text, marks, word, problem) => {
    const { lines, row } = withActivity(text, marks);
    const report = await analyzePlan(lines);
    const f = only(report, "frequency-mismatch");
    expect(f.severity).toBe("warning");
    expect(f.cell).toBe(cell(`${col(marks[0]!)}${row}`));
    expect(f.message).toBe(`"${text}" (A${row}) says ${word}, but ${problem}. Check the marks or the wording.`);
  });

  test.each(SATISFIED)("silent for %j marked %j", async (text, marks) => {
    const { lines } = withActivity(text, marks);
    const report = await analyzePlan(lines);
    expectSilent(report, "frequency-mismatch");
    expectClean(report);
  });

  test("silent for the base plan's Meet quarterly (Oct done, Jan, Mar, Jun), twice a year and annually", async () => {
    const report = await analyzePlan(BASE_LINES);
    expectSilent(report, "frequency-mismatch");
  });

  test("fires when a meeting said to be quarterly is marked in October only, silent once Jan, Mar and Jun are marked", async () => {
    const once = replace(BASE_LINES, "Meet quarterly", step(QUARTERLY, "Cabinet", ["October"]));
    const f = only(await analyzePlan(once), "frequency-mismatch");
    expect(f.cell).toBe(cell(`${col("October")}${rowOf(once, "Meet quarterly")}`));
    const fixed = await analyzePlan(replace(BASE_LINES, "Meet quarterly", step(QUARTERLY, "Cabinet", ["October", "January", "March", "June"])));
    expectSilent(fixed, "frequency-mismatch");
  });

  test("fires on an annual review that skips a school year of a five-year plan; silent when every year is marked", async () => {
    const review = "Review the PL plan annually with the school board.";
    const skipping = await analyzeSpec(yearPlanSheet([...YEAR_LINES, yearStep(review, "Superintendent", ["23-24", "25-26", "26-27", "27-28"])]));
    const f = only(skipping, "frequency-mismatch");
    expect(f.cell).toBe(cell("C8", "Five-Year Plan"));
    expect(f.message).toBe(`"${review}" (A8) says annually, but no year is marked between 2023-24 and 2025-26. Check the marks or the wording.`);
    const every = await analyzeSpec(yearPlanSheet([...YEAR_LINES, yearStep(review, "Superintendent", ["23-24", "24-25", "25-26", "26-27", "27-28"])]));
    expectSilent(every, "frequency-mismatch");
    expectClean(every);
  });
});

describe("frequency-mismatch on a timeline of quarters, semesters or trimesters", () => {
  const QUARTERS = ["Q1 2023-24", "Q2 2023-24", "Q3 2023-24", "Q4 2023-24", "Q1 2024-25", "Q2 2024-25", "Q3 2024-25", "Q4 2024-25"];
  const SEMESTERS = ["S1 2023-24", "S2 2023-24", "S1 2024-25", "S2 2024-25"];
  const TRIMESTERS = ["T1 2023-24", "T2 2023-24", "T3 2023-24"];
  const COLUMNS = "CDEFGHIJ";

  /** A two-year plan by the given parts. */
  const partsPlan = (parts: string[], text: string, marked: string[]) => twoStepPlan("Quarterly Plan", "Professional Learning Plan 2023-2025", parts, text, marked);
  const quarters = (...qs: number[]) => qs.map((q) => QUARTERS[q - 1]!);

  /** [parts, text, marked, the word quoted back, what the marks show] */
  const FIRES: [string[], string, string[], string, string][] = [
    [QUARTERS, QUARTERLY, quarters(1, 3, 5, 6, 7, 8), "quarterly", "the marks show 2 times in 2023-24 (expected about four)"],
    [QUARTERS, ANNUALLY, quarters(1, 3, 6), "annually", "the marks show 2 times in 2023-24 (expected one)"],
    [QUARTERS, TWICE, quarters(2, 6, 8), "twice a year", "the marks show one time in 2023-24 (expected two)"],
    [QUARTERS, QUARTERLY, quarters(5, 6, 7, 8), "quarterly", "the marks show no occurrence in 2023-24 (expected about four)"],
    [QUARTERS, MONTHLY, quarters(1, 2, 4), "monthly", "the marks leave Q3 2023-24 without an occurrence"],
    [QUARTERS, WEEKLY, quarters(5), "weekly", "only one quarter is marked"],
    [SEMESTERS, QUARTERLY, ["S1 2023-24", "S1 2024-25"], "quarterly", "the marks leave S2 2023-24 without an occurrence"],
    [SEMESTERS, TWICE, ["S1 2023-24", "S1 2024-25", "S2 2024-25"], "twice a year", "the marks show one time in 2023-24 (expected two)"],
    [TRIMESTERS, TRIMESTER, ["T1 2023-24", "T3 2023-24"], "each trimester", "the marks show 2 times in 2023-24 (expected three)"],
  ];

  const SILENT: [string[], string, string[]][] = [
    [QUARTERS, QUARTERLY, QUARTERS],
    // Three quarters of four is about four, as three to five months are on a month timeline.
    [QUARTERS, QUARTERLY, quarters(1, 2, 3, 5, 6, 7)],
    [QUARTERS, ANNUALLY, quarters(4, 8)],
    // One annual task over two quarters in a row is one occurrence.
    [QUARTERS, ANNUALLY, quarters(1, 2, 5)],
    [QUARTERS, TWICE, quarters(1, 3, 5, 7)],
    [QUARTERS, MONTHLY, QUARTERS],
    [SEMESTERS, QUARTERLY, SEMESTERS],
    [SEMESTERS, TWICE, SEMESTERS],
    [SEMESTERS, ANNUALLY, ["S2 2023-24", "S2 2024-25"]],
    [TRIMESTERS, TRIMESTER, TRIMESTERS],
    // Three times a year cannot be told from two semesters.
    [SEMESTERS, "Survey teachers on PLC practices three times a year.", SEMESTERS],
  ];

  test.each(FIRES)("on %j, fires on %j marked %j", async (parts, text, marked, word, problem) => {
    const f = only(await partsPlan(parts, text, marked), "frequency-mismatch");
    expect(f.cell).toBe(cell(`${COLUMNS[parts.indexOf(marked[0]!)]}5`, "Quarterly Plan"));
    expect(f.message).toBe(`"${text}" (A5) says ${word}, but ${problem}. Check the marks or the wording.`);
  });

  test.each(SILENT)("on %j, silent for %j marked %j", async (parts, text, marked) => {
    expectSilent(await partsPlan(parts, text, marked), "frequency-mismatch");
  });
});

describe("frequency-mismatch on a month timeline of a school year without its summer (Aug-Jun, Sep-Jun)", () => {
  const AUG_JUN = ["Aug 2023", "Sep 2023", "Oct 2023", "Nov 2023", "Dec 2023", "Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "May 2024", "Jun 2024"];
  const SEP_JUN = AUG_JUN.slice(1);
  /** Ten months of the calendar year: half of one school year and half of the next, neither of them whole. */
  const JAN_OCT = ["Jan 2024", "Feb 2024", "Mar 2024", "Apr 2024", "May 2024", "Jun 2024", "Jul 2024", "Aug 2024", "Sep 2024", "Oct 2024"];
  const COLUMNS = "CDEFGHIJKLM";

  const monthPlan = (months: string[], text: string, marked: string[]) => twoStepPlan("School Year Plan", "Professional Learning Plan 2023-24", months, text, marked);

  /** [months, text, marked, the word quoted back, what the marks show] */
  const FIRES: [string[], string, string[], string, string][] = [
    [AUG_JUN, TWICE, ["Nov 2023"], "twice a year", "the marks show one time in 2023-24 (expected two)"],
    [SEP_JUN, TWICE, ["Nov 2023"], "twice a year", "the marks show one time in 2023-24 (expected two)"],
    [SEP_JUN, TWICE, ["Oct 2023", "Jan 2024", "Apr 2024"], "twice a year", "the marks show 3 times in 2023-24 (expected two)"],
    [AUG_JUN, ANNUALLY, ["Dec 2023", "Jun 2024"], "annually", "the marks show 2 times in 2023-24 (expected one)"],
    [SEP_JUN, QUARTERLY, ["Oct 2023", "Feb 2024"], "quarterly", "the marks show 2 times in 2023-24 (expected about four)"],
    [SEP_JUN, TRIMESTER, ["Nov 2023", "Mar 2024"], "each trimester", "the marks show 2 times in 2023-24 (expected three)"],
  ];

  const SILENT: [string[], string, string[]][] = [
    [AUG_JUN, TWICE, ["Nov 2023", "May 2024"]],
    [SEP_JUN, TWICE, ["Oct 2023", "Apr 2024"]],
    [SEP_JUN, ANNUALLY, ["May 2024"]],
    [SEP_JUN, QUARTERLY, ["Sep 2023", "Dec 2023", "Mar 2024", "Jun 2024"]],
    [SEP_JUN, TRIMESTER, ["Nov 2023", "Mar 2024", "Jun 2024"]],
    // Ten months across two school years cover neither: how often a year cannot be told.
    [JAN_OCT, TWICE, ["Mar 2024"]],
  ];

  test.each(FIRES)("on %j, fires on %j marked %j", async (months, text, marked, word, problem) => {
    const f = only(await monthPlan(months, text, marked), "frequency-mismatch");
    expect(f.cell).toBe(cell(`${COLUMNS[months.indexOf(marked[0]!)]}5`, "School Year Plan"));
    expect(f.message).toBe(`"${text}" (A5) says ${word}, but ${problem}. Check the marks or the wording.`);
  });

  test.each(SILENT)("on %j, silent for %j marked %j", async (months, text, marked) => {
    expectSilent(await monthPlan(months, text, marked), "frequency-mismatch");
  });
});
