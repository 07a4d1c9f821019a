// Filters that put a service's facts into words for its page: opening hours, prices, ways in and
// lists of languages. The wording lives in src/lib/services/, where unit tests hold it.
import { accessRouteInWords } from "../lib/services/access-routes.ts";
import { costOptionInWords, type CostOption } from "../lib/services/cost.ts";
import { listInWords } from "../lib/services/in-words.ts";
import { openingHoursLines, type OpeningHoursRow } from "../lib/services/opening-hours.ts";
import type { EleventyConfig } from "./types.ts";

export default function serviceFacts(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("openingHoursLines", (rows: OpeningHoursRow[] | undefined) => openingHoursLines(rows ?? []));
  eleventyConfig.addFilter("costOptionsInWords", (options: CostOption[] | undefined) => (options ?? []).map(costOptionInWords));
  eleventyConfig.addFilter("accessRoutesInWords", (routes: Parameters<typeof accessRouteInWords>[0][] | undefined) => (routes ?? []).map(accessRouteInWords));
  eleventyConfig.addFilter("listInWords", (items: string[] | undefined) => listInWords(items ?? []));
}
