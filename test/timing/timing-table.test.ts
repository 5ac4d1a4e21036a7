/** @jest-environment node */
/**
 * Every row of docs/product.md's "Timing text" table ("Plans that are not grids"), in the spellings districts
 * write, with the exact entries for a plan of 2025-26 starting in July, and for one of 2024-25 starting in August.
 */
import { readTiming } from "../../src/core/timing/parse-timing";
import type { TimingContext, TimingEntry, TimingReading } from "../../src/core/timing/timing";

const JULY_2025: TimingContext = { schoolYear: 2025, startMonth: 7 };
const AUGUST_2024: TimingContext = { schoolYear: 2024, startMonth: 8 };

function entry(start: string, end: string, label: string, more: Partial<TimingEntry> = {}): TimingEntry {
  return { start, end, label, ...more };
}

function scheduled(...entries: TimingEntry[]): TimingReading {
  return { kind: "scheduled", entries };
}

/** Each spelling of a row reads as the same entries. */
function expectAll(spellings: string[], context: TimingContext, expected: TimingReading): void {
  for (const text of spellings) expect({ text, reading: readTiming(text, null, context) }).toEqual({ text, reading: expected });
}

describe("a month: that month, in the school year unless the text names its year", () => {
  test("October, however it is written", () => {
    const october = scheduled(entry("2025-10-01", "2025-10-31", "Oct 2025"));
    expectAll(["Oct", "October", "oct", "OCTOBER", "Oct.", " Oct ", "octubre", "October 2025", "Oct 2025", "Oct-25", "Oct '25", "Oct\u2019 25", "Oct-2025", "(Oct)", "Oct 2025."], JULY_2025, october);
    expectAll(["Oct", "October 2024", "Oct-24"], AUGUST_2024, scheduled(entry("2024-10-01", "2024-10-31", "Oct 2024")));
  });

  test("a month before the start month falls in the school year's second calendar year", () => {
    expectAll(["Mar", "March", "marzo", "Mar."], JULY_2025, scheduled(entry("2026-03-01", "2026-03-31", "Mar 2026")));
    expectAll(["Sept", "Sept.", "Sep", "September", "septiembre"], JULY_2025, scheduled(entry("2025-09-01", "2025-09-30", "Sep 2025")));
    expectAll(["Jun", "June"], JULY_2025, scheduled(entry("2026-06-01", "2026-06-30", "Jun 2026")));
    expectAll(["Jul", "July"], JULY_2025, scheduled(entry("2025-07-01", "2025-07-31", "Jul 2025")));
    // A school year starting in August: July is its last month.
    expectAll(["Jul", "July"], AUGUST_2024, scheduled(entry("2025-07-01", "2025-07-31", "Jul 2025")));
    expectAll(["Aug"], AUGUST_2024, scheduled(entry("2024-08-01", "2024-08-31", "Aug 2024")));
    expectAll(["Feb"], AUGUST_2024, scheduled(entry("2025-02-01", "2025-02-28", "Feb 2025")));
  });

  test("a month named with another year is in that year", () => {
    expectAll(["March 2027", "Mar-27", "Mar '27"], JULY_2025, scheduled(entry("2027-03-01", "2027-03-31", "Mar 2027")));
  });
});

