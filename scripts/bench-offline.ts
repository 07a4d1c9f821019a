// npm run bench:offline [-- --pages 800 --services 200]
// Sizes of what families can keep: the downloadable copy (zip) of the sample site and of a
// generated site of that many pages and services, and the service worker's cache after saving
// ten pages of the sample site with the heart.
import { cp, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { unzipSync } from "fflate";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "./support/chromium.ts";
import { generateSite } from "./generate-site/generated-site.ts";
import { buildSite } from "./bench/search-bench.ts";
import { projectRoot } from "../src/project.ts";
import { readHeaderRules } from "../src/server/netlify-headers.ts";
import { OFFLINE_ZIP_URL } from "../src/pipeline/offline-copy.ts";
import { createStaticServer, listen } from "../src/server/static-server.ts";

const { values } = parseArgs({ options: { pages: { type: "string", default: "800" }, services: { type: "string", default: "200" } } });
const say = (line: string) => console.error(line);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function zipFacts(siteDir: string) {
  const zip = await readFile(path.join(siteDir, OFFLINE_ZIP_URL));
  const files = Object.values(unzipSync(zip));
  return { zipped: (await stat(path.join(siteDir, OFFLINE_ZIP_URL))).size, files: files.length, unzipped: files.reduce((sum, file) => sum + file.length, 0) };
}

/** Saves ten information pages with the heart, with consent, and reads back the worker's cache. */
async function cacheAfterSavingTen(siteDir: string) {
  const server = createStaticServer(siteDir, readHeaderRules(path.join(projectRoot, "netlify.toml")));
  const base = await listen(server, 0);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByRole("button", { name: "Accept feature cookies" }).click();
    // Section index pages, then the pages they list, until there are ten.
    const sections = await page
      .locator("main .app-card-list a")
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    const pages: string[] = [];
    for (const section of sections.filter((url) => url !== "/services/")) {
      await page.goto(`${base}${section}`);
      pages.push(
        section,
        ...(await page.locator("main .app-card-list a").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname))),
      );
      if (pages.length >= 10) break;
    }
    for (const url of pages.slice(0, 10)) {
      await page.goto(`${base}${url}`);
      await page.waitForLoadState("networkidle");
      await page.locator("[data-save-button]").click();
      await page.waitForFunction(async (wanted) => {
        for (const name of await caches.keys()) if (await (await caches.open(name)).match(wanted)) return true;
        return false;
      }, url);
    }
    return await page.evaluate(async () => {
      const sizes = { shell: 0, shellFiles: 0, saved: 0, savedFiles: 0, caches: 0 };
      for (const name of await caches.keys()) {
        sizes.caches += 1;
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const bytes = (await (await cache.match(request))!.blob()).size;
          const { pathname } = new URL(request.url);
          const saved = !pathname.startsWith("/assets/") && !["/offline/not-saved/", "/saved-pages/", "/saved-pages/pages.json"].includes(pathname);
          if (saved) {
            sizes.saved += bytes;
            sizes.savedFiles += 1;
          } else {
            sizes.shell += bytes;
            sizes.shellFiles += 1;
          }
        }
      }
      return sizes;
    });
  } finally {
    await browser.close();
    server.close();
  }
}

const dir = await mkdtemp(path.join(tmpdir(), "bench-offline-"));
try {
  say("sample site: building...");
  await cp(path.join(projectRoot, "content"), path.join(dir, "sample"), { recursive: true });
  const sample = await buildSite(path.join(dir, "sample"), path.join(dir, "sample-site"));
  const sampleZip = await zipFacts(path.join(dir, "sample-site"));
  say("sample site: saving ten pages in Chromium...");
  const cache = await cacheAfterSavingTen(path.join(dir, "sample-site"));

  say(`generated site (${values.pages} pages, ${values.services} services): generating and building...`);
  await generateSite({ pages: Number(values.pages), services: Number(values.services), outDir: path.join(dir, "generated"), seed: 1 });
  const generated = await buildSite(path.join(dir, "generated"), path.join(dir, "generated-site"));
  const generatedZip = await zipFacts(path.join(dir, "generated-site"));

  console.log("| Site | Pages built | Zip | Files in zip | Unzipped |");
  console.log("| --- | --- | --- | --- | --- |");
  console.log(`| sample content | ${sample.pages} | ${kB(sampleZip.zipped)} | ${sampleZip.files} | ${kB(sampleZip.unzipped)} |`);
  console.log(
    `| generated: ${values.pages} pages + ${values.services} services | ${generated.pages} | ${kB(generatedZip.zipped)} | ${generatedZip.files} | ${kB(generatedZip.unzipped)} |`,
  );
  console.log("");
  console.log("| Service worker cache after saving ten pages (sample site) | Files | Bytes |");
  console.log("| --- | --- | --- |");
  console.log(`| shell (CSS, scripts, icon, offline page, saved-pages page and list) | ${cache.shellFiles} | ${kB(cache.shell)} |`);
  console.log(`| saved pages | ${cache.savedFiles} | ${kB(cache.saved)} |`);
  console.log(`| total, in ${cache.caches} cache | ${cache.shellFiles + cache.savedFiles} | ${kB(cache.shell + cache.saved)} |`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
