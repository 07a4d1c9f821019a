// Writes a synthetic content folder of any size, for benchmarking the check and the build.
// Every sentence, heading, list, title, cost and opening time comes from the real content/ and is
// recombined by a seeded random generator, so word statistics are realistic, the output passes the
// project's own checks, and the same seed always gives the same files.
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { displayPath, listFiles } from "../../src/content/content-files.ts";
import { categoryUrl, kindOf, sectionOf, urlOf } from "../../src/content/model.ts";
import { readSource, type ContentSource } from "../../src/content/source.ts";
import { slugify } from "../../src/content/markdown.ts";
import { projectRoot } from "../../src/project.ts";

const contentDir = path.join(projectRoot, "content");
const sectorsCsv = path.join(projectRoot, "src/lib/postcodes/sectors.csv");

/** About this many pages per generated section, like a large council's Local Offer. */
const PAGES_PER_SECTION = 50;
/** Outward codes whose sectors services may use: the sample's own areas around Hartsfield. */
const SERVICE_OUTCODES = /^(AL|SG|WD|HP|EN)\d+$|^CM23$/;
/** Letters Royal Mail uses in the last two characters of a postcode. */
const UNIT_LETTERS = [..."ABDEFGHJLNPQRSTUWXYZ"];
/** The need id that means "every need", which real services never combine with others. */
const ALL_NEEDS = "all-needs";
/** Caps that keep each page body within 300 to 700 words (see proseBlocks). */
const MAX_SENTENCE_WORDS = 45;
const MAX_LIST_WORDS = 60;

/** A mistake in how the generator was asked to run: reported as one line, not a stack trace. */
export class GenerateSiteError extends Error {
  override readonly name = "GenerateSiteError";
}

export interface GenerateOptions {
  pages: number;
  services: number;
  outDir: string;
  seed: number;
}

export interface GenerateResult {
  sections: number;
  pages: number;
  services: number;
  /** Every file written, the copied site frame included. */
  files: number;
}

/** mulberry32: tiny and fast, and the same sequence on every machine for a given seed. */
function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    // Kept to 32 bits so millions of draws never lose precision.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error("the real content has nothing of this kind to pick from");
    return item;
  }

  /** Up to count different items; items must hold no duplicates. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.pick(items));
    return [...chosen];
  }
}

// --- The real content, taken apart -------------------------------------------------------------

interface Ages {
  min: number;
  max: number;
}

interface Place {
  sector: string;
  town: string;
}

/** Real writing to draw from: the whole site's, or one real section's. */
interface Writing {
  sentences: string[];
  headings: string[];
  lists: string[];
  descriptions: string[];
  pageTitles: string[];
  keywords: string[];
}

/** A real section: its titles and its own writing, so a generated section keeps to one subject. */
interface Topic extends Writing {
  title: string;
  shortTitle: string;
}

interface Corpus extends Writing {
  topics: Topic[];
  categories: string[];
  needs: string[];
  services: {
    activities: string[];
    /** Each real service's run of headings, so generated bodies keep a real structure. */
    outlines: string[][];
    sectionsByHeading: Map<string, string[]>;
    descriptions: string[];
    keywords: string[];
    costs: string[];
    ages: Ages[];
    openingTimes: string[];
    addresses: string[];
    places: Place[];
  };
}

