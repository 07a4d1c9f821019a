// npm run bench [-- --sizes 1000,10000,20000] [--write]
// Builds generated sites of each size (80% information pages, 20% services) three ways in turn —
// our build, a bare Eleventy build of the same Markdown, and a bare-Node floor — then weighs each
// template of the sample site as a browser downloads it, runs Lighthouse on them, and times an
// edit in `npm start`. Prints the tables and the targets met or missed; --write also writes them
// into docs/performance.md. Ratios are of builds run in this one command, so a noisy machine affects both.
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
import { editToRefresh, pageWeights, timeBuild, type BuildMeasure, type PageWeight } from "./bench/site-bench.ts";
import { readHeaderRules } from "../src/server/netlify-headers.ts";
import { createStaticServer, listen } from "../src/server/static-server.ts";

const USAGE = "npm run bench [-- --sizes 1000,10000,20000] [--write]";

/** The options, or a plain message saying what was wrong and what was expected. */
function readOptions(): { sizes: number[]; write: boolean } {
  let values: { sizes: string; write: boolean };
  try {
    ({ values } = parseArgs({ options: { sizes: { type: "string", default: "1000,10000,20000" }, write: { type: "boolean", default: false } } }));
  } catch (error) {
    // parseArgs explains unknown or valueless options in a TypeError.
    console.error(`${(error as Error).message.split("\n")[0]} (expected ${USAGE})`);
    process.exit(1);
  }
  const sizes = values.sizes.split(",").map((size) => size.trim());
  const bad = sizes.find((size) => !/^\d+$/.test(size) || Number(size) < 10);
  if (bad !== undefined) {
    console.error(`--sizes ${values.sizes}: "${bad}" is not a whole number of pages of 10 or more (expected ${USAGE})`);
    process.exit(1);
  }
  return { sizes: sizes.map(Number), write: values.write };
}

const { sizes, ...values } = readOptions();
const say = (line: string) => console.error(line);
const started = performance.now();
const work = await mkdtemp(path.join(os.tmpdir(), "bench-"));

const thousands = (n: number) => n.toLocaleString("en-GB");
const kB = (bytes: number) => (bytes / 1024).toFixed(1);
const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");

