// The facts on a service page, read from the sample site built once for the run: each field a
// sample service has shows in words, and a field it leaves out shows nothing.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedSampleSite } from "./helpers/sample-site.ts";

let dir: string;
let site: string;

beforeAll(async () => {
  ({ dir, site } = await sharedSampleSite());
});

/** The text of some HTML as a family reads it; a line break shows as " / ". */
const textOf = (html: string) =>
  html
    .replace(/<br>/g, " / ")
    .replace(/<[^>]+>/g, "")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

/** The summary list's rows, key → the value's HTML. */
async function factsOf(slug: string): Promise<Map<string, string>> {
  const page = await readFile(path.join(site, "services", slug, "index.html"), "utf8");
  const rows = page.matchAll(/<dt class="govuk-summary-list__key">\s*([^<]*?)\s*<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g);
  return new Map([...rows].map(([, key, value]) => [key!, value!]));
}

async function rowOf(slug: string, key: string): Promise<string> {
  const value = (await factsOf(slug)).get(key);
  if (value === undefined) expect.fail(`${slug} has no "${key}" row`);
  return value;
}

const itemsOf = (html: string) => [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, item]) => textOf(item!));
const paragraphsOf = (html: string) => [...html.matchAll(/<p class="govuk-body[^"]*">([\s\S]*?)<\/p>/g)].map(([, text]) => textOf(text!));

describe("a service page's facts", () => {
  it("says who it is for: the ages, then the eligibility", async () => {
    expect(paragraphsOf(await rowOf("watford-childrens-occupational-therapy", "Who it is for"))).toEqual([
      "Ages 0 to 18",
      "Children and young people up to 18 who are registered with a GP in the Watford area.",
    ]);
    expect(paragraphsOf(await rowOf("watford-autism-family-group", "Who it is for"))).toEqual(["Ages 0 to 18"]);
  });

  it("lists each price in words, after the cost text when there is one", async () => {
    const splash = await rowOf("hatfield-splash-sessions", "Cost");
    expect(paragraphsOf(splash)).toEqual([]);
    expect(itemsOf(splash)).toEqual(["£2.50 for a one-hour session", "Free for carers", "Free for your first session"]);
    const holidayClub = await rowOf("watford-summer-inclusive-holiday-club", "Cost");
    expect(paragraphsOf(holidayClub)).toEqual(["Help with costs for families on the short breaks scheme"]);
    expect(itemsOf(holidayClub)).toEqual(["£18 for one day"]);
    const free = await rowOf("watford-autism-family-group", "Cost");
    expect([paragraphsOf(free), itemsOf(free)]).toEqual([["Free"], []]);
  });

  it("says how to get help in plain words", async () => {
    expect(itemsOf(await rowOf("hartsfield-sendiass", "How to get help"))).toEqual([
      "Refer yourself: you can refer yourself or your child",
      "Drop in: you can go along without booking",
    ]);
    expect(itemsOf(await rowOf("hitchin-hydrotherapy-sessions", "How to get help"))).toEqual([
      "Referral needed: a professional such as a GP, health visitor or SENCO must refer you",
    ]);
  });

  it("shows opening hours with days grouped, times in words and the season, then the lines in words", async () => {
    expect(itemsOf(await rowOf("adhd-family-support-line", "Opening hours"))).toEqual([
      "Monday to Thursday, 10am to 2pm and 7pm to 9pm / Phone line",
      "Monday to Friday, 10am to 4pm / Webchat",
    ]);
    expect(itemsOf(await rowOf("stevenage-homework-and-study-club", "Opening hours"))).toEqual(["Mondays and Thursdays, 3:45pm to 5:30pm (term time only)"]);
    expect(itemsOf(await rowOf("hatfield-splash-sessions", "Opening hours"))).toEqual([
      "Sundays, 4pm to 5pm",
      "Wednesdays, 5:30pm to 6:30pm (school holidays only)",
    ]);
    expect(itemsOf(await rowOf("bushey-family-sleep-clinic", "Opening hours"))).toEqual([
      "Tuesdays and Wednesdays, 9am to 3pm / One-to-one appointments",
      "Sleep workshops, first Monday of the month, 7pm to 9pm",
    ]);
    expect(itemsOf(await rowOf("hartsfield-young-peoples-mental-health-text-service", "Opening hours"))).toEqual(["Every day, 4pm to 11pm / Text and webchat"]);
  });

  it("names the languages, the area covered and who runs it, linked when it has a website", async () => {
    expect(textOf(await rowOf("hartsfield-sendiass", "Languages"))).toBe("English, Polish, Urdu and Bengali");
    expect(textOf(await rowOf("hatfield-splash-sessions", "Area covered"))).toBe("Welwyn Hatfield");
    expect(textOf(await rowOf("hartsfield-sendiass", "Area covered"))).toBe("The whole county");
    expect(textOf(await rowOf("adhd-family-support-line", "Area covered"))).toBe("Online or by phone");
    expect((await rowOf("cheshunt-childrens-hearing-clinic", "Run by")).trim()).toBe(
      '<a class="govuk-link app-service__organisation" href="https://hartsfield-childrens-health.example/">Hartsfield Children&#39;s Health Services</a>',
    );
    expect((await rowOf("borehamwood-saturday-swimming-club", "Run by")).trim()).toBe("Borehamwood Swimming Club");
  });

  it("lists the venue's access features by name, then the note", async () => {
    const splash = await rowOf("hatfield-splash-sessions", "Venue access");
    expect(itemsOf(splash)).toEqual(["Changing Places toilet", "Accessible parking", "Quiet or sensory-friendly times"]);
    expect(paragraphsOf(splash)).toEqual(["The Changing Places toilet has a hoist and a changing bench. There are private family changing rooms."]);
    const adventure = await rowOf("hitchin-half-term-adventure-days", "Venue access");
    expect(itemsOf(adventure)).toEqual([]);
    expect(paragraphsOf(adventure)).toEqual([
      "The site is on grass and woodchip paths, so it is not suitable for all wheelchairs. Please call us to talk about access.",
    ]);
  });

  it("keeps the contact details and the address", async () => {
    const facts = await factsOf("cheshunt-childrens-hearing-clinic");
    expect(itemsOf(facts.get("Contact") ?? "")).toEqual([
      "Phone: 01632 960616",
      "Email: audiology.east@hartsfield-childrens-health.example",
      "Website: https://hartsfield-childrens-health.example/audiology/",
    ]);
    expect(paragraphsOf(facts.get("Where") ?? "")[0]).toBe("Audiology Department, Health Centre, 5 Example Drive / Cheshunt / EN8 0YS");
  });
});

describe("every sample service page", () => {
  it("has a row for each optional field the service has, none for those it leaves out, and never shows Open Referral ids", async () => {
    const files = (await readdir(path.join(dir, "content/services"))).filter((file) => file.endsWith(".md") && file !== "index.md");
    expect(files.length).toBeGreaterThan(50);
    const seen = new Map<string, { shown: number; hidden: number }>();
    for (const file of files) {
      const slug = file.replace(/\.md$/, "");
      const data = matter(await readFile(path.join(dir, "content/services", file), "utf8")).data as Record<string, unknown> & {
        location?: { accessibility?: unknown; accessibilityNote?: unknown };
      };
      const facts = await factsOf(slug);
      const expected = {
        "How to get help": data.howToAccess !== undefined,
        Languages: data.languages !== undefined,
        "Area covered": data.serviceArea !== undefined,
        "Run by": data.organisation !== undefined,
        "Venue access": data.location?.accessibility !== undefined || data.location?.accessibilityNote !== undefined,
      };
      for (const [key, has] of Object.entries(expected)) {
        expect(facts.has(key), `${slug}: ${key}`).toBe(has);
        const counts = seen.get(key) ?? { shown: 0, hidden: 0 };
        counts[has ? "shown" : "hidden"] += 1;
        seen.set(key, counts);
      }
      expect(paragraphsOf(facts.get("Who it is for") ?? "").length, slug).toBe(data.eligibility === undefined ? 1 : 2);
      const noHours = data.openingHours === undefined && data.openingTimes === undefined;
      expect(textOf(facts.get("Opening hours") ?? "") === "Contact the service to arrange a time.", slug).toBe(noHours);
      const page = await readFile(path.join(site, "services", slug, "index.html"), "utf8");
      // Only "Report a change to this service" carries the id, unseen, so the team knows which record to change.
      const shown = page.replace(/<input type="hidden" name="service-id" value="[^"]*">/, "");
      for (const id of [data.orukId, data.importedFrom]) if (typeof id === "string") expect(shown, slug).not.toContain(id);
    }
    // The samples hold both cases of each optional row, so neither half of the test is empty; every
    // sample names its area, so only the other rows can be seen left out.
    expect(Object.fromEntries(seen)).toEqual({
      "How to get help": { shown: expect.any(Number), hidden: expect.any(Number) },
      Languages: { shown: expect.any(Number), hidden: expect.any(Number) },
      "Area covered": { shown: files.length, hidden: 0 },
      "Run by": { shown: expect.any(Number), hidden: expect.any(Number) },
      "Venue access": { shown: expect.any(Number), hidden: expect.any(Number) },
    });
    for (const [key, { shown, hidden }] of seen) if (key !== "Area covered") expect([shown > 0, hidden > 0], key).toEqual([true, true]);
  });
});
