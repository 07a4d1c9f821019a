// Usage figures, which a council can switch on in the settings (`analytics`), from a short list of
// providers. Everything the site needs to know about one is here: where its script comes from, the
// origins the Content-Security-Policy must then allow, the cookies it sets (for the register on
// /cookies/ and for deleting them when a family says no), and how it is told about a page and about
// a search that found nothing. The build and the browser share it; nothing here runs on its own.

/** The providers a council can choose, by the name the settings give them. */
export const ANALYTICS_PROVIDERS = ["plausible", "google-analytics-4"] as const;

export const isAnalyticsProviderId = (value: unknown): value is AnalyticsSettings["provider"] => (ANALYTICS_PROVIDERS as readonly unknown[]).includes(value);

/** As the settings have it: GA4 also needs its measurement ID (the settings' schema says so). */
export interface AnalyticsSettings {
  provider: (typeof ANALYTICS_PROVIDERS)[number];
  measurementId?: string | undefined;
}

/** A GA4 measurement ID, such as G-ABC123XYZ. */
export const GA4_MEASUREMENT_ID = /^G-[A-Z0-9]{4,12}$/;

/** A cookie the provider's script sets, as the cookies page lists it. */
interface AnalyticsCookie {
  name: string;
  purpose: string;
  expires: string;
}

export interface AnalyticsProvider {
  id: AnalyticsSettings["provider"];
  /** The provider's name as families read it on the cookies page, in the banner and in the privacy notice. */
  name: string;
  /** The provider's script, loaded only once a family agrees. */
  scriptUrl: string;
  /** What the provider counts the visits as (see analyticsSiteId). */
  siteId: string;
  /** Origins the policy must allow, by directive: only these, and only while analytics is switched on. */
  origins: { script: string[]; connect: string[]; img: string[] };
  cookies: AnalyticsCookie[];
  /** The provider's own privacy policy. */
  privacyUrl: string;
}

const PLAUSIBLE_ORIGIN = "https://plausible.io";
const GOOGLE_TAG_ORIGIN = "https://www.googletagmanager.com";

/** What the provider counts the visits as: the live site's host for Plausible, the measurement ID for GA4. */
function analyticsSiteId(settings: AnalyticsSettings, baseUrl: string): string {
  return settings.provider === "plausible" ? new URL(baseUrl).host : (settings.measurementId ?? "");
}

/** A provider by its name in the settings and its site id (see analyticsSiteId). */
export function analyticsProvider(id: AnalyticsSettings["provider"], siteId: string): AnalyticsProvider {
  if (id === "plausible") {
    return {
      id: "plausible",
      name: "Plausible Analytics",
      // The manual script counts a page only when told, so the site tells it the address without
      // its query: a search's words never leave the page that way.
      scriptUrl: `${PLAUSIBLE_ORIGIN}/js/script.manual.js`,
      siteId,
      origins: { script: [PLAUSIBLE_ORIGIN], connect: [PLAUSIBLE_ORIGIN], img: [] },
      cookies: [],
      privacyUrl: "https://plausible.io/privacy",
    };
  }
  const measurementId = siteId;
  return {
    id: "google-analytics-4",
    name: "Google Analytics",
    scriptUrl: `${GOOGLE_TAG_ORIGIN}/gtag/js?id=${measurementId}`,
    siteId: measurementId,
    // Google's own list for GA4: the tag from the tag manager's origin, hits sent to Google
    // Analytics' collection servers (by region), with an image as its fallback.
    origins: {
      script: [GOOGLE_TAG_ORIGIN],
      connect: ["https://*.google-analytics.com", "https://*.analytics.google.com", GOOGLE_TAG_ORIGIN],
      img: ["https://*.google-analytics.com", GOOGLE_TAG_ORIGIN],
    },
    cookies: [
      {
        name: "_ga",
        purpose: "Gives your browser a random number, so Google Analytics can count how many people use the site without knowing who they are.",
        expires: "2 years",
      },
      {
        name: `_ga_${measurementId.slice("G-".length)}`,
        purpose: "Remembers your visit, so Google Analytics can count how many pages you looked at in one visit.",
        expires: "2 years",
      },
    ],
    privacyUrl: "https://policies.google.com/privacy",
  };
}

/** The provider the settings switch on, if any. */
export function analyticsProviderOf(settings: { baseUrl: string; analytics?: AnalyticsSettings | undefined } | undefined): AnalyticsProvider | undefined {
  return settings?.analytics ? analyticsProvider(settings.analytics.provider, analyticsSiteId(settings.analytics, settings.baseUrl)) : undefined;
}

/** The longest search term counted: enough for what families type, too short to carry a letter. */
const COUNTED_TERM_LENGTH = 100;

/**
 * A search term as it is counted: its words only (spaces squeezed, lower case, at most
 * COUNTED_TERM_LENGTH characters), with email addresses and long numbers (phone numbers, NHS and
 * reference numbers) taken out, so a family who types one does not send it to the provider.
 */
export function countedSearchTerm(query: string): string {
  return query
    .replace(/\S+@\S+/g, "[email]")
    .replace(/\d[\d ]{4,}\d/g, "[number]")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase()
    .slice(0, COUNTED_TERM_LENGTH);
}

/** A page's address as counted: no query and no fragment, so nothing typed into a form or search goes with it. */
function countedAddress(href: string): string {
  const url = new URL(href);
  return `${url.origin}${url.pathname}`;
}

/** The name a search that found nothing is counted under, by provider. */
const NOTHING_FOUND_COUNTED_AS = { plausible: "Search found nothing", "google-analytics-4": "search_nothing_found" } as const;

/**
 * The calls that tell the provider's queue about a page view (and, for GA4, set it up), as the
 * arguments of `plausible(...)` or `gtag(...)`: pure, so both can be checked without a browser.
 * The address goes without its query. (The page before's query stays behind too: with analytics
 * on, pages ask the browser to give only the site's origin as the referrer; see base.njk.)
 */
export function pageViewCalls(provider: AnalyticsProvider, pageHref: string, now: Date): unknown[][] {
  const address = countedAddress(pageHref);
  if (provider.id === "plausible") return [["pageview", { u: address }]];
  return [
    ["js", now],
    ["config", provider.siteId, { page_location: address }],
  ];
}

/** The call that counts a search that found nothing: the counted term and nothing else. */
export function nothingFoundCall(provider: AnalyticsProvider, query: string): unknown[] {
  const term = countedSearchTerm(query);
  return provider.id === "plausible"
    ? [NOTHING_FOUND_COUNTED_AS.plausible, { props: { term } }]
    : ["event", NOTHING_FOUND_COUNTED_AS["google-analytics-4"], { search_term: term }];
}
