import { readFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "../src/build/content/files.ts";
import { documentFromHtml, withSynonyms, type SearchDocument } from "../src/build/search/documents.ts";
import { readGlossary } from "../src/build/glossary-data.ts";
import { buildSplitIndex } from "../src/build/search/sharded-index.ts";
import { buildWholeIndex, splitIndex } from "./_oldsharded.ts";
const [site, content] = process.argv.slice(2);
const glossary = readGlossary(path.join(content!, "_data"));
const files = (await listFiles(site!)).filter((f) => f.endsWith(".html"));
const urls = files.map((f) => "/" + f.replace(/index\.html$/, "")).filter((u) => u !== "/search/").sort((a, b) => a.localeCompare(b));
const pages = await Promise.all(urls.map(async (url) => ({ url, html: await readFile(path.join(site!, url.endsWith("/") ? `${url}index.html` : url), "utf8") })));
let t = performance.now();
const docs = pages.map(({ url, html }) => documentFromHtml(url, html)).filter((d): d is SearchDocument => !!d).map((d) => withSynonyms(d, glossary));
console.log("docs", docs.length, ((performance.now() - t) / 1000).toFixed(2), "s");
const m0 = process.memoryUsage().rss;
t = performance.now();
const neu = buildSplitIndex(docs);
console.log("new", ((performance.now() - t) / 1000).toFixed(2), "s rss", ((process.memoryUsage().rss - m0) / 1e6).toFixed(0));
if (process.argv[4] === "old") {
  t = performance.now();
  const old = splitIndex(buildWholeIndex(docs), docs);
  console.log("old", ((performance.now() - t) / 1000).toFixed(2), "s rss", ((process.memoryUsage().rss - m0) / 1e6).toFixed(0));
  console.log("manifest equal", JSON.stringify(old.manifest) === JSON.stringify(neu.manifest), old.files.size, neu.files.size);
  let diff = 0;
  for (const [k, v] of old.files) if (neu.files.get(k) !== v) diff++;
  console.log("files differing", diff);
}
