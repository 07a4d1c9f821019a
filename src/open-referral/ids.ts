// The ids the feed gives what it publishes. ORUK wants a UUID for every record; a version 5 UUID is
// a hash of a name, so the same service always gets the same ids and a re-import finds them again.
import { v5 as uuidv5 } from "uuid";

/** The namespace of this kit's ids: a version 5 UUID of its name in the URL namespace. */
const KIT_NAMESPACE = uuidv5("https://github.com/send-local-offer/kit", uuidv5.URL);

/** A service's id in the feed: its own ORUK id when it has one, or one made from the page's address. */
export function serviceId(service: { orukId?: string | undefined }, baseUrl: string, pageUrl: string): string {
  return service.orukId ?? uuidv5(`${baseUrl}${pageUrl}`, KIT_NAMESPACE);
}

/** The id of a part of a service (a location, a schedule, a cost option): "location", "schedule/2", … */
export function partId(serviceUuid: string, part: string): string {
  return uuidv5(part, serviceUuid);
}

/** The id of a term in one of the kit's taxonomies, the same on every site that uses the kit. */
export function termId(taxonomy: string, term: string): string {
  return uuidv5(`${taxonomy}/${term}`, KIT_NAMESPACE);
}

/** The taxonomies the feed writes the site's controlled lists in; the import reads them back as they are. */
export const KIT_TAXONOMIES = {
  categories: "send-local-offer-categories",
  needs: "send-local-offer-needs",
  access: "send-local-offer-access",
  /** The service's page on the publishing site, by its name in /services/<name>/, so an import keeps the address. */
  page: "send-local-offer-page",
  /** When the publishing site's editors next check the service, a date YYYY-MM-DD: ORUK has no field for it. */
  reviewDue: "send-local-offer-review-due",
  /** The words families might search for that the site's editors gave the service. */
  keywords: "send-local-offer-keywords",
} as const;
