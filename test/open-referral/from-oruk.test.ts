// The mapping of one ORUK record to a service file, field by field as docs/open-referral.md gives
// it: the profile's own examples, the test feed's good and broken records, and untrusted text.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { centroidTables } from "../../src/content/postcode-tables.ts";
import { serviceSchema } from "../../src/content/schemas.ts";
import { mapService, markdownText, summaryAndBody, type MappingContext, type MappedRecord } from "../../src/open-referral/from-oruk.ts";
import { KIT_TAXONOMIES, termId } from "../../src/open-referral/ids.ts";
import { readImportSettings } from "../../src/open-referral/import-settings.ts";
import { serviceFileText } from "../../src/open-referral/service-file.ts";
import { sourceFromText } from "../../src/content/source.ts";
import { fixtureId, generatedService } from "../../scripts/support/oruk-services.ts";
import { BROKEN, SPECIAL } from "../fixtures/oruk-feed.ts";
import { projectRoot } from "../helpers/project.ts";

const settings = await readImportSettings(path.join(projectRoot, "content"));
if ("problems" in settings) throw new Error(settings.problems.join("\n"));
const context: MappingContext = { ...settings, schema: serviceSchema(settings.lists, centroidTables()), importedFrom: "feeds/directory.json" };

const example = (name: string) =>
  JSON.parse(readFileSync(path.join(projectRoot, "src/open-referral/schema/examples", name), "utf8")) as Record<string, unknown>;

function imported(record: unknown, mappingContext = context) {
  const mapped = mapService(record, mappingContext);
  if (mapped.kind !== "service") expect.fail(`expected the record to import, but it was ${mapped.kind}: ${JSON.stringify(mapped)}`);
  return mapped.service;
}

function rejection(record: unknown): MappedRecord & { kind: "rejected" } {
  const mapped = mapService(record, context);
  if (mapped.kind !== "rejected") expect.fail(`expected the record to be rejected, but it was ${mapped.kind}`);
  return mapped;
}

describe("the ORUK UK profile's own examples", () => {
  it("rejects service_full.json for its US postcode and its term that maps to no category", () => {
    const mapped = rejection(example("service_full.json"));
    expect(mapped.id).toBe("ac148810-d857-441c-9679-408f346de14b");
    expect(mapped.reasons).toEqual([
      "categories: none of its taxonomy terms is a category (expected a term mapped to a category in content/_data/oruk-mapping.yaml)",
      'location.postcode: "ABC 1234" is not a valid UK postcode (expected a full postcode such as AL1 3JE)',
    ]);
    expect(mapped.unmapped.map((term) => term.label)).toEqual(['"name" in taxonomy taxonomy (id 3f7b145d-84af-42d7-8fae-eaca714b02b2)']);
  });

  it("maps every other field of service_full.json once it has a UK postcode and a category", () => {
    const record = example("service_full.json");
    const [link] = record.service_at_locations as Array<{ location: { addresses: Array<Record<string, unknown>> } }>;
    link!.location.addresses[0]!.postal_code = "AL1 3JE";
    const mapping = { ...context.mapping, terms: [{ match: "name", taxonomy: "taxonomy", categories: ["health-and-therapy"] }] };
    const service = imported(record, { ...context, mapping });
    expect(service.frontMatter).toEqual({
      title: "Community Counselling",
      // The first sentence: the first two are over 160 characters.
      description: "Counselling Services provided by trained professionals.",
      categories: ["health-and-therapy"],
      needs: ["all-needs"],
      // maximum_age 100 is limited to 25.
      ages: { min: 12, max: 25 },
      cost: "fees_description",
      costOptions: [{ amount: 35, for: "Under 18s and Over 60s: per 1 hour session" }],
      organisation: { name: "Example Organization Inc.", website: "http://example.com" },
      contact: { email: "email@example.com", website: "http://example.com/counselling" },
      location: {
        address: "1-30 Main Street",
        town: "MyCity",
        postcode: "AL1 3JE",
        accessibility: ["step-free-access", "hearing-loop"],
        accessibilityNote: "Switch hearing aid to T-coil to access the induction loop facility.",
      },
      openingHours: [
        {
          days: ["thursday", "friday"],
          opens: "10:00",
          closes: "18:00",
          note: "Some of our staff will be unavailable during their lunch break which may be any 30 minute period between 1200 and 1400",
        },
      ],
      lastReviewed: "2005-01-01",
      orukId: "ac148810-d857-441c-9679-408f346de14b",
      importedFrom: "feeds/directory.json",
    });
    expect(service.body).toBe(String(record.description).trim());
    expect(service.slugBase).toBe("community-counselling");
  });

  it("rejects the list item in service_list.json, which has no taxonomy terms", () => {
    const list = example("service_list.json") as { contents: unknown[] };
    const mapped = rejection(list.contents[0]);
    expect(mapped.reasons).toEqual([
      "categories: none of its taxonomy terms is a category (expected a term mapped to a category in content/_data/oruk-mapping.yaml)",
    ]);
  });
});

