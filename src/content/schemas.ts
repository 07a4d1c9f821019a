// The content model: one schema per collection, used by the build and by `npm run check`.
// Each field's .describe() text is what an editor is told is expected when the field is wrong.
import { z } from "zod";
import { isRealIsoDate } from "./dates.ts";
import { FULL_POSTCODE_SHAPE, locate, parsePostcodeQuery, type CentroidTables } from "../lib/postcode.ts";
import { ANALYTICS_PROVIDERS, GA4_MEASUREMENT_ID } from "../lib/analytics/providers.ts";

// format "date" tells the content editor's form (cms-config.ts) to offer a date picker.
const isoDate = z
  .string()
  .refine(isRealIsoDate, { message: "not a real date" })
  .describe("a date written YYYY-MM-DD, such as 2026-11-29")
  .meta({ format: "date" });

const text = (min: number, max: number, what: string) => z.string().trim().min(min).max(max).describe(`${what}, ${min} to ${max} characters`);

const title = text(3, 65, "a title in sentence case");
const description = text(50, 160, "one or two sentences for search results");
const keywords = z
  .array(z.string().trim().min(1).describe("a word or phrase"))
  .describe("a list of words families might search for, such as [statement, school action]");
/** Eleventy's own key: lets a page choose its address. Checked for clashes like any other URL. */
const permalink = z
  .string()
  .regex(/^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*(?:[a-z0-9]+(?:-[a-z0-9]+)*\.html)?$/, { message: "not an address for a page" })
  .describe("an address on this site for a page: lower-case words with hyphens, starting and ending with /, such as /contact/");

function reviewDueAfterLastReview(entry: { lastReviewed: string; reviewDue?: string | undefined }, ctx: z.RefinementCtx): void {
  if (entry.reviewDue && entry.lastReviewed && entry.reviewDue <= entry.lastReviewed) {
    ctx.addIssue({
      code: "custom",
      path: ["reviewDue"],
      message: `${entry.reviewDue} is not after lastReviewed ${entry.lastReviewed} (expected a later date)`,
    });
  }
}

export const informationPageSchema = z
  .object({
    title,
    shortTitle: text(2, 30, "a short name for the site's main navigation, such as EHC plans").optional(),
    description,
    lastReviewed: isoDate,
    reviewDue: isoDate.optional(),
    order: z.number().int().min(0).max(999).optional().describe("a whole number from 0 to 999 giving the page's place in its section"),
    keywords: keywords.optional(),
    permalink: permalink.optional(),
  })
  .strict()
  .superRefine(reviewDueAfterLastReview);

/** Undefined when the list itself is broken: that is reported once, not on every service. */
export interface ControlledLists {
  categories: ReadonlyArray<{ id: string; name: string }> | undefined;
  needs: ReadonlyArray<{ id: string; name: string }> | undefined;
  accessibility: ReadonlyArray<{ id: string; name: string }> | undefined;
  areas: ReadonlyArray<{ id: string; name: string }> | undefined;
}

/** The controlled lists in content/_data/lists/, by name. */
export const CONTROLLED_LISTS = ["categories", "needs", "accessibility", "areas"] as const satisfies ReadonlyArray<keyof ControlledLists>;

/** The days of the week, in the order pages list them. */
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/** When in the year a row of opening hours applies; left out, it applies all year. */
export const SEASONS = { "term-time": "term time only", "school-holidays": "school holidays only" } as const;

/** How a family gets to use a service. */
export const ACCESS_ROUTES = {
  "referral-needed": "a professional such as a GP, health visitor or SENCO must refer you",
  "self-referral": "you can refer yourself or your child",
  "drop-in": "you can go along without booking",
  "book-ahead": "you need to book a place",
} as const;

/** A UK number: 0 or +44, then 10 or 11 digits in all, with spaces anywhere. */
export function isUkPhone(value: string): boolean {
  return /^(\+44\s?|0)[0-9 ]+$/.test(value.trim()) && [10, 11].includes(value.replace(/\D/g, "").replace(/^44/, "0").length);
}

const ukPhone = z.string().refine(isUkPhone, { message: "not a UK phone number" }).describe('a UK phone number in quotes, such as "01632 960123"');

