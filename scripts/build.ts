// npm run build: checks the content, builds _site/ and swaps it in only if everything worked.
// Links are root-relative ("/sen-support/") unless --site-url says where the site is served from, or
// --absolute-links says it is the base URL in the settings (as on Netlify); then every link is
// written in full, so a page saved from the browser still links to the site.
import { parseArgs } from "node:util";
import { buildSite, reportBuild } from "../src/build/site-build.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "site-url": { type: "string" }, "absolute-links": { type: "boolean" } } });
const result = await buildSite({ contentDir: positionals[0], outputDir: positionals[1], siteUrl: values["site-url"], absoluteLinks: values["absolute-links"] });
if (!reportBuild(result, positionals[1] ?? "_site")) process.exit(1);