describe("mapping a whole service", () => {
  it("maps every field the import reads, in the schema's order", () => {
    const service = imported(generatedService(0));
    expect(Object.keys(service.frontMatter)).toEqual([
      "title",
      "description",
      "categories",
      "needs",
      "ages",
      "cost",
      "costOptions",
      "organisation",
      "howToAccess",
      "eligibility",
      "languages",
      "serviceArea",
      "contact",
      "location",
      "openingTimes",
      "openingHours",
      "lastReviewed",
      "orukId",
      "importedFrom",
    ]);
    expect(service.frontMatter).toMatchObject({
      title: "St Albans Play Club 1",
      description: "A play club in St Albans for children and young people with SEND, run by trained staff and volunteers.",
      categories: ["short-breaks-and-activities"],
      needs: ["autism"],
      ages: { min: 0, max: 18 },
      cost: "Free",
      costOptions: [{ amount: 1.5, for: "Siblings: per session" }],
      organisation: { name: "St Albans Family Trust", website: "https://family-trust.example/" },
      howToAccess: ["self-referral"],
      eligibility: "Children and young people with SEND who live in St Albans or nearby.",
      languages: ["English", "British Sign Language"],
      serviceArea: "st-albans",
      contact: { phone: "01632 960000", email: "hello@st-albans-play-club-1.example", website: "https://services.example/st-albans-play-club-1/" },
      location: {
        address: "Community Centre, 1 Example Road",
        town: "St Albans",
        postcode: "AL1 3JE",
        accessibility: ["step-free-access", "hearing-loop"],
        accessibilityNote: "Ring the bell at the side door if the main door is shut.",
      },
      openingTimes: ["Closed on bank holidays"],
      openingHours: [{ days: ["monday", "saturday"], opens: "09:30", closes: "12:00", when: "term-time", note: "Arrive 10 minutes early on your first visit" }],
      lastReviewed: "2026-01-15",
      orukId: fixtureId(0),
    });
    expect(service.body).toBe("Sessions are small and calm. Families can visit first to meet the staff.\n\nBring a drink and a snack.");
  });

  it('reads "School holidays only" back as when: school-holidays, and no season as all year', () => {
    expect(imported(generatedService(1)).frontMatter.openingHours).toEqual([expect.objectContaining({ when: "school-holidays" })]);
    expect(imported(generatedService(2)).frontMatter.openingHours).toEqual([expect.not.objectContaining({ when: expect.anything() })]);
  });

  it("reads the kit's own taxonomies by term and other terms through the mapping file", () => {
    const service = {
      ...generatedService(0),
      attributes: [
        { taxonomy_term: { id: termId(KIT_TAXONOMIES.categories, "early-years"), taxonomy: KIT_TAXONOMIES.categories, term: "early-years" } },
        { taxonomy_term: { id: termId(KIT_TAXONOMIES.needs, "adhd"), taxonomy: KIT_TAXONOMIES.needs, term: "adhd" } },
        { taxonomy_term: { id: termId(KIT_TAXONOMIES.access, "drop-in"), taxonomy: KIT_TAXONOMIES.access, term: "drop-in" } },
        // By name, whatever its capitals, in any taxonomy.
        { taxonomy_term: { id: "b1", name: "MENTAL HEALTH", taxonomy: "esd" } },
        // A kit taxonomy's term that is not in this site's lists goes through the mapping file too.
        { taxonomy_term: { id: "b2", taxonomy: KIT_TAXONOMIES.categories, term: "therapy" } },
      ],
    };
    expect(imported(service).frontMatter).toMatchObject({
      categories: ["early-years", "health-and-therapy"],
      needs: ["adhd", "social-emotional-mental-health"],
      howToAccess: ["drop-in"],
    });
  });

  it("matches a mapping entry with a taxonomy only in that taxonomy, by term id", () => {
    const mapping = { ...context.mapping, terms: [{ match: "T-1", taxonomy: "lga", categories: ["early-years"] }] };
    const withTerm = (taxonomy: string) => ({ ...generatedService(0), attributes: [{ taxonomy_term: { id: "t-1", term: "Nursery", taxonomy } }] });
    expect(imported(withTerm("LGA"), { ...context, mapping }).frontMatter.categories).toEqual(["early-years"]);
    const elsewhere = mapService(withTerm("other"), { ...context, mapping });
    expect(elsewhere.kind === "rejected" && elsewhere.unmapped.map((term) => term.label)).toEqual(['"Nursery" in taxonomy other (id t-1)']);
  });

  it("gives defaultNeeds when no term is a need, and rejects the service when there is no default", () => {
    const noNeed = { ...generatedService(0), attributes: (generatedService(0).attributes as unknown[]).slice(0, 2) };
    expect(imported(noNeed).frontMatter.needs).toEqual(["all-needs"]);
    const withoutDefault = mapService(noNeed, { ...context, mapping: { ...context.mapping, defaultNeeds: undefined } });
    expect(withoutDefault.kind === "rejected" && withoutDefault.reasons).toEqual([
      "needs: none of its taxonomy terms is a need, and the mapping file has no defaultNeeds (expected a need for every service)",
    ]);
  });

  it("takes the first UK number of the service, then its contacts, then its location (HSDS 3.0 phones)", () => {
    const base = generatedService(0);
    const [link] = base.service_at_locations as Array<{ location: Record<string, unknown> }>;
    const withPhones = (phones: unknown[], contactPhones: unknown[], locationPhones: unknown[]) => ({
      ...base,
      phones,
      contacts: [{ name: "A", phones: contactPhones }],
      service_at_locations: [{ ...link, location: { ...link!.location, phones: locationPhones } }],
    });
    const phone = (record: unknown) => (imported(record).frontMatter.contact as { phone?: string }).phone;
    expect(phone(withPhones([{ number: "+1 555 0100" }, { number: "01632 960111" }], [{ number: "01632 960222" }], []))).toBe("01632 960111");
    expect(phone(withPhones([{ number: "+1 555 0100" }], [{ number: "+44 1632 960222" }], [{ number: "01632 960333" }]))).toBe("+44 1632 960222");
    expect(phone(withPhones([], [], [{ number: "01632 960333" }]))).toBe("01632 960333");
    expect(phone(withPhones([], [], []))).toBeUndefined();
  });

  it("takes the first physical location with an address, and counts them", () => {
    const second = { ...(generatedService(5).service_at_locations as object[]) }[0];
    const virtual = { location: { location_type: "virtual", name: "Online" } };
    const service = imported({ ...generatedService(0), service_at_locations: [virtual, ...(generatedService(0).service_at_locations as object[]), second] });
    expect(service.frontMatter.location).toMatchObject({ postcode: "AL1 3JE" });
    expect(service.locations).toBe(2);
    expect(imported(SPECIAL.twoLocations).locations).toBe(2);
  });

  it("leaves out the location of a service with none, and its area when the area is not in the list", () => {
    const service = imported({ ...generatedService(0), service_at_locations: [], service_areas: [{ name: "Somewhere else" }] });
    expect(service.frontMatter.location).toBeUndefined();
    expect(service.frontMatter.serviceArea).toBeUndefined();
    expect(imported({ ...generatedService(0), service_areas: [{ name: "north herts" }] }).frontMatter.serviceArea).toBe("north-herts");
  });

  it("matches accessibility text to features by name and by the mapping file's words, and keeps other text as the note", () => {
    const [link] = generatedService(0).service_at_locations as Array<{ location: Record<string, unknown> }>;
    const accessibility = [
      { accessibility: "Changing Places toilet" },
      { description: "Blue Badge spaces by the door." },
      { description: "The car park is gravel." },
      { details: "Ask at reception for the lift key." },
    ];
    const service = imported({ ...generatedService(0), service_at_locations: [{ ...link, location: { ...link!.location, accessibility } }] });
    expect(service.frontMatter.location).toMatchObject({
      accessibility: ["changing-places-toilet", "accessible-parking"],
      accessibilityNote: "The car park is gravel. Ask at reception for the lift key.",
    });
  });

  it("limits ages to 0 to 25, gives 0 to 25 when there are none, and makes a cost option with no amount free", () => {
    const record = { ...generatedService(0), minimum_age: undefined, maximum_age: 99, cost_options: [{ option: "Everyone" }] };
    delete record.minimum_age;
    expect(imported(record).frontMatter).toMatchObject({ ages: { min: 0, max: 25 }, costOptions: [{ amount: 0, for: "Everyone" }] });
  });

  it("takes lastReviewed from last_modified's date when there is no assured_date", () => {
    const record = { ...generatedService(0) };
    delete record.assured_date;
    expect(imported(record).frontMatter.lastReviewed).toBe("2026-11-20");
  });

  it('imports "temporarily closed" services', () => {
    expect(generatedService(3).status).toBe("temporarily closed");
    expect(mapService(generatedService(3), context).kind).toBe("service");
  });
});