/** `entries`: what the list's entries are called, when not its file's name. */
export function controlledId(listName: keyof ControlledLists, items: ReadonlyArray<{ id: string }> | undefined, entries: string = listName) {
  const ids = (items ?? []).map((item) => item.id);
  return (
    z
      .string()
      .refine((id) => items === undefined || ids.includes(id), { message: "unknown" })
      .describe(`one of the ${entries} in content/_data/lists/${listName}.yaml: ${ids.join(", ")}`)
      // The content editor's form offers the list's entries to choose from (cms-config.ts).
      .meta({ controlledList: listName })
  );
}

const clockTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: "not a time" })
  .describe('a time on the 24-hour clock in quotes, such as "09:30" or "17:00"');

const openingHoursRow = z
  .object({
    days: z
      .array(z.enum(WEEKDAYS, { message: `not a day (expected ${WEEKDAYS.join(", ")})` }))
      .min(1)
      .refine((days) => new Set(days).size === days.length, { message: "names a day twice" })
      .describe(`a list of days, such as [monday, wednesday]: ${WEEKDAYS.join(", ")}`),
    opens: clockTime,
    closes: clockTime,
    when: z
      .enum(Object.keys(SEASONS) as [keyof typeof SEASONS], { message: `not one of ${Object.keys(SEASONS).join(", ")}` })
      .optional()
      .describe("term-time or school-holidays; leave it out when the hours apply all year"),
    note: text(3, 120, "anything else families need to know about these hours, such as which activity runs then").optional(),
  })
  .strict()
  .refine((row) => row.opens < row.closes, { message: "closes before it opens (expected closes to be later than opens)", path: ["closes"] });

const costOption = z
  .object({
    amount: z
      .number()
      .min(0)
      .max(10000)
      .refine((amount) => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6, { message: "has more than two decimal places" })
      .describe("an amount in pounds without the £ sign, such as 3.50; 0 when it is free"),
    for: text(2, 120, "what the amount pays for, such as a two-hour session or a term of Saturday sessions"),
  })
  .strict();

