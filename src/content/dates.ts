// Review dates in front matter. YAML libraries quietly turn "2026-13-01" into 1 January 2027,
// so dates are checked on the text the editor typed, not on a parsed Date.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A front matter date as Eleventy sees it (a Date from js-yaml) or as text, as YYYY-MM-DD. */
export function isoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === "string" && isRealIsoDate(value)) return value;
  return undefined;
}

// One formatter for the build: making one per date took seconds on a 10,000-page site.
const GOV_UK_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-11-20" → "20 November 2026", the GOV.UK date style. */
export function readableDate(value: unknown): string {
  const iso = isoDate(value);
  if (!iso) return "";
  return GOV_UK_DATE.format(new Date(`${iso}T00:00:00Z`));
}
