// Wires the content model into Eleventy: layouts by kind, collections for sections and services,
// and data worked out at build time (sections, coordinates from postcodes).
import path from "node:path";
import { categoryUrl, isUnlisted, kindOf, layoutOf, sectionOf } from "../content/model.ts";
import { locate, parsePostcodeQuery, type Located } from "../lib/postcode.ts";
import { centroidTables } from "../content/postcode-tables.ts";
import { categoryListings, categoryPageUrl } from "../lib/directory/category-pages.ts";
import type { EleventyConfig, EleventyItem } from "./types.ts";

function relPathOf(inputPath: string, inputDir: string): string {
  return path.relative(inputDir, inputPath).split(path.sep).join("/");
}

function byOrderThenTitle(a: EleventyItem, b: EleventyItem): number {
  const order = (item: EleventyItem) => (typeof item.data.order === "number" ? item.data.order : 999);
  return order(a) - order(b) || String(a.data.title).localeCompare(String(b.data.title));
}

function geocode(postcode: unknown): Located | undefined {
  if (typeof postcode !== "string") return undefined;
  const parsed = parsePostcodeQuery(postcode);
  return parsed.ok ? locate(parsed.query, centroidTables()) : undefined;
}

/**
 * The A to Z's order. One collator for the whole sort: localeCompare with a locale and options
 * sets one up for every comparison, which took 0.8 s to sort 10,000 titles.
 */
const aToZOrder = new Intl.Collator("en-GB", { sensitivity: "base" });

/** How many sections the header names, before "Find services". */
export const HEADER_SECTIONS = 7;