describe("a range: one span from the first period's start to the last period's end", () => {
  test("months without years: the end after the start", () => {
    const augToMay = scheduled(entry("2025-08-01", "2026-05-31", "Aug 2025 \u2013 May 2026"));
    expectAll(["Aug-May", "Aug - May", "August - May", "Aug\u2013May", "Aug \u2014 May", "Aug to May", "August through May", "Aug thru May", "from Aug to May", "Aug until May", "between Aug and May"], JULY_2025, augToMay);
    expectAll(["Aug-May"], AUGUST_2024, scheduled(entry("2024-08-01", "2025-05-31", "Aug 2024 \u2013 May 2025")));
    const septToMay = scheduled(entry("2025-09-01", "2026-05-31", "Sep 2025 \u2013 May 2026"));
    expectAll(["Sept. through May", "Sept to May", "Sept.-May", "September - May"], JULY_2025, septToMay);
    // The end comes after the start, even past the school year.
    expectAll(["May-Aug"], JULY_2025, scheduled(entry("2026-05-01", "2026-08-31", "May 2026 \u2013 Aug 2026")));
    expectAll(["Sept-Aug"], JULY_2025, scheduled(entry("2025-09-01", "2026-08-31", "Sep 2025 \u2013 Aug 2026")));
    expectAll(["Oct-Oct"], JULY_2025, scheduled(entry("2025-10-01", "2025-10-31", "Oct 2025")));
  });

  test("months with years, with hyphens, en dashes and em dashes", () => {
    expectAll(["August 2025 - June 2026", "Aug 2025-Jun 2026", "Aug-25 - Jun-26", "August 2025 through June 2026"], JULY_2025, scheduled(entry("2025-08-01", "2026-06-30", "Aug 2025 \u2013 Jun 2026")));
    expectAll(["Oct 2025\u2013Jan 2026", "Oct 2025 \u2013 Jan 2026", "Oct 2025\u2014Jan 2026", "October 2025 to January 2026"], JULY_2025, scheduled(entry("2025-10-01", "2026-01-31", "Oct 2025 \u2013 Jan 2026")));
    // A start without a year before an end with one: the last time it starts before that end.
    expectAll(["Jan-Mar 2026", "Jan - March 2026"], JULY_2025, scheduled(entry("2026-01-01", "2026-03-31", "Jan 2026 \u2013 Mar 2026")));
    expectAll(["Sept - June 2027"], JULY_2025, scheduled(entry("2026-09-01", "2027-06-30", "Sep 2026 \u2013 Jun 2027")));
  });

  test("quarters, seasons, school years, plan years, days", () => {
    expectAll(["Q1-Q2", "Q1 - Q2", "Q1 to Q2", "Q1-2", "Quarter 1 - Quarter 2"], JULY_2025, scheduled(entry("2025-07-01", "2025-12-31", "Q1 2025-26 \u2013 Q2 2025-26")));
    expectAll(["Q1-Q2"], AUGUST_2024, scheduled(entry("2024-08-01", "2025-01-31", "Q1 2024-25 \u2013 Q2 2024-25")));
    expectAll(["Fall-Spring", "Fall - Spring", "Fall through Spring", "Autumn to Spring"], JULY_2025, scheduled(entry("2025-09-01", "2026-05-31", "Fall 2025 \u2013 Spring 2026")));
    expectAll(["2025-26 to 2027-28", "SY26-SY28", "Year 1-3", "Years 1-3", "Year 1 - Year 3", "Year 1 through 3"], JULY_2025, scheduled(entry("2025-07-01", "2028-06-30", "2025-26 \u2013 2027-28")));
    expectAll(["Oct 1-15", "Oct 1 - Oct 15", "10/1 - 10/15", "October 1st to October 15th"], JULY_2025, scheduled(entry("2025-10-01", "2025-10-15", "2025-10-01 \u2013 2025-10-15")));
    expectAll(["Oct 1-15, 2026"], JULY_2025, scheduled(entry("2026-10-01", "2026-10-15", "2026-10-01 \u2013 2026-10-15")));
  });

  test("an end before a start that both name their years is no span", () => {
    expect(readTiming("May 2026 - Aug 2025", null, JULY_2025)).toEqual({ kind: "unreadable", suggestion: null });
    expect(readTiming("2027-28 - 2025-26", null, JULY_2025)).toEqual({ kind: "unreadable", suggestion: null });
  });
});

