import { describe, expect, it } from "vitest";
import { decodeConsent, encodeConsent } from "../../src/lib/cookies/consent.ts";
import {
  COOKIE_PURPOSES,
  COOKIE_REGISTER,
  isFeatureCookie,
  lifetimeDays,
  lifetimeText,
  POLICY_VERSION,
  registerEntryFor,
} from "../../src/lib/cookies/register.ts";
import { decodePageIds, encodePageIds, MAX_SAVED_PAGES, pageIdOf, decodeSavedList, encodeSavedList } from "../../src/lib/saved-pages/page-ids.ts";

describe("the cookie register", () => {
  it("names each cookie once, in one of the two categories", () => {
    expect(new Set(COOKIE_REGISTER.map((entry) => entry.name)).size).toBe(COOKIE_REGISTER.length);
    for (const entry of COOKIE_REGISTER) expect(["Required functionality", "Performance and feature"]).toContain(entry.category);
    expect(COOKIE_REGISTER.filter((entry) => entry.category === "Required functionality").map((entry) => entry.name)).toEqual(["cookie-consent"]);
    // Every cookie says what it is for, and nothing else is described.
    expect(Object.keys(COOKIE_PURPOSES).sort()).toEqual(COOKIE_REGISTER.map((entry) => entry.name).sort());
    for (const purpose of Object.values(COOKIE_PURPOSES)) expect(purpose).toMatch(/^[A-Z].{20,}\.$/);
  });

  it("matches a ready reckoner's cookies by its id, and nothing else", () => {
    expect(registerEntryFor("transport-help-history")?.name).toBe("<reckoner>-history");
    expect(registerEntryFor("transport-help-content")?.name).toBe("<reckoner>-content");
    expect(registerEntryFor("-history")).toBeUndefined();
    expect(registerEntryFor("_ga")).toBeUndefined();
    expect(isFeatureCookie("saved-pages")).toBe(true);
    expect(isFeatureCookie("cookie-consent")).toBe(false);
  });

  it("says each lifetime in words, and gives fixed ones in days", () => {
    expect(lifetimeText({ days: 365 })).toBe("1 year");
    expect(lifetimeText({ days: 30 })).toBe("1 month");
    expect(lifetimeText({ days: 7 })).toBe("7 days");
    expect(lifetimeText("chosen")).toBe("Chosen by you: until you close your browser, or 30 days");
    expect(lifetimeDays("cookie-consent")).toBe(365);
    expect(lifetimeDays("saved-pages")).toBe(30);
    expect(() => lifetimeDays("geoPostcode")).toThrow(/no fixed lifetime/);
  });
});

describe("the consent cookie's value", () => {
  it("round-trips a choice under the current policy", () => {
    expect(decodeConsent(encodeConsent(true))).toEqual({ version: POLICY_VERSION, feature: true });
    expect(decodeConsent(encodeConsent(false))).toEqual({ version: POLICY_VERSION, feature: false });
  });

  it("counts an older policy's choice, or anything tampered, as no choice", () => {
    for (const value of [`v${POLICY_VERSION + 1}-yes`, "v0-yes", "yes", "v1-maybe", "v1-yes ", "<script>", "", undefined, 1, null, { feature: true }]) {
      expect(decodeConsent(value), String(value)).toBeUndefined();
    }
  });
});

describe("saved page codes", () => {
  it("gives every address a stable six-character code", () => {
    expect(pageIdOf("/ehc-plans/")).toMatch(/^[0-9a-z]{6}$/);
    expect(pageIdOf("/ehc-plans/")).toBe(pageIdOf("/ehc-plans/"));
    expect(pageIdOf("/ehc-plans/")).not.toBe(pageIdOf("/ehc-plans/timescales/"));
  });

  it("keeps well-formed codes once each, up to the limit, and drops everything else", () => {
    expect(decodePageIds("abc123.abc123.zz9zz9")).toEqual(["abc123", "zz9zz9"]);
    expect(decodePageIds("abc123.<img src=x>.ABC123.abc12.abc1234.")).toEqual(["abc123"]);
    expect(decodePageIds(undefined)).toEqual([]);
    expect(decodePageIds(["abc123"])).toEqual([]);
    expect(decodePageIds("a".repeat(5000))).toEqual([]);
    const many = Array.from({ length: MAX_SAVED_PAGES + 5 }, (_, n) => n.toString(36).padStart(6, "0"));
    expect(decodePageIds(encodePageIds(many.slice(0, MAX_SAVED_PAGES)))).toHaveLength(MAX_SAVED_PAGES);
  });

  it("keeps the day the list last changed beside the codes, and drops a day that is not real", () => {
    const value = encodeSavedList(["abc123", "zz9zz9"], new Date("2026-12-06T08:40:00Z"));
    expect(value).toBe("2026-12-06~abc123.zz9zz9");
    expect(decodeSavedList(value)).toEqual({ ids: ["abc123", "zz9zz9"], changedOn: "2026-12-06" });
    expect(decodeSavedList("2026-02-30~abc123")).toEqual({ ids: ["abc123"] });
    expect(decodeSavedList("abc123.zz9zz9")).toEqual({ ids: ["abc123", "zz9zz9"] });
    expect(decodeSavedList("2026-12-06~<img src=x>")).toEqual({ ids: [], changedOn: "2026-12-06" });
    expect(decodeSavedList(undefined)).toEqual({ ids: [] });
  });

  it("fits the most pages a family can save (at least 50) in a cookie well under 4 kB", () => {
    expect(MAX_SAVED_PAGES).toBeGreaterThanOrEqual(50);
    const full = encodeSavedList(
      Array.from({ length: MAX_SAVED_PAGES }, (_, n) => n.toString(36).padStart(6, "0")),
      new Date(),
    );
    expect(`saved-pages=${full}`.length).toBeLessThan(4096 / 4);
  });
});
