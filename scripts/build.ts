// npm run build: checks the content, builds _site/ and swaps it in only if everything worked.
// Links are root-relative ("/sen-support/") unless --site-url says where the site is served from, or
// --absolute-links says it is the base URL in the settings (as on Netlify); then every link is
// written in full, so a page saved from the browser still links to the site.
import { parseArgs } from "node:util";
import { buildSite } from "../src/build/site-build.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "site-url": { type: "string" }, "absolute-links": { type: "boolean" } } });
const result = await buildSite({ contentDir: positionals[0], outputDir: positionals[1], siteUrl: values["site-url"], absoluteLinks: values["absolute-links"] });
if (result.ok) {
  console.log(`Built ${result.pages} pages into ${result.outputDir} in ${(result.milliseconds / 1000).toFixed(1)} s.`);
} else {
  for (const message of result.messages) console.error(message);
  console.error(`\nThe site was not built${result.problems.length ? `: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in the content` : ""}. The last good site in ${positionals[1] ?? "_site"} is unchanged.`);
  if (process.env.DEBUG && result.error) console.error(result.error);
  process.exit(1);
}
