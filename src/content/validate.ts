// Checks everything editors write in content/ and returns every problem found, not just the first.
import { existsSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { centroidTables } from "./postcode-tables.ts";
import { createMarkdown } from "./markdown.ts";
import { contentFileProblems, isDocumentFile } from "./allowed-files.ts";
import { scanBody, type BodyScan } from "./page-body.ts";
import { schemaProblems } from "./describe-issue.ts";
import { categoryUrl, GLOSSARY_URL, kindOf, LAYOUT_IDS, reservedFolderOf, urlOf } from "./model.ts";
import type { ContentProblem } from "./problems.ts";
import {
  CONTROLLED_LISTS,
  controlledListSchema,
  glossarySchema,
  informationPageSchema,
  serviceSchema,
  settingsSchema,
  type ControlledLists,
} from "./schemas.ts";
import { displayPath, listFiles, readContentFile, readContentFileSync } from "./content-files.ts";
import { readYamlData, sourceFromText, type ContentSource } from "./source.ts";
import type { RebuildMemo } from "../pipeline/rebuilding.ts";
import { isExternal, resolveHref } from "./site-addresses.ts";
import { ALLOWED_LINKS, isAllowedLink } from "./safe-links.ts";
import { checkReckoner } from "./reckoners/reckoner-check.ts";
import { FEED_FILES } from "../open-referral/feed.ts";
import { dataFilePath } from "./data-files.ts";
import { ORUK_MAPPING_FILE, orukMappingSchema } from "../open-referral/oruk-mapping.ts";
import { readReckonerFiles, RECKONERS_INDEX_URL, reckonerUrl } from "./reckoners/reckoner-files.ts";
import { analyticsProvider, isAnalyticsProviderId, type AnalyticsSettings } from "../lib/analytics/providers.ts";

async function loadList(contentDir: string, name: keyof ControlledLists, problems: ContentProblem[]) {
  const absolute = path.join(contentDir, "_data", "lists", `${name}.yaml`);
  const file = displayPath(absolute);
  const loaded = await readYamlData(absolute, file).catch(
    () => [{ file, line: 1, message: `missing: this file lists the ${name} services can use` }] as ContentProblem[],
  );
  if (Array.isArray(loaded)) {
    problems.push(...loaded);
    return undefined;
  }
  problems.push(...schemaProblems(controlledListSchema, loaded.data, file, loaded.lineOf));
  if (!Array.isArray(loaded.data)) return undefined;
  // Entries with an id still count, so one bad entry does not make every service and link wrong.
  const entries = loaded.data as Array<{ id?: unknown; name?: unknown }>;
  return entries.filter((entry) => typeof entry?.id === "string").map((entry) => ({ id: String(entry.id), name: String(entry.name ?? entry.id) }));
}

/** The glossary's ids, which the glossary page offers as #fragments. */
async function loadGlossaryIds(contentDir: string, problems: ContentProblem[]): Promise<string[]> {
  const absolute = path.join(contentDir, "_data", "glossary.yaml");
  const file = displayPath(absolute);
  const loaded = await readYamlData(absolute, file).catch(
    () => [{ file, line: 1, message: "missing: the glossary explains the words pages use" }] as ContentProblem[],
  );
  if (Array.isArray(loaded)) {
    problems.push(...loaded);
    return [];
  }
  problems.push(...schemaProblems(glossarySchema, loaded.data, file, loaded.lineOf));
  return Array.isArray(loaded.data) ? loaded.data.map((entry: { id?: unknown }) => String(entry?.id)) : [];
}

async function checkSettings(contentDir: string, problems: ContentProblem[]): Promise<void> {
  const absolute = path.join(contentDir, "_data", "settings.yaml");
  const file = displayPath(absolute);
  const loaded = await readYamlData(absolute, file).catch(
    () =>
      [
        { file, line: 1, message: "missing: the site needs its settings (council name, site name, base URL, contact details, brand colour)" },
      ] as ContentProblem[],
  );
  if (Array.isArray(loaded)) {
    problems.push(...loaded);
    return;
  }
  problems.push(...schemaProblems(settingsSchema, loaded.data, file, loaded.lineOf));
  const settings = loaded.data as { sendiassService?: unknown; analytics?: { provider?: unknown } } | undefined;
  const sendiass = settings?.sendiassService;
  if (typeof sendiass === "string" && !existsSync(path.join(contentDir, "services", `${sendiass}.md`))) {
    problems.push({
      file,
      line: loaded.lineOf(["sendiassService"]),
      field: "sendiassService",
      message: `there is no service content/services/${sendiass}.md (expected the name of the SENDIASS's file in content/services/, without .md)`,
    });
  }
  const provider = settings?.analytics?.provider;
  if (isAnalyticsProviderId(provider)) problems.push(...(await analyticsStatementProblems(contentDir, provider)));
}

/** The pages that tell families whether the site counts their visits. */
const ANALYTICS_STATEMENT_PAGES = ["privacy.md", "cookies.md"];

/**
 * With analytics switched on, the privacy notice and the cookies page must not still say the site
 * uses none: a line that says so (with "no", "not" or "never" before "analytics"), or a list item
 * naming analytics under a line that does (such as "We do not use:"), is reported, as is a privacy
 * notice that does not name the provider. The sentences are the editors' to rewrite.
 */
async function analyticsStatementProblems(contentDir: string, provider: AnalyticsSettings["provider"]): Promise<ContentProblem[]> {
  const name = analyticsProvider(provider, "").name;
  const problems: ContentProblem[] = [];
  for (const page of ANALYTICS_STATEMENT_PAGES) {
    const absolute = path.join(contentDir, page);
    if (!existsSync(absolute)) continue;
    const file = displayPath(absolute);
    const lines = (await readContentFile(absolute)).split(/\r?\n/);
    const body = lines.indexOf("---", 1) + 1;
    const denies = (line: string) => /\b(?:no|not|never|don't)\b[^.]*\banalytics\b/i.test(line);
    let leadIn = "";
    lines.forEach((line, index) => {
      if (index < body) return;
      const listItem = /^\s*(?:[-*+]|\d+\.)\s/.test(line);
      if (!listItem && line.trim() !== "") leadIn = line;
      if (denies(line) || (listItem && /\banalytics\b/i.test(line) && /\b(?:no|not|never|don't)\b/i.test(leadIn))) {
        problems.push({
          file,
          line: index + 1,
          message: `says the site uses no analytics, but content/_data/settings.yaml switches on ${name} (expected it to say the site counts visits with ${name}, only if you agree)`,
        });
      }
    });
    if (page === "privacy.md" && !lines.some((line, index) => index >= body && line.includes(name))) {
      problems.push({
        file,
        line: 1,
        message: `does not name ${name}, which content/_data/settings.yaml switches on (expected a section saying what it counts and that it runs only if you agree)`,
      });
    }
  }
  return problems;
}

/** The Open Referral import's mapping, when there is one: the import needs none to run. */
async function checkOrukMapping(contentDir: string, lists: ControlledLists, problems: ContentProblem[]): Promise<void> {
  const absolute = dataFilePath(contentDir, ORUK_MAPPING_FILE);
  if (!existsSync(absolute)) return;
  const loaded = await readYamlData(absolute, displayPath(absolute));
  if (Array.isArray(loaded)) problems.push(...loaded);
  else problems.push(...schemaProblems(orukMappingSchema(lists), loaded.data, displayPath(absolute), loaded.lineOf));
}

interface Page {
  source: ContentSource;
  url: string;
  scan: BodyScan;
}

/**
 * Template tags in a file: content is plain Markdown and never run as a template, so {{ or {% in
 * it is either a mistake or an attempt to run code.
 */
function templateTagProblems(text: string, file: string): ContentProblem[] {
  return text.split(/\r?\n/).flatMap((line, index) => {
    const tag = /\{\{|\{%/.exec(line)?.[0];
    if (!tag) return [];
    return [
      {
        file,
        line: index + 1,
        message: `"${tag}" starts a template tag, but content is plain Markdown and is never run as a template (expected plain text; to show the braces, put a space between them)`,
      },
    ];
  });
}

/** What a Markdown file's text alone says: its source, its template tags, its body's links and ids. */
export interface ContentFileReading {
  read: ReturnType<typeof sourceFromText>;
  templateTags: ContentProblem[];
  scan: BodyScan | undefined;
}

/** Reads every Markdown file, checking its front matter against its collection's schema. */
async function readPages(
  contentDir: string,
  markdownFiles: string[],
  services: z.ZodType,
  problems: ContentProblem[],
  readings: RebuildMemo<ContentFileReading> | undefined,
): Promise<Page[]> {
  const md = createMarkdown({ keepEveryLink: true });
  const pages: Page[] = [];
  for (const relPath of markdownFiles) {
    const absolute = path.join(contentDir, relPath);
    // Read at once: a page is in the disk's cache, and waiting for thousands of reads one after
    // another left this thread idle for a third of the check.
    const text = readContentFileSync(absolute);
    const readMarkdown = (): ContentFileReading => {
      const file = displayPath(absolute);
      const parsed = sourceFromText(text, file, relPath);
      return {
        read: parsed,
        templateTags: templateTagProblems(text, file),
        scan: parsed.source && scanBody(md, parsed.source.body, parsed.source.bodyStartLine),
      };
    };
    const { read, templateTags, scan } = readings ? readings.get(absolute, text, readMarkdown) : readMarkdown();
    problems.push(...read.problems, ...templateTags);
    const { source } = read;
    if (!source || !scan) continue;
    if (read.problems.length === 0) {
      const schema = kindOf(relPath) === "service" ? services : informationPageSchema;
      problems.push(...schemaProblems(schema, source.data, source.file, source.lineOf));
    }
    for (const unsafe of scan.unsafeHtml) problems.push({ file: source.file, line: unsafe.line, message: unsafe.message });
    pages.push({ source, url: urlOf(relPath, source.data.permalink), scan });
  }
  readings?.finish();
  return pages;
}

/** Two files may not claim one address, nor take one the site makes itself. */
function checkAddresses(pages: Page[], taken: Set<string>, problems: ContentProblem[]): Map<string, Page> {
  const claimants = new Map<string, Page[]>();
  for (const page of pages) claimants.set(page.url, [...(claimants.get(page.url) ?? []), page]);
  const byUrl = new Map<string, Page>();
  for (const [url, claiming] of claimants) {
    byUrl.set(url, claiming[0]!);
    for (const page of claiming) {
      const line = page.source.data.permalink ? page.source.lineOf(["permalink"]) : 1;
      const others = claiming.filter((other) => other !== page).map((other) => other.source.file);
      const reserved = reservedFolderOf(url);
      if (reserved) {
        problems.push({
          file: page.source.file,
          line,
          message: `this page's address ${url} is in ${reserved}, where the site writes its own files (expected an address outside it: rename the file, move it or change its permalink)`,
        });
      } else if (others.length > 0) {
        problems.push({
          file: page.source.file,
          line,
          message: `this page's address ${url} is also claimed by ${others.join(", ")} (expected each page to have its own address: rename one file or change its permalink)`,
        });
      } else if (taken.has(url)) {
        problems.push({
          file: page.source.file,
          line,
          message: `this page's address ${url} is already used by a page the site makes itself (expected another file name)`,
        });
      }
    }
  }
  return byUrl;
}

type Targets = (sitePath: string) => Set<string> | "missing" | "file";

/** What an address on the site is: a file, a page (with the ids links may point at) or missing. */
function siteTargets(byUrl: Map<string, Page>, generated: Set<string>, assets: Set<string>, layoutIds: Map<string, string[]>): Targets {
  return (sitePath) => {
    if (assets.has(sitePath)) return "file";
    const pagePath = sitePath.replace(/index\.html$/, "").replace(/([^/])$/, "$1/");
    const page = byUrl.get(pagePath) ?? byUrl.get(sitePath);
    if (page) return new Set([...page.scan.ids, ...LAYOUT_IDS, ...(layoutIds.get(page.url) ?? [])]);
    if (generated.has(pagePath)) return new Set(LAYOUT_IDS);
    return "missing";
  };
}

/** Every internal link and #fragment goes somewhere; every image has alt text and exists. */
function checkReferences(pages: Page[], targetIds: Targets, assets: Set<string>, problems: ContentProblem[]): void {
  for (const page of pages) {
    const { file } = page.source;
    for (const link of page.scan.links) {
      if (link.href === "") {
        problems.push({ file, line: link.line, message: "a link has no address (expected [link text](/section/page/))" });
        continue;
      }
      if (!link.fromHtml && !isAllowedLink(link.href)) {
        problems.push({ file, line: link.line, message: `link to ${JSON.stringify(link.href)} is not allowed (expected ${ALLOWED_LINKS})` });
        continue;
      }
      if (isExternal(link.href) || !isAllowedLink(link.href)) continue;
      const target = resolveHref(link.href, page.url);
      const ids = targetIds(link.href.startsWith("#") ? page.url : target.path);
      if (ids === "missing") {
        problems.push({
          file,
          line: link.line,
          message: `link to ${link.href} goes to a page that does not exist (expected the address of a page on this site, such as /sen-support/)`,
        });
      } else if (ids !== "file" && target.fragment && !ids.has(target.fragment)) {
        const known = [...ids].filter((id) => !LAYOUT_IDS.includes(id as (typeof LAYOUT_IDS)[number]));
        problems.push({
          file,
          line: link.line,
          message: `link to ${link.href} points at #${target.fragment}, which is not a heading on that page (expected one of: ${known.join(", ") || "no headings there"})`,
        });
      }
    }
    for (const image of page.scan.images) {
      if (image.alt === undefined || (!image.fromHtml && image.alt.trim() === "")) {
        problems.push({
          file,
          line: image.line,
          message: `image ${image.src} has no alt text (expected a short description of the image, e.g. ![A family at a support group](${image.src}))`,
        });
      }
      if (image.src && !isAllowedLink(image.src)) {
        if (image.fromHtml) continue;
        problems.push({
          file,
          line: image.line,
          message: `image ${JSON.stringify(image.src)} is not allowed (expected a picture in content/, such as /images/photo.jpg)`,
        });
      } else if (image.src && !isExternal(image.src) && !assets.has(resolveHref(image.src, page.url).path)) {
        problems.push({ file, line: image.line, message: `image ${image.src} does not exist (expected a file in content/, such as /images/photo.jpg)` });
      }
    }
  }
}

export interface ValidationResult {
  problems: ContentProblem[];
  fileCount: number;
}

/** `readings`: npm start's memo of each file's reading, so a rebuild reads again only the files that changed. */
export async function validateContent(contentDir: string, readings?: RebuildMemo<ContentFileReading>): Promise<ValidationResult> {
  const problems: ContentProblem[] = await contentFileProblems(contentDir);
  await checkSettings(contentDir, problems);
  // The glossary page's layout gives each entry an id that links may point at.
  const layoutIds = new Map([[GLOSSARY_URL, await loadGlossaryIds(contentDir, problems)]]);
  // A list that cannot be read is reported once; services are then not checked against it.
  const lists: Partial<Record<keyof ControlledLists, Awaited<ReturnType<typeof loadList>>>> = {};
  for (const name of CONTROLLED_LISTS) lists[name] = await loadList(contentDir, name, problems);
  await checkOrukMapping(contentDir, lists as ControlledLists, problems);

  const files = (await listFiles(contentDir)).filter((file) => !file.startsWith("_data/"));
  const assets = new Set(files.filter(isDocumentFile).map((file) => `/${file}`));
  for (const asset of assets) {
    const reserved = reservedFolderOf(asset);
    if (reserved)
      problems.push({
        file: displayPath(path.join(contentDir, asset)),
        line: 1,
        message: `is in ${reserved}, where the site writes its own files (expected it in another folder)`,
      });
  }
  const reckoners = await readReckonerFiles(contentDir);
  problems.push(...reckoners.problems);
  const generated = new Set([
    ...(lists.categories ?? []).map((category) => categoryUrl(category.id)),
    ...(reckoners.files.length > 0 ? [RECKONERS_INDEX_URL, ...reckoners.files.map(({ definition }) => reckonerUrl(definition.name))] : []),
  ]);

  const markdownFiles = files.filter((file) => file.endsWith(".md"));
  const pages = await readPages(contentDir, markdownFiles, serviceSchema(lists as ControlledLists, centroidTables()), problems, readings);
  const byUrl = checkAddresses(pages, new Set([...generated, ...assets]), problems);
  // Pages may link to the Open Referral feed's fixed files, which the build writes.
  const targetIds = siteTargets(byUrl, generated, new Set([...assets, ...FEED_FILES]), layoutIds);
  checkReferences(pages, targetIds, assets, problems);
  for (const reckoner of reckoners.files) problems.push(...checkReckoner(reckoner, (href) => targetIds(resolveHref(href, "/").path) !== "missing"));
  return { problems, fileCount: files.length };
}
