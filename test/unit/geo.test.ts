import { describe, expect, it } from "vitest";
import { distanceKm, formatDistance, KM_PER_MILE, roundedCoordinates } from "../../src/lib/geo/distance.ts";
import { decodeGeoCoordinates, decodeGeoPostcode, encodeGeoCoordinates, encodeGeoPostcode } from "../../src/lib/geo/location-cookies.ts";
import { postcodeAreaFiles } from "../../src/eleventy/directory-data.ts";

const london = { latitude: 51.5074, longitude: -0.1278 };
const paris = { latitude: 48.8566, longitude: 2.3522 };
const edinburgh = { latitude: 55.9533, longitude: -3.1883 };

describe("distance", () => {
  it("matches known great-circle distances", () => {
    expect(distanceKm(london, paris)).toBeCloseTo(343.6, 0);
    // Published figures for city-centre pairs, give or take the exact points chosen.
    expect(Math.abs(distanceKm(london, edinburgh) - 534)).toBeLessThan(2);
    expect(distanceKm(london, london)).toBe(0);
    expect(distanceKm(paris, london)).toBeCloseTo(distanceKm(london, paris), 9);
  });

  it("shows miles or kilometres, with one decimal under 10", () => {
    expect(formatDistance(KM_PER_MILE * 0.64, "miles")).toBe("0.6 miles");
    expect(formatDistance(KM_PER_MILE * 0.44, "miles")).toBe("less than half a mile");
    expect(formatDistance(0, "miles")).toBe("less than half a mile");
    expect(formatDistance(0.3, "km")).toBe("less than half a kilometre");
    expect(formatDistance(KM_PER_MILE, "miles")).toBe("1.0 mile");
    expect(formatDistance(KM_PER_MILE * 12.4, "miles")).toBe("12 miles");
    expect(formatDistance(3.14, "km")).toBe("3.1 km");
  });
});

describe("what the location cookies hold", () => {
  it("rounds coordinates to about 100 m", () => {
    expect(roundedCoordinates({ latitude: 51.752345, longitude: -0.336789 })).toEqual({ latitude: 51.752, longitude: -0.337 });
    expect(encodeGeoCoordinates({ latitude: 51.752345, longitude: -0.336789 })).toBe("51.752,-0.337");
    expect(distanceKm({ latitude: 51.7525, longitude: -0.3365 }, roundedCoordinates({ latitude: 51.7525, longitude: -0.3365 }))).toBeLessThan(0.1);
  });

  it("stores a sector or district, never a full postcode", () => {
    expect(encodeGeoPostcode("AL1 3")).toBe("AL1_3");
    expect(encodeGeoPostcode("AL1")).toBe("AL1");
    expect(encodeGeoPostcode("AL1 3JE")).toBeUndefined();
    expect(decodeGeoPostcode("AL1_3")).toBe("AL1 3");
  });

  it("ignores tampered values", () => {
    for (const value of ["AL1 3JE", "<b>AL1</b>", "", 12, undefined, "AL1_3_4"]) expect(decodeGeoPostcode(value), String(value)).toBeUndefined();
    for (const value of ["51.7523,-0.3368", "91,0", "40.1,-0.3", "51.7,20.1", "51.7;-0.3", "<img src=x>", "NaN,NaN", undefined]) {
      expect(decodeGeoCoordinates(value), String(value)).toBeUndefined();
    }
    expect(decodeGeoCoordinates("51.752,-0.337")).toEqual({ latitude: 51.752, longitude: -0.337 });
  });
});

describe("the per-area postcode files", () => {
  it("put every sector and district in its area's file, each file small", () => {
    const files = postcodeAreaFiles();
    expect(files.get("AL")?.sectors["AL1 3"]).toHaveLength(2);
    expect(files.get("AL")?.districts.AL1).toHaveLength(2);
    expect(files.get("SG")?.districts.AL1).toBeUndefined();
    expect(files.size).toBeGreaterThan(100);
    for (const [area, file] of files) expect(JSON.stringify(file).length, area).toBeLessThan(20_000);
  });
});