describe("a season: Sep-Nov, Dec-Feb, Mar-May, Jun-Aug, in the school year", () => {
  test("seasons without a year, as the grid dates them (a school year's own summer is the one before its fall)", () => {
    expectAll(["Fall", "fall", "Autumn", "FALL", "Fall.", "otoño"], JULY_2025, scheduled(entry("2025-09-01", "2025-11-30", "Fall 2025")));
    expectAll(["Winter", "winter", "invierno"], JULY_2025, scheduled(entry("2025-12-01", "2026-02-28", "Winter 2025")));
    expectAll(["Spring", "primavera"], JULY_2025, scheduled(entry("2026-03-01", "2026-05-31", "Spring 2026")));
    expectAll(["Summer", "verano"], JULY_2025, scheduled(entry("2025-06-01", "2025-08-31", "Summer 2025")));
    expectAll(["Fall"], AUGUST_2024, scheduled(entry("2024-09-01", "2024-11-30", "Fall 2024")));
    expectAll(["Winter"], AUGUST_2024, scheduled(entry("2024-12-01", "2025-02-28", "Winter 2024")));
    expectAll(["Spring"], AUGUST_2024, scheduled(entry("2025-03-01", "2025-05-31", "Spring 2025")));
    expectAll(["Summer"], AUGUST_2024, scheduled(entry("2024-06-01", "2024-08-31", "Summer 2024")));
  });

  test("seasons with a year: the year of their first month, or their school year", () => {
    expectAll(["Fall 2025", "Fall '25", "Fall of 2025", "Autumn 2025", "Fall, 2025", "Fall 2025-26"], JULY_2025, scheduled(entry("2025-09-01", "2025-11-30", "Fall 2025")));
    expectAll(["Spring 2026", "Spring 2025-26", "Spring SY26"], JULY_2025, scheduled(entry("2026-03-01", "2026-05-31", "Spring 2026")));
    expectAll(["Winter 2025"], JULY_2025, scheduled(entry("2025-12-01", "2026-02-28", "Winter 2025")));
    expectAll(["Summer 2026", "Summer 2025-26"], JULY_2025, scheduled(entry("2026-06-01", "2026-08-31", "Summer 2026")));
    expectAll(["Fall 2027"], JULY_2025, scheduled(entry("2027-09-01", "2027-11-30", "Fall 2027")));
  });
});

describe("a quarter, semester, trimester: that part of the school year", () => {
  test("quarters of three months from the start month", () => {
    expectAll(["Q2", "q2", "Q 2", "Quarter 2", "2nd quarter", "2nd Quarter", "second quarter", "2nd qtr", "Qtr 2", "Q2.", "Q2 2025-26", "Quarter 2 SY 2025-26", "2nd Quarter 2025-2026"], JULY_2025, scheduled(entry("2025-10-01", "2025-12-31", "Q2 2025-26")));
    expectAll(["Q1 2025-26", "Q1 SY26", "1st quarter 2025-26"], JULY_2025, scheduled(entry("2025-07-01", "2025-09-30", "Q1 2025-26")));
    expectAll(["Q4"], JULY_2025, scheduled(entry("2026-04-01", "2026-06-30", "Q4 2025-26")));
    expectAll(["Q2"], AUGUST_2024, scheduled(entry("2024-11-01", "2025-01-31", "Q2 2024-25")));
    expectAll(["Q1 2026-27"], JULY_2025, scheduled(entry("2026-07-01", "2026-09-30", "Q1 2026-27")));
  });

  test("semesters of six months and trimesters of four", () => {
    expectAll(["2nd semester", "Semester 2", "S2", "Sem 2", "Sem. 2", "second semester", "Spring semester"], JULY_2025, scheduled(entry("2026-01-01", "2026-06-30", "S2 2025-26")));
    expectAll(["Semester 1", "S1", "1st semester", "Fall semester", "first semester"], JULY_2025, scheduled(entry("2025-07-01", "2025-12-31", "S1 2025-26")));
    expectAll(["S2"], AUGUST_2024, scheduled(entry("2025-02-01", "2025-07-31", "S2 2024-25")));
    expectAll(["T3", "Trimester 3", "3rd trimester", "Tri 3"], JULY_2025, scheduled(entry("2026-03-01", "2026-06-30", "T3 2025-26")));
    expectAll(["Trimester 2", "T2"], JULY_2025, scheduled(entry("2025-11-01", "2026-02-28", "T2 2025-26")));
    expectAll(["T1"], AUGUST_2024, scheduled(entry("2024-08-01", "2024-11-30", "T1 2024-25")));
  });

  test("numbers past the parts of a year are not parts", () => {
    for (const text of ["Q5", "S3", "T4", "5th quarter", "Quarter 0"]) expect(readTiming(text, null, JULY_2025).kind).toBe("unreadable");
  });
});

