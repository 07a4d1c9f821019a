// The parts of `npm run bench` (scripts/bench.ts): build times, CPU time and peak memory of our
// build beside x-govuk's GOV.UK Eleventy plugin, a bare Eleventy build and a bare-Node floor, each
// in its own process; page weight per template as
// a browser downloads it; and the time from an editor saving a page to `npm start` serving it.
// Measures, never changes, the site.
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { listFiles } from "../../src/content/content-files.ts";
import { run } from "./search-bench.ts";
import { projectRoot } from "../../src/project.ts";

export type BuildKind = "ours" | "x-govuk plugin" | "bare Eleventy" | "bare Node";

/** Each kind's script, run with the content folder and the output folder, then these arguments. */
const BUILD_COMMANDS: Record<BuildKind, [script: string, ...extra: string[]]> = {
  ours: ["scripts/build.ts"],
  "x-govuk plugin": ["scripts/bench/bare/eleventy-build.ts", "scripts/bench/x-govuk/eleventy.config.ts"],
  "bare Eleventy": ["scripts/bench/bare/eleventy-build.ts"],
  "bare Node": ["scripts/bench/bare/node-build.ts"],
};

export interface BuildMeasure {
  kind: BuildKind;
  pages: number;
  seconds: number;
  /** User and system CPU time of all the build's threads. */
  cpuSeconds: number;
  peakMb: number;
  outputBytes: number;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const file of await listFiles(dir)) total += (await stat(path.join(dir, file))).size;
  return total;
}

/**
 * One build in a fresh process with Node's default heap, timed from start to exit (so every kind
 * pays its own start-up), with the process's peak resident memory.
 */
export async function timeBuild(kind: BuildKind, contentDir: string, outputDir: string): Promise<BuildMeasure> {
  await rm(outputDir, { recursive: true, force: true });
  const report = path.join(tmpdir(), `bench-memory-${process.pid}.json`);
  const [script, ...extra] = BUILD_COMMANDS[kind];
  // The x-govuk plugin reads layouts from the working directory's _includes/ before its own, and
  // writes its CSS and JavaScript into the working directory's _site/ whatever the output folder,
  // so it runs as in a project of its own: a folder with this project's node_modules, building into _site/.
  const ownProject = kind === "x-govuk plugin" ? await mkdtemp(path.join(tmpdir(), "bench-x-govuk-")) : undefined;
  const inProject = (file: string) => path.join(projectRoot, file);
  let stdout: string;
  let seconds: number;
  let outputBytes: number;
  try {
    if (ownProject) await symlink(path.join(projectRoot, "node_modules"), path.join(ownProject, "node_modules"));
    ({ stdout, seconds } = await run(
      process.execPath,
      [
        "--import",
        "tsx",
        "--import",
        inProject("scripts/bench/bare/peak-memory.ts"),
        inProject(script),
        contentDir,
        ownProject ? "_site" : outputDir,
        ...extra.map(inProject),
      ],
      { BENCH_REPORT: report },
      ownProject ?? projectRoot,
    ));
    outputBytes = await folderBytes(ownProject ? path.join(ownProject, "_site") : outputDir);
  } finally {
    if (ownProject) await rm(ownProject, { recursive: true, force: true });
  }
  const { maxRssKb, cpuMicroseconds } = JSON.parse(await readFile(report, "utf8")) as { maxRssKb: number; cpuMicroseconds: number };
  await rm(report, { force: true });
  const pages = Number(/Built (\d+) pages/.exec(stdout)?.[1] ?? NaN);
  return { kind, pages, seconds, cpuSeconds: cpuMicroseconds / 1e6, peakMb: maxRssKb / 1024, outputBytes };
}

/** The templates whose weight and Lighthouse scores the benchmark reports, by an address on the sample site. */
export const TEMPLATES: ReadonlyArray<{ template: string; url: string }> = [
  { template: "home", url: "/" },
  { template: "section index", url: "/sen-support/" },
  { template: "information page", url: "/sen-support/the-graduated-approach/" },
  { template: "service", url: "/services/adhd-family-support-line/" },
  { template: "directory", url: "/services/" },
  { template: "search (with a query)", url: "/search/?q=ehc+plan" },
  { template: "cookies", url: "/cookies/" },
  { template: "reckoner step", url: "/reckoners/support-at-school/answers/no/" },
];

export interface Weight {
  html: number;
  css: number;
  js: number;
  fonts: number;
  other: number;
  total: number;
}

export interface PageWeight {
  template: string;
  url: string;
  /** Brotli, as Netlify serves text to browsers that accept it. */
  first: Weight;
  /** The same files gzipped (-9), for browsers without Brotli. */
  firstGzip: Weight;
  /** What a second visit downloads: assets are cached for a year, so the HTML and any data files. */
  repeat: Weight;
  requests: number;
}

const emptyWeight = (): Weight => ({ html: 0, css: 0, js: 0, fonts: 0, other: 0, total: 0 });

