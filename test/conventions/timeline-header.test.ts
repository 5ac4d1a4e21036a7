/** @jest-environment node */
/**
 * docs/product.md, "The grid, as the add-in reads it" -> "Timeline header": a row with three or more period
 * cells; months (English, Spanish, abbreviations, dates, date serials, text with a year), school years,
 * Year 1..N, quarters (under a merged school-year row or with the year in the cell), seasons, semesters and
 * trimesters. Every test writes a real .xlsx, reads it back with the command line's reader and analyzes it.
 */
import type { Period } from "../../src/core";
import { activity, analyzeRows, at, findingsOf, spans } from "../support/read-back";
import { MONTHS_JUL_JUN, timelineRow } from "../support/district";
import { date, numberWithFormat, removeTempFiles, type CellInput } from "../support/workbook-builder";

afterAll(removeTempFiles);

const AS_OF = "2024-01-15";
const GOAL = "By 2028, all MPS staff will receive professional learning opportunities to improve their performance.";

/** First-of-month dates of `count` consecutive months from year-month. */
function monthStarts(year: number, month: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + month - 1 + i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
  });
}

function startsOf(periods: Period[]): string[] {
  return periods.map((p) => p.start);
}

/** A goal, a title, a header of months and three PL activities (a district's month-by-month grid). */
function monthSheet(title: string | null, header: readonly CellInput[], marksAt: [number, number, number]): CellInput[][] {
  const labels = header.map((_, i) => `p${i}`);
  const at = (i: number): Record<string, CellInput> => ({ [`p${i}`]: "X" });
  return [
    [GOAL],
    [],
    title === null ? [] : [title],
    ["Activities and Milestones", "Person(s) Responsible", ...header],
    timelineRow(["Develop a professional learning community (PLC) model for CSI schools.", "Director of PL"], labels, at(marksAt[0])),
    timelineRow(["Implement the PLC model for CSI schools, allowing time for adult learning.", "Principals"], labels, at(marksAt[1])),
    timelineRow(["Monitor the PLC model for CSI schools and progress toward meeting standards.", "Cabinet"], labels, at(marksAt[2])),
  ];
}

