// npm run bench [-- --sizes 1000,10000,300+3000] [--only builds] [--write]
// Builds generated sites of each size four ways in turn (our build, x-govuk's GOV.UK Eleventy
// plugin on the same Markdown, a bare Eleventy build and a bare-Node floor), then weighs each
// template of the sample site as a browser downloads it, runs Lighthouse on them, and times an
// edit in `npm start`. Prints the tables and the targets met or missed; --write also writes them
// into docs/performance.md. Ratios are of builds run in this one command, so a noisy machine affects both.
// A size N is N pages, half of them services; P+S is P information pages and S services (a
// county's directory is most of its site). --only builds skips the sample site's measures.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "./support/chromium.ts";
import { generateSite } from "./generate-site/generated-site.ts";
import { lighthouseScores, type LighthouseScores } from "./bench/lighthouse-bench.ts";
import { median } from "./bench/search-bench.ts";
import { projectRoot } from "../src/project.ts";
import { editToRefresh, pageWeights, timeBuild, type BuildKind, type BuildMeasure, type PageWeight } from "./bench/site-bench.ts";
import { readHeaderRules } from "../src/server/netlify-headers.ts";
import { createStaticServer, listen } from "../src/server/static-server.ts";

const USAGE = "npm run bench [-- --sizes 1000,10000,300+3000] [--only builds] [--write]";

/** One generated site: its information pages and services. */
interface SiteSize {
  pages: number;
  services: number;
}

/** The options, or a plain message saying what was wrong and what was expected. */
function readOptions(): { sizes: SiteSize[]; onlyBuilds: boolean; write: boolean } {
  let values: { sizes: string; only?: string | undefined; write: boolean };
  try {
    ({ values } = parseArgs({
      options: { sizes: { type: "string", default: "1000,10000,300+3000" }, only: { type: "string" }, write: { type: "boolean", default: false } },
    }));
  } catch (error) {
    // parseArgs explains unknown or valueless options in a TypeError.
    console.error(`${(error as Error).message.split("\n")[0]} (expected ${USAGE})`);
    process.exit(1);
  }
  if (values.only !== undefined && values.only !== "builds") {
    console.error(`--only ${values.only}: the only part that runs alone is "builds" (expected ${USAGE})`);
    process.exit(1);
  }
  const sizes: SiteSize[] = [];
  for (const size of values.sizes.split(",").map((part) => part.trim())) {
    const split = /^(\d+)\+(\d+)$/.exec(size);
    if (split && Number(split[1]) >= 1) sizes.push({ pages: Number(split[1]), services: Number(split[2]) });
    else if (/^\d+$/.test(size) && Number(size) >= 10)
      sizes.push({ pages: Number(size) - Math.floor(Number(size) / 2), services: Math.floor(Number(size) / 2) });
    else {
      console.error(
        `--sizes ${values.sizes}: "${size}" is neither a whole number of pages of 10 or more nor pages+services such as 300+3000 (expected ${USAGE})`,
      );
      process.exit(1);
    }
  }
  return { sizes, onlyBuilds: values.only === "builds", write: values.write };
}

const { sizes, onlyBuilds, ...values } = readOptions();
const say = (line: string) => console.error(line);
const started = performance.now();
const work = await mkdtemp(path.join(os.tmpdir(), "bench-"));

const thousands = (n: number) => n.toLocaleString("en-GB");
const kB = (bytes: number) => (bytes / 1024).toFixed(1);
const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");

/** The build kinds in the order they run, each in its own process; ours is measured against the plugin's. */
const KINDS: readonly BuildKind[] = ["x-govuk plugin", "ours", "bare Eleventy", "bare Node"];
const siteName = ({ pages, services }: SiteSize) => `${thousands(pages + services)} (${thousands(pages)} + ${thousands(services)})`;
const loadAverages: number[] = [];

