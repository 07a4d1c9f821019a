import { chromium } from "playwright-core";
import path from "node:path";
import { readHeaderRules } from "/work/main/src/build/netlify-headers.ts";
import { createStaticServer, listen } from "/work/main/src/build/static-server.ts";
const server = createStaticServer("/work/main/_site", readHeaderRules("/work/main/netlify.toml"));
const base = await listen(server, 0);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-dev-shm-usage","--disable-background-networking","--disable-component-update","--no-first-run","--disable-sync"] });
const pages = process.argv.slice(2);
for (const [i, url] of pages.entries()) {
  const mobile = url.startsWith("m:");
  const page = await browser.newPage({ viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 } });
  page.on("console", (m) => console.log("console", m.type(), m.text()));
  await page.goto(base + url.replace(/^m:/, ""));
  await page.screenshot({ path: `/tmp/shot${i}.png`, fullPage: true });
}
await browser.close(); server.close();
