// Builds the site into a fresh folder beside the output and swaps it in only when everything
// worked, so a failed build never leaves a half-written or empty _site/ behind, and the next build
// clears up after one that was killed.
import { readFileSync } from "node:fs";
import { access, copyFile, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { localOfferSite } from "../../.eleventy.ts";
import { absoluteLinks, LinkCheck, type HtmlFacts } from "./link-check.ts";
import { listFiles } from "../content/content-files.ts";
import { readSettings } from "../content/data-files.ts";
import { formatProblem, sortProblems, type ContentProblem } from "../content/problems.ts";
import type { Settings } from "../content/schemas.ts";
import { BuildContext, type LocalCms } from "./build-context.ts";
import { copiedFiles, copyIntoSite } from "./copied-files.ts";
import { addPageTransform, SiteOutputs } from "../eleventy/site-outputs.ts";
import type { EleventyConfig } from "../eleventy/types.ts";
import { readableDate } from "../content/dates.ts";
import { replaceFile } from "./live-site.ts";
import {
  OFFLINE_PAGE_URL,
  OFFLINE_ZIP_PART_URL,
  OFFLINE_ZIP_URL,
  OfflineCopyThread,
  writeOfflineCopy,
  type OfflineCopy,
  type OfflineCopyOptions,
} from "./offline-copy.ts";
import { fileOf } from "../lib/offline/relative-url.ts";
import type { RebuildMemo, RebuildState } from "./rebuilding.ts";
import { describeTemplateFailure } from "./template-failure.ts";
import { projectRoot } from "../project.ts";
import { CMS_URL } from "../lib/cms.ts";

export interface BuildOptions {
  contentDir?: string;
  outputDir?: string;
  /** Where the site is served from; links are then written absolute to it. */
  siteUrl?: string;
  /** Links absolute to the settings' base URL, as the deployed site has them. */
  absoluteLinks?: boolean;
  /**
   * Given when one process builds again and again (`npm start`): what it keeps from one build to
   * the next. After the first build, only the files that changed are written into the served
   * folder (see live-site.ts). The pages go live as soon as they pass the link check, with the last
   * build's downloadable copy; the new copy replaces it when made (see `offlineCopy` in the result).
   */
  rebuilding?: RebuildState;
  /** `npm run edit`: the content editor saves through this local proxy instead of GitHub. */
  localCms?: LocalCms;
}

export type BuildResult =
  | {
      ok: true;
      outputDir: string;
      pages: number;
      milliseconds: number;
      /** When rebuilding: the new downloadable copy being made in the live site; its problems, if any. */
      offlineCopy?: Promise<string[]>;
    }
  | { ok: false; messages: string[]; problems: ContentProblem[]; error?: unknown };

/** Writes the downloadable copy into the built site and says its size and date on /offline/. */
async function offlineCopy(
  siteDir: string,
  files: readonly string[],
  pages: ReadonlyMap<string, string>,
  settings: Settings,
  options: OfflineCopyOptions,
): Promise<{ problems: string[] }> {
  const madeOn = new Date();
  const copy = await writeOfflineCopy(siteDir, files, pages, settings, madeOn, options);
  await sayOfflineCopy(siteDir, copy, madeOn);
  return copy;
}

/** Says the copy's size and date on /offline/, once it is made. */
async function sayOfflineCopy(siteDir: string, copy: OfflineCopy, madeOn: Date): Promise<void> {
  if (copy.problems.length > 0) return;
  const page = path.join(siteDir, OFFLINE_PAGE_URL, "index.html");
  const html = await readFile(page, "utf8").catch(() => undefined);
  if (html !== undefined) {
    const size = copy.bytes >= 1024 * 1024 ? `${(copy.bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(copy.bytes / 1024)} kB`;
    const date = readableDate(madeOn);
    const said = `<p class="govuk-body" data-offline-zip data-search="ignore">ZIP file, ${size}, ${copy.files} files. Made on <time datetime="${madeOn.toISOString().slice(0, 10)}">${date}</time>, when this site was last updated.</p>`;
    // The paragraph as Eleventy wrote it, or as the last copy filled it in (npm start keeps unchanged pages).
    await replaceFile(page, (part) => writeFile(part, html.replace(/<p class="govuk-body" data-offline-zip data-search="ignore">[\s\S]*?<\/p>/, said)));
  }
}

/**
 * Eleventy warns on stderr when one of the configuration's callbacks takes over 8% of a build, as
 * the transforms that read and write every page often do. Quiet mode reaches every other group of
 * Eleventy's timings but not this one, which Eleventy makes before it knows the build is quiet, and
 * Eleventy 3 has no public setting for it. So here, and only to keep quiet, the build uses a part of
 * Eleventy's configuration it does not document: should a later Eleventy change it, the build goes
 * on and the warning comes back.
 */
function quietenCallbackTimings(eleventyConfig: EleventyConfig): void {
  (eleventyConfig as { benchmarks?: { config?: { setIsVerbose?: (verbose: boolean) => void } } }).benchmarks?.config?.setIsVerbose?.(false);
}

/** Puts the new site in place of the old; the old stays whole until the new one is complete. */
async function swapIn(building: string, outputDir: string): Promise<void> {
  const previous = `${outputDir}.previous-${process.pid}`;
  const hadPrevious = await access(outputDir).then(
    () => true,
    () => false,
  );
  if (hadPrevious) await rename(outputDir, previous);
  await rename(building, outputDir);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

/** Whether a process with this id is running. Signal 0 only asks; EPERM means it runs as another user. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Clears up after builds that were killed or crashed, so that wherever one stopped, the next build
 * starts from a whole site and leaves no debris. One stopped part-way leaves its `.building-<pid>`
 * folder; one stopped between swapIn's two renames leaves no output folder, and the last good site
 * whole in its `.previous-<pid>` (that is removed only once the new site is in place), which goes
 * back first, so even if this build fails the site is there. Folders of other builds still running
 * into the same output are theirs and are left alone (as is a stopped build's, should its process id
 * have been reused already); this process's own are from a build of its own that stopped, as npm
 * start builds one at a time.
 */
async function recoverFromStoppedBuilds(outputDir: string): Promise<void> {
  const parent = path.dirname(outputDir);
  const prefix = `${path.basename(outputDir)}.`;
  const stopped = { building: [] as string[], previous: [] as string[] };
  for (const entry of await readdir(parent).catch(() => [])) {
    const match = entry.startsWith(prefix) ? /^(building|previous)-(\d+)$/.exec(entry.slice(prefix.length)) : null;
    if (!match) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || !isRunning(pid)) stopped[match[1] as "building" | "previous"].push(path.join(parent, entry));
  }
  if (
    !(await access(outputDir).then(
      () => true,
      () => false,
    )) &&
    stopped.previous.length > 0
  ) {
    // Should several builds have stopped there, the site moved aside last (rename sets ctime) was the one live.
    const moved = await Promise.all(stopped.previous.map(async (folder) => ({ folder, at: (await stat(folder)).ctimeMs })));
    const lastLive = moved.sort((a, b) => b.at - a.at)[0]!.folder;
    await rename(lastLive, outputDir);
    stopped.previous = stopped.previous.filter((folder) => folder !== lastLive);
  }
  for (const folder of [...stopped.building, ...stopped.previous]) await rm(folder, { recursive: true, force: true });
}

/**
 * The site's link check, a page at a time, yielding now and then so that npm start's server and
 * its offline copy go on in between. `check` may already have the pages the offline copy read.
 */
async function siteLinkProblems(
  check: LinkCheck,
  siteDir: string,
  files: readonly string[],
  pages: ReadonlyMap<string, string>,
  facts?: RebuildMemo<HtmlFacts>,
): Promise<string[]> {
  let sinceYield = 0;
  for (const file of files) {
    // The content editor's page is Decap's shell, not a page in the site's layout (test/cms/ checks it).
    if (!file.endsWith(".html") || check.has(file) || file.startsWith(CMS_URL)) continue;
    // npm start holds the pages it built; a one-off build reads them back from disk.
    check.add(file, pages.get(file) ?? readFileSync(path.join(siteDir, file), "utf8"));
    if (++sinceYield === 100) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  facts?.finish();
  return check.problems();
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const { rebuilding } = options;
  const contentDir = path.resolve(options.contentDir ?? path.join(projectRoot, "content"));
  const outputDir = path.resolve(options.outputDir ?? path.join(projectRoot, "_site"));
  const building = `${outputDir}.building-${process.pid}`;
  await recoverFromStoppedBuilds(outputDir);

  // Read before the content check has passed them, for --absolute-links: if they are broken, the
  // check stops the build and reports them with file and line, so the offline copy has them whole.
  const settings = readSettings(contentDir);
  const siteUrl = (options.siteUrl ?? (options.absoluteLinks ? settings?.baseUrl : undefined))?.replace(/\/+$/, "");
  // npm start's rebuilds write nothing until every check has passed, then only what changed.
  const live = rebuilding ? await rebuilding.liveSites.current(outputDir) : undefined;
  // A one-off build makes the downloadable copy and checks the site's links in a thread of their
  // own, from each page as Eleventy renders it, so the work is done on both cores and is over when
  // Eleventy is. npm start keeps its pages in memory and makes the copy after the pages go live.
  const madeOn = new Date();
  const copyThread: OfflineCopyThread | undefined =
    rebuilding || !settings
      ? undefined
      : new OfflineCopyThread({ siteDir: building, settings, madeOn: madeOn.toISOString(), siteUrl }, (): Iterable<string> => build.plannedFiles);
  const outputs: SiteOutputs = new SiteOutputs(building, {
    writesPages: true,
    toDisk: !live,
    hold: Boolean(rebuilding),
    onPage: copyThread && ((url, html) => copyThread.page(url, html)),
  });
  const build: BuildContext = new BuildContext(outputs, rebuilding, options.localCms);
  // The content's pictures and documents, which Eleventy would copy if it were not running dry.
  const copied = await copiedFiles(contentDir);
  for (const file of copied.keys()) build.plannedFiles.add(file);
  try {
    // Eleventy 3.1 skips directory data files (which set each folder's layout) when given an
    // absolute input path, so it gets the path relative to the working directory.
    const eleventy = new Eleventy(path.relative(process.cwd(), contentDir) || ".", building, {
      configPath: path.join(projectRoot, ".eleventy.ts"),
      quietMode: true,
      // The site-outputs plugin writes the pages, so Eleventy need not hold them (see site-outputs.ts).
      dryRun: true,
      config(eleventyConfig) {
        // A fresh Eleventy for every build, reading and compiling every file afresh: Eleventy keeps
        // its template cache (file texts, layouts) in its modules, beyond any one Eleventy, so with
        // it npm start would build an edit's page from its old text.
        eleventyConfig.setUseTemplateCache(false);
        quietenCallbackTimings(eleventyConfig);
        eleventyConfig.on("eleventy.contentMap", ({ inputPathToUrl, urlToInputPath }) => {
          build.inputPaths = Object.keys(inputPathToUrl);
          for (const url of Object.keys(urlToInputPath)) if (url.startsWith("/")) build.plannedFiles.add(fileOf(url));
        });
        // Links are written in full as each page is rendered, so no page is written twice. Added
        // here, before .eleventy.ts runs, it comes before the plugins' transforms, which read each
        // page as it will be written.
        if (siteUrl) {
          addPageTransform(eleventyConfig, outputs, "absolute-links", ({ outputPath }, html) =>
            typeof outputPath === "string" && outputPath.endsWith(".html") ? absoluteLinks(html, siteUrl) : html,
          );
        }
        // The site's plugins with this build's state; .eleventy.ts sees them here and adds none of its own.
        eleventyConfig.addPlugin(localOfferSite, build);
      },
    });
    // Eleventy prints its own errors with stack traces; the caller gets plain ones instead.
    eleventy.disableLogger();
    await eleventy.write();
  } catch (error) {
    await copyThread?.stop();
    await outputs.stop();
    await rm(building, { recursive: true, force: true });
    if (build.contentProblems) return { ok: false, messages: sortProblems(build.contentProblems).map(formatProblem), problems: build.contentProblems, error };
    return { ok: false, messages: [describeTemplateFailure(error, build.inputPaths)], problems: [], error };
  }

  if (!live) await copyIntoSite(building, copied);
  /** When rebuilding, every file the build made, by its path in the site. */
  const made = outputs.held;
  // The copy's thread may be writing its zip, under another name until it is done, which is not one of the site's files.
  const files =
    live && made
      ? [...made.keys(), ...copied.keys()].sort()
      : (await listFiles(building)).map((file) => `/${file}`).filter((file) => file !== OFFLINE_ZIP_PART_URL);
  /**
   * Each page's HTML by its path in the site ("/sen-support/index.html"), while `npm start` holds
   * them; a one-off build reads them back from disk, a page at a time.
   */
  const pages = new Map<string, string>();
  for (const [file, contents] of made ?? []) if (file.endsWith(".html") && typeof contents === "string") pages.set(file, contents);
  const pageCount = files.filter((file) => file.endsWith(".html")).length;
  const failed = async (messages: string[]): Promise<BuildResult> => {
    await rm(building, { recursive: true, force: true });
    return { ok: false, messages, problems: [] };
  };
  const linkCheck = () => new LinkCheck(new Set([...files, OFFLINE_ZIP_URL]), siteUrl, rebuilding?.pageFacts);
  const layoutLinks = (broken: string[]) => broken.map((line) => `layout link: ${line}`);
  const copyLinks = (problems: string[]) => problems.map((line) => `offline copy link: ${line}`);

  if (rebuilding && made) {
    // An editor waits for the page, not the zip: the pages go live once their links are checked,
    // with the last good copy carried over so its link never dangles, and the new copy follows.
    const broken = await siteLinkProblems(linkCheck(), building, files, pages, rebuilding.pageFacts);
    if (broken.length > 0) return failed(layoutLinks(broken));
    if (live) {
      await rm(building, { recursive: true, force: true });
      try {
        await rebuilding.liveSites.update(outputDir, live, files, { made, copied });
      } catch (error) {
        return {
          ok: false,
          messages: [`Could not write the changed files into ${outputDir}: ${(error as Error).message}. The next build will write the whole site again.`],
          problems: [],
        };
      }
    } else {
      const zip = path.join(outputDir, OFFLINE_ZIP_URL);
      await copyFile(zip, path.join(building, OFFLINE_ZIP_URL)).catch(() => undefined);
      await swapIn(building, outputDir);
      await rebuilding.liveSites.remember(outputDir, files, { made, copied });
    }
    const copy = offlineCopy(outputDir, files, pages, settings!, { siteUrl, facts: rebuilding.offlineCopyFacts }).then(({ problems }) => copyLinks(problems));
    return { ok: true, outputDir, pages: pageCount, milliseconds: Math.round(performance.now() - started), offlineCopy: copy };
  }

  let streamed: Awaited<ReturnType<OfflineCopyThread["finish"]>>;
  try {
    streamed = await copyThread?.finish(files);
  } catch (error) {
    return failed([`The downloadable copy could not be made: ${(error as Error).message}`]);
  }
  let offline: { problems: string[] };
  let broken: string[];
  if (streamed) {
    ({ siteProblems: broken } = streamed);
    await sayOfflineCopy(building, streamed.copy, madeOn);
    offline = streamed.copy;
  } else {
    // Made from the built site: the copy is deflated in zlib's thread pool while this thread checks
    // the site's links, as the copy reads each page; then the pages the copy leaves out.
    const check = linkCheck();
    offline = await offlineCopy(building, files, pages, settings!, { siteUrl, onPage: (file, html) => check.add(file, html) });
    broken = await siteLinkProblems(check, building, files, pages);
  }
  if (offline.problems.length > 0 || broken.length > 0) return failed([...layoutLinks(broken), ...copyLinks(offline.problems)]);
  await swapIn(building, outputDir);
  return { ok: true, outputDir, pages: pageCount, milliseconds: Math.round(performance.now() - started) };
}

/** What `npm run build` and `npm start` print about a build; true if it worked. */
export function reportBuild(result: BuildResult, siteLabel: string): boolean {
  if (result.ok) {
    console.log(`Built ${result.pages} pages into ${result.outputDir} in ${(result.milliseconds / 1000).toFixed(1)} s.`);
    return true;
  }
  for (const message of result.messages) console.error(message);
  console.error(
    `\nThe site was not built${result.problems.length ? `: ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in the content` : ""}. The last good site in ${siteLabel} is unchanged.`,
  );
  if (process.env.DEBUG && result.error) console.error(result.error);
  return false;
}
