// Measures "services near you" in Chromium on a built site: what the directory's first visit
// downloads, what it takes to get from there to the first sorted list, how long sorting takes once
// the files are there, and Lighthouse's mobile performance score. Used by
// scripts/bench-directory.ts; measures, never changes, the site.
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Response } from "playwright-core";
import { readHeaderRules } from "../../src/server/netlify-headers.ts";
import { createStaticServer, listen } from "../../src/server/static-server.ts";
import { lighthouseScores } from "./lighthouse-bench.ts";
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
  /** Gzip bytes of the HTML, CSS and JS of a first visit to /services/, before anyone types anything. */
  firstVisitBytes: number;
  /** Gzip bytes of everything fetched from opening /services/ to the first list sorted by distance. */
  toFirstSortBytes: number;
  /** The files fetched after the first visit for that first sort. */
  firstSortFiles: Array<{ file: string; bytes: number }>;
  sortMs: number[];
  /** Lighthouse's mobile performance score for /services/, with its largest contentful paint and total blocking time. */
  lighthouse: { performance: number; lcpMs: number; tbtMs: number; runtimeError?: string };
}

const gzipSize = (body: Buffer) => gzipSync(body, { level: 9 }).length;

/** Every response the page gets, with its gzip size once its body has arrived. */
function recordResponses(page: import("playwright-core").Page): Array<Promise<{ file: string; type: string; bytes: number }>> {
  const fetched: Array<Promise<{ file: string; type: string; bytes: number }>> = [];
  page.on("response", (response: Response) => {
    if (response.url().startsWith("data:")) return;
    fetched.push(
      response.body().then(
        (body) => ({ file: new URL(response.url()).pathname, type: response.request().resourceType(), bytes: gzipSize(body) }),
        () => ({ file: new URL(response.url()).pathname, type: response.request().resourceType(), bytes: 0 }),
      ),
    );
  });
  return fetched;
}

export async function measureDirectory(browser: Browser, siteDir: string): Promise<DirectoryResult> {
  const server = createStaticServer(siteDir, readHeaderRules(path.join(projectRoot, "netlify.toml")));
  const base = await listen(server, 0);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const responses = recordResponses(page);
    await page.goto(`${base}/services/`, { waitUntil: "networkidle" });
    const firstVisit = await Promise.all(responses.splice(0));
    const firstVisitBytes = firstVisit.filter(({ type }) => ["document", "stylesheet", "script"].includes(type)).reduce((sum, { bytes }) => sum + bytes, 0);

    const sortOnce = (postcode: (typeof POSTCODES)[number]) =>
      page.evaluate(async ({ typed, label }) => {
        const form = document.querySelector<HTMLFormElement>("[data-finder-form]")!;
        const count = document.querySelector<HTMLElement>("[data-finder-count]")!;
        form.querySelector<HTMLInputElement>("[name=postcode]")!.value = typed;
        const started = performance.now();
        const done = new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (count.textContent?.includes(`nearest to ${label} first`)) {
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
    const firstSortFiles = (await Promise.all(responses.splice(0))).map(({ file, bytes }) => ({ file, bytes }));
    const toFirstSortBytes = firstVisit.concat(firstSortFiles.map((file) => ({ ...file, type: "" }))).reduce((sum, { bytes }) => sum + bytes, 0);
    // Warm-up: the other postcode's area file too.
    await sortOnce(POSTCODES[1]!);
    const sortMs: number[] = [];
    for (let run = 0; run < RUNS; run++) sortMs.push(await sortOnce(POSTCODES[run % 2]!));
    const services = await page.evaluate(async () => ((await (await fetch("/services/services.json")).json()) as unknown[]).length);
    await context.close();
    const [scores] = await lighthouseScores(base, [{ template: "directory", url: "/services/" }]);
    const { performance: score, lcpMs, tbtMs, runtimeError } = scores!;
    return {
      services,
      firstVisitBytes,
      toFirstSortBytes,
      firstSortFiles,
      sortMs,
      lighthouse: { performance: score, lcpMs, tbtMs, ...(runtimeError ? { runtimeError } : {}) },
    };
  } finally {
    server.close();
  }
}

const lighthouseCell = ({ performance, lcpMs, tbtMs, runtimeError }: DirectoryResult["lighthouse"]) =>
  runtimeError ? `not scored (${runtimeError})` : `${performance} (${(lcpMs / 1000).toFixed(2)} s, ${Math.round(tbtMs)} ms)`;

export function directoryTable(rows: Array<{ site: string; result: DirectoryResult }>): string {
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  return [
    "| Site | Services | First visit: HTML + CSS + JS (gzip) | To the first sorted list (gzip) | Fetched for the first sort | Sort and show, p50 / p95 (ms) | Lighthouse performance (LCP, TBT) |",
    "| --- | ---: | ---: | ---: | --- | ---: | --- |",
    ...rows.map(
      ({ site, result }) =>
        `| ${site} | ${result.services} | ${kB(result.firstVisitBytes)} | ${kB(result.toFirstSortBytes)} | ${result.firstSortFiles.map(({ file, bytes }) => `${file} ${kB(bytes)}`).join(", ")} | ${median(result.sortMs).toFixed(1)} / ${percentile(result.sortMs, 95).toFixed(1)} | ${lighthouseCell(result.lighthouse)} |`,
    ),
  ].join("\n");
}