export function serviceSchema(lists: ControlledLists, tables: CentroidTables) {
  const postcode = z
    .string()
    .superRefine((value, ctx) => {
      const parsed = parsePostcodeQuery(value);
      if (!parsed.ok) {
        ctx.addIssue({
          code: "custom",
          message:
            parsed.reason === "outside-gb"
              ? `"${value}" is outside Great Britain, and the postcode data covers England, Scotland and Wales only`
              : `"${value}" is not a valid UK postcode (expected a full postcode such as AL1 3JE)`,
        });
      } else if (parsed.query.kind !== "full") {
        ctx.addIssue({ code: "custom", message: `"${value}" is only part of a postcode (expected a full postcode such as AL1 3JE)` });
      } else if (!locate(parsed.query, tables)) {
        ctx.addIssue({ code: "custom", message: `"${value}" is not in the postcode data (check it with Royal Mail's postcode finder)` });
      }
    })
    .describe("a full UK postcode such as AL1 3JE")
    // The shape the content editor's form asks for; the check above also looks the postcode up.
    .meta({ pattern: FULL_POSTCODE_SHAPE });

  const age = z.number().int().min(0).max(25).describe("a whole number of years from 0 to 25");

  return z
    .object({
      title,
      description,
      categories: z.array(controlledId("categories", lists.categories)).min(1).describe("a list of one or more category ids, such as [parent-support-groups]"),
      needs: z.array(controlledId("needs", lists.needs)).min(1).describe("a list of one or more need ids, such as [autism] or [all-needs]"),
      ages: z
        .object({ min: age, max: age })
        .strict()
        .refine((ages) => ages.min <= ages.max, { message: "min is more than max", path: ["max"] })
        .describe("the youngest and oldest ages, such as { min: 0, max: 18 }"),
      cost: text(2, 120, 'what it costs in a few words, such as "Free" or "£3 a session", needed when there are no costOptions').optional(),
      costOptions: z.array(costOption).min(1).optional().describe("a list of prices, each with an amount and what it pays for; an amount of 0 means free"),
      organisation: z
        .object({
          name: text(2, 120, "the name of the charity, company or council team that runs the service"),
          website: z
            .url({ protocol: /^https?$/, message: "not a web address" })
            .optional()
            .describe("the organisation's own web address starting https://"),
        })
        .strict()
        .optional()
        .describe("who runs the service: its name and, if it has one, its website"),
      howToAccess: z
        .array(
          z.enum(Object.keys(ACCESS_ROUTES) as [keyof typeof ACCESS_ROUTES], {
            message: `not a way in (expected ${Object.keys(ACCESS_ROUTES).join(", ")})`,
          }),
        )
        .min(1)
        .refine((routes) => new Set(routes).size === routes.length, { message: "names a way in twice" })
        .refine((routes) => !(routes.includes("referral-needed") && routes.includes("self-referral")), {
          message: "says both referral-needed and self-referral (expected one of them)",
        })
        .optional()
        .describe(`how families get to use it, a list of one or more of: ${Object.keys(ACCESS_ROUTES).join(", ")}`),
      eligibility: text(10, 400, "who can use the service, in a sentence or two, such as children with an EHC plan who live in the county").optional(),
      languages: z
        .array(text(2, 40, "the name of a language, such as Polish or British Sign Language"))
        .min(1)
        .optional()
        .describe("a list of the languages staff can help in, such as [English, British Sign Language]"),
      serviceArea: controlledId("areas", lists.areas).optional(),
      contact: z
        .object({
          phone: ukPhone.optional(),
          email: z.email({ message: "not an email address" }).optional().describe("an email address, such as hello@example.org"),
          website: z
            .url({ protocol: /^https?$/, message: "not a web address" })
            .optional()
            .describe("a full web address starting https://"),
        })
        .strict()
        .refine((contact) => contact.phone ?? contact.email ?? contact.website, { message: "has no phone, email or website" })
        .describe("at least one of phone, email and website"),
      location: z
        .object({
          address: text(3, 200, "the street address without the town or postcode"),
          town: text(2, 60, "the town or village name"),
          postcode,
          accessibility: z
            .array(controlledId("accessibility", lists.accessibility, "access features"))
            .min(1)
            .refine((ids) => new Set(ids).size === ids.length, { message: "names a feature twice" })
            .optional()
            .describe("a list of the venue's access features, such as [step-free-access, hearing-loop]"),
          accessibilityNote: text(3, 300, "anything else about getting into and around the venue").optional(),
        })
        .strict()
        .optional()
        .describe("address, town and postcode, and the venue's access features; leave the whole block out for phone or online services"),
      openingTimes: z
        .array(text(3, 200, "one line of opening times"))
        .min(1)
        .optional()
        .describe("a list of lines of opening times in words, for hours that do not fit openingHours"),
      openingHours: z
        .array(openingHoursRow)
        .min(1)
        .optional()
        .describe("a list of rows, each with days, opens and closes, and optionally when (term-time or school-holidays) and a note"),
      lastReviewed: isoDate,
      reviewDue: isoDate.optional(),
      keywords: keywords.optional(),
      permalink: permalink.optional(),
      orukId: z
        .uuid({ message: "not an Open Referral id" })
        .optional()
        .describe("the service's id in the council's Open Referral UK directory, a UUID such as 3f7b145d-84af-42d7-8fae-eaca714b02b2"),
      importedFrom: text(3, 300, "the Open Referral UK feed this file was imported from; npm run import:oruk writes it").optional(),
    })
    .strict()
    .superRefine((service, ctx) => {
      if (service.cost === undefined && service.costOptions === undefined) {
        ctx.addIssue({ code: "custom", path: ["cost"], message: "is missing (expected cost, costOptions or both)" });
      }
      reviewDueAfterLastReview(service, ctx);
    });
}

export type Service = z.infer<ReturnType<typeof serviceSchema>>;

/** Each entry of a data list is linked to by its id, so an id may be used once only. */
function uniqueIds(entries: ReadonlyArray<{ id: string }>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `"${entry.id}" is used twice (expected each id once)` });
    seen.add(entry.id);
  });
}

/** The id of an entry in a data list, which pages and services use to name it. */
const entryId = (example: string) =>
  z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "not a valid id" })
    .describe(`lowercase words joined by hyphens, such as ${example}`);

export const controlledListSchema = z
  .array(
    z
      .object({
        id: entryId("parent-support-groups"),
        name: text(2, 60, "the name families see"),
        description: text(10, 200, "one sentence saying what belongs here"),
      })
      .strict(),
  )
  .min(1)
  .superRefine(uniqueIds)
  .describe("a list of entries with id, name and description");