try {
  // 1. Builds.
  const builds: Array<{ size: SiteSize; measures: BuildMeasure[] }> = [];
  for (const size of sizes) {
    const contentDir = path.join(work, `content-${size.pages}-${size.services}`);
    const siteDir = path.join(work, `site-${size.pages}-${size.services}`);
    await generateSite({ pages: size.pages, services: size.services, outDir: contentDir, seed: 1 });
    const measures: BuildMeasure[] = [];
    for (const kind of KINDS) {
      say(`Building the ${siteName(size)}-page site: ${kind}...`);
      const measure = await timeBuild(kind, contentDir, siteDir);
      loadAverages.push(os.loadavg()[0]!);
      say(`  ${measure.seconds.toFixed(1)} s, ${measure.cpuSeconds.toFixed(1)} s CPU, ${measure.peakMb.toFixed(0)} MB`);
      measures.push(measure);
    }
    builds.push({ size, measures });
    await rm(contentDir, { recursive: true, force: true });
    await rm(siteDir, { recursive: true, force: true });
  }
  const measureOf = (size: SiteSize, kind: BuildKind) =>
    builds.find((build) => build.size.pages === size.pages && build.size.services === size.services)?.measures.find((measure) => measure.kind === kind);

  // 2 and 3. The sample site, served as Netlify would (headers from netlify.toml, compressed).
  let weights: PageWeight[] = [];
  let scores: LighthouseScores[] = [];
  let edits: number[] = [];
  if (!onlyBuilds) {
    say("Building the sample site and weighing its templates...");
    const sampleDir = path.join(work, "sample");
    await timeBuild("ours", path.join(projectRoot, "content"), sampleDir);
    const server = createStaticServer(sampleDir, readHeaderRules(path.join(projectRoot, "netlify.toml")));
    const base = await listen(server, 0);
    try {
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
      try {
        weights = await pageWeights(browser, base);
      } finally {
        await browser.close();
      }
      say("Running Lighthouse on each template...");
      scores = await lighthouseScores(base);
    } finally {
      server.close();
    }

    // 4. An editor's change in npm start.
    say("Timing an edit in npm start...");
    edits = await editToRefresh("sen-support/what-is-sen-support.md", 3);
  }
  const css = Math.max(...weights.map((weight) => weight.firstGzip.css));

  // The report.
  const buildRows = builds.flatMap(({ size, measures }) => {
    const plugin = measureOf(size, "x-govuk plugin")!;
    const bare = measureOf(size, "bare Eleventy")!;
    return measures.map((measure) => [
      siteName(size),
      measure.kind,
      thousands(measure.pages),
      measure.seconds.toFixed(1),
      (measure.seconds / plugin.seconds).toFixed(2),
      (measure.seconds / bare.seconds).toFixed(2),
      measure.cpuSeconds.toFixed(1),
      (measure.cpuSeconds / measure.seconds).toFixed(2),
      measure.peakMb.toFixed(0),
      MB(measure.outputBytes),
    ]);
  });
  const weightRows = weights.map((weight) => [
    weight.template,
    `\`${weight.url}\``,
    kB(weight.first.html),
    kB(weight.first.css),
    kB(weight.first.js),
    kB(weight.first.fonts),
    kB(weight.first.total),
    kB(weight.firstGzip.html + weight.firstGzip.css + weight.firstGzip.js),
    kB(weight.repeat.total),
    String(weight.requests),
  ]);
  const scoreRows = scores.map((score) => [
    score.template,
    String(score.performance),
    String(score.accessibility),
    String(score.bestPractices),
    String(score.seo),
    `${(score.lcpMs / 1000).toFixed(2)} s`,
    score.cls.toFixed(3),
    `${score.tbtMs.toFixed(0)} ms`,
  ]);
  const chromiumVersion = onlyBuilds ? "" : `, ${execFileSync(chromiumPath(), ["--version"], { encoding: "utf8" }).trim()}`;
  const load = loadAverages.length
    ? `; load average ${Math.min(...loadAverages).toFixed(1)} to ${Math.max(...loadAverages).toFixed(1)} as the builds ended`
    : "";
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}${chromiumVersion}, ${new Date().toISOString().slice(0, 10)}${load}`;
  const verdict = (met: boolean) => (met ? "met" : "**missed**");
  const ten = { ours: measureOf({ pages: 5000, services: 5000 }, "ours"), plugin: measureOf({ pages: 5000, services: 5000 }, "x-govuk plugin") };
  const county = measureOf({ pages: 300, services: 3000 }, "ours");
  const tenRatio = ten.ours && ten.plugin ? ten.ours.seconds / ten.plugin.seconds : NaN;
  const targets = [
    // CPU time too: on a shared machine the two builds may run under different loads.
    `- 10,000 pages (5,000 + 5,000) at most 0.6 × the x-govuk plugin's wall time: ${ten.ours && ten.plugin ? `${tenRatio.toFixed(2)} × (CPU time ${(ten.ours.cpuSeconds / ten.plugin.cpuSeconds).toFixed(2)} ×) — ${verdict(tenRatio <= 0.6)}` : "not run"}`,
    `- Peak memory at most 1 GB (10,000 pages): ${ten.ours ? `${ten.ours.peakMb.toFixed(0)} MB — ${verdict(ten.ours.peakMb <= 1024)}` : "not run"}`,
    `- The county site (300 pages + 3,000 services) under 10 s: ${county ? `${county.seconds.toFixed(1)} s — ${verdict(county.seconds < 10)}` : "not run"}`,
    ...(onlyBuilds
      ? []
      : [
          `- HTML+CSS+JS at most 50 kB compressed on a first visit: largest ${kB(Math.max(...weights.map((w) => w.firstGzip.html + w.firstGzip.css + w.firstGzip.js)))} kB gzip — ${verdict(weights.every((w) => w.firstGzip.html + w.firstGzip.css + w.firstGzip.js <= 50 * 1024))}`,
          `- No web fonts: ${verdict(weights.every((w) => w.first.fonts === 0))}`,
          `- CSS at most 12 kB compressed: ${kB(css)} kB gzip — ${verdict(css <= 12 * 1024)}`,
          `- Lighthouse mobile performance ≥ 95, accessibility, best practices and SEO 100, CLS 0: ${verdict(scores.every((s) => s.performance >= 95 && s.accessibility === 100 && s.bestPractices === 100 && s.seo === 100 && s.cls === 0))}`,
          `- An edit shows in npm start within 1 s: ${edits.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(", ")} (median ${(median(edits) / 1000).toFixed(2)} s) — ${verdict(median(edits) <= 1000)}`,
        ]),
  ];
  const failing = scores.flatMap((score) => score.failing.map((audit) => `- ${score.template}: ${audit}`));
  const report = [
    `Machine: ${machine}. The whole benchmark took ${((performance.now() - started) / 60000).toFixed(1)} minutes.`,
    "",
    "**Builds** of generated sites (information pages + services), each in its own process with Node's default heap; wall time includes start-up. CPU is user and system time of all the build's threads, so CPU ÷ wall above 1 means more than one core at work. The x-govuk plugin builds the same Markdown with its `page` layout given to every page (scripts/bench/x-govuk/).",
    "",
    table(
      ["Site", "Build", "Pages built", "Wall time (s)", "× x-govuk plugin", "× bare Eleventy", "CPU (s)", "CPU ÷ wall", "Peak RSS (MB)", "Output (MB)"],
      buildRows,
    ),
    ...(onlyBuilds
      ? []
      : [
          "",
          "**Page weight** on the sample site, in kB as served with Brotli (first visit, no cookie choice made). Repeat visit: what a second visit downloads.",
          "",
          table(["Template", "Address", "HTML", "CSS", "JS", "Fonts", "First visit", "HTML+CSS+JS gzip", "Repeat visit", "Requests"], weightRows),
          "",
          "**Lighthouse 12.2.3**, mobile emulation with simulated slow 4G:",
          "",
          table(["Template", "Performance", "Accessibility", "Best practices", "SEO", "LCP", "CLS", "TBT"], scoreRows),
          ...(failing.length ? ["", "Audits that cost points:", "", ...failing] : []),
        ]),
    "",
    "**Targets:**",
    "",
    ...targets,
  ].join("\n");
  console.log(report);

  if (values.write) {
    if (onlyBuilds) throw new Error("--write needs the whole benchmark: docs/performance.md's results hold every part (leave out --only builds)");
    const resultsPath = path.join(projectRoot, "docs", "performance.md");
    const results = await readFile(resultsPath, "utf8");
    const start = "<!-- bench:start -->";
    const end = "<!-- bench:end -->";
    if (!results.includes(start) || !results.includes(end)) throw new Error(`docs/performance.md has no ${start} … ${end} section to write the results into`);
    await writeFile(resultsPath, results.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${report}\n${end}`));
    say("Wrote the results into docs/performance.md.");
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
