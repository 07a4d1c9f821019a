// The directory's filters without a browser: the address both ways, which services each filter
// lets through, the features worked out from a service's facts, and the category pages.
import { describe, expect, it } from "vitest";
import { activeFilters, filtersFromParams, filtersToParams, matchesFilters, NO_FILTERS } from "../../src/lib/directory/filters.ts";
import { cardPlace } from "../../src/lib/directory/card-place.ts";
import { serviceCard, serviceFeatures } from "../../src/lib/directory/service-card.ts";
import { categoryListings, paginationItems } from "../../src/lib/directory/category-pages.ts";

const service = (features: string[], more: Partial<{ categories: string[]; needs: string[]; minAge: number; maxAge: number }> = {}) => ({
  categories: ["holiday-clubs"],
  needs: ["autism"],
  minAge: 5,
  maxAge: 11,
  features,
  ...more,
});

describe("the directory's filters in the address", () => {
  it("round-trips every filter, in the form's order", () => {
    const query =
      "postcode=AL1+3&category=holiday-clubs&need=autism&age=7&distance=5&free=yes&when=weekdays&when=school-holidays&access=quiet-times&online=yes";
    const filters = filtersFromParams(new URLSearchParams(query));
    expect(filters).toEqual({
      postcode: "AL1 3",
      category: "holiday-clubs",
      need: "autism",
      age: "7",
      distance: "5",
      free: true,
      when: ["weekdays", "school-holidays"],
      access: ["quiet-times"],
      online: true,
    });
    expect(filtersToParams(filters).toString()).toBe(query);
    expect(filtersToParams(NO_FILTERS).toString()).toBe("");
  });

  it("keeps only values the form could have sent", () => {
    const filters = filtersFromParams(new URLSearchParams("age=99&need=<b>&distance=7&free=1&when=midnight&access=lift&online=no"));
    expect(filters).toEqual(NO_FILTERS);
  });

  it("lists the filters that are on, each with the filters without it", () => {
    const filters = filtersFromParams(new URLSearchParams("postcode=SG1&need=autism&when=weekends&when=after-school&free=yes"));
    const active = activeFilters(filters);
    expect(active.map(({ name, value }) => `${name}=${value}`)).toEqual(["need=autism", "free=yes", "when=after-school", "when=weekends"]);
    expect(active[2]!.without.when).toEqual(["weekends"]);
    expect(active[0]!.without).toEqual({ ...filters, need: "" });
  });
});

describe("which services the filters let through", () => {
  it("matches age, need, category and each yes-or-no filter", () => {
    const filters = (query: string) => filtersFromParams(new URLSearchParams(query));
    expect(matchesFilters(service([]), filters("age=7&need=autism&category=holiday-clubs"))).toBe(true);
    expect(matchesFilters(service([]), filters("age=12"))).toBe(false);
    expect(matchesFilters(service([]), filters("need=adhd"))).toBe(false);
    expect(matchesFilters(service([]), filters("category=early-years"))).toBe(false);
    expect(matchesFilters(service(["free"]), filters("free=yes"))).toBe(true);
    expect(matchesFilters(service([]), filters("free=yes"))).toBe(false);
    expect(matchesFilters(service(["online"]), filters("online=yes"))).toBe(true);
    expect(matchesFilters(service([]), filters("online=yes"))).toBe(false);
    // Any time asked for will do; every access feature asked for is needed.
    expect(matchesFilters(service(["weekends"]), filters("when=weekdays&when=weekends"))).toBe(true);
    expect(matchesFilters(service(["weekdays"]), filters("when=weekends"))).toBe(false);
    expect(matchesFilters(service(["step-free-access"]), filters("access=step-free-access&access=quiet-times"))).toBe(false);
    expect(matchesFilters(service(["step-free-access", "quiet-times"]), filters("access=step-free-access&access=quiet-times"))).toBe(true);
  });
});

