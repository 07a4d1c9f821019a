// The mapping from a site service to Open Referral UK 3.0, on a service that uses every field,
// value by value as docs/open-referral.md's table says.
import { describe, expect, it } from "vitest";
import type { Service } from "../../src/content/schemas.ts";
import { KIT_TAXONOMIES, partId, serviceId, termId } from "../../src/open-referral/ids.ts";
import { type FeedSite, type SiteService, toOrukListItem, toOrukService } from "../../src/open-referral/to-oruk.ts";
import { errorsOf, orukValidators } from "../helpers/oruk-schemas.ts";

const ORUK_ID = "3f7b145d-84af-42d7-8fae-eaca714b02b2";

const site: FeedSite = {
  baseUrl: "https://localoffer.example",
  areaName: "Hartsfield",
  lists: {
    categories: [
      { id: "holiday-clubs", name: "Holiday clubs", description: "Play schemes in the school holidays." },
      { id: "sport", name: "Sport", description: "Sports clubs and sessions." },
    ],
    needs: [{ id: "autism", name: "Autism", description: "Autistic children and young people." }],
    accessibility: [
      { id: "step-free-access", name: "Step-free access", description: "Wheelchair users can get in without steps." },
      { id: "hearing-loop", name: "Hearing loop", description: "A loop for hearing aids." },
    ],
    areas: [{ id: "dacorum", name: "Dacorum", description: "For families in Dacorum." }],
  },
};

const everyField: Service = {
  title: "Splash sessions",
  description: "Swimming sessions for disabled children and their families in a warm, quiet pool.",
  categories: ["holiday-clubs", "sport"],
  needs: ["autism"],
  ages: { min: 4, max: 18 },
  cost: "From £3 a session",
  costOptions: [
    { amount: 3.5, for: "a one-hour session" },
    { amount: 0, for: "a parent or carer" },
  ],
  organisation: { name: "Hatfield Swim Club", website: "https://swim.example/" },
  howToAccess: ["self-referral", "book-ahead"],
  eligibility: "Children with SEND who live in the county.",
  languages: ["English", "British Sign Language"],
  serviceArea: "dacorum",
  contact: { phone: "01632 960123", email: "hello@swim.example", website: "https://swim.example/splash/" },
  location: {
    address: "Leisure Centre, 1 Pool Lane",
    town: "Hatfield",
    postcode: "AL10 0AB",
    accessibility: ["step-free-access", "hearing-loop"],
    accessibilityNote: "The pool has a hoist; ask at reception.",
  },
  openingTimes: ["Bank holidays by arrangement"],
  openingHours: [
    { days: ["monday", "wednesday"], opens: "10:00", closes: "12:30", when: "term-time", note: "Under 5s only" },
    { days: ["saturday"], opens: "09:00", closes: "11:00", when: "school-holidays" },
    { days: ["sunday"], opens: "14:00", closes: "16:00" },
  ],
  lastReviewed: "2026-11-01",
  reviewDue: "2027-11-01",
  keywords: ["swimming"],
  permalink: "/services/splash/",
  orukId: ORUK_ID,
  importedFrom: "https://directory.example/api/services",
};

const page: SiteService = {
  data: everyField,
  url: "/services/splash/",
  body: "\n## What happens\n\nA calm swim.\n",
  geo: { latitude: 51.76, longitude: -0.22 },
};

const part = (name: string) => partId(ORUK_ID, name);

