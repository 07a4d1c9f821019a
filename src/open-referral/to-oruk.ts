// One site service as Open Referral UK 3.0 publishes it, following the field mapping in
// docs/open-referral.md: the whole service for /services/{id}, and the one-to-one fields for a
// /services page. Pure, so the feed and its tests map the same way.
import { ACCESS_ROUTES, SEASONS, type Service, type WEEKDAYS } from "../content/schemas.ts";
import type { Coordinates } from "../lib/postcode.ts";
import { KIT_TAXONOMIES, partId, serviceId, termId } from "./ids.ts";

/** An entry of one of the site's controlled lists, as content/_data/lists/ has it. */
export interface ListEntry {
  id: string;
  name: string;
  description: string;
}

/** What the mapping needs from the site beyond the service itself. */
export interface FeedSite {
  baseUrl: string;
  /** The settings' areaName: every address's state_province. */
  areaName: string;
  lists: { categories: readonly ListEntry[]; needs: readonly ListEntry[]; accessibility: readonly ListEntry[]; areas: readonly ListEntry[] };
}

/** A service page as the build has it. */
export interface SiteService {
  data: Service;
  /** The page's address on the site, such as /services/hatfield-splash-sessions/. */
  url: string;
  /** The Markdown below the front matter, as the editor wrote it. */
  body: string;
  /** The postcode's centroid; undefined for a service with no place to visit. */
  geo: Coordinates | undefined;
}

interface TaxonomyTerm {
  id: string;
  name: string;
  description: string;
  taxonomy: string;
  term: string;
}

export interface OrukAttribute {
  id: string;
  link_id: string;
  link_type: "service";
  taxonomy_term_id: string;
  taxonomy_term: TaxonomyTerm;
}

export interface OrukSchedule {
  id: string;
  freq?: "WEEKLY";
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  description?: string;
  notes?: string;
}

export interface OrukAccessibility {
  id: string;
  accessibility?: string;
  description?: string;
  details?: string;
}

export interface OrukLocation {
  id: string;
  location_type: "physical";
  latitude?: number;
  longitude?: number;
  addresses: Array<{
    id: string;
    address_1: string;
    city: string;
    state_province: string;
    postal_code: string;
    country: "GB";
    address_type: "physical";
  }>;
  accessibility?: OrukAccessibility[];
}

export interface OrukOrganization {
  id: string;
  name: string;
  description: string;
  website?: string;
}

/** The one-to-one fields of a service: an item of a /services page (service_list.json). */
export interface OrukServiceListItem {
  id: string;
  organization_id?: string;
  name: string;
  description: string;
  url?: string;
  email?: string;
  status: "active";
  fees?: string;
  minimum_age: number;
  maximum_age: number;
  assured_date: string;
  last_modified: string;
  organization?: OrukOrganization;
}

/** A whole service, for /services/{id} (service.json, with HSDS 3.0's phones and eligibility_description). */
export interface OrukService extends OrukServiceListItem {
  eligibility_description?: string;
  phones?: Array<{ id: string; number: string }>;
  languages?: Array<{ id: string; name: string }>;
  service_areas?: Array<{ id: string; name: string; service_area: string }>;
  cost_options?: Array<{ id: string; amount: number; amount_description: string }>;
  schedules?: OrukSchedule[];
  service_at_locations?: Array<{ id: string; location_id: string; location: OrukLocation }>;
  attributes: OrukAttribute[];
}

/** RFC 5545's day codes, which HSDS's byday uses. */
const DAY_CODES: Record<(typeof WEEKDAYS)[number], string> = {
  monday: "MO",
  tuesday: "TU",
  wednesday: "WE",
  thursday: "TH",
  friday: "FR",
  saturday: "SA",
  sunday: "SU",
};

/**
 * A schedule's description when its hours apply in part of the year only: exactly "Term time only"
 * or "School holidays only", so the import reads `when` back by comparing the whole text.
 */
export const SEASON_DESCRIPTIONS: Record<keyof typeof SEASONS, string> = {
  "term-time": sentenceCase(SEASONS["term-time"]),
  "school-holidays": sentenceCase(SEASONS["school-holidays"]),
};

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A way in's name in the access taxonomy: its id in words ("referral-needed" → "Referral needed"). */
export function accessRouteName(route: keyof typeof ACCESS_ROUTES): string {
  return sentenceCase(route.replace(/-/g, " "));
}

/** Lists are checked before the feed is made, so an unknown id is the build's fault, not the editor's. */
function entryOf(list: readonly ListEntry[], id: string, listName: string): ListEntry {
  const entry = list.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`"${id}" is not in content/_data/lists/${listName}.yaml, which the content check should have caught`);
  return entry;
}

function attribute(serviceUuid: string, taxonomy: string, term: string, name: string, description: string): OrukAttribute {
  const id = termId(taxonomy, term);
  return {
    id: partId(serviceUuid, `attribute/${taxonomy}/${term}`),
    link_id: serviceUuid,
    link_type: "service",
    taxonomy_term_id: id,
    taxonomy_term: { id, name, description, taxonomy, term },
  };
}

/** The page's name when it is at /services/<name>/, the address an import of this feed gives it again. */
function pageAttribute(serviceUuid: string, url: string, site: FeedSite): OrukAttribute[] {
  const name = /^\/services\/([a-z0-9]+(?:-[a-z0-9]+)*)\/$/.exec(url)?.[1];
  return name ? [attribute(serviceUuid, KIT_TAXONOMIES.page, name, "Page on this site", `${site.baseUrl}${url}`)] : [];
}