/** Counted as content:report counts words, so "300 to 700 words" means the same to both. */
const WORD = /[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*/g;
const countWords = (text: string) => text.match(WORD)?.length ?? 0;

const MARKDOWN_LINK = /(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Replaces each Markdown link that keep() rejects by its text, so no link can point nowhere. */
function stripLinks(markdown: string, keep: (href: string) => boolean): string {
  return markdown.replace(MARKDOWN_LINK, (link, text: string, href: string) => (keep(href) ? link : text));
}

const unique = <T>(items: Iterable<T>) => [...new Set(items)];
const asText = (value: unknown) => (typeof value === "string" ? value.trim() : undefined);
const asTexts = (value: unknown) => (Array.isArray(value) ? value.map(asText).filter((item): item is string => Boolean(item)) : []);

interface Block {
  kind: "heading" | "paragraph" | "list" | "other";
  text: string;
}

/** A body's blocks with links made plain. Tables, HTML and Nunjucks are "other": never reused. */
function blocksOf(body: string): Block[] {
  const plain = stripLinks(body, () => false).replace(/^(#{1,6} .*)$/gm, "\n$1\n");
  return plain
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text): Block => {
      if (/[{}<>|]/.test(text)) return { kind: "other", text };
      if (text.startsWith("## ")) return { kind: "heading", text: text.slice(3).trim() };
      if (/^([-*]|\d+\.) /.test(text)) return { kind: "list", text };
      if (/^[#>]/.test(text)) return { kind: "other", text };
      return { kind: "paragraph", text: text.replace(/\s*\n\s*/g, " ") };
    });
}

function sentencesOf(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?])\s+(?=[A-Z0-9‘“"(])/)
    .filter((sentence) => /[.!?]$/.test(sentence) && countWords(sentence) >= 3 && countWords(sentence) <= MAX_SENTENCE_WORDS);
}

async function readSources(): Promise<ContentSource[]> {
  const sources: ContentSource[] = [];
  for (const relPath of (await listFiles(contentDir)).filter((file) => file.endsWith(".md"))) {
    const { source } = await readSource(path.join(contentDir, relPath), relPath, relPath);
    if (source) sources.push(source);
  }
  return sources;
}

async function listIds(name: "categories" | "needs"): Promise<string[]> {
  const entries: unknown = parseYaml(await readFile(path.join(contentDir, "_data/lists", `${name}.yaml`), "utf8"));
  return Array.isArray(entries) ? asTexts(entries.map((entry: { id?: unknown }) => entry.id)) : [];
}

/** Sectors in the postcode data, each with the town real services there give. */
async function placesFrom(services: ContentSource[]): Promise<Place[]> {
  const towns = new Map<string, string>();
  for (const { data } of services) {
    const location = data.location as { town?: unknown; postcode?: unknown } | undefined;
    const town = asText(location?.town);
    const outcode = asText(location?.postcode)?.toUpperCase().split(/\s+/)[0];
    if (town && outcode) towns.set(outcode, town);
  }
  const sectors = (await readFile(sectorsCsv, "utf8"))
    .split("\n")
    .slice(1)
    .map((line) => line.split(",")[0] ?? "");
  return sectors.flatMap((sector) => {
    const outcode = sector.split(" ")[0] ?? "";
    const town = towns.get(outcode);
    return town && SERVICE_OUTCODES.test(outcode) ? [{ sector, town }] : [];
  });
}

/** Real service titles without their town ("Watford Autism Family Group" → "Autism Family Group"). */
function activitiesOf(services: ContentSource[], towns: Set<string>): string[] {
  return unique(
    services.map((service) => {
      const title = asText(service.data.title) ?? "";
      const town = [...towns].find((name) => title.startsWith(`${name} `));
      return town ? title.slice(town.length + 1) : title;
    }),
  );
}

/** Each "## heading" section of the services' bodies, grouped by heading, and their outlines. */
function serviceSections(services: ContentSource[]): { outlines: string[][]; sectionsByHeading: Map<string, string[]> } {
  const sectionsByHeading = new Map<string, string[]>();
  const outlines: string[][] = [];
  for (const service of services) {
    const outline: string[] = [];
    let heading: string | undefined;
    let text: string[] = [];
    const finish = () => {
      if (heading && text.length > 0) {
        outline.push(heading);
        sectionsByHeading.set(heading, [...(sectionsByHeading.get(heading) ?? []), text.join("\n\n")]);
      }
    };
    for (const block of blocksOf(service.body)) {
      if (block.kind === "heading") {
        finish();
        heading = block.text;
        text = [];
      } else if (block.kind !== "other") {
        text.push(block.text);
      }
    }
    finish();
    if (outline.length > 0) outlines.push(outline);
  }
  return { outlines, sectionsByHeading };
}

/** The sentences, headings, lists and titles of some real information pages. */
function writingOf(pages: ContentSource[]): Writing {
  const blocks = pages.flatMap((source) => blocksOf(source.body));
  const sentences = unique(blocks.filter((block) => block.kind === "paragraph").flatMap((block) => sentencesOf(block.text)));
  return {
    sentences,
    headings: unique(blocks.filter((block) => block.kind === "heading").map((block) => block.text)),
    lists: unique(blocks.filter((block) => block.kind === "list" && countWords(block.text) <= MAX_LIST_WORDS).map((block) => block.text)),
    descriptions: sentences.filter((sentence) => sentence.length >= 50 && sentence.length <= 160),
    pageTitles: unique(asTexts(pages.filter((source) => !source.relPath.endsWith("/index.md")).map((source) => source.data.title))),
    keywords: unique(pages.flatMap((source) => asTexts(source.data.keywords))),
  };
}

async function readCorpus(): Promise<Corpus> {
  const sources = await readSources();
  const information = sources.filter((source) => kindOf(source.relPath) === "information" && ![undefined, "services"].includes(sectionOf(source.relPath)));
  const services = sources.filter((source) => kindOf(source.relPath) === "service");
  const indexes = information.filter((source) => source.relPath.endsWith("/index.md"));
  const places = await placesFrom(services);

  return {
    ...writingOf(information),
    topics: indexes.map(({ relPath, data }) => ({
      title: asText(data.title) ?? "",
      shortTitle: asText(data.shortTitle) ?? asText(data.title) ?? "",
      ...writingOf(information.filter((source) => sectionOf(source.relPath) === sectionOf(relPath))),
    })),
    categories: await listIds("categories"),
    needs: await listIds("needs"),
    services: {
      activities: activitiesOf(services, new Set(places.map((place) => place.town))),
      ...serviceSections(services),
      descriptions: unique(asTexts(services.map((service) => service.data.description))),
      keywords: unique(services.flatMap((service) => asTexts(service.data.keywords))),
      costs: unique(asTexts(services.map((service) => service.data.cost))),
      // The real services pass the checks, so each has whole-number ages.
      ages: services.map((service) => service.data.ages as Ages),
      openingTimes: unique(services.flatMap((service) => asTexts(service.data.openingTimes))),
      addresses: unique(asTexts(services.map((service) => (service.data.location as { address?: unknown } | undefined)?.address))),
      places,
    },
  };
}

// --- Writing pages ------------------------------------------------------------------------------

/**
 * YAML text, plain as an editor would type it, and quoted only when it could be misread: a colon
 * or # anywhere, a leading digit or symbol, true or no, and in a [list] also commas and brackets.
 */
function yamlText(value: string, inList = false): string {
  const safe = inList ? /^[A-Za-z][\w '’()./&-]*$/ : /^[A-Za-z£][^:#"\n]*$/;
  const plain = safe.test(value) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

const yamlList = (values: string[]) => `[${values.map((value) => yamlText(value, true)).join(", ")}]`;

/** Words a shortened title must not end on. */
const DANGLING = /^(and|or|of|to|the|a|an|in|for|with|at|on|from|about)$/i;

/** text and then n, dropping trailing words (and any word left dangling) until it fits in max characters. */
function numbered(text: string, n: number, max: number): string {
  const words = text.split(/\s+/);
  const fits = () => `${words.join(" ")} ${n}`.length <= max;
  if (!fits()) {
    while (words.length > 1 && !fits()) words.pop();
    while (words.length > 1 && DANGLING.test(words.at(-1) ?? "")) words.pop();
  }
  return `${words.join(" ").replace(/[:,;]$/, "")} ${n}`;
}

/** "Annual reviews" → "annual reviews", but "EHC plans" keeps its capitals. */
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

/** A date in 2026, fixed rather than from today, so the output depends on the seed alone. */
function reviewDate(random: Random): string {
  return new Date(Date.UTC(2026, 0, 1 + random.int(0, 330))).toISOString().slice(0, 10);
}

function markdownFile(fields: string[], blocks: string[]): string {
  return `---\n${fields.join("\n")}\n---\n${blocks.join("\n\n")}\n`;
}

/**
 * Real pages keep to their section's subject and now and then cross over to another, so most of a
 * generated page's text comes from its section's topic: otherwise every page would use every
 * word, and word statistics (how many pages a word is on) would be nothing like a real site's.
 */
const TOPIC_SHARE = 0.8;

/** A drawer of real text for one generated section: mostly its topic's, sometimes the whole site's. */
type Draw = (kind: keyof Writing) => string;

function drawerFor(random: Random, topic: Topic, corpus: Corpus): Draw {
  return (kind) => random.pick(random.chance(TOPIC_SHARE) && topic[kind].length > 0 ? topic[kind] : corpus[kind]);
}

/**
 * Paragraphs of 2 to 4 real sentences under real headings, with a real list now and then, until
 * the body reaches 320 to 560 words. The word caps on sentences and lists bound the overshoot, so
 * with the related links the body stays within 300 to 700 words.
 */
function proseBlocks(random: Random, draw: Draw): string[] {
  const target = random.int(320, 560);
  const blocks: string[] = [];
  const usedHeadings = new Set<string>();
  let words = 0;
  const add = (text: string) => {
    blocks.push(text);
    words += countWords(text);
  };
  const paragraph = () => {
    const sentences: string[] = [];
    const length = random.int(2, 4);
    while (sentences.length < length && (sentences.length === 0 || words < target)) {
      const sentence = draw("sentences");
      if (sentences.includes(sentence)) continue;
      sentences.push(sentence);
      words += countWords(sentence);
    }
    blocks.push(sentences.join(" "));
  };

  paragraph();
  while (words < target) {
    const heading = draw("headings");
    // Two equal headings would both be valid, but real pages never repeat one.
    if (!usedHeadings.has(heading)) add(`## ${heading}`);
    usedHeadings.add(heading);
    const paragraphs = random.int(1, 3);
    for (let i = 0; i < paragraphs && (i === 0 || words < target); i++) paragraph();
    if (words < target && random.chance(0.3)) add(draw("lists"));
  }
  return blocks;
}

interface PagePlan {
  relPath: string;
  url: string;
  title: string;
  shortTitle?: string;
  order: number;
}

function informationPage(random: Random, draw: Draw, page: PagePlan, related: PagePlan[]): string {
  const fields = [
    `title: ${yamlText(page.title)}`,
    ...(page.shortTitle ? [`shortTitle: ${yamlText(page.shortTitle)}`] : []),
    `description: ${yamlText(draw("descriptions"))}`,
    `lastReviewed: ${reviewDate(random)}`,
    `order: ${page.order}`,
    `keywords: ${yamlList(unique(Array.from({ length: random.int(3, 7) }, () => draw("keywords"))))}`,
  ];
  const links = related.map((other) => `- [${other.title}](${other.url})`).join("\n");
  return markdownFile(fields, [...proseBlocks(random, draw), "## Related pages", links]);
}

/** Sections of about PAGES_PER_SECTION pages each, every page with a unique numbered title. */
function planSections(random: Random, corpus: Corpus, pageCount: number): Array<{ index: PagePlan; pages: PagePlan[]; draw: Draw }> {
  const sectionCount = Math.max(1, Math.round(pageCount / PAGES_PER_SECTION));
  let pageNumber = 0;
  return Array.from({ length: sectionCount }, (_, s) => {
    const folder = `section-${String(s + 1).padStart(3, "0")}`;
    const real = random.pick(corpus.topics);
    const draw = drawerFor(random, real, corpus);
    // Sections beyond 999 share the schema's largest order and sort by title among themselves.
    const index: PagePlan = {
      relPath: `${folder}/index.md`,
      url: `/${folder}/`,
      title: numbered(real.title, s + 1, 65),
      shortTitle: numbered(real.shortTitle, s + 1, 30),
      order: Math.min(s + 1, 999),
    };
    const size = Math.floor((pageCount * (s + 1)) / sectionCount) - Math.floor((pageCount * s) / sectionCount);
    const pages = Array.from({ length: size }, (_, p): PagePlan => {
      pageNumber += 1;
      const first = draw("pageTitles");
      const second = draw("pageTitles");
      const combined = `${first} and ${lowerFirst(second)}`;
      // Two titles joined only when they fit whole: a cut-off second title reads as a mistake.
      const title = numbered(random.chance(0.4) && first !== second && `${combined} ${pageNumber}`.length <= 65 ? combined : first, pageNumber, 65);
      const relPath = `${folder}/${slugify(title)}.md`;
      return { relPath, url: urlOf(relPath), title, order: p + 1 };
    });
    return { index, pages, draw };
  });
}

function servicePage(random: Random, corpus: Corpus, n: number): { relPath: string; text: string } {
  const real = corpus.services;
  const place = random.chance(0.9) ? random.pick(real.places) : undefined;
  const title = numbered(place ? `${place.town} ${random.pick(real.activities)}` : random.pick(real.activities), n, 65);
  // "Bishop's" → "bishops", as the real file names have it.
  const slug = slugify(title.replace(/['’]/g, ""));
  const needs = random.sample(corpus.needs, random.int(1, 3));
  const ages = random.pick(real.ages);
  const fields = [
    `title: ${yamlText(title)}`,
    `description: ${yamlText(random.pick(real.descriptions))}`,
    `categories: ${yamlList(random.sample(corpus.categories, random.int(1, 2)))}`,
    `needs: ${yamlList(needs.includes(ALL_NEEDS) ? [ALL_NEEDS] : needs)}`,
    `ages: { min: ${ages.min}, max: ${ages.max} }`,
    `cost: ${yamlText(random.pick(real.costs))}`,
    ...contactFields(random, slug),
    ...(place
      ? [
          "location:",
          `  address: ${yamlText(random.pick(real.addresses))}`,
          `  town: ${yamlText(place.town)}`,
          `  postcode: ${place.sector}${random.pick(UNIT_LETTERS)}${random.pick(UNIT_LETTERS)}`,
        ]
      : []),
    "openingTimes:",
    ...random.sample(real.openingTimes, random.int(1, 2)).map((line) => `  - ${yamlText(line)}`),
    `lastReviewed: ${reviewDate(random)}`,
    `keywords: ${yamlList(random.sample(real.keywords, random.int(3, 5)))}`,
  ];
  const outline = random.pick(real.outlines);
  const body = outline.flatMap((heading) => [`## ${heading}`, random.pick(real.sectionsByHeading.get(heading) ?? [])]);
  return { relPath: `services/${slug}.md`, text: markdownFile(fields, body) };
}

/** At least one way to get in touch, in Ofcom's drama range and on .example domains. */
function contactFields(random: Random, slug: string): string[] {
  const domain = `${slug.slice(0, 60).replace(/-+$/, "")}.example`;
  const email = random.chance(0.7);
  const website = random.chance(0.5);
  const phone = random.chance(0.85) || (!email && !website);
  return [
    "contact:",
    ...(phone ? [`  phone: "01632 960${random.int(100, 999)}"`] : []),
    ...(email ? [`  email: hello@${domain}`] : []),
    ...(website ? [`  website: https://${domain}/`] : []),
  ];
}

// --- The site frame and the output folder -------------------------------------------------------

/** The real files every generated site keeps: data, templates and top-level pages, not the sections or services. */
function isFrameFile(relPath: string): boolean {
  const folder = sectionOf(relPath);
  if (relPath.endsWith(".md")) return folder === undefined || relPath === "services/index.md";
  return folder === undefined || folder === "_data" || folder === "services";
}

/** The frame's files as the generated site needs them: links to real pages it lacks become plain text. */
async function frameFiles(relPaths: string[], siteUrls: Set<string>): Promise<Array<[string, string | Buffer]>> {
  const keep = (href: string) => !href.startsWith("/") || siteUrls.has(href.replace(/[?#].*$/, ""));
  return Promise.all(
    relPaths.map(async (relPath): Promise<[string, string | Buffer]> => {
      const absolute = path.join(contentDir, relPath);
      if (relPath.endsWith(".md")) return [relPath, stripLinks(await readFile(absolute, "utf8"), keep)];
      // The settings name the sample's SENDIASS by its file, which a generated directory does not have.
      if (relPath === "_data/settings.yaml") return [relPath, (await readFile(absolute, "utf8")).replace(/^sendiassService:.*\n/m, "")];
      return [relPath, await readFile(absolute)];
    }),
  );
}

async function ensureEmptyFolder(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    if (error.code === "ENOTDIR") throw new GenerateSiteError(`--out ${displayPath(outDir)} is a file (expected a new or empty folder)`);
    throw error;
  });
  if (entries.length > 0) throw new GenerateSiteError(`--out ${displayPath(outDir)} is not empty (expected a new or empty folder, so nothing is overwritten)`);
}

async function writeAll(outDir: string, files: Array<[string, string | Buffer]>): Promise<void> {
  for (const folder of unique(files.map(([relPath]) => path.dirname(path.join(outDir, relPath))))) await mkdir(folder, { recursive: true });
  // In batches: one write per file at once would hold thousands of file handles open.
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map(([relPath, data]) => writeFile(path.join(outDir, relPath), data)));
  }
}

export async function generateSite(options: GenerateOptions): Promise<GenerateResult> {
  const outDir = path.resolve(options.outDir);
  await ensureEmptyFolder(outDir);
  const random = new Random(options.seed);
  const corpus = await readCorpus();

  const sections = planSections(random, corpus, options.pages);
  const files: Array<[string, string | Buffer]> = [];
  for (const { index, pages, draw } of sections) {
    files.push([index.relPath, informationPage(random, draw, index, random.sample(pages, random.int(1, 3)))]);
    for (const page of pages) {
      const others = [index, ...pages.filter((other) => other !== page)];
      files.push([page.relPath, informationPage(random, draw, page, random.sample(others, random.int(1, 3)))]);
    }
  }
  for (let n = 1; n <= options.services; n++) {
    const { relPath, text } = servicePage(random, corpus, n);
    files.push([relPath, text]);
  }

  const framePaths = (await listFiles(contentDir)).filter(isFrameFile);
  const markdownPaths = [...framePaths, ...files.map(([relPath]) => relPath)].filter((relPath) => relPath.endsWith(".md"));
  const siteUrls = new Set([...markdownPaths.map((relPath) => urlOf(relPath)), ...corpus.categories.map(categoryUrl)]);
  const frame = await frameFiles(framePaths, siteUrls);
  await writeAll(outDir, [...frame, ...files]);
  return { sections: sections.length, pages: options.pages, services: options.services, files: frame.length + files.length };
}
