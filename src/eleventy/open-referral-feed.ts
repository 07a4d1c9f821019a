// The directory as a static Open Referral UK 3.0 feed under /openreferral/ (docs/open-referral.md):
// the API's "/" answer, the /services pages, one file per service, and the profile's openapi.json.
// Each is a virtual JSON template over collections.services, so its files are written through
// site-outputs like the pages, and npm start's rebuilds remake them with the pages they come from.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isoDate } from "../content/dates.ts";
import type { Service } from "../content/schemas.ts";
import type { Located } from "../lib/postcode.ts";
import {
  API_INFO_FILE,
  apiInfo,
  OPENAPI_FILE,
  SERVICES_INDEX_FILE,
  SERVICES_PER_PAGE,
  serviceFile,
  servicesPage,
  servicesPageFile,
} from "../open-referral/feed.ts";
import { serviceId } from "../open-referral/ids.ts";
import { type FeedSite, toOrukListItem, toOrukService } from "../open-referral/to-oruk.ts";
import type { BuildContext } from "../pipeline/build-context.ts";
import { projectRoot } from "../project.ts";
import type { EleventyConfig, EleventyItem } from "./types.ts";

/** The profile's API description, copied unchanged into the repository (see its SOURCE.md). */
const OPENAPI_SOURCE = path.join(projectRoot, "src/open-referral/schema/openapi.json");

interface SiteData {
  settings: { baseUrl: string; areaName: string };
  lists: FeedSite["lists"];
}

/** The feed's order: by page address, so each file is the same from one build to the next. */
const byPageUrl = (services: EleventyItem[]) => [...services].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));

function feedSite({ settings, lists }: SiteData): FeedSite {
  return { baseUrl: settings.baseUrl, areaName: settings.areaName, lists };
}

/**
 * A service page as the mapping takes it. The content check has passed its front matter, in which
 * Eleventy's YAML reader has made lastReviewed a Date.
 */
function orukService(item: EleventyItem, site: FeedSite) {
  const data = { ...item.data, lastReviewed: isoDate(item.data.lastReviewed) } as unknown as Service;
  return toOrukService({ data, url: item.url, body: item.rawInput ?? "", geo: item.data.geo as Located | undefined }, site);
}

function pageJson(services: EleventyItem[], pageNumber: number, totalItems: number, site: FeedSite): string {
  return JSON.stringify(
    servicesPage(
      services.map((item) => toOrukListItem(orukService(item, site))),
      pageNumber,
      totalItems,
    ),
  );
}

export default function openReferralFeed(eleventyConfig: EleventyConfig, { outputs }: BuildContext): void {
  const json = { eleventyExcludeFromCollections: true, layout: false, dynamicPermalink: true };
  const services = { data: "collections.services", before: byPageUrl, addAllPagesToCollections: false };

  eleventyConfig.addFilter("orukApiInfo", (settings: SiteData["settings"]) => JSON.stringify(apiInfo(settings.baseUrl)));
  eleventyConfig.addFilter("orukService", (item: EleventyItem, settings: SiteData["settings"], lists: FeedSite["lists"]) =>
    JSON.stringify(orukService(item, feedSite({ settings, lists }))),
  );
  eleventyConfig.addFilter(
    "orukServicesPage",
    (items: EleventyItem[], pageNumber: number, totalItems: number, settings: SiteData["settings"], lists: FeedSite["lists"]) =>
      pageJson(items, pageNumber, totalItems, feedSite({ settings, lists })),
  );
  eleventyConfig.addFilter("orukFirstServicesPage", (all: EleventyItem[], settings: SiteData["settings"], lists: FeedSite["lists"]) =>
    pageJson(byPageUrl(all).slice(0, SERVICES_PER_PAGE), 1, all.length, feedSite({ settings, lists })),
  );

  eleventyConfig.addTemplate("openreferral/api-info.njk", "{{ settings | orukApiInfo | safe }}", { ...json, permalink: API_INFO_FILE });
  eleventyConfig.addTemplate("openreferral/services-index.njk", "{{ collections.services | orukFirstServicesPage(settings, lists) | safe }}", {
    ...json,
    permalink: SERVICES_INDEX_FILE,
  });
  eleventyConfig.addTemplate(
    "openreferral/services-pages.njk",
    "{{ pagination.items | orukServicesPage(pagination.pageNumber + 1, collections.services.length, settings, lists) | safe }}",
    {
      ...json,
      // An empty directory still has its page 1, which says so.
      pagination: { ...services, size: SERVICES_PER_PAGE, generatePageOnEmptyData: true },
      permalink: (data: { pagination: { pageNumber: number } }) => servicesPageFile(data.pagination.pageNumber + 1),
    },
  );
  eleventyConfig.addTemplate("openreferral/service.njk", "{{ service | orukService(settings, lists) | safe }}", {
    ...json,
    pagination: { ...services, size: 1, alias: "service" },
    permalink: (data: { service: EleventyItem; settings: SiteData["settings"] }) =>
      serviceFile(serviceId(data.service.data as { orukId?: string }, data.settings.baseUrl, data.service.url)),
  });

  eleventyConfig.on("eleventy.after", async () => {
    await outputs.write(OPENAPI_FILE, await readFile(OPENAPI_SOURCE));
  });
}