try {
  // 1. Builds.
  const builds: Array<{ size: number; measures: BuildMeasure[] }> = [];
  for (const size of sizes) {
    const contentDir = path.join(work, `content-${size}`);
    const services = Math.round(size / 5);
    await generateSite({ pages: size - services, services, outDir: contentDir, seed: 1 });
    const measures: BuildMeasure[] = [];
    for (const kind of ["bare Eleventy", "ours", "bare Node"] as const) {
      say(`Building the ${thousands(size)}-page site: ${kind}...`);
      const measure = await timeBuild(kind, contentDir, path.join(work, `site-${size}`));
      say(`  ${measure.seconds.toFixed(1)} s, ${measure.peakMb.toFixed(0)} MB`);
      measures.push(measure);
    }
    builds.push({ size, measures });
    await rm(contentDir, { recursive: true, force: true });
    await rm(path.join(work, `site-${size}`), { recursive: true, force: true });
  }

  // 2 and 3. The sample site, served as Netlify would (headers from netlify.toml, compressed).
  say("Building the sample site and weighing its templates...");
  const sampleDir = path.join(work, "sample");
  await timeBuild("ours", path.join(projectRoot, "content"), sampleDir);
  const server = createStaticServer(sampleDir, readHeaderRules(path.join(projectRoot, "netlify.toml")));
  const base = await listen(server, 0);
  let weights: PageWeight[];
  let scores: LighthouseScores[];
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
  const css = Math.max(...weights.map((weight) => weight.firstGzip.css));

  // 4. An editor's change in npm start.
  say("Timing an edit in npm start...");
  const edits = await editToRefresh("sen-support/what-is-sen-support.md", 3);

  // The report.
  const buildRows = builds.flatMap(({ size, measures }) => {
    const bare = measures.find((measure) => measure.kind === "bare Eleventy")!;
    return measures.map((measure) => [
      thousands(size),
      measure.kind,
      thousands(measure.pages),
      measure.seconds.toFixed(1),
      (measure.seconds / bare.seconds).toFixed(2),
      ((measure.seconds * 1000) / measure.pages).toFixed(2),
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
  const chromiumVersion = execFileSync(chromiumPath(), ["--version"], { encoding: "utf8" }).trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, ${chromiumVersion}, ${new Date().toISOString().slice(0, 10)}`;
  const ten = builds.find(({ size }) => size === 10_000)?.measures;
  const twenty = builds.find(({ size }) => size === 20_000)?.measures;
  const ratio = ten ? ten.find((m) => m.kind === "ours")!.seconds / ten.find((m) => m.kind === "bare Eleventy")!.seconds : NaN;
  const verdict = (met: boolean) => (met ? "met" : "**missed**");
  const targets = [
    `- 10,000-page build at most 1.5 × bare Eleventy: ${ten ? `${ratio.toFixed(2)} × — ${verdict(ratio <= 1.5)}` : "not run"}`,
    `- Peak memory at most 1 GB (10,000 pages): ${ten ? `${ten.find((m) => m.kind === "ours")!.peakMb.toFixed(0)} MB — ${verdict(ten.find((m) => m.kind === "ours")!.peakMb <= 1024)}` : "not run"}`,
    `- 20,000 pages build with Node's default heap: ${twenty ? "built — met" : "not run"}`,
    `- HTML+CSS+JS at most 50 kB compressed on a first visit: largest ${kB(Math.max(...weights.map((w) => w.firstGzip.html + w.firstGzip.css + w.firstGzip.js)))} kB gzip — ${verdict(weights.every((w) => w.firstGzip.html + w.firstGzip.css + w.firstGzip.js <= 50 * 1024))}`,
    `- No web fonts: ${verdict(weights.every((w) => w.first.fonts === 0))}`,
    `- CSS at most 12 kB compressed: ${kB(css)} kB gzip — ${verdict(css <= 12 * 1024)}`,
    `- Lighthouse mobile performance ≥ 95, accessibility, best practices and SEO 100, CLS 0: ${verdict(scores.every((s) => s.performance >= 95 && s.accessibility === 100 && s.bestPractices === 100 && s.seo === 100 && s.cls === 0))}`,
    `- An edit shows in npm start within 1 s: ${edits.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(", ")} (median ${(median(edits) / 1000).toFixed(2)} s) — ${verdict(median(edits) <= 1000)}`,
  ];
  const failing = scores.flatMap((score) => score.failing.map((audit) => `- ${score.template}: ${audit}`));
  const report = [
    `Machine: ${machine}. The whole benchmark took ${((performance.now() - started) / 60000).toFixed(1)} minutes.`,
    "",
    "**Builds** (each in its own process with Node's default heap; wall time includes start-up):",
    "",
    table(["Pages asked for", "Build", "Pages built", "Wall time (s)", "× bare Eleventy", "ms per page", "Peak RSS (MB)", "Output (MB)"], buildRows),
    "",
    "**Page weight** on the sample site, in kB as served with Brotli (first visit, no cookie choice made). Repeat visit: what a second visit downloads.",
    "",
    table(["Template", "Address", "HTML", "CSS", "JS", "Fonts", "First visit", "HTML+CSS+JS gzip", "Repeat visit", "Requests"], weightRows),
    "",
    "**Lighthouse 12.2.3**, mobile emulation with simulated slow 4G:",
    "",
    table(["Template", "Performance", "Accessibility", "Best practices", "SEO", "LCP", "CLS", "TBT"], scoreRows),
    ...(failing.length ? ["", "Audits that cost points:", "", ...failing] : []),
    "",
    "**Targets:**",
    "",
    ...targets,
  ].join("\n");
  console.log(report);

  if (values.write) {
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