describe("timeline header: months", () => {
  test("English month names and abbreviations, with and without dots (Sept, Sep., Aug.), are months in header order", async () => {
    const header = ["Jul", "Aug.", "Sept", "Oct.", "November", "Dec", "January", "Feb.", "Mar", "Apr.", "May", "June"];
    const report = await analyzeRows("Month Plan", monthSheet("Strategic Planning 2023-2024", header, [2, 6, 11]), { asOf: AS_OF });
    expect(report.plan.blocks).toHaveLength(1);
    const block = report.plan.blocks[0]!;
    expect(block.kind).toBe("month");
    expect(startsOf(block.periods)).toEqual(monthStarts(2023, 7, 12));
    expect(block.periods[0]!.cell).toBe(at("Month Plan", "C4"));
    expect(spans(activity(report, "Develop a professional learning community"))).toEqual([["2023-09-01", "2023-09-30"]]);
    expect(spans(activity(report, "Implement the PLC model"))).toEqual([["2024-01-01", "2024-01-31"]]);
    expect(spans(activity(report, "Monitor the PLC model"))).toEqual([["2024-06-01", "2024-06-30"]]);
  });

  test("Sep. with a dot and full names read the same months", async () => {
    const header = ["Sep.", "Oct", "Nov.", "Dec.", "Jan.", "Feb"];
    const report = await analyzeRows("Sheet1", monthSheet("Instructional Coaching Plan 2023-24", header, [0, 4, 5]), { asOf: AS_OF });
    expect(startsOf(report.plan.blocks[0]!.periods)).toEqual(monthStarts(2023, 9, 6));
    expect(spans(activity(report, "Develop a professional"))).toEqual([["2023-09-01", "2023-09-30"]]);
    expect(spans(activity(report, "Implement the PLC"))).toEqual([["2024-01-01", "2024-01-31"]]);
  });

  test("Spanish month names and abbreviations (julio, sept., enero) are months", async () => {
    const header = ["julio", "agosto", "sept.", "octubre", "noviembre", "diciembre", "Enero", "febrero", "marzo", "abril", "mayo", "junio"];
    const report = await analyzeRows("Plan", monthSheet("Plan de Aprendizaje Profesional 2024-25", header, [2, 6, 9]), { asOf: AS_OF });
    expect(startsOf(report.plan.blocks[0]!.periods)).toEqual(monthStarts(2024, 7, 12));
    expect(report.plan.blocks[0]!.schoolYearSource).toBe("title");
    expect(spans(activity(report, "Develop"))).toEqual([["2024-09-01", "2024-09-30"]]);
    expect(spans(activity(report, "Implement"))).toEqual([["2025-01-01", "2025-01-31"]]);
    expect(spans(activity(report, "Monitor"))).toEqual([["2025-04-01", "2025-04-30"]]);
  });

  test("real dates with a date format (any day of the month) are the months they fall in", async () => {
    const days = [1, 15, 30, 1, 30, 2, 31, 28, 1, 10, 31, 20];
    const header = days.map((d, i) => date(i < 6 ? 2024 : 2025, ((6 + i) % 12) + 1, d, "mmm-yy"));
    const report = await analyzeRows("Timeline", monthSheet(null, header, [0, 7, 11]), { asOf: AS_OF });
    const block = report.plan.blocks[0]!;
    expect(startsOf(block.periods)).toEqual(monthStarts(2024, 7, 12));
    expect(block.schoolYearSource).toBe("header");
    expect(findingsOf(report, "school-year-assumed")).toEqual([]);
    expect(spans(activity(report, "Implement"))).toEqual([["2025-02-01", "2025-02-28"]]);
  });

  test("date serials (numbers with a date format) are months", async () => {
    // 45474 = 1 July 2024 in Excel's 1900 date system; 45505 = 1 August 2024 ...
    const serials = [45474, 45505, 45536, 45566, 45597, 45627];
    const header = serials.map((s) => numberWithFormat(s + 14, "mmm yyyy"));
    const report = await analyzeRows("Sheet1", monthSheet(null, header, [0, 3, 5]), { asOf: AS_OF });
    expect(startsOf(report.plan.blocks[0]!.periods)).toEqual(monthStarts(2024, 7, 6));
    expect(spans(activity(report, "Monitor"))).toEqual([["2024-12-01", "2024-12-31"]]);
  });

  test("the same numbers without a date format are not months", async () => {
    const header = [45474, 45505, 45536, 45566, 45597, 45627];
    const report = await analyzeRows("Sheet1", monthSheet(null, header, [0, 3, 5]), { asOf: AS_OF });
    expect(report.plan.blocks).toEqual([]);
    expect(findingsOf(report, "no-plan")).toHaveLength(1);
  });

  test.each([
    ["Jul-23", (m: string, y: number) => `${m}-${String(y % 100)}`],
    ["July 2023", (m: string, y: number) => `${m} ${y}`],
    ["Jul '23", (m: string, y: number) => `${m} '${String(y % 100)}`],
  ])("text with a year (%s) gives each month its own year", async (_style, label) => {
    const names = ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
    const full = ["July", "August", "September", "October", "November", "December", "January", "February", "March"];
    const header = names.map((m, i) => label(_style.startsWith("July") ? full[i]! : m, i < 6 ? 2023 : 2024));
    // A title naming another year does not override years written in the header.
    const report = await analyzeRows("Sheet1", monthSheet("Strategic Planning 2025-2026", header, [0, 6, 8]), { asOf: AS_OF });
    const block = report.plan.blocks[0]!;
    expect(startsOf(block.periods)).toEqual(monthStarts(2023, 7, 9));
    expect(block.schoolYearSource).toBe("header");
    expect(spans(activity(report, "Implement"))).toEqual([["2024-01-01", "2024-01-31"]]);
  });
});

