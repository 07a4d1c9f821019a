// The /services pages' wrapper and the feed's "/" answer, apart from any site.
import { describe, expect, it } from "vitest";
import { apiInfo, pageCount, servicesPage } from "../../src/open-referral/feed.ts";
import { errorsOf, orukValidators } from "../helpers/oruk-schemas.ts";

const item = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  name: `Service ${n}`,
  description: "A service.",
  status: "active" as const,
  minimum_age: 0,
  maximum_age: 25,
  assured_date: "2026-11-01",
  last_modified: "2026-11-01T00:00:00Z",
});

describe("servicesPage", () => {
  it("counts 100 services a page, the last page holding the rest", () => {
    expect([0, 1, 100, 101, 250].map(pageCount)).toEqual([1, 1, 1, 2, 3]);
    const last = servicesPage([item(201), item(202)], 3, 202);
    expect(last).toMatchObject({ total_items: 202, total_pages: 3, page_number: 3, size: 2, first_page: false, last_page: true, empty: false });
    const middle = servicesPage([item(101)], 2, 202);
    expect(middle).toMatchObject({ page_number: 2, first_page: false, last_page: false });
    const { page } = orukValidators();
    expect(page(last), errorsOf(page)).toBe(true);
  });

  it("answers page 1 of an empty directory, saying it is empty", () => {
    expect(servicesPage([], 1, 0)).toEqual({
      total_items: 0,
      total_pages: 1,
      page_number: 1,
      size: 0,
      first_page: true,
      last_page: true,
      empty: true,
      contents: [],
    });
  });
});

describe("apiInfo", () => {
  it("gives the HSDS version, the profile and the site's own copy of the API description", () => {
    const info = apiInfo("https://localoffer.example");
    expect(info).toEqual({ version: "3.0", profile: "https://openreferraluk.org/", openapi_url: "https://localoffer.example/openreferral/openapi.json" });
    const { apiInfo: validate } = orukValidators();
    expect(validate(info), errorsOf(validate)).toBe(true);
  });
});
