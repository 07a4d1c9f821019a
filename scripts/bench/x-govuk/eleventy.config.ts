// The benchmark's peer: the build a council's web team would otherwise pick for a GOV.UK-styled
// Eleventy site, x-govuk's GOV.UK Eleventy plugin, with its GOV.UK layouts, its search index and
// its sitemap on. It builds the same generated Markdown as ours. What differs from the plugin's
// own examples, so the Markdown goes in unchanged: every page gets the plugin's `page` layout from
// global data (our pages have none in their front matter; our build chooses their layout itself),
// Markdown is not run through a template engine first (as in our build and bare Eleventy), and
// no data files are read (the content's YAML data is our build's, not Eleventy's). It runs in a
// folder of its own with only node_modules in it, as in a council's project: the plugin finds
// layouts under the working directory, where this project's _includes/ would shadow its own.
import { govukEleventyPlugin } from "@x-govuk/govuk-eleventy-plugin";

interface PeerConfig {
  addPlugin(plugin: unknown, options: unknown): void;
  addGlobalData(name: string, value: unknown): void;
  setDataFileSuffixes(suffixes: string[]): void;
}

export default function (eleventyConfig: PeerConfig) {
  eleventyConfig.addPlugin(govukEleventyPlugin, {
    serviceNavigation: {
      serviceName: "SEND Local Offer",
      serviceUrl: "/",
      search: { indexPath: "/search-index.json", sitemapPath: "/sitemap/" },
    },
    templates: { searchIndex: true, sitemap: true, error404: false },
  });
  eleventyConfig.addGlobalData("layout", "page");
  eleventyConfig.setDataFileSuffixes([]);
}

export const config = { markdownTemplateEngine: false, templateFormats: ["md", "njk", "11ty.js"] };