function schedules(serviceUuid: string, service: Service): OrukSchedule[] {
  const hours = service.openingHours ?? [];
  const weekly = hours.map(
    (row, index): OrukSchedule => ({
      id: partId(serviceUuid, `schedule/${index}`),
      freq: "WEEKLY",
      byday: row.days.map((day) => DAY_CODES[day]).join(","),
      opens_at: `${row.opens}:00`,
      closes_at: `${row.closes}:00`,
      ...(row.when ? { description: SEASON_DESCRIPTIONS[row.when] } : {}),
      ...(row.note ? { notes: row.note } : {}),
    }),
  );
  const inWords = (service.openingTimes ?? []).map(
    (line, index): OrukSchedule => ({ id: partId(serviceUuid, `schedule/${hours.length + index}`), description: line }),
  );
  return [...weekly, ...inWords];
}

function location(serviceUuid: string, service: Service, geo: Coordinates | undefined, site: FeedSite): OrukLocation | undefined {
  const place = service.location;
  if (!place) return undefined;
  const features: OrukAccessibility[] = (place.accessibility ?? []).map((featureId, index) => {
    const feature = entryOf(site.lists.accessibility, featureId, "accessibility");
    return { id: partId(serviceUuid, `accessibility/${index}`), accessibility: feature.name, description: feature.description };
  });
  if (place.accessibilityNote) features.push({ id: partId(serviceUuid, "accessibility/note"), details: place.accessibilityNote });
  return {
    id: partId(serviceUuid, "location"),
    location_type: "physical",
    ...(geo ? { latitude: geo.latitude, longitude: geo.longitude } : {}),
    addresses: [
      {
        id: partId(serviceUuid, "address"),
        address_1: place.address,
        city: place.town,
        state_province: site.areaName,
        postal_code: place.postcode,
        country: "GB",
        address_type: "physical",
      },
    ],
    ...(features.length > 0 ? { accessibility: features } : {}),
  };
}

/** A service, whole, as /services/{id} answers. */
export function toOrukService({ data: service, url, body, geo }: SiteService, site: FeedSite): OrukService {
  const id = serviceId(service, site.baseUrl, url);
  const organization: OrukOrganization | undefined = service.organisation && {
    id: partId(id, "organization"),
    name: service.organisation.name,
    description: `Runs ${service.title}.`,
    ...(service.organisation.website ? { website: service.organisation.website } : {}),
  };
  const markdown = body.trim();
  const place = location(id, service, geo, site);
  const timetable = schedules(id, service);
  const area = service.serviceArea ? entryOf(site.lists.areas, service.serviceArea, "areas") : undefined;
  return {
    id,
    ...(organization ? { organization_id: organization.id } : {}),
    name: service.title,
    description: markdown ? `${service.description}\n\n${markdown}` : service.description,
    ...(service.contact.website ? { url: service.contact.website } : {}),
    ...(service.contact.email ? { email: service.contact.email } : {}),
    status: "active",
    ...(service.cost ? { fees: service.cost } : {}),
    minimum_age: service.ages.min,
    maximum_age: service.ages.max,
    assured_date: service.lastReviewed,
    last_modified: `${service.lastReviewed}T00:00:00Z`,
    ...(organization ? { organization } : {}),
    ...(service.eligibility ? { eligibility_description: service.eligibility } : {}),
    ...(service.contact.phone ? { phones: [{ id: partId(id, "phone"), number: service.contact.phone }] } : {}),
    ...(service.languages ? { languages: service.languages.map((name, index) => ({ id: partId(id, `language/${index}`), name })) } : {}),
    ...(area ? { service_areas: [{ id: partId(id, "service-area"), name: area.name, service_area: area.id }] } : {}),
    ...(service.costOptions
      ? {
          cost_options: service.costOptions.map((option, index) => ({
            id: partId(id, `cost-option/${index}`),
            amount: option.amount,
            amount_description: option.for,
          })),
        }
      : {}),
    ...(timetable.length > 0 ? { schedules: timetable } : {}),
    ...(place ? { service_at_locations: [{ id: partId(id, "service-at-location"), location_id: place.id, location: place }] } : {}),
    attributes: [
      ...service.categories.map((term) => {
        const { name, description } = entryOf(site.lists.categories, term, "categories");
        return attribute(id, KIT_TAXONOMIES.categories, term, name, description);
      }),
      ...service.needs.map((term) => {
        const { name, description } = entryOf(site.lists.needs, term, "needs");
        return attribute(id, KIT_TAXONOMIES.needs, term, name, description);
      }),
      ...(service.howToAccess ?? []).map((route) => attribute(id, KIT_TAXONOMIES.access, route, accessRouteName(route), ACCESS_ROUTES[route])),
      ...pageAttribute(id, url, site),
      ...(service.keywords ?? []).map((word) => attribute(id, KIT_TAXONOMIES.keywords, word, word, `A word families might search for: ${word}.`)),
      ...(service.reviewDue
        ? [attribute(id, KIT_TAXONOMIES.reviewDue, service.reviewDue, "Next review due", `Editors next check this service by ${service.reviewDue}.`)]
        : []),
    ],
  };
}

/** The fields of a /services page's items, in the whole service's order. */
const LIST_FIELDS = [
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
] as const satisfies ReadonlyArray<keyof OrukServiceListItem>;

/** A service as a /services page lists it: its one-to-one fields and its organisation. */
export function toOrukListItem(service: OrukService): OrukServiceListItem {
  const item: Record<string, unknown> = {};
  for (const field of LIST_FIELDS) if (service[field] !== undefined) item[field] = service[field];
  return item as unknown as OrukServiceListItem;
}