describe("a school year or plan year: that school year", () => {
  test("school years however written", () => {
    expectAll(["2025-26", "2025-2026", "2025\u201326", "SY 2025-26", "SY2025-26", "SY26", "SY 2026", "SY 25-26", "25-26", "2025/26", "School year 2025-26", "2025-26 school year", "(2025-26)"], JULY_2025, scheduled(entry("2025-07-01", "2026-06-30", "2025-26")));
    expectAll(["2026-27", "SY27"], JULY_2025, scheduled(entry("2026-07-01", "2027-06-30", "2026-27")));
    expectAll(["2025-26"], AUGUST_2024, scheduled(entry("2025-08-01", "2026-07-31", "2025-26")));
  });

  test("plan years count from the plan's school year", () => {
    expectAll(["Year 1", "Yr 1", "Y1", "year 1"], JULY_2025, scheduled(entry("2025-07-01", "2026-06-30", "2025-26")));
    expectAll(["Year 2", "Yr 2", "Y2"], JULY_2025, scheduled(entry("2026-07-01", "2027-06-30", "2026-27")));
    expectAll(["Year 2"], AUGUST_2024, scheduled(entry("2025-08-01", "2026-07-31", "2025-26")));
  });
});

describe("a date: that day", () => {
  test("dates in words and numbers", () => {
    const day = scheduled(entry("2025-10-15", "2025-10-15", "2025-10-15"));
    expectAll(["10/15/2025", "10/15/25", "2025-10-15", "2025/10/15", "10-15-2025", "Oct 15, 2025", "October 15, 2025", "Oct 15 2025", "Oct. 15th, 2025", "15 Oct 2025", "15 October 2025", "15-Oct-2025", "15-Oct-25", "15th of October, 2025", "October 15", "Oct 15", "15 Oct", "10/15", "October 15th"], JULY_2025, day);
    expectAll(["3/1", "March 1"], JULY_2025, scheduled(entry("2026-03-01", "2026-03-01", "2026-03-01")));
    expectAll(["October 15"], AUGUST_2024, scheduled(entry("2024-10-15", "2024-10-15", "2024-10-15")));
  });

  test("days that are not in their month are not dates", () => {
    for (const text of ["2/30/2026", "2025-02-29", "Feb 29, 2026", "13/15/2025", "10/32/2025", "Oct 32, 2025", "2025-13-01"]) {
      expect({ text, reading: readTiming(text, null, JULY_2025) }).toEqual({ text, reading: { kind: "unreadable", suggestion: null } });
    }
    // 29 February is a date in a leap year's school year only.
    expect(readTiming("Feb 29", null, JULY_2025).kind).toBe("unreadable");
    expect(readTiming("Feb 29", null, { schoolYear: 2023, startMonth: 7 })).toEqual(scheduled(entry("2024-02-29", "2024-02-29", "2024-02-29")));
  });

  test("a date cell is its day; one shown without its day (mmm-yy) is its month; 1904 dates are honoured", () => {
    const day = scheduled(entry("2025-10-15", "2025-10-15", "2025-10-15"));
    expect(readTiming(45945, "m/d/yyyy", JULY_2025)).toEqual(day);
    expect(readTiming(45945.75, "yyyy-mm-dd hh:mm", JULY_2025)).toEqual(day);
    expect(readTiming(45945 - 1462, "m/d/yyyy", { ...JULY_2025, date1904: true })).toEqual(day);
    expect(readTiming(45945, "mmm-yy", JULY_2025)).toEqual(scheduled(entry("2025-10-01", "2025-10-31", "Oct 2025")));
    expect(readTiming(45945, "mmmm yyyy", JULY_2025)).toEqual(scheduled(entry("2025-10-01", "2025-10-31", "Oct 2025")));
    expect(readTiming(45945, "[$-409]d-mmm;@", JULY_2025)).toEqual(day);
  });
});

