// Where the static Open Referral UK feed's files are and what its answers around the services say:
// the API's "/" answer and the Page wrapper of a /services page (see docs/open-referral.md).
import type { OrukServiceListItem } from "./to-oruk.ts";

/** The feed's root on the site. */
export const FEED_ROOT = "/openreferral/";

/** The API's "/" answer. */
export const API_INFO_FILE = "/openreferral/index.json";

/** Page 1 of /services, at the address a client that adds no ?page= asks for. */
export const SERVICES_INDEX_FILE = "/openreferral/services/index.json";

/** The profile's API description, published beside the feed so openapi_url always answers. */
export const OPENAPI_FILE = "/openreferral/openapi.json";

/** The feed's files whose addresses never change: the ones pages may link to. */
export const FEED_FILES = [API_INFO_FILE, SERVICES_INDEX_FILE, OPENAPI_FILE] as const;

/** As many services as ORUK's default per_page, so a client's first page is the feed's. */
export const SERVICES_PER_PAGE = 100;

/** The HSDS version the feed follows, and where the UK profile of it is described. */
export const HSDS_VERSION = "3.0";
export const ORUK_PROFILE_URL = "https://openreferraluk.org/";

/** Page n of /services, from 1. */
export const servicesPageFile = (pageNumber: number) => `/openreferral/services/page-${pageNumber}.json`;

/** One service, whole. */
export const serviceFile = (id: string) => `/openreferral/services/${id}.json`;

/** The answer to GET / (openapi.json's "/" response). */
export function apiInfo(baseUrl: string): { version: string; profile: string; openapi_url: string } {
  return { version: HSDS_VERSION, profile: ORUK_PROFILE_URL, openapi_url: `${baseUrl}${OPENAPI_FILE}` };
}

/** The /services pages: always at least one, so page 1 answers even while the directory is empty. */
export function pageCount(totalItems: number): number {
  return Math.max(1, Math.ceil(totalItems / SERVICES_PER_PAGE));
}

export interface ServicesPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: OrukServiceListItem[];
}

/** One page of /services (openapi.json's Page, with its contents). */
export function servicesPage(contents: OrukServiceListItem[], pageNumber: number, totalItems: number): ServicesPage {
  const totalPages = pageCount(totalItems);
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber === totalPages,
    empty: totalItems === 0,
    contents,
  };
}
