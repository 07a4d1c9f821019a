// npm run bench:search [-- --sizes 1000,10000] [--json]
// Builds synthetic sites of each size (information pages; services are a fifth of that), indexes
// each with our search and with Pagefind, and measures both in Chromium. Prints one table, then
// for each size how fast our results page answers hostile queries, against the 1 s budget, and how
// soon a results page shows its results on a slow phone (the sample site too), against 1 s.
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { parse as parseYaml } from "yaml";
import { projectRoot } from "../src/project.ts";
import { CHROMIUM_ARGS, chromiumPath } from "./support/chromium.ts";
import { generateSite } from "./generate-site/generated-site.ts";
import {
  buildSite,
  indexBytes,
  ANSWER_BUDGET_MS,
  hostileTable,
  judgedHits,
  measureHostile,
  type JudgedQuery,
  markdownTable,
  measureEngine,
  measureTimeToResults,
  timeToResultsTable,
  type TimeToResults,
  QUERIES,
  RUNS,
  runPagefind,
  timeOurIndex,
  writeBenchPage,
  type SizeResult,
} from "./bench/search-bench.ts";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "1000,10000" }, json: { type: "boolean", default: false } } });
const sizes = values.sizes.split(",").map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`--sizes ${values.sizes}: expected whole numbers separated by commas, such as 1000,10000`);
  process.exit(1);
}
// Progress goes to stderr so stdout holds only the result.
const say = (line: string) => console.error(line);

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const results: SizeResult[] = [];
const folders: string[] = [];
let judged: { queries: number; hits: Record<"ours" | "pagefind", number> } | undefined;
/** Time to results on a slow phone, on the sample site and each generated size. */
const timeToResults: Array<{ site: string; times: TimeToResults }> = [];
try {
  {
    // The judged queries are about the real pages, so both engines answer them on the sample site.
    const dir = await mkdtemp(path.join(tmpdir(), "bench-search-"));
    folders.push(dir);
    say("sample site: building, indexing with Pagefind, and running the judged queries on both engines...");
    await cp(path.join(projectRoot, "content"), path.join(dir, "content"), { recursive: true });
    await buildSite(path.join(dir, "content"), path.join(dir, "site"));
    await runPagefind(path.join(dir, "site"));
    await writeBenchPage(path.join(dir, "site"));
    const queries = parseYaml(await readFile(path.join(projectRoot, "test/search/judged-queries.yaml"), "utf8")) as JudgedQuery[];
    judged = { queries: queries.length, hits: await judgedHits(browser, path.join(dir, "site"), queries) };
    say("  timing the results page on a slow phone...");
    timeToResults.push({ site: "the sample site", times: await measureTimeToResults(browser, path.join(dir, "site")) });
  }
  for (const pages of sizes) {
    const services = Math.round(pages / 5);
    const dir = await mkdtemp(path.join(tmpdir(), "bench-search-"));
    folders.push(dir);
    const contentDir = path.join(dir, "content");
    const siteDir = path.join(dir, "site");
    say(`${pages} pages: generating, then building with scripts/build.ts...`);
    await generateSite({ pages, services, outDir: contentDir, seed: 1 });
    const build = await buildSite(contentDir, siteDir);
    say(`  built ${build.pages} pages in ${build.seconds.toFixed(1)} s; timing our index...`);
    const ours = await timeOurIndex(siteDir, contentDir);
    say(`  running Pagefind...`);
    const pagefind = await runPagefind(siteDir);
    await writeBenchPage(siteDir);

    const engines: SizeResult["engines"] = [];
    for (const [engine, pagesIndexed, indexSeconds] of [
      ["ours", ours.documents, ours.indexSeconds],
      ["pagefind", pagefind.pages, pagefind.seconds],
    ] as const) {
      say(`  measuring ${engine} in Chromium...`);
      const bytes = await indexBytes(siteDir, engine);
      engines.push({ engine, pagesIndexed, indexSeconds, indexRaw: bytes.raw, indexGzip: bytes.gzip, ...(await measureEngine(browser, siteDir, engine)) });
    }
    say("  timing hostile queries on our results page...");
    const hostile = await measureHostile(browser, siteDir);
    say("  timing the results page on a slow phone...");
    timeToResults.push({ site: `the ${pages}-page site`, times: await measureTimeToResults(browser, siteDir) });
    results.push({ pages, services, builtPages: build.pages, buildSeconds: build.seconds, parseSeconds: ours.parseSeconds, engines, hostile });
    await rm(dir, { recursive: true, force: true });
  }
} finally {
  await browser.close();
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
}

if (values.json) {
  console.log(JSON.stringify({ queries: QUERIES, runsPerQuery: RUNS, judged, answerBudgetMs: ANSWER_BUDGET_MS, results, timeToResults }, null, 2));
} else {
  console.log(markdownTable(results));
  console.log();
  if (judged) {
    const rate = (hits: number) => `${((100 * hits) / judged!.queries).toFixed(1)}% (${hits} of ${judged!.queries})`;
    console.log(
      `Judged queries (test/search/judged-queries.yaml) on the sample site, a right page in the first three results: ours ${rate(judged.hits.ours)}, Pagefind ${rate(judged.hits.pagefind)}.`,
    );
  }
  console.log(
    `Queries: ${QUERIES.map((q) => `"${q}"`).join(", ")}; ${RUNS} timed runs each after a warm-up. Sizes in gzip -9 as served (Pagefind's pre-gzipped files as they are).`,
  );
  console.log("Index build: ours is buildSplitIndex in one process; Pagefind is its whole CLI run (reading the HTML included).");
  for (const result of results) {
    const ours = result.engines.find((engine) => engine.engine === "ours")!;
    const indexing = result.parseSeconds + ours.indexSeconds;
    console.log(
      `Whole-site build (scripts/build.ts, wall clock) for ${result.pages} pages + ${result.services} services: ${result.buildSeconds.toFixed(1)} s for ${result.builtPages} pages. ` +
        `Our index in it: ${result.parseSeconds.toFixed(2)} s reading the built HTML into search documents + ${ours.indexSeconds.toFixed(2)} s indexing = ${indexing.toFixed(1)} s, ` +
        `which adds ${((100 * indexing) / (result.buildSeconds - indexing)).toFixed(0)}% to the ${(result.buildSeconds - indexing).toFixed(1)} s the build takes without it.`,
    );
  }
  for (const result of results) {
    console.log();
    console.log(hostileTable(result.pages, result.hostile));
  }
  for (const { site, times } of timeToResults) {
    console.log();
    console.log(timeToResultsTable(site, times));
  }
}
