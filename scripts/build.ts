// npm run build: checks the content, builds _site/ and swaps it in only if everything worked.
// Links are root-relative ("/sen-support/") unless --site-url says where the site is served from, or
// --absolute-links says it is the base URL in the settings (as on Netlify); then every link is
// written in full, so a page saved from the browser still links to the site.
import { parseArgs } from "node:util";
import v8 from "node:v8";
import { buildSite, reportBuild } from "../src/pipeline/site-build.ts";
import { localCmsFromEnvironment } from "./support/local-cms.ts";

// V8 lets its heap grow to up to four times what is still in use before it collects again. A
// build makes garbage fast (every page is a string, several times over), so on a 10,000-page site
// the heap reached 1.3 GB with 300 MB in use. Growing it by 20% at a time keeps the whole build's
// peak under 1 GB there (30% peaked at 1,015 to 1,037 MB) at no measurable cost in time; V8's own
// growth takes a quarter less CPU time but peaks at 1.9 GB. Node's heap limit itself is left as it
// is. V8 reads this flag each time it sets the next limit, so setting it once the process has
// started takes effect.
v8.setFlagsFromString("--heap-growing-percent=20");

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "site-url": { type: "string" }, "absolute-links": { type: "boolean" } } });
const result = await buildSite({
  contentDir: positionals[0],
  outputDir: positionals[1],
  siteUrl: values["site-url"],
  absoluteLinks: values["absolute-links"],
  // npm run edit's rebuilds after a code change run here, and keep its content editor's local proxy.
  localCms: localCmsFromEnvironment(),
});
if (!reportBuild(result, positionals[1] ?? "_site")) process.exit(1);
