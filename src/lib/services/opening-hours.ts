// Opening hours as families read them: days grouped ("Monday to Friday", "Mondays and Wednesdays")
// and times in the GOV.UK style ("9:30am", "10am to 2pm", "midday").
import { SEASONS, WEEKDAYS } from "../../content/schemas.ts";
import { listInWords } from "./in-words.ts";

type Weekday = (typeof WEEKDAYS)[number];

export interface OpeningHoursRow {
  days: readonly Weekday[];
  opens: string;
  closes: string;
  when?: keyof typeof SEASONS | undefined;
  note?: string | undefined;
}

/** One line of the page's opening hours, and what the editor noted about it. */
export interface OpeningHoursLine {
  text: string;
  note: string | undefined;
}

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** "09:30" → "9:30am", "14:00" → "2pm", "12:00" → "midday", "00:00" → "midnight". */
export function clockTimeInWords(time: string): string {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  if (minutes === 0 && hours === 12) return "midday";
  if (minutes === 0 && hours === 0) return "midnight";
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const suffix = hours < 12 ? "am" : "pm";
  return minutes === 0 ? `${hour12}${suffix}` : `${hour12}:${String(minutes).padStart(2, "0")}${suffix}`;
}

/**
 * Days in week order, runs of 3 or more as a range and the rest one by one:
 * [monday…friday] → "Monday to Friday", [wednesday, monday] → "Mondays and Wednesdays",
 * [monday, tuesday, wednesday, friday] → "Monday to Wednesday and Fridays", all 7 → "Every day".
 */
export function daysInWords(days: readonly Weekday[]): string {
  if (days.length === WEEKDAYS.length) return "Every day";
  const indexes = [...new Set(days.map((day) => WEEKDAYS.indexOf(day)))].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const index of indexes) {
    const run = runs.at(-1);
    if (run && run.at(-1) === index - 1) run.push(index);
    else runs.push([index]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3
      ? [`${capitalised(WEEKDAYS[run[0]!]!)} to ${capitalised(WEEKDAYS[run.at(-1)!]!)}`]
      : run.map((index) => `${capitalised(WEEKDAYS[index]!)}s`),
  );
  return listInWords(parts);
}

/**
 * One line per group of rows with the same days, season and note, their times joined:
 * "Monday to Thursday, 10am to 2pm and 7pm to 9pm (term time only)".
 */
export function openingHoursLines(rows: readonly OpeningHoursRow[]): OpeningHoursLine[] {
  const groups: Array<{ key: string; first: OpeningHoursRow; times: string[] }> = [];
  for (const row of rows) {
    const key = JSON.stringify([[...row.days].sort(), row.when ?? "", row.note ?? ""]);
    const times = `${clockTimeInWords(row.opens)} to ${clockTimeInWords(row.closes)}`;
    const group = groups.find((candidate) => candidate.key === key);
    if (group) group.times.push(times);
    else groups.push({ key, first: row, times: [times] });
  }
  return groups.map(({ first, times }) => ({
    text: `${daysInWords(first.days)}, ${listInWords(times)}${first.when ? ` (${SEASONS[first.when]})` : ""}`,
    note: first.note,
  }));
}
