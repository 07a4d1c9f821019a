// What a service's card in the directory says, and which yes-or-no filters it passes, worked out
// once at build time: the page without JavaScript and the finder's list show the same words.
import { costOptionInWords, type CostOption } from "../services/cost.ts";
import { listInWords } from "../services/in-words.ts";
import { openingHoursLines, type OpeningHoursRow } from "../services/opening-hours.ts";
import { ACCESS_FILTERS, type ServiceFeature } from "./filters.ts";

export interface CardService {
  description?: string;
  cost?: string;
  costOptions?: CostOption[];
  needs?: string[];
  ages?: { min: number; max: number };
  openingHours?: OpeningHoursRow[];
  openingTimes?: string[];
  serviceArea?: string;
  location?: { town?: string; accessibility?: string[] };
}

export interface ServiceCard {
  description: string;
  /** Lines under the place: ages and cost, when it runs, the needs it supports. */
  facts: string[];
}

type NamedList = ReadonlyArray<{ id: string; name: string }>;

const WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday"];
const WEEKEND_NAMES = ["saturday", "sunday"];
/** After school: open at some time between 3pm and 6pm on a weekday. */
const AFTER_SCHOOL = { from: "15:00", to: "18:00" };

/** Free when every price is £0, or when the editor's words say so. */
export function isFree(service: CardService): boolean {
  if (service.costOptions) return service.costOptions.every((option) => option.amount === 0);
  return /^free\b/i.test(service.cost ?? "");
}

/** "Free", the editor's few words, or the first price in words. */
export function costInBrief(service: CardService): string {
  if (service.cost) return service.cost;
  if (isFree(service)) return "Free";
  return service.costOptions?.[0] ? costOptionInWords(service.costOptions[0]) : "";
}

/** The first line of the opening hours, or of the editor's own words for them, and whether there is more. */
function whenInBrief(service: CardService): string {
  const lines = service.openingHours ? openingHoursLines(service.openingHours).map((line) => line.text) : (service.openingTimes ?? []);
  if (lines.length === 0) return "";
  return lines.length === 1 ? lines[0]! : `${lines[0]}, and at other times`;
}

export function serviceFeatures(service: CardService): ServiceFeature[] {
  const features: ServiceFeature[] = [];
  if (isFree(service)) features.push("free");
  const rows = service.openingHours ?? [];
  const onDays = (row: OpeningHoursRow, days: string[]) => row.days.some((day) => days.includes(day));
  // Term-time rows are weekday and after-school times; only school-holiday rows are not.
  if (rows.some((row) => onDays(row, WEEKDAY_NAMES))) features.push("weekdays");
  if (rows.some((row) => row.when !== "school-holidays" && onDays(row, WEEKDAY_NAMES) && row.opens < AFTER_SCHOOL.to && row.closes > AFTER_SCHOOL.from)) {
    features.push("after-school");
  }
  if (rows.some((row) => onDays(row, WEEKEND_NAMES))) features.push("weekends");
  // Hours with no season apply all year, school holidays included.
  if (rows.some((row) => row.when !== "term-time")) features.push("school-holidays");
  const venue = service.location?.accessibility ?? [];
  for (const feature of ACCESS_FILTERS) if (venue.includes(feature)) features.push(feature);
  if (!service.location || service.serviceArea === "online-or-phone") features.push("online");
  return features;
}

export function serviceCard(service: CardService, needs: NamedList): ServiceCard {
  const ages = service.ages ? `Ages ${service.ages.min} to ${service.ages.max}.` : "";
  const cost = costInBrief(service);
  const when = whenInBrief(service);
  const needNames = (service.needs ?? []).map((id) => needs.find((need) => need.id === id)?.name ?? id);
  return {
    description: service.description ?? "",
    facts: [
      [ages, cost && `${cost.replace(/\.$/, "")}.`].filter(Boolean).join(" "),
      when && `${when}.`,
      needNames.length ? `Needs: ${listInWords(needNames)}.` : "",
    ].filter(Boolean),
  };
}