describe("timeline header: school years", () => {
  test.each([
    ["23-24", ["23-24", "24-25", "25-26", "26-27", "27-28"]],
    ["2023-24", ["2023-24", "2024-25", "2025-26", "2026-27", "2027-28"]],
    ["2023-2024", ["2023-2024", "2024-2025", "2025-2026", "2026-2027", "2027-2028"]],
    ["SY23-24", ["SY23-24", "SY24-25", "SY25-26", "SY26-27", "SY27-28"]],
    ["SY 2023-24", ["SY 2023-24", "SY 2024-25", "SY 2025-26", "SY 2026-27", "SY 2027-28"]],
    ["SY24 (= 2023-24)", ["SY24", "SY25", "SY26", "SY27", "SY28"]],
  ])("%s headers are school years, July to June", async (_style, header) => {
    const rows: CellInput[][] = [
      [GOAL],
      [],
      ["Activities and Milestones", ...header],
      timelineRow(["Structures will be developed to provide required professional learning within the workday."], header, { [header[0]!]: "X", [header[1]!]: "X" }),
      timelineRow(["All MPS staff will engage in ongoing professional learning and reflection."], header, { [header[4]!]: "X" }),
    ];
    const report = await analyzeRows("Multi-Year", rows, { asOf: AS_OF });
    const block = report.plan.blocks[0]!;
    expect(block.kind).toBe("school-year");
    expect(block.periods.map((p) => [p.start, p.end])).toEqual([
      ["2023-07-01", "2024-06-30"],
      ["2024-07-01", "2025-06-30"],
      ["2025-07-01", "2026-06-30"],
      ["2026-07-01", "2027-06-30"],
      ["2027-07-01", "2028-06-30"],
    ]);
    expect(spans(activity(report, "Structures"))).toEqual([
      ["2023-07-01", "2024-06-30"],
      ["2024-07-01", "2025-06-30"],
    ]);
    expect(spans(activity(report, "All MPS staff"))).toEqual([["2027-07-01", "2028-06-30"]]);
    expect(findingsOf(report, "school-year-assumed")).toEqual([]);
  });

  test("Year 1, Year 2, Year 3 count from the plan's first school year (named in the title)", async () => {
    const header = ["Year 1", "Year 2", "Year 3"];
    const rows: CellInput[][] = [
      ["Three-Year Professional Learning Plan 2024-25 to 2026-27"],
      [],
      ["Goal / Strategy / Action Step", "Lead", ...header],
      timelineRow(["Train all instructional coaches in the coaching cycle.", "Coaching Coordinator"], header, { "Year 1": "X" }),
      timelineRow(["Expand coaching cycles to every new teacher.", "Coaching Coordinator"], header, { "Year 2": "X", "Year 3": "X" }),
    ];
    const report = await analyzeRows("Overview", rows, { asOf: AS_OF });
    expect(report.plan.blocks[0]!.periods.map((p) => p.start)).toEqual(["2024-07-01", "2025-07-01", "2026-07-01"]);
    expect(spans(activity(report, "Expand coaching"))).toEqual([
      ["2025-07-01", "2026-06-30"],
      ["2026-07-01", "2027-06-30"],
    ]);
  });

  test("Year N in a later block counts from the school year of the block above it", async () => {
    const months = ["Jul", "Aug", "Sep", "Oct"];
    const years = ["Year 1", "Year 2", "Year 3"];
    const rows: CellInput[][] = [
      ["Strategic Planning 2023-2024"],
      ["Activities and Milestones", ...months],
      timelineRow(["Research the allocation of professional learning time."], months, { Jul: "X" }),
      [],
      ["Multi-year milestones"],
      ["Activities and Milestones", ...years],
      timelineRow(["Evaluate the professional learning plan with the committee."], years, { "Year 3": "X" }),
    ];
    const report = await analyzeRows("Milestones", rows, { asOf: AS_OF });
    expect(report.plan.blocks).toHaveLength(2);
    expect(spans(activity(report, "Evaluate the professional"))).toEqual([["2025-07-01", "2026-06-30"]]);
  });
});