function kindOf(resourceType: string, url: string): keyof Omit<Weight, "total"> {
  if (resourceType === "Document") return "html";
  if (resourceType === "Stylesheet") return "css";
  if (resourceType === "Script" || /\.js$/.test(new URL(url).pathname)) return "js";
  if (resourceType === "Font") return "fonts";
  return "other";
}

const brotliSize = (body: Buffer) => brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;

interface Fetched {
  url: string;
  type: string;
  fromCache: boolean;
  body?: Buffer;
}

/** Every response a visit to the address gets, and whether it came from the browser's cache. */
async function visit(page: import("playwright-core").Page, address: string): Promise<Fetched[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const fetched = new Map<string, Fetched>();
  // Chromium says a request was served from its memory cache before it reports the response.
  const servedFromCache = new Set<string>();
  cdp.on("Network.requestServedFromCache", (event: { requestId: string }) => servedFromCache.add(event.requestId));
  cdp.on("Network.responseReceived", (event: { requestId: string; type: string; response: { url: string; fromDiskCache?: boolean; status: number } }) => {
    if (event.response.url.startsWith("data:")) return;
    const fromCache = servedFromCache.has(event.requestId) || Boolean(event.response.fromDiskCache) || event.response.status === 304;
    fetched.set(event.requestId, { url: event.response.url, type: event.type, fromCache });
  });
  cdp.on("Network.loadingFinished", async (event: { requestId: string }) => {
    const entry = fetched.get(event.requestId);
    if (!entry) return;
    try {
      const { body, base64Encoded } = (await cdp.send("Network.getResponseBody", { requestId: event.requestId })) as { body: string; base64Encoded: boolean };
      entry.body = Buffer.from(body, base64Encoded ? "base64" : "utf8");
    } catch {
      // A body Chromium no longer holds is fetched again below.
    }
  });
  await page.goto(address, { waitUntil: "networkidle" });
  await cdp.detach();
  const all = [...fetched.values()];
  for (const entry of all) entry.body ??= Buffer.from(await (await fetch(entry.url)).arrayBuffer());
  return all;
}

function weigh(files: readonly Fetched[], size: (body: Buffer) => number): Weight {
  const weight = emptyWeight();
  for (const file of files) {
    const bytes = size(file.body!);
    weight[kindOf(file.type, file.url)] += bytes;
    weight.total += bytes;
  }
  return weight;
}

/** First and repeat visit to each template in a fresh browser profile, with no cookie choice made. */
export async function pageWeights(browser: Browser, base: string): Promise<PageWeight[]> {
  const weights: PageWeight[] = [];
  for (const { template, url } of TEMPLATES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const first = await visit(page, `${base}${url}`);
    const again = await visit(page, `${base}${url}`);
    await context.close();
    weights.push({
      template,
      url,
      first: weigh(first, brotliSize),
      firstGzip: weigh(first, (body) => gzipSync(body, { level: 9 }).length),
      repeat: weigh(
        again.filter((file) => !file.fromCache),
        brotliSize,
      ),
      requests: first.length,
    });
  }
  return weights;
}

/**
 * Starts `npm start` on a copy of the sample content, changes one page's text as an editor would,
 * and times until the server sends the changed page. Returns the milliseconds of each of `times` edits.
 */
export async function editToRefresh(page: string, times: number): Promise<number[]> {
  const work = await mkdtemp(path.join(tmpdir(), "bench-edit-"));
  const contentDir = path.join(work, "content");
  const siteDir = path.join(work, "_site");
  await cp(path.join(projectRoot, "content"), contentDir, { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", contentDir, siteDir], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  server.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const base = `http://localhost:${port}`;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    for (let waited = 0; !output.includes("Serving the site"); waited += 100) {
      if (waited > 120_000 || server.exitCode !== null) throw new Error(`npm start did not start:\n${output}`);
      await wait(100);
    }
    const source = path.join(contentDir, page);
    const url = `${base}/${page.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/")}`;
    const original = await readFile(source, "utf8");
    const timings: number[] = [];
    for (let edit = 1; edit <= times; edit += 1) {
      const marker = `Edited for the benchmark, time ${edit}.`;
      const started = performance.now();
      await writeFile(source, `${original.trimEnd()}\n\n${marker}\n`);
      for (;;) {
        // A request that meets the moment the new build replaces the old folder can be cut off.
        const html = await fetch(url).then(
          (response) => response.text(),
          () => "",
        );
        if (html.includes(marker)) break;
        if (performance.now() - started > 60_000) throw new Error(`the edit to ${page} did not show in 60 s:\n${output.slice(-2000)}`);
        await wait(20);
      }
      timings.push(performance.now() - started);
      // Let any follow-up work of this edit finish before the next one.
      await wait(3000);
    }
    return timings;
  } finally {
    server.kill();
    await rm(work, { recursive: true, force: true });
  }
}
