// Usage figures a council can switch on: each supported provider's script, origins and cookies, the
// Content-Security-Policy with and without one, the consent cookie's separate analytics answer,
// what is counted (addresses without their query, a search's words alone), and the checks that
// stop the privacy notice and cookies page saying the site counts nothing once it does.
import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { settingsSchema } from "../../src/content/schemas.ts";
import { cookieDomainsFor, isAnalyticsCookie } from "../../src/lib/analytics/cookies.ts";
import { analyticsProvider, analyticsProviderOf, countedSearchTerm, nothingFoundCall, pageViewCalls } from "../../src/lib/analytics/providers.ts";
import { decodeConsent, encodeConsent } from "../../src/lib/cookies/consent.ts";
import { POLICY_VERSION } from "../../src/lib/cookies/register.ts";
import { contentSecurityPolicy, headersFile } from "../../src/pipeline/security-headers.ts";
import { headersFor, parseHeadersFile } from "../../src/server/netlify-headers.ts";
import { checkInProcess } from "../helpers/check.ts";
import { copyOfContent, editText, lineMatching } from "../helpers/project.ts";

const BASE_URL = "https://localoffer.hartsfield.example";
const plausible = analyticsProvider("plausible", "localoffer.hartsfield.example");
const ga4 = analyticsProvider("google-analytics-4", "G-TEST12345");
/** The policy netlify.toml sent before analytics could be switched on, to the byte. */
const STRICT_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((directive) => [directive.split(" ")[0]!, directive]));

describe("the supported providers", () => {
  it("are chosen in the settings, and nothing is on without one", () => {
    expect(analyticsProviderOf({ baseUrl: BASE_URL })).toBeUndefined();
    expect(analyticsProviderOf({ baseUrl: BASE_URL, analytics: { provider: "plausible" } })).toEqual(plausible);
    expect(analyticsProviderOf({ baseUrl: BASE_URL, analytics: { provider: "google-analytics-4", measurementId: "G-TEST12345" } })).toEqual(ga4);
    const refused = (analytics: unknown) =>
      settingsSchema.safeParse({
        councilName: "Hartsfield County Council",
        siteName: "Hartsfield SEND Local Offer",
        areaName: "Hartsfield",
        baseUrl: BASE_URL,
        brandColour: "#1d4f6e",
        contact: { phone: "01632 960000", email: "send@hartsfield.example", address: "County Hall, Hertford", openingHours: "Monday to Friday" },
        analytics,
      }).success === false;
    expect(refused({ provider: "plausible" })).toBe(false);
    expect(refused({ provider: "google-analytics-4", measurementId: "G-TEST12345" })).toBe(false);
    for (const bad of [
      { provider: "matomo" },
      { provider: "google-analytics-4" },
      { provider: "google-analytics-4", measurementId: "UA-1234-1" },
      { provider: "plausible", measurementId: "G-TEST12345" },
      { provider: "plausible", script: "x" },
    ]) {
      expect(refused(bad), JSON.stringify(bad)).toBe(true);
    }
  });

  it("load from the provider's own origin: Plausible cookie-free, GA4 with its two cookies", () => {
    expect(plausible.scriptUrl).toBe("https://plausible.io/js/script.manual.js");
    expect(plausible.cookies).toEqual([]);
    expect(ga4.scriptUrl).toBe("https://www.googletagmanager.com/gtag/js?id=G-TEST12345");
    expect(ga4.cookies.map((cookie) => cookie.name)).toEqual(["_ga", "_ga_TEST12345"]);
    for (const name of ["_ga", "_ga_TEST12345"]) expect(isAnalyticsCookie(name), name).toBe(true);
    for (const name of ["_gat", "_gid", "ga", "cookie-consent", "saved-pages", "_ga_<img>"]) expect(isAnalyticsCookie(name), name).toBe(false);
  });
});

describe("the Content-Security-Policy", () => {
  it("is, with analytics off, the strict policy netlify.toml had, in the _headers file the local server reads as Netlify does", () => {
    expect(contentSecurityPolicy()).toBe(STRICT_POLICY);
    const rules = parseHeadersFile(headersFile());
    expect(headersFor("/any/page/", rules)).toEqual({ "Content-Security-Policy": STRICT_POLICY });
  });

  it("allows the provider's origins, and only those, where it is switched on", () => {
    const withPlausible = directives(contentSecurityPolicy(plausible));
    expect(withPlausible["script-src"]).toBe("script-src 'self' https://plausible.io");
    expect(withPlausible["connect-src"]).toBe("connect-src 'self' https://plausible.io");
    const withGa4 = directives(contentSecurityPolicy(ga4));
    expect(withGa4["script-src"]).toBe("script-src 'self' https://www.googletagmanager.com");
    expect(withGa4["connect-src"]).toBe("connect-src 'self' https://*.google-analytics.com https://*.analytics.google.com https://www.googletagmanager.com");
    expect(withGa4["img-src"]).toBe("img-src 'self' https://*.google-analytics.com https://www.googletagmanager.com");
    // Every other directive is as strict as without analytics: still no inline script.
    const strict = directives(STRICT_POLICY);
    for (const policy of [withPlausible, withGa4]) {
      for (const name of Object.keys(strict).filter((name) => !["script-src", "connect-src", "img-src"].includes(name)))
        expect(policy[name]).toBe(strict[name]);
      expect(Object.values(policy).join(" ")).not.toMatch(/unsafe|\*(?!\.)/);
    }
  });
});