describe("timeline header: quarters", () => {
  test("Q1..Q4 under a merged school-year row take that school year; Q1 is July to September", async () => {
    const header = ["Q1", "Q2", "Q3", "Q4", "Q1 ", "Q2 ", "Q3 ", "Q4 "];
    const rows: CellInput[][] = [
      ["Quarterly Monitoring Calendar"],
      [],
      ["", "", "2024-25", null, null, null, "2025-26"],
      ["Action Step", "Lead", ...header],
      timelineRow(["Conduct Blast Walkthroughs in every building.", "Principals"], header, { Q2: "X", "Q3 ": "X" }),
      timelineRow(["Administer the PLC self-assessment (SIG).", "PLC Coaches"], header, { Q1: "X", "Q4 ": "X" }),
    ];
    const report = await analyzeRows("Quarters", rows, { asOf: AS_OF, merges: ["C3:F3", "G3:J3"] });
    expect(report.plan.blocks).toHaveLength(1);
    const block = report.plan.blocks[0]!;
    expect(block.kind).toBe("quarter");
    expect(block.periods.map((p) => `${p.label} ${p.start} ${p.end}`)).toEqual([
      "Q1 2024-25 2024-07-01 2024-09-30",
      "Q2 2024-25 2024-10-01 2024-12-31",
      "Q3 2024-25 2025-01-01 2025-03-31",
      "Q4 2024-25 2025-04-01 2025-06-30",
      "Q1 2025-26 2025-07-01 2025-09-30",
      "Q2 2025-26 2025-10-01 2025-12-31",
      "Q3 2025-26 2026-01-01 2026-03-31",
      "Q4 2025-26 2026-04-01 2026-06-30",
    ]);
    expect(spans(activity(report, "Conduct Blast"))).toEqual([
      ["2024-10-01", "2024-12-31"],
      ["2026-01-01", "2026-03-31"],
    ]);
    expect(spans(activity(report, "Administer the PLC"))).toEqual([
      ["2024-07-01", "2024-09-30"],
      ["2026-04-01", "2026-06-30"],
    ]);
  });

  test("Q1 2025-26 with the school year in the cell", async () => {
    const header = ["Q1 2025-26", "Q2 2025-26", "Q3 2025-26", "Q4 2025-26"];
    const rows: CellInput[][] = [
      ["Goal / Strategy / Action Step", "Person(s) Responsible", ...header],
      timelineRow(["Provide PD on proficiency scales to every grade-level team.", "C&I Director"], header, { "Q3 2025-26": "X" }),
    ];
    const report = await analyzeRows("Plan", rows, { asOf: AS_OF });
    expect(report.plan.blocks[0]!.schoolYearSource).toBe("header");
    expect(spans(activity(report, "Provide PD"))).toEqual([["2026-01-01", "2026-03-31"]]);
  });
  test("quarters with a note in parentheses (Q1 (Jul-Sep)) are quarters", async () => {
    const header = ["Q1 (Jul-Sep)", "Q2 (Oct-Dec)", "Q3 (Jan-Mar)", "Q4 (Apr-Jun)"];
    const rows: CellInput[][] = [
      ["MTSS Monitoring Plan 2024-25"],
      ["Action Step", "Person(s) Responsible", ...header],
      timelineRow(["Review EduCLIMBER intervention data with building teams.", "MTSS Coordinator"], header, { "Q1 (Jul-Sep)": "X", "Q3 (Jan-Mar)": "X" }),
    ];
    const report = await analyzeRows("Plan", rows, { asOf: AS_OF });
    expect(report.plan.blocks[0]!.kind).toBe("quarter");
    expect(spans(activity(report, "Review EduCLIMBER"))).toEqual([
      ["2024-07-01", "2024-09-30"],
      ["2025-01-01", "2025-03-31"],
    ]);
  });
});

describe("timeline header: seasons, semesters, trimesters", () => {
  test("Fall, Winter, Spring, Summer are three-month seasons of the school year", async () => {
    const header = ["Fall", "Winter", "Spring", "Summer"];
    const rows: CellInput[][] = [
      ["PL Calendar 2024-25"],
      [],
      ["Activities", "Owner", ...header],
      timelineRow(["Hold new-teacher induction sessions.", "HR"], header, { Fall: "X", Summer: "X" }),
      timelineRow(["Share KickUp survey results with staff.", "PL Coordinator"], header, { Winter: "X", Spring: "X" }),
    ];
    const report = await analyzeRows("Seasons", rows, { asOf: AS_OF });
    expect(report.plan.blocks[0]!.periods.map((p) => [p.start, p.end])).toEqual([
      ["2024-09-01", "2024-11-30"],
      ["2024-12-01", "2025-02-28"],
      ["2025-03-01", "2025-05-31"],
      ["2025-06-01", "2025-08-31"],
    ]);
    expect(spans(activity(report, "Share KickUp"))).toEqual([
      ["2024-12-01", "2025-02-28"],
      ["2025-03-01", "2025-05-31"],
    ]);
  });

  test("trimesters divide the school year in three; semesters in two", async () => {
    const tri = ["T1", "T2", "T3"];
    const sem = ["Semester 1 2024-25", "Semester 2 2024-25", "Semester 1 2025-26"];
    const rows: CellInput[][] = [
      ["Elementary PL 2024-25"],
      ["Activities", ...tri],
      timelineRow(["Review common formative assessments each trimester."], tri, { T1: "X", T2: "X", T3: "X" }),
      [],
      ["Secondary PL"],
      ["Activities", ...sem],
      timelineRow(["Analyze semester exam data in PLCs."], sem, { "Semester 2 2024-25": "X" }),
    ];
    const report = await analyzeRows("Cycles", rows, { asOf: AS_OF });
    expect(spans(activity(report, "Review common formative"))).toEqual([
      ["2024-07-01", "2024-10-31"],
      ["2024-11-01", "2025-02-28"],
      ["2025-03-01", "2025-06-30"],
    ]);
    expect(spans(activity(report, "Analyze semester"))).toEqual([["2025-01-01", "2025-06-30"]]);
  });
});