export default function contentModel(eleventyConfig: EleventyConfig): void {
  const inputDir = path.resolve(eleventyConfig.directories.input);
  const relPath = (data: { page: { inputPath: string } }) => relPathOf(data.page.inputPath, inputDir);
  const servicesOf = (api: { getAll(): EleventyItem[] }) =>
    api
      .getAll()
      .filter((item) => item.inputPath.endsWith(".md") && kindOf(relPathOf(item.inputPath, inputDir)) === "service")
      .sort((a, b) => String(a.data.title).localeCompare(String(b.data.title)));

  // Every page's layout is layouts/content.njk, which extends `contentLayout`: for a Markdown page
  // the one its place in the content folder gives it (Eleventy's computed data cannot set `layout`
  // itself), for the plugins' pages the one they name. Eleventy compiles a page's own layout for
  // every page (the build turns its template cache off, see site-build.ts), while Nunjucks compiles
  // an extended layout once: a question tool's 100 step pages share one compiled layout.
  eleventyConfig.addGlobalData("layout", "layouts/content.njk");

  eleventyConfig.addGlobalData("eleventyComputed", {
    contentLayout: (data: { page: { inputPath: string }; contentLayout?: string }) =>
      data.page.inputPath.endsWith(".md") ? layoutOf(relPath(data)) : data.contentLayout,
    noindex: (data: { page: { inputPath: string } }) => (data.page.inputPath.endsWith(".md") ? isUnlisted(relPath(data)) : undefined),
    kind: (data: { page: { inputPath: string } }) => (data.page.inputPath.endsWith(".md") ? kindOf(relPath(data)) : undefined),
    section: (data: { page: { inputPath: string } }) => (data.page.inputPath.endsWith(".md") ? sectionOf(relPath(data)) : undefined),
    /** Worked out from the postcode: an editor never types coordinates. */
    geo: (data: { location?: { postcode?: unknown } }) => geocode(data.location?.postcode),
  });

  // One page per service category, or more for a big one, so families can filter the directory
  // without JavaScript.
  eleventyConfig.addCollection("categoryPages", (api) => {
    const services = servicesOf(api);
    // Every page's data holds the global lists.
    const categories = (api.getAll()[0]?.data.lists as { categories?: Array<{ id: string }> } | undefined)?.categories ?? [];
    return categoryListings(categories, (category) => services.filter((service) => (service.data.categories as string[]).includes(category.id)));
  });
  eleventyConfig.addTemplate("services/category-pages.njk", "", {
    pagination: { data: "collections.categoryPages", size: 1, alias: "listing" },
    dynamicPermalink: true,
    permalink: (data: { listing: { category: { id: string }; pageNumber: number } }) => categoryPageUrl(data.listing.category.id, data.listing.pageNumber),
    contentLayout: "layouts/directory.njk",
    eleventyComputed: {
      category: (data: { listing: { category: unknown } }) => data.listing.category,
      title: (data: { listing: { category: { name: string }; pageNumber: number; pageCount: number } }) =>
        data.listing.pageCount > 1
          ? `${data.listing.category.name} (page ${data.listing.pageNumber} of ${data.listing.pageCount})`
          : data.listing.category.name,
      description: (data: { listing: { category: { description: string } } }) => data.listing.category.description,
    },
  });

  eleventyConfig.addCollection("services", (api) => servicesOf(api));

  /** Sections in home-page order, each with its index page and its pages in order. */
  eleventyConfig.addCollection("sections", (api) => {
    const information = api.getAll().filter((item) => item.inputPath.endsWith(".md") && kindOf(relPathOf(item.inputPath, inputDir)) === "information");
    // The directory (services/index.md) has its own layout and navigation, so it is not a section.
    const indexes = information.filter((item) => /^(?!services\/)[^/]+\/index\.md$/.test(relPathOf(item.inputPath, inputDir)));
    // Pages grouped in one pass: matching every page against every section is slow on a big site.
    const bySection = new Map<string | undefined, EleventyItem[]>();
    for (const item of information) {
      const id = sectionOf(relPathOf(item.inputPath, inputDir));
      const pages = bySection.get(id) ?? [];
      pages.push(item);
      bySection.set(id, pages);
    }
    return indexes.sort(byOrderThenTitle).map((index) => {
      const id = sectionOf(relPathOf(index.inputPath, inputDir));
      const pages = (bySection.get(id) ?? []).filter((item) => item !== index).sort(byOrderThenTitle);
      return { id, url: index.url, title: index.data.title, shortTitle: index.data.shortTitle ?? index.data.title, description: index.data.description, pages };
    });
  });

  /** Every page and service, grouped by the first letter of its title, for the A to Z. */
  eleventyConfig.addCollection("aToZ", (api) => {
    const items = api
      .getAll()
      .filter((item) => item.inputPath.endsWith(".md") && item.url && item.url !== "/" && item.url !== "/404.html" && !item.data.noindex && item.data.title)
      .sort((a, b) => aToZOrder.compare(String(a.data.title), String(b.data.title)));
    const groups = new Map<string, EleventyItem[]>();
    for (const item of items) {
      const first = String(item.data.title).charAt(0).toUpperCase();
      const letter = /[A-Z]/.test(first) ? first : "#";
      const grouped = groups.get(letter) ?? [];
      grouped.push(item);
      groups.set(letter, grouped);
    }
    return [...groups].map(([letter, items]) => ({ letter, items }));
  });

  /**
   * The sections the header names: the first few in order. GOV.UK's service navigation is for a
   * handful of links; a county site with dozens of sections lists them all on the home page.
   */
  eleventyConfig.addFilter("headerSections", (sections: unknown[]) => sections.slice(0, HEADER_SECTIONS));
  eleventyConfig.addFilter("sectionById", (sections: Array<{ id?: string }>, id: string | undefined) =>
    id ? sections.find((section) => section.id === id) : undefined,
  );
  eleventyConfig.addFilter("categoryUrl", categoryUrl);
  eleventyConfig.addFilter("inCategory", (services: EleventyItem[], id: string) =>
    services.filter((service) => (service.data.categories as string[]).includes(id)),
  );
  eleventyConfig.addFilter("namesOf", (ids: string[] | undefined, list: Array<{ id: string; name: string }>) =>
    (ids ?? []).map((id) => list.find((entry) => entry.id === id)?.name ?? id),
  );
}