describe("a deadline: the period named, due then", () => {
  test("deadline words before any period", () => {
    const due = { deadline: true };
    expectAll(["By June 2026", "by June 2026", "Due June 2026", "Due by June 2026", "Due: June 2026", "No later than June 2026", "By June", "by end of June", "By the end of June 2026", "Completed by June 2026", "Deadline: June 2026", "by Jun-26"], JULY_2025, scheduled(entry("2026-06-01", "2026-06-30", "Jun 2026", due)));
    expectAll(["by 3/1/2026", "By March 1, 2026", "Due 2026-03-01", "no later than Mar 1", "on or before 3/1/2026"], JULY_2025, scheduled(entry("2026-03-01", "2026-03-01", "2026-03-01", due)));
    expectAll(["by end of Q2", "By the end of Q2", "End of Q2", "end of 2nd quarter", "by end of Quarter 2"], JULY_2025, scheduled(entry("2025-10-01", "2025-12-31", "Q2 2025-26", due)));
    expectAll(["by the end of the year", "By end of year", "End of the school year", "by the end of the school year", "EOY", "End of year."], JULY_2025, scheduled(entry("2025-07-01", "2026-06-30", "2025-26", due)));
    expectAll(["by the end of the year"], AUGUST_2024, scheduled(entry("2024-08-01", "2025-07-31", "2024-25", due)));
    expectAll(["Due May 2026", "due May 2026"], JULY_2025, scheduled(entry("2026-05-01", "2026-05-31", "May 2026", due)));
    expectAll(["no later than Oct 1", "No later than October 1st"], JULY_2025, scheduled(entry("2025-10-01", "2025-10-01", "2025-10-01", due)));
    expectAll(["By end of Year 2"], JULY_2025, scheduled(entry("2026-07-01", "2027-06-30", "2026-27", due)));
  });

  test("a deadline word holds for every period after it, and alone reads nothing", () => {
    expect(readTiming("Due Oct 1 and Mar 1", null, JULY_2025)).toEqual(scheduled(entry("2025-10-01", "2025-10-01", "2025-10-01", { deadline: true }), entry("2026-03-01", "2026-03-01", "2026-03-01", { deadline: true })));
    expect(readTiming("Oct, by June", null, JULY_2025)).toEqual(scheduled(entry("2025-10-01", "2025-10-31", "Oct 2025"), entry("2026-06-01", "2026-06-30", "Jun 2026", { deadline: true })));
    for (const text of ["By", "Due", "by the end of", "Oct by"]) expect(readTiming(text, null, JULY_2025).kind).toBe("unreadable");
  });
});

