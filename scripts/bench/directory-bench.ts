// Measures "services near you" in Chromium on a built site: what locating one postcode downloads,
// and how long the directory takes to sort and show once the files are there. Used by
// scripts/bench-directory.ts; measures, never changes, the site.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { readHeaderRules } from "../../src/server/netlify-headers.ts";
import { createStaticServer, listen } from "../../src/server/static-server.ts";
import { median, percentile } from "./search-bench.ts";
import { projectRoot } from "../../src/project.ts";

/** Two postcodes in turn, so every timed run really re-sorts. */
export const POSTCODES = [
  { typed: "AL1 3JE", label: "AL1 3" },
  { typed: "SG1 1HN", label: "SG1 1" },
];
export const RUNS = 20;

export interface DirectoryResult {
  services: number;
  /** Gzip bytes of each file fetched from pressing "Sort by distance" to the sorted list, first time. */
  firstLookup: Array<{ file: string; bytes: number }>;
  /** Gzip bytes the finder needs before it can sort: its script chunk and the services list. */
  finderBytes: number;
  sortMs: number[];
}

const gzipSize = async (siteDir: string, pathname: string) => gzipSync(await readFile(path.join(siteDir, pathname)), { level: 9 }).length;

export async function measureDirectory(browser: Browser, siteDir: string): Promise<DirectoryResult> {
  const server = createStaticServer(siteDir, readHeaderRules(path.join(projectRoot, "netlify.toml")));
  const base = await listen(server, 0);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${base}/services/`);
    await page.waitForSelector("[data-finder]:not([hidden])");
    await page.waitForLoadState("networkidle");
    const finderFiles = requested.filter((pathname) => pathname === "/services/services.json" || /^\/assets\/service-finder\./.test(pathname));
    let finderBytes = 0;
    for (const file of finderFiles) finderBytes += await gzipSize(siteDir, file);
    const services = await page.evaluate(async () => ((await (await fetch("/services/services.json")).json()) as unknown[]).length);

    requested.length = 0;
    const sortOnce = (postcode: (typeof POSTCODES)[number]) =>
      page.evaluate(async ({ typed, label }) => {
        const form = document.querySelector<HTMLFormElement>("[data-finder-form]")!;
        const count = document.querySelector<HTMLElement>("[data-finder-count]")!;
        form.querySelector<HTMLInputElement>("[name=postcode]")!.value = typed;
        const started = performance.now();
        const done = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (count.textContent?.endsWith(`nearest to ${label} first`)) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(count, { childList: true, characterData: true, subtree: true });
        });
        form.requestSubmit();
        await done;
        // The list is in the page; wait for the browser to lay it out and paint it too.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        return performance.now() - started;
      }, postcode);
    await sortOnce(POSTCODES[0]!);
    const firstLookup = await Promise.all(
      requested.filter((pathname) => pathname.startsWith("/postcodes/")).map(async (file) => ({ file, bytes: await gzipSize(siteDir, file) })),
    );
    // Warm-up: the other postcode's area file too.
    await sortOnce(POSTCODES[1]!);
    const sortMs: number[] = [];
    for (let run = 0; run < RUNS; run++) sortMs.push(await sortOnce(POSTCODES[run % 2]!));
    await context.close();
    return { services, firstLookup, finderBytes, sortMs };
  } finally {
    server.close();
  }
}

export function directoryTable(rows: Array<{ site: string; result: DirectoryResult }>): string {
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  return [
    "| Site | Services | Locating one postcode (gzip) | Finder before first sort: script + services list (gzip) | Sort and show, p50 / p95 (ms) |",
    "| --- | ---: | --- | ---: | ---: |",
    ...rows.map(
      ({ site, result }) =>
        `| ${site} | ${result.services} | ${result.firstLookup.map(({ file, bytes }) => `${file} ${kB(bytes)}`).join(", ")} | ${kB(result.finderBytes)} | ${median(result.sortMs).toFixed(1)} / ${percentile(result.sortMs, 95).toFixed(1)} |`,
    ),
  ].join("\n");
}