describe("timeline header: three or more period cells", () => {
  test("a row with three months is a timeline header", async () => {
    const header = ["Oct", "Nov", "Dec"];
    const rows: CellInput[][] = [
      ["Fall Coaching Cycle 2023-24"],
      ["Action Step", ...header],
      timelineRow(["Observe each new teacher twice."], header, { Nov: "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.blocks).toHaveLength(1);
    expect(spans(activity(report, "Observe each"))).toEqual([["2023-11-01", "2023-11-30"]]);
  });

  test("a row with only two months is not; the sheet reports no timeline", async () => {
    const rows: CellInput[][] = [
      ["Action Step", "Jan", "Feb"],
      ["Observe each new teacher twice.", "X", "X"],
    ];
    const report = await analyzeRows("Notes", rows, { asOf: AS_OF });
    expect(report.plan.blocks).toEqual([]);
    const [finding] = findingsOf(report, "no-plan");
    expect(finding?.severity).toBe("error");
    expect(finding?.cell).toBe(at("Notes", "A1"));
  });

  test("a month named twice is reported, and marks under either column count once for that month", async () => {
    const header = ["Sep", "Oct", "Oct", "Nov", "Dec"];
    const rows: CellInput[][] = [
      ["Fall Coaching Cycle 2023-24"],
      ["Action Step", "Lead", ...header.map((h, i) => (i === 2 ? "October" : h))],
      ["Observe each new teacher twice.", "Coaches", null, "X", "X", null, "X"],
      ["Debrief observations with mentors.", "Mentors", null, null, "X"],
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    const [repeated] = findingsOf(report, "period-repeated");
    expect(repeated?.cell).toBe(at("Sheet1", "E2"));
    const observe = activity(report, "Observe each");
    expect(observe.schedule.map((m) => [m.period, m.cells])).toEqual([
      ["Oct 2023", [at("Sheet1", "D3"), at("Sheet1", "E3")]],
      ["Dec 2023", [at("Sheet1", "G3")]],
    ]);
    expect(spans(activity(report, "Debrief"))).toEqual([["2023-10-01", "2023-10-31"]]);
    expect(report.summary.totals.scheduled).toBe(3);
  });

  test("a month header merged across its week columns names the month for each of them", async () => {
    const rows: CellInput[][] = [
      ["Fall Coaching Cycle 2023-24"],
      ["Action Step", "Lead", "September", null, "October", null, "November", null],
      ["Observe each new teacher twice.", "Coaches", null, "X", "X", null, null, "X"],
      ["Debrief observations with mentors.", "Mentors", null, null, null, "X", "X", "X"],
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF, merges: ["C2:D2", "E2:F2", "G2:H2"] });
    expect(report.plan.blocks[0]!.periods.map((p) => p.label)).toEqual(["Sep 2023", "Oct 2023", "Nov 2023"]);
    expect(activity(report, "Observe each").schedule.map((m) => [m.period, m.cells])).toEqual([
      ["Sep 2023", [at("Sheet1", "D3")]],
      ["Oct 2023", [at("Sheet1", "E3")]],
      ["Nov 2023", [at("Sheet1", "H3")]],
    ]);
    expect(activity(report, "Debrief").schedule.map((m) => [m.period, m.cells.length])).toEqual([
      ["Oct 2023", 1],
      ["Nov 2023", 2],
    ]);
    expect(activity(report, "Observe each").attributes).toEqual({});
    expect(findingsOf(report, "period-repeated")).toEqual([]);
  });

  test("month words inside long activity text do not make a header", async () => {
    const header = MONTHS_JUL_JUN.slice(0, 6);
    const rows: CellInput[][] = [
      ["PL Plan 2023-24"],
      ["Activities and Milestones", "Notes", ...header],
      timelineRow(["Survey staff in September, January and May.", "KickUp survey"], header, { September: "X" }),
    ];
    const report = await analyzeRows("Sheet1", rows, { asOf: AS_OF });
    expect(report.plan.blocks).toHaveLength(1);
    expect(report.plan.blocks[0]!.headerRow).toBe(2);
  });
});