describe("toOrukService", () => {
  const oruk = toOrukService(page, site);

  it("maps the one-to-one fields", () => {
    expect(oruk.id).toBe(ORUK_ID);
    expect(oruk.name).toBe("Splash sessions");
    expect(oruk.description).toBe("Swimming sessions for disabled children and their families in a warm, quiet pool.\n\n## What happens\n\nA calm swim.");
    expect(oruk.status).toBe("active");
    expect(oruk.url).toBe("https://swim.example/splash/");
    expect(oruk.email).toBe("hello@swim.example");
    expect(oruk.fees).toBe("From £3 a session");
    expect(oruk.minimum_age).toBe(4);
    expect(oruk.maximum_age).toBe(18);
    expect(oruk.eligibility_description).toBe("Children with SEND who live in the county.");
    expect(oruk.assured_date).toBe("2026-11-01");
    expect(oruk.last_modified).toBe("2026-11-01T00:00:00Z");
  });

  it("maps the organisation, phone, languages, area and prices", () => {
    expect(oruk.organization_id).toBe(part("organization"));
    expect(oruk.organization).toEqual({
      id: part("organization"),
      name: "Hatfield Swim Club",
      description: "Runs Splash sessions.",
      website: "https://swim.example/",
    });
    expect(oruk.phones).toEqual([{ id: part("phone"), number: "01632 960123" }]);
    expect(oruk.languages).toEqual([
      { id: part("language/0"), name: "English" },
      { id: part("language/1"), name: "British Sign Language" },
    ]);
    expect(oruk.service_areas).toEqual([{ id: part("service-area"), name: "Dacorum", service_area: "dacorum" }]);
    expect(oruk.cost_options).toEqual([
      { id: part("cost-option/0"), amount: 3.5, amount_description: "a one-hour session" },
      { id: part("cost-option/1"), amount: 0, amount_description: "a parent or carer" },
    ]);
  });

  it("writes opening hours as weekly schedules, the season in the description, and each line of opening times as a description", () => {
    expect(oruk.schedules).toEqual([
      {
        id: part("schedule/0"),
        freq: "WEEKLY",
        byday: "MO,WE",
        opens_at: "10:00:00",
        closes_at: "12:30:00",
        description: "Term time only",
        notes: "Under 5s only",
      },
      { id: part("schedule/1"), freq: "WEEKLY", byday: "SA", opens_at: "09:00:00", closes_at: "11:00:00", description: "School holidays only" },
      { id: part("schedule/2"), freq: "WEEKLY", byday: "SU", opens_at: "14:00:00", closes_at: "16:00:00" },
      { id: part("schedule/3"), description: "Bank holidays by arrangement" },
    ]);
  });

  it("writes the venue as a physical location with its address, centroid and access features", () => {
    expect(oruk.service_at_locations).toEqual([
      {
        id: part("service-at-location"),
        location_id: part("location"),
        location: {
          id: part("location"),
          location_type: "physical",
          latitude: 51.76,
          longitude: -0.22,
          addresses: [
            {
              id: part("address"),
              address_1: "Leisure Centre, 1 Pool Lane",
              city: "Hatfield",
              state_province: "Hartsfield",
              postal_code: "AL10 0AB",
              country: "GB",
              address_type: "physical",
            },
          ],
          accessibility: [
            { id: part("accessibility/0"), accessibility: "Step-free access", description: "Wheelchair users can get in without steps." },
            { id: part("accessibility/1"), accessibility: "Hearing loop", description: "A loop for hearing aids." },
            { id: part("accessibility/note"), details: "The pool has a hoist; ask at reception." },
          ],
        },
      },
    ]);
  });

  it("writes categories, needs, ways in, keywords, the page's name and the review date as attributes in the kit's taxonomies", () => {
    const term = (taxonomy: string, id: string, name: string, description: string) => ({
      id: part(`attribute/${taxonomy}/${id}`),
      link_id: ORUK_ID,
      link_type: "service",
      taxonomy_term_id: termId(taxonomy, id),
      taxonomy_term: { id: termId(taxonomy, id), name, description, taxonomy, term: id },
    });
    expect(oruk.attributes).toEqual([
      term(KIT_TAXONOMIES.categories, "holiday-clubs", "Holiday clubs", "Play schemes in the school holidays."),
      term(KIT_TAXONOMIES.categories, "sport", "Sport", "Sports clubs and sessions."),
      term(KIT_TAXONOMIES.needs, "autism", "Autism", "Autistic children and young people."),
      term(KIT_TAXONOMIES.access, "self-referral", "Self referral", "you can refer yourself or your child"),
      term(KIT_TAXONOMIES.access, "book-ahead", "Book ahead", "you need to book a place"),
      term(KIT_TAXONOMIES.page, "splash", "Page on this site", "https://localoffer.example/services/splash/"),
      term(KIT_TAXONOMIES.keywords, "swimming", "swimming", "A word families might search for: swimming."),
      term(KIT_TAXONOMIES.reviewDue, "2027-11-01", "Next review due", "Editors next check this service by 2027-11-01."),
    ]);
  });

  it("leaves out where the service was imported from, and holds to service.json", () => {
    expect(JSON.stringify(oruk)).not.toContain("directory.example");
    const { service } = orukValidators();
    expect(service(oruk), errorsOf(service)).toBe(true);
  });

  it("makes an id from the site's address and the page's when there is no orukId, and leaves out what the service does not have", () => {
    const bare: Service = {
      ...everyField,
      orukId: undefined,
      organisation: undefined,
      costOptions: undefined,
      location: undefined,
      openingHours: undefined,
      openingTimes: undefined,
      howToAccess: undefined,
      languages: undefined,
      serviceArea: undefined,
      eligibility: undefined,
      keywords: undefined,
      reviewDue: undefined,
    };
    const oruk = toOrukService({ ...page, url: "/help/splash.html", data: bare, body: "", geo: undefined }, site);
    expect(oruk.id).toBe(serviceId({}, site.baseUrl, "/help/splash.html"));
    expect(oruk.id).not.toBe(ORUK_ID);
    expect(oruk.description).toBe(everyField.description);
    for (const absent of [
      "organization",
      "organization_id",
      "cost_options",
      "service_at_locations",
      "schedules",
      "languages",
      "service_areas",
      "eligibility_description",
    ]) {
      expect(oruk, absent).not.toHaveProperty(absent);
    }
    expect(oruk.attributes).toHaveLength(3);
  });
});

describe("toOrukListItem", () => {
  it("keeps the one-to-one fields and the organisation, and holds to service_list.json", () => {
    const oruk = toOrukService(page, site);
    const item = toOrukListItem(oruk);
    expect(Object.keys(item)).toEqual([
      "id",
      "organization_id",
      "name",
      "description",
      "url",
      "email",
      "status",
      "fees",
      "minimum_age",
      "maximum_age",
      "assured_date",
      "last_modified",
      "organization",
    ]);
    expect(item.organization).toEqual(oruk.organization);
    const { serviceListItem } = orukValidators();
    expect(serviceListItem(item), errorsOf(serviceListItem)).toBe(true);
  });
});
