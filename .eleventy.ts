// Eleventy configuration: only wiring. Each plugin lives in src/eleventy/.
import path from "node:path";
import assessmentRequest from "./src/eleventy/assessment-request.ts";
import assets from "./src/eleventy/assets.ts";
import cms from "./src/eleventy/cms.ts";
import contentData from "./src/eleventy/content-data.ts";
import contentModel from "./src/eleventy/content-model.ts";
import contentsList from "./src/eleventy/contents-list.ts";
import cookiePolicy from "./src/eleventy/cookie-policy.ts";
import directoryData from "./src/eleventy/directory-data.ts";
import openReferralFeed from "./src/eleventy/open-referral-feed.ts";
import reckonerPages from "./src/eleventy/reckoner-pages.ts";
import renderTurns from "./src/eleventy/render-turns.ts";
import searchIndex from "./src/eleventy/search-index.ts";
import serviceFacts from "./src/eleventy/service-facts.ts";
import siteForms from "./src/eleventy/site-forms.ts";
import siteHeaders from "./src/eleventy/site-headers.ts";
import siteOutputs, { SiteOutputs } from "./src/eleventy/site-outputs.ts";
import templateEngines from "./src/eleventy/template-engines.ts";
import contentCheck from "./src/eleventy/content-check.ts";
import type { EleventyConfig } from "./src/eleventy/types.ts";
import { BuildContext } from "./src/pipeline/build-context.ts";
import { contentDir, includesDir, projectRoot } from "./src/project.ts";

/** The site's plugins, sharing one build's state. */
export function localOfferSite(eleventyConfig: EleventyConfig, build: BuildContext): void {
  eleventyConfig.addPlugin(contentCheck, build);
  eleventyConfig.addPlugin(contentData);
  eleventyConfig.addPlugin(templateEngines, build);
  eleventyConfig.addPlugin(renderTurns, build);
  eleventyConfig.addPlugin(contentModel);
  eleventyConfig.addPlugin(serviceFacts);
  eleventyConfig.addPlugin(contentsList);
  eleventyConfig.addPlugin(assessmentRequest);
  eleventyConfig.addPlugin(assets, build);
  eleventyConfig.addPlugin(searchIndex, build);
  eleventyConfig.addPlugin(cookiePolicy, build);
  eleventyConfig.addPlugin(directoryData, build);
  eleventyConfig.addPlugin(openReferralFeed, build);
  eleventyConfig.addPlugin(reckonerPages);
  eleventyConfig.addPlugin(siteForms);
  eleventyConfig.addPlugin(cms, build);
  eleventyConfig.addPlugin(siteHeaders, build);
  // Last: its transform writes each page, after the others have read it.
  eleventyConfig.addPlugin(siteOutputs, build);
}

export default function (eleventyConfig: EleventyConfig) {
  // Input is content/ unless the build is given another folder (the tests build broken copies);
  // the layouts in _includes/ stay the project's either way. Output is Eleventy's default, _site/;
  // `npm run build` writes to a fresh folder beside it and swaps it in only when all went well.
  let input = path.resolve(eleventyConfig.directories.input);
  if (input === projectRoot) {
    input = contentDir;
    eleventyConfig.setInputDirectory("content");
  }
  eleventyConfig.setIncludesDirectory(path.relative(input, includesDir));

  // Content is data, never code (see SECURITY.md). Eleventy would run a .js or .cjs file in its
  // data folder or beside a page, so it reads no data files at all: its data folder is one that
  // never exists, the content-data plugin reads the known YAML files instead, and no page or folder
  // has a data file. A page's permalink is an address, never rendered as a template: only the
  // plugins' virtual templates, whose permalinks are functions, turn dynamicPermalink back on.
  eleventyConfig.setDataDirectory(path.relative(input, path.join(includesDir, "no-data-files")));
  eleventyConfig.setDataFileSuffixes([]);
  eleventyConfig.addGlobalData("dynamicPermalink", false);
  // The site's own templates are virtual, added by the plugins; a .njk file in content/ is never
  // read (and the content check reports it).
  eleventyConfig.ignores.add("**/*.njk");

  // `npm run build` and `npm start` (src/pipeline/site-build.ts) have added the site with the build
  // they made. Run by Eleventy's own command, the site gets a build of its own, and Eleventy writes
  // its pages itself (the content's pictures, the link check and the offline copy are
  // site-build's, so such a site has none of them).
  if (!eleventyConfig.hasPlugin(localOfferSite)) {
    eleventyConfig.addPlugin(
      localOfferSite,
      new BuildContext(new SiteOutputs(eleventyConfig.directories.output, { writesPages: false, toDisk: true, hold: false })),
    );
  }
}

export const config = {
  // Markdown is only Markdown: {{ and {% in a page are text (and the content check reports them).
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
  // Nunjucks only for the plugins' virtual templates: content/'s .njk files are ignored above.
  templateFormats: ["md", "njk"],
};