describe("records the import does not write", () => {
  for (const { service, kind, reasons } of BROKEN) {
    it(`${kind === "skipped" ? "skips" : "rejects"} "${String(service.name)}": ${reasons[0]}`, () => {
      const mapped = mapService(service, context);
      expect(mapped.kind).toBe(kind);
      expect(mapped.kind === "skipped" ? [mapped.reason] : mapped.kind === "rejected" ? mapped.reasons : []).toEqual(reasons);
    });
  }

  it("reads a record that is not an object as a record with nothing in it", () => {
    expect(mapService("a string", context)).toEqual({ kind: "skipped", id: "(no id)", name: "(no name)", reason: "it has no status" });
  });
});

describe("the summary and the body", () => {
  const long = "More words about the service. ".repeat(3).trim();
  it("makes a first paragraph of 50 to 160 characters, followed by more text, the summary", () => {
    const first = "A weekly club for disabled children, with trained staff and a quiet room.";
    expect(summaryAndBody(`${first}\n\n${long}`)).toEqual({ summary: first, body: long });
  });

  it("otherwise takes the first sentences that fit in 160 characters, and keeps the whole text as the body", () => {
    const text = `Short first paragraph.\n\n${long} ${long} ${long}`;
    const { summary, body } = summaryAndBody(text);
    expect(summary).toBe(`Short first paragraph. ${"More words about the service. ".repeat(4).trim()}`);
    expect(summary!.length).toBeLessThanOrEqual(160);
    expect(body).toBe(text);
  });

  it("skips the headings a description starts with", () => {
    expect(summaryAndBody("## What happens\n\nA club on Saturdays. It is free.").summary).toBe("A club on Saturdays. It is free.");
  });

  it("gives no summary when the first sentence is over 160 characters", () => {
    expect(summaryAndBody(`${"word ".repeat(40)}end.`).summary).toBeUndefined();
  });
});