describe("the consent cookie's analytics answer", () => {
  it("is a separate yes or no, and a cookie without one (as every site without analytics writes) means not agreed", () => {
    expect(encodeConsent(true)).toBe(`v${POLICY_VERSION}-yes`);
    expect(encodeConsent(true, false)).toBe(`v${POLICY_VERSION}-yes-analytics-no`);
    expect(encodeConsent(false, true)).toBe(`v${POLICY_VERSION}-no-analytics-yes`);
    expect(decodeConsent(`v${POLICY_VERSION}-no-analytics-yes`)).toEqual({ version: POLICY_VERSION, feature: false, analytics: true });
    expect(decodeConsent(`v${POLICY_VERSION}-yes`)?.analytics).toBeUndefined();
    expect(decodeConsent(`v${POLICY_VERSION}-yes`)?.feature).toBe(true);
  });

  it("counts a tampered answer as no choice at all", () => {
    for (const value of [
      "v1-yes-analytics-maybe",
      "v1-yes-analytics-",
      "v1-yes-analytics-yes-analytics-yes",
      "v1-analytics-yes",
      "v1-yes-analytics-yes ",
      "v1-yes-Analytics-yes",
    ]) {
      expect(decodeConsent(value), value).toBeUndefined();
    }
  });
});

describe("what is counted", () => {
  it("is each page's address without its query, on a queue the provider's script reads", () => {
    const page = `${BASE_URL}/search/?q=my+son+has+adhd#results`;
    expect(pageViewCalls(plausible, page, new Date(0))).toEqual([["pageview", { u: `${BASE_URL}/search/` }]]);
    expect(pageViewCalls(ga4, page, new Date(0))).toEqual([
      ["js", new Date(0)],
      ["config", "G-TEST12345", { page_location: `${BASE_URL}/search/` }],
    ]);
  });

  it("is a search that found nothing, by its words alone, without addresses or numbers anyone typed", () => {
    expect(nothingFoundCall(plausible, "  Portage   HOME visits ")).toEqual(["Search found nothing", { props: { term: "portage home visits" } }]);
    expect(nothingFoundCall(ga4, "portage")).toEqual(["event", "search_nothing_found", { search_term: "portage" }]);
    expect(countedSearchTerm("email jo.bloggs@example.com or 07700 900123 about nhs 943 476 5919")).toBe("email [email] or [number] about nhs [number]");
    expect(countedSearchTerm("a".repeat(300))).toHaveLength(100);
  });

  it("deletes the provider's cookies on the host and every parent domain GA4 may have set them on", () => {
    expect(cookieDomainsFor("localoffer.hartsfield.gov.uk")).toEqual(["localoffer.hartsfield.gov.uk", "hartsfield.gov.uk", "gov.uk"]);
    expect(cookieDomainsFor("www.hartsfield.test")).toEqual(["www.hartsfield.test", "hartsfield.test"]);
    expect(cookieDomainsFor("127.0.0.1")).toEqual([]);
    expect(cookieDomainsFor("localhost")).toEqual([]);
  });
});

describe("the content check, with analytics switched on", () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("names each sentence that still says the site uses no analytics, a privacy notice that does not name the provider, and a missing SENDIASS", async () => {
    dir = await copyOfContent();
    await editText(
      dir,
      "content/_data/settings.yaml",
      (text) =>
        `${text.replace(/^sendiassService: .*$/m, "sendiassService: no-such-service")}analytics: { provider: google-analytics-4, measurementId: G-TEST12345 }\n`,
    );
    const [privacy, cookiesLead, cookiesItem, sendiass] = await Promise.all([
      lineMatching(dir, "content/privacy.md", /^We do not use analytics/),
      lineMatching(dir, "content/cookies.md", /^We do not use:/),
      lineMatching(dir, "content/cookies.md", /^- analytics tools/),
      lineMatching(dir, "content/_data/settings.yaml", /^sendiassService:/),
    ]);
    const says =
      "says the site uses no analytics, but content/_data/settings.yaml switches on Google Analytics (expected it to say the site counts visits with Google Analytics, only if you agree)";
    const result = await checkInProcess(dir);
    expect(result.code).toBe(1);
    expect(result.stderr.split("\n").filter((line) => line.startsWith("content/"))).toEqual([
      `content/_data/settings.yaml:${sendiass} sendiassService: there is no service content/services/no-such-service.md (expected the name of the SENDIASS's file in content/services/, without .md)`,
      `content/cookies.md:${cookiesItem}: ${says}`,
      "content/privacy.md:1: does not name Google Analytics, which content/_data/settings.yaml switches on (expected a section saying what it counts and that it runs only if you agree)",
      `content/privacy.md:${privacy}: ${says}`,
    ]);
    // The lead-in line itself says nothing of analytics.
    expect(result.stderr).not.toContain(`content/cookies.md:${cookiesLead}:`);
  });
});
