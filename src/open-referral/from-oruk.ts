// One Open Referral UK 3.0 service, as /services/{id} gives it (or as a /services list item), turned
// into a service file's front matter and body, following docs/open-referral.md. The record comes
// from another system, so every field is read as untrusted: nothing in it may run, be read as a
// template or raw HTML, or make a file the content check refuses. A record that cannot make a whole,
// valid service is rejected with its reasons, never written half-right.
import type { z } from "zod";
import { describeIssue, fieldName } from "../content/describe-issue.ts";
import { createMarkdown, slugify } from "../content/markdown.ts";
import { scanBody } from "../content/page-body.ts";
import { isAllowedLink, isSiteAddress } from "../content/safe-links.ts";
import { ACCESS_ROUTES, isUkPhone, type WEEKDAYS, type ControlledLists, type serviceSchema } from "../content/schemas.ts";
import { KIT_TAXONOMIES } from "./ids.ts";
import type { OrukMapping } from "./oruk-mapping.ts";

/** What the mapping needs from the site: its lists (all readable), the mapping file and the service schema. */
export interface MappingContext {
  lists: { [name in keyof ControlledLists]: NonNullable<ControlledLists[name]> };
  mapping: OrukMapping;
  schema: ReturnType<typeof serviceSchema>;
  /** The feed's address, or the file or folder read, written as importedFrom. */
  importedFrom: string;
}

/** A taxonomy term a service uses that neither the kit's taxonomies nor the mapping file place. */
export interface UnmappedTerm {
  /** Stable across services, for counting: the taxonomy and the term's id, or its words. */
  key: string;
  label: string;
}

export interface ImportedService {
  id: string;
  name: string;
  /** The file name without .md before any clash is settled: the slugified name. */
  slugBase: string;
  /** In the schema's field order. */
  frontMatter: Record<string, unknown>;
  body: string;
  /** Physical locations with an address: only the first is imported. */
  locations: number;
}

export type MappedRecord =
  | { kind: "service"; service: ImportedService; unmapped: UnmappedTerm[] }
  | { kind: "skipped"; id: string; name: string; reason: string }
  | { kind: "rejected"; id: string; name: string; reasons: string[]; unmapped: UnmappedTerm[] };

/** Only these statuses are imported; the others mean families cannot use the service. */
const IMPORTED_STATUSES = ["active", "temporarily closed"];

/** The ORUK ends of the "when" of a row of opening hours, read back from the schedule's description. */
const SEASON_WORDS = { "term-time": "term time only", "school-holidays": "school holidays only" } as const;

const RRULE_DAYS: Record<string, (typeof WEEKDAYS)[number]> = {
  MO: "monday",
  TU: "tuesday",
  WE: "wednesday",
  TH: "thursday",
  FR: "friday",
  SA: "saturday",
  SU: "sunday",
};

type Json = Record<string, unknown>;