describe("a service's features and card", () => {
  const hours = (days: string[], opens: string, closes: string, when?: "term-time" | "school-holidays") =>
    ({ days, opens, closes, ...(when ? { when } : {}) }) as never;

  it("is free when every price is £0 or its cost says Free", () => {
    expect(serviceFeatures({ cost: "Free", location: { town: "Ware" } })).toContain("free");
    expect(serviceFeatures({ costOptions: [{ amount: 0, for: "families" }], location: { town: "Ware" } })).toContain("free");
    expect(
      serviceFeatures({
        costOptions: [
          { amount: 0, for: "carers" },
          { amount: 5, for: "a session" },
        ],
        location: { town: "Ware" },
      }),
    ).not.toContain("free");
    expect(serviceFeatures({ cost: "£3 a session", location: { town: "Ware" } })).not.toContain("free");
  });

  it("runs on weekdays, after school, at weekends and in school holidays by its opening hours", () => {
    const features = (rows: never[]) => serviceFeatures({ cost: "£1", location: { town: "Ware" }, openingHours: rows });
    expect(features([hours(["saturday"], "10:00", "12:00")])).toEqual(["weekends", "school-holidays"]);
    expect(features([hours(["monday"], "09:00", "15:00", "term-time")])).toEqual(["weekdays"]);
    expect(features([hours(["monday"], "16:00", "18:00", "term-time")])).toEqual(["weekdays", "after-school"]);
    expect(features([hours(["tuesday"], "14:30", "15:30")])).toEqual(["weekdays", "after-school", "school-holidays"]);
    expect(features([hours(["friday"], "18:00", "20:00", "term-time")])).toEqual(["weekdays"]);
    expect(features([hours(["monday", "friday"], "15:30", "17:00", "school-holidays")])).toEqual(["weekdays", "school-holidays"]);
    expect(features([])).toEqual([]);
  });

  it("has the access features families filter by, and counts phone and online services", () => {
    expect(serviceFeatures({ cost: "£1", location: { town: "Ware", accessibility: ["hearing-loop", "changing-places-toilet", "step-free-access"] } })).toEqual([
      "step-free-access",
      "changing-places-toilet",
    ]);
    expect(serviceFeatures({ cost: "£1" })).toEqual(["online"]);
    expect(serviceFeatures({ cost: "£1", serviceArea: "online-or-phone", location: { town: "Ware" } })).toEqual(["online"]);
  });

  it("says what a family asks in a card: ages and cost, when, and needs by name", () => {
    const card = serviceCard(
      {
        description: "Saturday swimming.",
        costOptions: [{ amount: 0, for: "everyone" }],
        ages: { min: 5, max: 11 },
        needs: ["autism", "adhd"],
        openingHours: [hours(["saturday"], "10:00", "12:00")],
      },
      [
        { id: "autism", name: "Autism" },
        { id: "adhd", name: "ADHD" },
      ],
    );
    expect(card).toEqual({ description: "Saturday swimming.", facts: ["Ages 5 to 11. Free.", "Saturdays, 10am to midday.", "Needs: Autism and ADHD."] });
    expect(serviceCard({ cost: "£3 a session.", ages: { min: 0, max: 5 } }, []).facts).toEqual(["Ages 0 to 5. £3 a session."]);
    expect(cardPlace("Ware", "less than half a mile")).toBe("Ware, less than half a mile away");
    expect(cardPlace(undefined, undefined)).toBe("By phone or online");
  });
});

describe("category pages", () => {
  it("lists 50 services a page, with every page's address", () => {
    const services = Array.from({ length: 120 }, (_, index) => index);
    const listings = categoryListings([{ id: "holiday-clubs" }, { id: "early-years" }], (category) => (category.id === "early-years" ? [] : services));
    expect(listings.map(({ category, pageNumber, first, services }) => [category.id, pageNumber, first, services.length])).toEqual([
      ["holiday-clubs", 1, 1, 50],
      ["holiday-clubs", 2, 51, 50],
      ["holiday-clubs", 3, 101, 20],
      ["early-years", 1, 1, 0],
    ]);
    expect(listings[0]!.pageUrls).toEqual([
      "/services/category/holiday-clubs/",
      "/services/category/holiday-clubs/page-2/",
      "/services/category/holiday-clubs/page-3/",
    ]);
    expect(listings[1]!.pageItems).toEqual([
      { number: 1, href: "/services/category/holiday-clubs/", current: false },
      { number: 2, href: "/services/category/holiday-clubs/page-2/", current: true },
      { number: 3, href: "/services/category/holiday-clubs/page-3/", current: false },
    ]);
  });

  it("links the first, last and next-door pages of a long category, with gaps between", () => {
    const urls = Array.from({ length: 14 }, (_, index) => `/p${index + 1}/`);
    const shown = (pageNumber: number) =>
      paginationItems(urls, pageNumber).map((item) => ("ellipsis" in item ? "…" : item.current ? `[${item.number}]` : item.number));
    expect(shown(1)).toEqual(["[1]", 2, "…", 14]);
    expect(shown(7)).toEqual([1, "…", 6, "[7]", 8, "…", 14]);
    expect(shown(14)).toEqual([1, "…", 13, "[14]"]);
  });
});