describe("a list: one entry per named period, in order", () => {
  test("seasons and months, the months without years following each other through the school year", () => {
    const fallSpring = scheduled(entry("2025-09-01", "2025-11-30", "Fall 2025"), entry("2026-03-01", "2026-05-31", "Spring 2026"));
    expectAll(["Fall and Spring", "Fall & Spring", "Fall/Spring", "Fall, Spring", "Fall; Spring", "Fall + Spring", "fall and spring", "Fall 2025 and Spring 2026"], JULY_2025, fallSpring);
    expectAll(["Oct, Jan, Apr", "Oct, Jan and Apr", "Oct, Jan, and Apr", "October, January, April", "Oct/Jan/Apr"], JULY_2025, scheduled(entry("2025-10-01", "2025-10-31", "Oct 2025"), entry("2026-01-01", "2026-01-31", "Jan 2026"), entry("2026-04-01", "2026-04-30", "Apr 2026")));
    expectAll(["Sept/Feb", "Sept. / Feb.", "Sep & Feb"], JULY_2025, scheduled(entry("2025-09-01", "2025-09-30", "Sep 2025"), entry("2026-02-01", "2026-02-28", "Feb 2026")));
    expectAll(["Oct & Mar", "Oct and Mar"], JULY_2025, scheduled(entry("2025-10-01", "2025-10-31", "Oct 2025"), entry("2026-03-01", "2026-03-31", "Mar 2026")));
    expectAll(["Fall, Winter and Spring", "Fall, Winter, and Spring", "Fall/Winter/Spring"], JULY_2025, scheduled(entry("2025-09-01", "2025-11-30", "Fall 2025"), entry("2025-12-01", "2026-02-28", "Winter 2025"), entry("2026-03-01", "2026-05-31", "Spring 2026")));
    expectAll(["Oct, Jan, Apr"], AUGUST_2024, scheduled(entry("2024-10-01", "2024-10-31", "Oct 2024"), entry("2025-01-01", "2025-01-31", "Jan 2025"), entry("2025-04-01", "2025-04-30", "Apr 2025")));
  });

  test("a period written after a later one comes after it", () => {
    expectAll(["May, Jun, Jul, Aug"], JULY_2025, scheduled(entry("2026-05-01", "2026-05-31", "May 2026"), entry("2026-06-01", "2026-06-30", "Jun 2026"), entry("2026-07-01", "2026-07-31", "Jul 2026"), entry("2026-08-01", "2026-08-31", "Aug 2026")));
    expectAll(["Spring and Fall"], JULY_2025, scheduled(entry("2026-03-01", "2026-05-31", "Spring 2026"), entry("2026-09-01", "2026-11-30", "Fall 2026")));
    expectAll(["Summer and Fall"], JULY_2025, scheduled(entry("2025-06-01", "2025-08-31", "Summer 2025"), entry("2025-09-01", "2025-11-30", "Fall 2025")));
    expectAll(["Oct 2023, Jan"], JULY_2025, scheduled(entry("2023-10-01", "2023-10-31", "Oct 2023"), entry("2024-01-01", "2024-01-31", "Jan 2024")));
  });

  test("quarters, dates, ranges and plan years in lists", () => {
    expectAll(["Q1 & Q3", "Q1 and Q3", "Q1, Q3", "Q1 and 3"], JULY_2025, scheduled(entry("2025-07-01", "2025-09-30", "Q1 2025-26"), entry("2026-01-01", "2026-03-31", "Q3 2025-26")));
    expectAll(["10/15/2025, 1/20/2026", "Oct 15 and Jan 20"], JULY_2025, scheduled(entry("2025-10-15", "2025-10-15", "2025-10-15"), entry("2026-01-20", "2026-01-20", "2026-01-20")));
    expectAll(["Aug-Oct, Jan-Mar"], JULY_2025, scheduled(entry("2025-08-01", "2025-10-31", "Aug 2025 \u2013 Oct 2025"), entry("2026-01-01", "2026-03-31", "Jan 2026 \u2013 Mar 2026")));
    expectAll(["Year 1 and 2"], JULY_2025, scheduled(entry("2025-07-01", "2026-06-30", "2025-26"), entry("2026-07-01", "2027-06-30", "2026-27")));
  });

  test("two periods need a list word between them", () => {
    for (const text of ["Oct Jan", "Fall Spring", "Q1 Q3", "Oct 2025 Jan 2026", "Oct or Nov"]) expect({ text, kind: readTiming(text, null, JULY_2025).kind }).toEqual({ text, kind: "unreadable" });
  });
});

