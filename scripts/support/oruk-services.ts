// Made-up Open Referral UK 3.0 services, whole as /services/{id} gives them, for the import's tests
// and benchmark. Each uses every field the import reads, with real Hertfordshire postcodes from the
// sample content, and the same index always gives the same service.
import { v5 as uuidv5 } from "uuid";
import { KIT_TAXONOMIES, termId } from "../../src/open-referral/ids.ts";

const NAMESPACE = uuidv5("https://github.com/send-local-offer/kit/test-feed", uuidv5.URL);

/** The id of the index-th made-up service, or of one of its parts. */
export const fixtureId = (index: number, part = "service") => uuidv5(`${index}/${part}`, NAMESPACE);

/** Places from the sample content, each with a postcode in the project's postcode data. */
export const PLACES = [
  { town: "St Albans", postcode: "AL1 3JE", area: "st-albans" },
  { town: "Stevenage", postcode: "SG1 1HN", area: "stevenage" },
  { town: "Watford", postcode: "WD17 3EX", area: "watford" },
  { town: "Hitchin", postcode: "SG5 1TF", area: "north-herts" },
  { town: "Hemel Hempstead", postcode: "HP1 1DN", area: "dacorum" },
  { town: "Hertford", postcode: "SG14 1HR", area: "east-herts" },
  { town: "Cheshunt", postcode: "EN8 9HN", area: "broxbourne" },
  { town: "Borehamwood", postcode: "WD6 1GR", area: "hertsmere" },
  { town: "Welwyn Garden City", postcode: "AL7 1HZ", area: "welwyn-hatfield" },
  { town: "Rickmansworth", postcode: "WD3 1NB", area: "three-rivers" },
] as const;

const ACTIVITIES = ["Play Club", "Parent Support Group", "Swimming Sessions", "Speech Therapy Clinic", "Holiday Scheme", "Youth Club"] as const;
const CATEGORIES = [
  "short-breaks-and-activities",
  "parent-support-groups",
  "short-breaks-and-activities",
  "health-and-therapy",
  "holiday-clubs",
  "short-breaks-and-activities",
];
/** Terms of a council's own taxonomy that content/_data/oruk-mapping.yaml maps. */
const COUNCIL_TERMS = ["Autism", "Deaf or hearing loss", "Mental health", "Physical disability"];
const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

const kitTerm = (taxonomy: string, term: string) => ({
  id: termId(taxonomy, term),
  name: term,
  description: `${term} in ${taxonomy}`,
  taxonomy,
  term,
});

export function generatedService(index: number): Record<string, unknown> {
  const id = fixtureId(index);
  const place = PLACES[index % PLACES.length]!;
  const activity = ACTIVITIES[index % ACTIVITIES.length]!;
  const name = `${place.town} ${activity} ${index + 1}`;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const day = DAYS[index % 5]!;
  return {
    id,
    name,
    description: `A ${activity.toLowerCase()} in ${place.town} for children and young people with SEND, run by trained staff and volunteers.\n\nSessions are small and calm. Families can visit first to meet the staff.\n\nBring a drink and a snack.`,
    url: `https://services.example/${slug}/`,
    email: `hello@${slug}.example`,
    status: index % 7 === 3 ? "temporarily closed" : "active",
    fees: index % 2 === 0 ? "Free" : "£3 a session",
    accreditations: "Ofsted registered",
    minimum_age: index % 5,
    maximum_age: 18 + (index % 8),
    assured_date: `2026-${String((index % 12) + 1).padStart(2, "0")}-15`,
    assurer_email: "directory@council.example",
    alert: "Check before you travel in bad weather.",
    last_modified: "2026-11-20T10:30:45.123Z",
    eligibility_description: `Children and young people with SEND who live in ${place.town} or nearby.`,
    phones: [{ id: fixtureId(index, "phone"), number: `01632 96${String(index % 10000).padStart(4, "0")}` }],
    schedules: [
      {
        id: fixtureId(index, "schedule/0"),
        freq: "WEEKLY",
        byday: `${day},SA`,
        opens_at: "09:30:00",
        closes_at: "12:00:00",
        description: index % 3 === 0 ? "Term time only" : index % 3 === 1 ? "School holidays only" : "",
        notes: "Arrive 10 minutes early on your first visit",
      },
      { id: fixtureId(index, "schedule/1"), description: "Closed on bank holidays" },
    ],
    service_areas: [{ id: fixtureId(index, "area"), name: place.town, service_area: place.area }],
    service_at_locations: [
      {
        id: fixtureId(index, "service-at-location"),
        location: {
          id: fixtureId(index, "location"),
          location_type: "physical",
          name: `${place.town} Community Centre`,
          latitude: 51.75,
          longitude: -0.34,
          addresses: [
            {
              id: fixtureId(index, "address"),
              address_1: `Community Centre, ${index + 1} Example Road`,
              city: place.town,
              state_province: "Hertfordshire",
              postal_code: place.postcode,
              country: "GB",
              address_type: "physical",
            },
          ],
          accessibility: [
            { id: fixtureId(index, "access/0"), accessibility: "Step-free access", description: "Wheelchair users can get in and around." },
            { id: fixtureId(index, "access/1"), description: "An induction loop in the main hall." },
            { id: fixtureId(index, "access/2"), details: "Ring the bell at the side door if the main door is shut." },
          ],
        },
      },
    ],
    languages: [
      { id: fixtureId(index, "language/0"), name: "English" },
      { id: fixtureId(index, "language/1"), name: "British Sign Language" },
    ],
    organization: { id: fixtureId(index, "organization"), name: `${place.town} Family Trust`, website: "https://family-trust.example/" },
    cost_options: [{ id: fixtureId(index, "cost"), option: "Siblings", amount: 1.5, amount_description: "per session" }],
    contacts: [{ id: fixtureId(index, "contact"), name: "Sam Example", title: "Coordinator", phones: [{ number: "01632 960999" }] }],
    attributes: [
      { id: fixtureId(index, "attribute/0"), taxonomy_term: kitTerm(KIT_TAXONOMIES.categories, CATEGORIES[index % CATEGORIES.length]!) },
      { id: fixtureId(index, "attribute/1"), taxonomy_term: kitTerm(KIT_TAXONOMIES.access, index % 2 === 0 ? "self-referral" : "book-ahead") },
      {
        id: fixtureId(index, "attribute/2"),
        taxonomy_term: { id: fixtureId(index % 4, "council-term"), name: COUNCIL_TERMS[index % 4], term: COUNCIL_TERMS[index % 4], taxonomy: "council-send" },
      },
    ],
  };
}

/** A /services page of the given services, as an ORUK API answers. */
export function servicesPage(all: readonly unknown[], page: number, perPage: number, listItem: (service: unknown) => unknown = (service) => service) {
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  const contents = all.slice((page - 1) * perPage, page * perPage).map(listItem);
  return {
    total_items: all.length,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** A service as the /services list gives it: its one-to-one fields only. */
export function listItemOf(service: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(service as Record<string, unknown>).filter(([, value]) => !Array.isArray(value)));
}