describe("untrusted text", () => {
  const service = imported(SPECIAL.hostile);
  const text = serviceFileText(service.frontMatter, service.body);

  it("writes no template tags anywhere in the file", () => {
    expect(text).not.toMatch(/\{\{|\{%/);
  });

  it("escapes HTML in the body, so nothing in it is read as a tag or an entity", () => {
    expect(service.body).toBe(
      "&lt;img src=x onerror=alert(1)&gt; Second paragraph with &#123;{ braces }} & &#123;%- tags %}, and [our website](https://tea.example/).",
    );
    expect(markdownText("A&E &amp; &#60;b&#62; &copy")).toBe("A&E &amp;amp; &amp;#60;b&amp;#62; &copy");
  });

  it("keeps front matter text as text: the layout escapes it", () => {
    expect(service.frontMatter.title).toBe("Tea & <b>chat</b> { { club }}");
  });

  it("writes front matter that reads back as the same values", () => {
    const { source, problems } = sourceFromText(text, "x.md", "services/x.md");
    expect(problems).toEqual([]);
    expect(source?.data).toEqual(service.frontMatter);
    expect(serviceSchema(settings.lists, centroidTables()).safeParse(source?.data).success).toBe(true);
  });

  it("writes ids on one line and quotes what YAML 1.1 would read as something else", () => {
    expect(text).toContain("\ncategories: [holiday-clubs]\n");
    expect(text).toContain('\n    opens: "09:30"\n');
    expect(text).toContain('\nlastReviewed: "2026-05-15"\n');
  });
});