export const glossarySchema = z
  .array(
    z
      .object({
        id: entryId("ehc-plan"),
        term: text(2, 80, "the words in full, in lower case unless a name"),
        abbreviation: text(2, 20, "the short form, such as SENCO").optional(),
        definition: text(20, 300, "one or two plain sentences"),
        synonyms: z.array(z.string().trim().min(2)).optional().describe("a list of other words families use, such as [statement]"),
      })
      .strict(),
  )
  .min(1)
  .superRefine(uniqueIds)
  .describe("a list of entries with id, term, definition and optional abbreviation and synonyms");

/** WCAG relative luminance contrast between a #rrggbb colour and white. */
export function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

export const settingsSchema = z
  .object({
    councilName: text(3, 80, "the council's name"),
    siteName: text(3, 60, "the site's name"),
    areaName: text(
      3,
      60,
      "the council's area as families know it, such as Hartsfield, where most services are: the directory names it when a location is far away",
    ),
    baseUrl: z
      .url({ protocol: /^https$/, message: "not an https address" })
      .refine((url) => !url.endsWith("/"), { message: "not allowed to end with /" })
      .describe("the live site's address starting https:// with no / at the end"),
    repository: z
      .string()
      .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { message: "not a GitHub repository" })
      .optional()
      .describe(
        "the site's repository on GitHub, written owner/name, such as hartsfield-council/local-offer: the content editor at /admin/ saves changes there",
      ),
    sampleServices: z.boolean().optional().describe("true while the directory holds made-up sample services, false or left out once it is real"),
    brandColour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { message: "not a colour" })
      .refine((hex) => contrastWithWhite(hex) >= 4.5, { message: "too light for white text" })
      .describe("a dark colour written #rrggbb with a contrast of at least 4.5:1 against white"),
    contact: z
      .object({
        phone: ukPhone,
        email: z.email({ message: "not an email address" }).describe("an email address"),
        address: text(5, 200, "the postal address on one line"),
        openingHours: text(5, 120, "when the phone line is open"),
      })
      .strict(),
    translationLanguages: z
      .array(
        z
          .object({
            code: z
              .string()
              .regex(/^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/, { message: "not a language code" })
              .describe("the language's code as the translation website knows it, such as pl for Polish or zh-CN for Chinese"),
            name: text(2, 40, "the language's name in the language itself, such as Polski"),
          })
          .strict(),
      )
      .optional()
      .describe('the languages the "Translate this page" links offer, each with a code and a name, such as { code: pl, name: Polski }'),
    senTeam: z
      .object({
        name: text(3, 80, "the team's name as families know it, such as SEN Service"),
        email: z.email({ message: "not an email address" }).describe("the email address that takes requests for an EHC needs assessment"),
        address: text(5, 200, "the team's postal address on one line"),
      })
      .strict()
      .optional()
      .describe(
        "the council's SEN team, to whom a request for an EHC needs assessment is written, with name, email and address; left out, the request goes to the contact details",
      ),
    sendiassService: entryId("hartsfield-sendiass")
      .optional()
      .describe("the local SEND Information, Advice and Support Service: the name of its file in content/services/ without .md, such as hartsfield-sendiass"),
    analytics: z
      .object({
        provider: z.enum(ANALYTICS_PROVIDERS).describe("plausible (which sets no cookies) or google-analytics-4"),
        measurementId: z
          .string()
          .regex(GA4_MEASUREMENT_ID, { message: "not a GA4 measurement ID" })
          .optional()
          .describe("for google-analytics-4 only: the GA4 property's measurement ID, such as G-ABC123XYZ"),
      })
      .strict()
      .superRefine((analytics, ctx) => {
        if (analytics.provider === "google-analytics-4" && !analytics.measurementId)
          ctx.addIssue({ code: "custom", path: ["measurementId"], message: "is missing (expected the GA4 property's measurement ID, such as G-ABC123XYZ)" });
        if (analytics.provider === "plausible" && analytics.measurementId)
          ctx.addIssue({ code: "custom", path: ["measurementId"], message: "is for google-analytics-4 only (expected it left out with plausible)" });
      })
      .optional()
      .describe("usage figures, off unless set: a provider, and for GA4 its measurement ID; the provider's script loads only for families who agree"),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