const record = (value: unknown): Json | undefined => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined);
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.map(record).filter((item) => item !== undefined) : []);
/** Text with its whitespace as given, or undefined when there is none. */
const rawText = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined);
const numberOf = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Text for a front matter field: one line, and no {{ or {%, which the content check refuses as
 * template tags (a space between the braces, as the check's message suggests).
 */
function fieldText(value: unknown): string | undefined {
  const text = rawText(value);
  return text === undefined ? undefined : oneLine(text).replace(/\{(?=[{%])/g, "{ ");
}

/**
 * Markdown that shows the text as written: no raw HTML (< and > are escaped, and & where it would
 * start an entity; a lone & as in "A&E" is shown as it is), and a { before { or % written as an
 * entity, so that no line holds a template tag.
 */
export function markdownText(text: string): string {
  return text
    .replace(/&(?=#?[a-z0-9]+;)/gi, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\{(?=[{%])/g, "&#123;");
}

/** Links in a body that keeps every link, as the content check reads it. */
const checkingMarkdown = createMarkdown({ keepEveryLink: true });
const isOtherSite = (href: string) => isAllowedLink(href) && !isSiteAddress(href) && !href.startsWith("#");

/**
 * Why a body's links or images would fail the content check, which the import cannot check against
 * this site: a link must go to another site by web, email or phone address, and pictures would have
 * to be in content/.
 */
function bodyLinkReasons(body: string): string[] {
  const scan = scanBody(checkingMarkdown, body, 1);
  return [
    ...scan.links
      .filter((link) => !isOtherSite(link.href))
      .map(
        (link) =>
          `description: links to ${JSON.stringify(link.href)}, ${isSiteAddress(link.href) || link.href.startsWith("#") ? "an address on this site that the import cannot check" : "which is not allowed"} (expected links starting https://, http://, mailto: or tel:)`,
      ),
    ...scan.images.map((image) => `description: shows the picture ${JSON.stringify(image.src)}, which the import cannot bring in (expected text only)`),
  ];
}

/** Paragraphs split on blank lines, trimmed, with line endings made \n. */
function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/[ \t]+$/gm, "").trim())
    .filter((paragraph) => paragraph !== "");
}

const SUMMARY_MIN = 50;
const SUMMARY_MAX = 160;

/**
 * The description → summary and body rule: a first paragraph of 50 to 160 characters followed by
 * more text is the summary; otherwise the summary is the first sentences that fit in 160
 * characters (after any headings it starts with) and the whole text is the body.
 */
export function summaryAndBody(description: string): { summary: string | undefined; body: string } {
  const paragraphs = paragraphsOf(description);
  const first = oneLine(paragraphs[0] ?? "");
  if (paragraphs.length > 1 && first.length >= SUMMARY_MIN && first.length <= SUMMARY_MAX && !first.startsWith("#")) {
    return { summary: first, body: paragraphs.slice(1).join("\n\n") };
  }
  const lines = paragraphs.join("\n\n").split("\n");
  const firstProse = lines.findIndex((line) => line.trim() !== "" && !line.startsWith("#"));
  const prose = firstProse === -1 ? "" : oneLine(lines.slice(firstProse).join(" "));
  let summary = "";
  for (const sentence of prose.split(/(?<=[.!?])\s+/)) {
    const longer = summary ? `${summary} ${sentence}` : sentence;
    if (longer.length > SUMMARY_MAX) break;
    summary = longer;
  }
  return { summary: summary || undefined, body: paragraphs.join("\n\n") };
}

interface Term {
  id: string | undefined;
  term: string | undefined;
  name: string | undefined;
  taxonomy: string | undefined;
  taxonomyId: string | undefined;
}

function termsOf(service: Json): Term[] {
  return records(service.attributes).flatMap((attribute) => {
    const term = record(attribute.taxonomy_term);
    const id = fieldText(term?.id) ?? fieldText(attribute.taxonomy_term_id);
    if (!term && !id) return [];
    return [
      {
        id,
        term: fieldText(term?.term),
        name: fieldText(term?.name),
        taxonomy: fieldText(term?.taxonomy),
        taxonomyId: fieldText(term?.taxonomy_id),
      },
    ];
  });
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** Categories, needs and ways in from the kit's own taxonomies by term, and from the mapping file. */
function classify(terms: Term[], context: MappingContext) {
  const categories = new Set<string>();
  const needs = new Set<string>();
  const routes = new Set<string>();
  let pageName: string | undefined;
  let reviewDue: string | undefined;
  const keywords: string[] = [];
  const unmapped: UnmappedTerm[] = [];
  const inKit = (term: Term, taxonomy: string) => term.taxonomy === taxonomy || term.taxonomyId === taxonomy;
  for (const term of terms) {
    const word = term.term ?? "";
    if (inKit(term, KIT_TAXONOMIES.categories) && context.lists.categories.some((category) => category.id === word)) categories.add(word);
    else if (inKit(term, KIT_TAXONOMIES.needs) && context.lists.needs.some((need) => need.id === word)) needs.add(word);
    else if (inKit(term, KIT_TAXONOMIES.access) && Object.hasOwn(ACCESS_ROUTES, word)) routes.add(word);
    else if (inKit(term, KIT_TAXONOMIES.page)) pageName = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(word) ? word : pageName;
    else if (inKit(term, KIT_TAXONOMIES.reviewDue)) reviewDue = word;
    else if (inKit(term, KIT_TAXONOMIES.keywords)) keywords.push(word);
    else {
      const entries = (context.mapping.terms ?? []).filter(
        (entry) =>
          (entry.taxonomy === undefined || same(term.taxonomy, entry.taxonomy) || same(term.taxonomyId, entry.taxonomy)) &&
          [term.id, term.term, term.name].some((value) => same(value, entry.match)),
      );
      for (const entry of entries) {
        for (const id of entry.categories ?? []) categories.add(id);
        for (const id of entry.needs ?? []) needs.add(id);
      }
      if (entries.length === 0) {
        const taxonomy = term.taxonomy ?? term.taxonomyId;
        const words = term.term ?? term.name;
        unmapped.push({
          key: `${taxonomy ?? ""}\u0000${term.id ?? words ?? ""}`,
          label: `${words ? `"${words}"` : "a term with no words"}${taxonomy ? ` in taxonomy ${taxonomy}` : ""}${term.id ? ` (id ${term.id})` : ""}`,
        });
      }
    }
  }
  return { categories: [...categories], needs: [...needs], routes: [...routes], pageName, reviewDue, keywords, unmapped };
}

/** The service's first UK number: its own, its contacts', then its location's (HSDS 3.0 phones). */
function firstUkPhone(service: Json, location: Json | undefined): string | undefined {
  const numbers = [...records(service.phones), ...records(service.contacts).flatMap((contact) => records(contact.phones)), ...records(location?.phones)].map(
    (phone) => fieldText(phone.number),
  );
  return numbers.find((number) => number !== undefined && isUkPhone(number));
}

/** Locations that can be shown on the map: physical ones with a first address. */
function physicalLocations(service: Json): Json[] {
  return records(service.service_at_locations)
    .map((link) => record(link.location))
    .filter((location): location is Json => {
      if (!location || (location.location_type !== undefined && location.location_type !== "physical")) return false;
      const address = records(location.addresses)[0];
      return address !== undefined && rawText(address.address_1) !== undefined;
    });
}

function accessibilityOf(location: Json, context: MappingContext): { features: string[]; note: string | undefined } {
  const features = new Set<string>();
  const notes: string[] = [];
  for (const entry of records(location.accessibility)) {
    const text = [fieldText(entry.accessibility), fieldText(entry.description)].filter(Boolean).join(" ");
    const lower = text.toLowerCase();
    const found = context.lists.accessibility.filter(
      (feature) =>
        lower.includes(feature.id) ||
        lower.includes(feature.name.toLowerCase()) ||
        (context.mapping.accessibility ?? []).some((entry) => entry.feature === feature.id && entry.words.some((word) => lower.includes(word.toLowerCase()))),
    );
    for (const feature of found) features.add(feature.id);
    const details = fieldText(entry.details);
    // Text that names no feature would otherwise be lost: it joins the note.
    if (found.length === 0 && text) notes.push(text);
    if (details) notes.push(details);
  }
  // In the feed's order, which is the order the publishing site's editors gave them.
  return { features: [...features], note: notes.join(" ") || undefined };
}

const clock = (value: unknown) => /^([01][0-9]|2[0-3]):[0-5][0-9]/.exec(typeof value === "string" ? value.trim() : "")?.[0];

/** Weekly schedules with days and times are rows of opening hours; schedules with only words are lines. */
function schedulesOf(service: Json) {
  const hours: Json[] = [];
  const lines: string[] = [];
  for (const schedule of records(service.schedules)) {
    const description = fieldText(schedule.description);
    const days = (typeof schedule.byday === "string" ? schedule.byday.split(",") : []).map((day) => RRULE_DAYS[day.trim().toUpperCase()]);
    const opens = clock(schedule.opens_at);
    const closes = clock(schedule.closes_at);
    if (schedule.freq === "WEEKLY" && days.length > 0 && days.every(Boolean) && opens && closes) {
      const when = (Object.keys(SEASON_WORDS) as Array<keyof typeof SEASON_WORDS>).find((season) => description?.toLowerCase().includes(SEASON_WORDS[season]));
      const note = fieldText(schedule.notes);
      hours.push({ days: [...new Set(days)], opens, closes, ...(when && { when }), ...(note && { note }) });
    } else if (description) lines.push(description);
  }
  return { openingHours: hours.length > 0 ? hours : undefined, openingTimes: lines.length > 0 ? lines : undefined };
}

function costOptionsOf(service: Json) {
  const options = records(service.cost_options).map((option) => {
    const label = [fieldText(option.option), fieldText(option.amount_description)].filter(Boolean).join(": ");
    return { amount: numberOf(option.amount) ?? 0, ...(label && { for: label }) };
  });
  return options.length > 0 ? options : undefined;
}

/** The area by its id (service_area) or its name, in content/_data/lists/areas.yaml. */
function serviceAreaOf(service: Json, context: MappingContext): string | undefined {
  for (const area of records(service.service_areas)) {
    const words = [fieldText(area.service_area), fieldText(area.name)];
    const found = context.lists.areas.find((known) => words.some((word) => same(word, known.id) || same(word, known.name)));
    if (found) return found.id;
  }
  return undefined;
}

/** Ages as the Local Offer covers them, 0 to 25; undefined when the youngest is over 25. */
function agesOf(service: Json): { min: number; max: number } | undefined {
  const min = Math.max(0, Math.floor(numberOf(service.minimum_age) ?? 0));
  const max = Math.min(25, Math.ceil(numberOf(service.maximum_age) ?? 25));
  return min > 25 ? undefined : { min, max };
}

const withoutEmpty = (fields: Json) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

/** The zod issues of a service that fails the schema, as "field: what is wrong (expected ...)". */
function schemaReasons(schema: z.ZodType, frontMatter: Json, explained: Set<string>): string[] {
  const result = schema.safeParse(frontMatter, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.flatMap((issue) =>
    describeIssue(issue as Parameters<typeof describeIssue>[0], schema)
      .filter((described) => !explained.has(String(described.path[0])))
      .map((described) => `${fieldName(described.path)}: ${described.message}`),
  );
}

/** "Children's Centre" → "childrens-centre": an apostrophe joins a word rather than splitting it. */
const fileSlug = (name: string) => slugify(name.replace(/['\u2019]/g, "")) || "service";

export function mapService(input: unknown, context: MappingContext): MappedRecord {
  const service = record(input) ?? {};
  const id = fieldText(service.id) ?? "(no id)";
  const name = fieldText(service.name) ?? "(no name)";
  const status = fieldText(service.status);
  if (!status || !IMPORTED_STATUSES.includes(status)) {
    return {
      kind: "skipped",
      id,
      name,
      reason: status ? `its status is "${status}" (only active and temporarily closed services are imported)` : "it has no status",
    };
  }

  const reasons: string[] = [];
  // Fields whose own reason is plainer than the schema's.
  const explained = new Set<string>();
  const explain = (field: string, reason: string) => {
    explained.add(field);
    reasons.push(`${field}: ${reason}`);
  };

  const { categories, needs, routes, pageName, reviewDue, keywords, unmapped } = classify(termsOf(service), context);
  if (categories.length === 0) {
    explain("categories", "none of its taxonomy terms is a category (expected a term mapped to a category in content/_data/oruk-mapping.yaml)");
  }
  const needIds = needs.length > 0 ? needs : (context.mapping.defaultNeeds ?? []);
  if (needIds.length === 0) {
    explain("needs", "none of its taxonomy terms is a need, and the mapping file has no defaultNeeds (expected a need for every service)");
  }

  const description = rawText(service.description);
  const { summary, body } = description ? summaryAndBody(description) : { summary: undefined, body: "" };
  if (!description) explain("description", "missing (expected a description to make the summary and the page from)");
  else if (!summary)
    explain(
      "description",
      `no summary can be made from it (expected a first paragraph of ${SUMMARY_MIN} to ${SUMMARY_MAX} characters followed by more text, or a first sentence of at most ${SUMMARY_MAX} characters)`,
    );

  const ages = agesOf(service);
  if (!ages) explain("ages", `the youngest age is ${numberOf(service.minimum_age)}, over 25 (expected services for children and young people from 0 to 25)`);

  const lastReviewed = fieldText(service.assured_date) ?? fieldText(service.last_modified)?.slice(0, 10);
  if (!lastReviewed) explain("lastReviewed", "missing (expected an assured_date or last_modified date)");

  const locations = physicalLocations(service);
  const place = locations[0];
  const address = place && records(place.addresses)[0];
  const access = place ? accessibilityOf(place, context) : undefined;
  const organisation = record(service.organization);
  const languages = [...new Set(records(service.languages).map((language) => fieldText(language.name)))].filter((language) => language !== undefined);
  const { openingHours, openingTimes } = schedulesOf(service);

  const frontMatter = withoutEmpty({
    title: fieldText(service.name),
    description: summary && fieldText(summary),
    categories,
    needs: needIds,
    ages,
    cost: fieldText(service.fees),
    costOptions: costOptionsOf(service),
    organisation:
      organisation && fieldText(organisation.name) ? withoutEmpty({ name: fieldText(organisation.name), website: fieldText(organisation.website) }) : undefined,
    howToAccess: routes.length > 0 ? routes : undefined,
    eligibility: fieldText(service.eligibility_description),
    languages: languages.length > 0 ? languages : undefined,
    serviceArea: serviceAreaOf(service, context),
    contact: withoutEmpty({ phone: firstUkPhone(service, place), email: fieldText(service.email), website: fieldText(service.url) }),
    location:
      address &&
      withoutEmpty({
        address: fieldText(address.address_1),
        town: fieldText(address.city),
        postcode: fieldText(address.postal_code),
        accessibility: access?.features.length ? access.features : undefined,
        accessibilityNote: access?.note,
      }),
    openingTimes,
    openingHours,
    lastReviewed,
    reviewDue,
    keywords: keywords.length > 0 ? keywords : undefined,
    orukId: fieldText(service.id),
    importedFrom: context.importedFrom,
  });

  const markdown = markdownText(body);
  reasons.push(...bodyLinkReasons(markdown), ...schemaReasons(context.schema, frontMatter, explained));
  if (reasons.length > 0) return { kind: "rejected", id, name, reasons, unmapped };
  return {
    kind: "service",
    service: { id, name, slugBase: pageName ?? fileSlug(name), frontMatter, body: markdown, locations: locations.length },
    unmapped,
  };
}
