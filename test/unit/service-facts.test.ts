// The words a service page uses for opening hours, prices, ways in and lists.
import { describe, expect, it } from "vitest";
import { accessRouteInWords } from "../../src/lib/services/access-routes.ts";
import { costOptionInWords, poundsInWords } from "../../src/lib/services/cost.ts";
import { listInWords } from "../../src/lib/services/in-words.ts";
import { clockTimeInWords, daysInWords, openingHoursLines } from "../../src/lib/services/opening-hours.ts";

describe("clockTimeInWords", () => {
  it("writes 24-hour times the GOV.UK way", () => {
    expect(clockTimeInWords("09:30")).toBe("9:30am");
    expect(clockTimeInWords("10:00")).toBe("10am");
    expect(clockTimeInWords("14:00")).toBe("2pm");
    expect(clockTimeInWords("17:45")).toBe("5:45pm");
    expect(clockTimeInWords("12:30")).toBe("12:30pm");
    expect(clockTimeInWords("00:15")).toBe("12:15am");
  });

  it("says midday and midnight rather than 12pm and 12am", () => {
    expect(clockTimeInWords("12:00")).toBe("midday");
    expect(clockTimeInWords("00:00")).toBe("midnight");
  });
});

describe("daysInWords", () => {
  it("writes 3 or more days in a row as a range", () => {
    expect(daysInWords(["monday", "tuesday", "wednesday", "thursday", "friday"])).toBe("Monday to Friday");
    expect(daysInWords(["tuesday", "wednesday", "thursday"])).toBe("Tuesday to Thursday");
  });

  it("names single days and pairs one by one, in week order", () => {
    expect(daysInWords(["saturday"])).toBe("Saturdays");
    expect(daysInWords(["wednesday", "monday"])).toBe("Mondays and Wednesdays");
    expect(daysInWords(["saturday", "sunday"])).toBe("Saturdays and Sundays");
    expect(daysInWords(["monday", "wednesday", "friday"])).toBe("Mondays, Wednesdays and Fridays");
  });

  it("mixes ranges and single days, and says every day for the whole week", () => {
    expect(daysInWords(["friday", "monday", "tuesday", "wednesday"])).toBe("Monday to Wednesday and Fridays");
    expect(daysInWords(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])).toBe("Every day");
  });
});

describe("openingHoursLines", () => {
  it("gives each row's days, times and season, and its note apart", () => {
    expect(
      openingHoursLines([
        { days: ["wednesday"], opens: "10:00", closes: "11:30", when: "term-time" },
        { days: ["monday", "tuesday", "wednesday", "thursday", "friday"], opens: "09:30", closes: "15:30", when: "school-holidays", note: "2 weeks in August" },
        { days: ["saturday"], opens: "09:00", closes: "12:00" },
      ]),
    ).toEqual([
      { text: "Wednesdays, 10am to 11:30am (term time only)", note: undefined },
      { text: "Monday to Friday, 9:30am to 3:30pm (school holidays only)", note: "2 weeks in August" },
      { text: "Saturdays, 9am to midday", note: undefined },
    ]);
  });

  it("joins the times of rows with the same days, season and note, and keeps rows that differ apart", () => {
    const phone = { days: ["monday", "tuesday", "wednesday", "thursday"] as const, note: "Phone line" };
    expect(
      openingHoursLines([
        { ...phone, opens: "10:00", closes: "14:00" },
        { days: ["monday", "tuesday", "wednesday", "thursday", "friday"], opens: "10:00", closes: "16:00", note: "Webchat" },
        { ...phone, opens: "19:00", closes: "21:00" },
        { ...phone, opens: "19:00", closes: "21:00", when: "term-time" },
      ]),
    ).toEqual([
      { text: "Monday to Thursday, 10am to 2pm and 7pm to 9pm", note: "Phone line" },
      { text: "Monday to Friday, 10am to 4pm", note: "Webchat" },
      { text: "Monday to Thursday, 7pm to 9pm (term time only)", note: "Phone line" },
    ]);
  });
});

describe("prices", () => {
  it("shows pence only when there are some", () => {
    expect(poundsInWords(3.5)).toBe("£3.50");
    expect(poundsInWords(0.75)).toBe("£0.75");
    expect(poundsInWords(20)).toBe("£20");
    expect(poundsInWords(1250)).toBe("£1,250");
    expect(poundsInWords(1250.5)).toBe("£1,250.50");
  });

  it("says what each amount pays for, and Free for 0", () => {
    expect(costOptionInWords({ amount: 3.5, for: "a two-hour session" })).toBe("£3.50 for a two-hour session");
    expect(costOptionInWords({ amount: 42, for: "a block of 6 Friday sessions" })).toBe("£42 for a block of 6 Friday sessions");
    expect(costOptionInWords({ amount: 0, for: "carers" })).toBe("Free for carers");
  });
});

describe("ways in and lists", () => {
  it("names each way in before the sentence that explains it", () => {
    expect(accessRouteInWords("referral-needed")).toBe("Referral needed: a professional such as a GP, health visitor or SENCO must refer you");
    expect(accessRouteInWords("self-referral")).toBe("Refer yourself: you can refer yourself or your child");
    expect(accessRouteInWords("drop-in")).toBe("Drop in: you can go along without booking");
    expect(accessRouteInWords("book-ahead")).toBe("Book ahead: you need to book a place");
  });

  it("joins a list with commas and a last and", () => {
    expect(listInWords([])).toBe("");
    expect(listInWords(["English"])).toBe("English");
    expect(listInWords(["English", "British Sign Language"])).toBe("English and British Sign Language");
    expect(listInWords(["English", "Polish", "Urdu"])).toBe("English, Polish and Urdu");
  });
});