describe("a frequency: alone, one span over the school year; with a period, the period's span; kept in lower case", () => {
  const year = (frequency: string): TimingReading => scheduled(entry("2025-07-01", "2026-06-30", "2025-26", { frequency }));

  test("frequencies alone", () => {
    expectAll(["Monthly", "monthly", "MONTHLY", "Every month", "Each month", "Once a month", "Once per month", "Monthly."], JULY_2025, year("monthly"));
    expectAll(["Quarterly", "Every quarter", "Each quarter", "Once a quarter"], JULY_2025, year("quarterly"));
    expectAll(["Twice a year", "twice a year", "Twice per year", "Twice yearly", "2 times a year", "Two times per year", "2x a year", "2x/year", "Semi-annually", "Semiannually", "Bi-annually", "Biannual"], JULY_2025, year("twice a year"));
    expectAll(["Three times a year", "3 times per year", "3x/year", "3x per school year"], JULY_2025, year("three times a year"));
    expectAll(["Annually", "Annual", "Yearly", "Once a year", "Every year", "Each year", "Once per year", "1x per year"], JULY_2025, year("annually"));
    expectAll(["Weekly", "Every week", "Each week"], JULY_2025, year("weekly"));
    expectAll(["Bi-weekly", "Biweekly", "Bi weekly", "Every other week", "Every two weeks", "Fortnightly"], JULY_2025, year("bi-weekly"));
    expectAll(["Bi-monthly", "Every other month"], JULY_2025, year("bi-monthly"));
    expectAll(["Ongoing", "On-going", "On going", "ongoing", "Continuous", "Continuously"], JULY_2025, year("ongoing"));
    expectAll(["Year round", "Year-round", "Yearround", "All year", "All year long"], JULY_2025, year("year round"));
    expectAll(["Throughout the year", "throughout the school year", "Throughout the school-year"], JULY_2025, year("throughout the year"));
    expectAll(["Each semester", "Every semester", "Once a semester", "Per semester"], JULY_2025, year("each semester"));
    expectAll(["Each trimester"], JULY_2025, year("each trimester"));
    expectAll(["Daily", "Every day"], JULY_2025, year("daily"));
    expectAll(["Twice a month", "Semi-monthly", "Twice monthly"], JULY_2025, year("twice a month"));
    expectAll(["Monthly"], AUGUST_2024, scheduled(entry("2024-08-01", "2025-07-31", "2024-25", { frequency: "monthly" })));
  });

  test("a frequency with a period: the period's span, the frequency kept", () => {
    const monthlySeptMay = scheduled(entry("2025-09-01", "2026-05-31", "Sep 2025 \u2013 May 2026", { frequency: "monthly" }));
    expectAll(["Monthly, Sept-May", "Monthly (Sept-May)", "Monthly: Sept-May", "Monthly - Sept-May", "Monthly from Sept to May", "Sept-May, monthly", "Sept-May (monthly)", "Monthly Sept - May"], JULY_2025, monthlySeptMay);
    expectAll(["Quarterly (Oct-Jun)", "Quarterly, Oct-Jun"], JULY_2025, scheduled(entry("2025-10-01", "2026-06-30", "Oct 2025 \u2013 Jun 2026", { frequency: "quarterly" })));
    expectAll(["Twice a year (Fall and Spring)", "Fall and Spring (twice a year)"], JULY_2025, scheduled(entry("2025-09-01", "2025-11-30", "Fall 2025", { frequency: "twice a year" }), entry("2026-03-01", "2026-05-31", "Spring 2026", { frequency: "twice a year" })));
    expectAll(["Annually in May", "Annually (May)"], JULY_2025, scheduled(entry("2026-05-01", "2026-05-31", "May 2026", { frequency: "annually" })));
    // "Ongoing" and "throughout the year" beside a more exact frequency leave it that one.
    expectAll(["Monthly throughout the year", "Ongoing, monthly", "Monthly, year round"], JULY_2025, year("monthly"));
  });

  test("two frequencies that disagree are unreadable", () => {
    for (const text of ["Weekly or monthly", "Weekly, monthly", "Monthly and quarterly"]) expect(readTiming(text, null, JULY_2025)).toEqual({ kind: "unreadable", suggestion: null });
  });
});

describe("notes in parentheses", () => {
  test("periods in a note say the periods before it more exactly; a school year gives them their year; other words are left out", () => {
    expectAll(["Fall (Aug-Nov)"], JULY_2025, scheduled(entry("2025-08-01", "2025-11-30", "Aug 2025 \u2013 Nov 2025")));
    expectAll(["Fall (Sep-Nov) and Spring (Mar-May)"], JULY_2025, scheduled(entry("2025-09-01", "2025-11-30", "Sep 2025 \u2013 Nov 2025"), entry("2026-03-01", "2026-05-31", "Mar 2026 \u2013 May 2026")));
    expectAll(["Fall and Spring (Year 2)", "Fall and Spring (2026-27)"], JULY_2025, scheduled(entry("2026-09-01", "2026-11-30", "Fall 2026"), entry("2027-03-01", "2027-05-31", "Spring 2027")));
    expectAll(["Q1 (2026-27)"], JULY_2025, scheduled(entry("2026-07-01", "2026-09-30", "Q1 2026-27")));
    expectAll(["Oct (tentative)", "Oct (if funded)", "October (TBD)"], JULY_2025, scheduled(entry("2025-10-01", "2025-10-31", "Oct 2025")));
    expectAll(["By June (6/15/2026)"], JULY_2025, scheduled(entry("2026-06-15", "2026-06-15", "2026-06-15", { deadline: true })));
    for (const text of ["Oct (or Nov)", "Oct (2 sessions)"]) expect(readTiming(text, null, JULY_2025).kind).toBe("unreadable");
  });
});
