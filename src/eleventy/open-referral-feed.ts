// The directory as a static Open Referral UK 3.0 feed under /openreferral/ (docs/open-referral.md):
// the API's "/" answer, the /services pages, one file per service, and the profile's openapi.json.
//
// One virtual template, page 1 of /services, hands Eleventy's services to the mapping; the other
// files are made at the same time, kept in the build's context and written after Eleventy. As
// Eleventy pages of their own (a paginated template), the service files doubled the build of a
// 1,234-service site, for JSON that needs no layout, transform or link check.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isoDate } from "../content/dates.ts";
import type { Service } from "../content/schemas.ts";
import type { Located } from "../lib/postcode.ts";
import {
  API_INFO_FILE,
  apiInfo,
  OPENAPI_FILE,
  pageCount,
  SERVICES_INDEX_FILE,
  SERVICES_PER_PAGE,
  serviceFile,
  servicesPage,
  servicesPageFile,
} from "../open-referral/feed.ts";
import { type FeedSite, toOrukListItem, toOrukService } from "../open-referral/to-oruk.ts";
import type { BuildContext } from "../pipeline/build-context.ts";
import { projectRoot } from "../project.ts";
import type { EleventyConfig, EleventyItem } from "./types.ts";

/** The profile's API description, copied unchanged into the repository (see its SOURCE.md). */
const OPENAPI_SOURCE = path.join(projectRoot, "src/open-referral/schema/openapi.json");

/** The feed's order: by page address, so each file is the same from one build to the next. */
const byPageUrl = (a: EleventyItem, b: EleventyItem) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/**
 * A service page as the mapping takes it. The content check has passed its front matter, in which
 * Eleventy's YAML reader has made lastReviewed and reviewDue Dates.
 */
function orukService(item: EleventyItem, site: FeedSite) {
  const { lastReviewed, reviewDue } = item.data;
  const data = { ...item.data, lastReviewed: isoDate(lastReviewed), ...(reviewDue ? { reviewDue: isoDate(reviewDue) } : {}) } as unknown as Service;
  return toOrukService({ data, url: item.url, body: item.rawInput ?? "", geo: item.data.geo as Located | undefined }, site);
}

/** Every file of the feed but openapi.json, by address. */
export function feedFiles(services: EleventyItem[], site: FeedSite): Map<string, string> {
  const files = new Map<string, string>([[API_INFO_FILE, JSON.stringify(apiInfo(site.baseUrl))]]);
  const listed = [...services].sort(byPageUrl).map((item) => {
    const service = orukService(item, site);
    files.set(serviceFile(service.id), JSON.stringify(service));
    return toOrukListItem(service);
  });
  for (let number = 1; number <= pageCount(listed.length); number++) {
    const contents = listed.slice((number - 1) * SERVICES_PER_PAGE, number * SERVICES_PER_PAGE);
    files.set(servicesPageFile(number), JSON.stringify(servicesPage(contents, number, listed.length)));
  }
  return files;
}

export default function openReferralFeed(eleventyConfig: EleventyConfig, { outputs, openReferralFiles }: BuildContext): void {
  eleventyConfig.addFilter("openReferralFeed", (services: EleventyItem[], settings: { baseUrl: string; areaName: string }, lists: FeedSite["lists"]) => {
    openReferralFiles.clear();
    for (const [url, json] of feedFiles(services, { baseUrl: settings.baseUrl, areaName: settings.areaName, lists })) openReferralFiles.set(url, json);
    return openReferralFiles.get(servicesPageFile(1));
  });
  eleventyConfig.addTemplate("openreferral/services-index.njk", "{{ collections.services | openReferralFeed(settings, lists) | safe }}", {
    eleventyExcludeFromCollections: true,
    layout: false,
    permalink: SERVICES_INDEX_FILE,
  });

  eleventyConfig.on("eleventy.after", async () => {
    // A build that stopped before rendering (the content check failed) has no feed to write.
    if (openReferralFiles.size === 0) return;
    await Promise.all([...openReferralFiles].map(([url, json]) => outputs.write(url, json)));
    await outputs.write(OPENAPI_FILE, await readFile(OPENAPI_SOURCE));
  });
}
