// The directory as a static Open Referral UK 3.0 feed under /openreferral/ (docs/open-referral.md):
// the API's "/" answer, the /services pages, one file per service, and the profile's openapi.json.
//
// One virtual template, page 1 of /services, hands Eleventy's services to the mapping, and the
// build's context keeps them; the other files are made and written after Eleventy, a service at a
// time, so the services' JSON (35 MB for 5,000 services) is never all held at once. As Eleventy
// pages of their own (a paginated template), the service files doubled the build of a 1,234-service
// site, for JSON that needs no layout, transform or link check.
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
import { type FeedSite, type OrukServiceListItem, toOrukListItem, toOrukService } from "../open-referral/to-oruk.ts";
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

/** The services in the feed's order. */
const inFeedOrder = (services: readonly EleventyItem[]) => [...services].sort(byPageUrl);

/** Page 1 of /services, which is also the services index. */
function firstServicesPage(services: readonly EleventyItem[], site: FeedSite): string {
  const listed = inFeedOrder(services);
  const contents = listed.slice(0, SERVICES_PER_PAGE).map((item) => toOrukListItem(orukService(item, site)));
  return JSON.stringify(servicesPage(contents, 1, listed.length));
}

/** Every file of the feed but openapi.json, by address, each service's made as it is asked for. */
function* feedFiles(services: readonly EleventyItem[], site: FeedSite): Generator<[url: string, json: string]> {
  yield [API_INFO_FILE, JSON.stringify(apiInfo(site.baseUrl))];
  const listed: OrukServiceListItem[] = [];
  for (const item of inFeedOrder(services)) {
    const service = orukService(item, site);
    yield [serviceFile(service.id), JSON.stringify(service)];
    listed.push(toOrukListItem(service));
  }
  for (let number = 1; number <= pageCount(listed.length); number++) {
    const contents = listed.slice((number - 1) * SERVICES_PER_PAGE, number * SERVICES_PER_PAGE);
    yield [servicesPageFile(number), JSON.stringify(servicesPage(contents, number, listed.length))];
  }
}

export default function openReferralFeed(eleventyConfig: EleventyConfig, build: BuildContext): void {
  eleventyConfig.addFilter("openReferralFeed", (services: EleventyItem[], settings: { baseUrl: string; areaName: string }, lists: FeedSite["lists"]) => {
    build.openReferralFeed = { services, site: { baseUrl: settings.baseUrl, areaName: settings.areaName, lists } };
    return firstServicesPage(services, build.openReferralFeed.site);
  });
  eleventyConfig.addTemplate("openreferral/services-index.njk", "{{ collections.services | openReferralFeed(settings, lists) | safe }}", {
    eleventyExcludeFromCollections: true,
    layout: false,
    permalink: SERVICES_INDEX_FILE,
  });

  eleventyConfig.on("eleventy.after", async () => {
    // A build that stopped before rendering (the content check failed) has no feed to write.
    if (!build.openReferralFeed) return;
    const { services, site } = build.openReferralFeed;
    await build.outputs.writeAll(feedFiles(services, site));
    await build.outputs.write(OPENAPI_FILE, await readFile(OPENAPI_SOURCE));
  });
}
