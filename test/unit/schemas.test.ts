import { describe, expect, it } from "vitest";
import { centroidTables } from "../../src/content/postcode-tables.ts";
import { describeIssue, expectedAt, fieldName } from "../../src/content/describe-issue.ts";
import { isoDate, isRealIsoDate } from "../../src/content/dates.ts";
import { contrastWithWhite, controlledListSchema, informationPageSchema, serviceSchema, settingsSchema } from "../../src/content/schemas.ts";

const lists = {
  categories: [{ id: "support-groups", name: "Support groups" }],
  needs: [{ id: "autism", name: "Autism" }],
  accessibility: [{ id: "hearing-loop", name: "Hearing loop" }],
  areas: [{ id: "whole-county", name: "The whole county" }],
};
const services = serviceSchema(lists, centroidTables());
const service = {
  title: "Autism family group",
  description: "A monthly group for parents and carers of autistic children, with a play room for brothers and sisters.",
  categories: ["support-groups"],
  needs: ["autism"],
  ages: { min: 0, max: 18 },
  cost: "Free",
  contact: { phone: "01632 960123", email: "hello@group.example", website: "https://group.example/" },
  location: { address: "Community Centre, 12 Example Road", town: "Watford", postcode: "WD17 3EX" },
  openingTimes: ["Saturdays, 10am to 12 noon"],
  lastReviewed: "2026-11-01",
};
const page = {
  title: "What SEN support is",
  description: "What SEN support means, who gives it and how it replaced School Action and School Action Plus.",
  lastReviewed: "2026-11-20",
};

const messages = (schema: Parameters<typeof describeIssue>[1], data: unknown) => {
  const result = schema.safeParse(data, { reportInput: true });
  return result.success ? [] : result.error.issues.flatMap((issue) => describeIssue(issue, schema)).map((d) => `${fieldName(d.path)}: ${d.message}`);
};

describe("dates", () => {
  it("accepts real dates only", () => {
    expect(isRealIsoDate("2026-11-29")).toBe(true);
    expect(isRealIsoDate("2028-02-29")).toBe(true);
    for (const text of ["2026-02-29", "2026-13-01", "2026-04-31", "29/11/2026", "2026-1-5", ""]) expect(isRealIsoDate(text), text).toBe(false);
  });

  it("reads the Date objects gray-matter makes as well as text", () => {
    expect(isoDate(new Date("2026-11-20T00:00:00Z"))).toBe("2026-11-20");
    expect(isoDate("2026-11-20")).toBe("2026-11-20");
    expect(isoDate("soon")).toBeUndefined();
  });
});

describe("information page schema", () => {
  it("accepts a complete page and the optional fields", () => {
    expect(messages(informationPageSchema, page)).toEqual([]);
    expect(messages(informationPageSchema, { ...page, reviewDue: "2027-11-20", order: 2, keywords: ["statement"], shortTitle: "SEN support" })).toEqual([]);
  });

  it("explains each problem with what was expected", () => {
    expect(messages(informationPageSchema, { ...page, title: undefined, description: "Short", order: -1, colour: "red" })).toEqual([
      "title: missing (expected a title in sentence case, 3 to 65 characters)",
      "description: too short: 5 characters (expected one or two sentences for search results, 50 to 160 characters)",
      "order: too small: -1 (expected a whole number from 0 to 999 giving the page's place in its section)",
      "colour: unknown field (expected one of: title, shortTitle, description, lastReviewed, reviewDue, order, keywords, permalink)",
    ]);
  });

  it("finds the expectation for nested fields through optional wrappers", () => {
    expect(expectedAt(services, ["location", "postcode"])).toBe("a full UK postcode such as AL1 3JE");
    expect(expectedAt(services, ["categories", 0])).toMatch(/^one of the categories in content\/_data\/lists\/categories\.yaml: support-groups$/);
    expect(expectedAt(services, ["nothing", "here"])).toBeUndefined();
  });
});

describe("service schema", () => {
  it("accepts a complete service, and one with no location (phone or online only)", () => {
    expect(messages(services, service)).toEqual([]);
    const { location: _unused, ...online } = service;
    expect(messages(services, online)).toEqual([]);
  });

  it("checks phone numbers, email, website and the controlled lists", () => {
    const broken = { ...service, categories: ["sport"], needs: [], contact: { phone: "12345", email: "not-an-email", website: "ftp://x.example" } };
    expect(messages(services, broken)).toEqual([
      'categories[0]: "sport" is unknown (expected one of the categories in content/_data/lists/categories.yaml: support-groups)',
      "needs: is an empty list (expected a list of one or more need ids, such as [autism] or [all-needs])",
      'contact.phone: "12345" is not a UK phone number (expected a UK phone number in quotes, such as "01632 960123")',
      'contact.email: "not-an-email" is not an email address (expected an email address, such as hello@example.org)',
      'contact.website: "ftp://x.example" is not a web address (expected a full web address starting https://)',
    ]);
  });

  it("skips the id check when a controlled list could not be read", () => {
    const withoutLists = serviceSchema({ categories: undefined, needs: undefined, accessibility: undefined, areas: undefined }, centroidTables());
    expect(messages(withoutLists, { ...service, categories: ["anything"] })).toEqual([]);
  });
});

describe("settings and controlled lists", () => {
  const settings = {
    councilName: "Hartsfield County Council",
    siteName: "Hartsfield SEND Local Offer",
    areaName: "Hertfordshire",
    baseUrl: "https://localoffer.hartsfield.example",
    brandColour: "#1d4f6e",
    contact: {
      phone: "01632 960000",
      email: "send@hartsfield.example",
      address: "County Hall, Hertford SG13 8DE",
      openingHours: "Monday to Friday, 9am to 5pm",
    },
  };

  it("accepts good settings and refuses a light colour or a trailing slash", () => {
    expect(messages(settingsSchema, settings)).toEqual([]);
    expect(messages(settingsSchema, { ...settings, baseUrl: "https://localoffer.hartsfield.example/", brandColour: "#00ff00" })).toEqual([
      'baseUrl: "https://localoffer.hartsfield.example/" is not allowed to end with / (expected the live site\'s address starting https:// with no / at the end)',
      'brandColour: "#00ff00" is too light for white text (expected a dark colour written #rrggbb with a contrast of at least 4.5:1 against white)',
    ]);
  });

  it("measures contrast as WCAG does", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 1);
    expect(contrastWithWhite("#1d70b8")).toBeCloseTo(5.17, 1);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
  });

  it("refuses duplicate and badly formed ids", () => {
    const entry = (id: string) => ({ id, name: "Support groups", description: "Groups where families meet and support each other." });
    expect(messages(controlledListSchema, [entry("support-groups"), entry("support-groups"), entry("Bad Id")])).toEqual([
      '[2].id: "Bad Id" is not a valid id (expected lowercase words joined by hyphens, such as parent-support-groups)',
      '[1].id: "support-groups" is used twice (expected each id once)',
    ]);
  });
});
