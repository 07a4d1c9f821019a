import { describe, expect, it } from "vitest";
import { centroidTables } from "../../src/content/postcode-tables.ts";
import { locate, parseCentroidCsv, parsePostcodeQuery, type PostcodeQuery } from "../../src/lib/postcode.ts";

const query = (input: string): PostcodeQuery => {
  const result = parsePostcodeQuery(input);
  if (!result.ok) throw new Error(`${input} did not parse: ${result.reason}`);
  return result.query;
};

describe("parsePostcodeQuery", () => {
  it("reads full postcodes in any case and spacing", () => {
    for (const input of ["AL1 3JE", "al13je", "  Al1   3je ", "AL1\t3JE"]) {
      expect(query(input)).toEqual({ kind: "full", postcode: "AL1 3JE", outcode: "AL1", sector: "AL1 3", area: "AL" });
    }
    expect(query("sw1a1aa")).toMatchObject({ kind: "full", postcode: "SW1A 1AA", sector: "SW1A 1" });
  });

  it("reads sectors and outward codes", () => {
    expect(query("al1 3")).toEqual({ kind: "sector", outcode: "AL1", sector: "AL1 3", area: "AL" });
    expect(query("WD17")).toEqual({ kind: "outcode", outcode: "WD17", area: "WD" });
    expect(query("ec1a")).toEqual({ kind: "outcode", outcode: "EC1A", area: "EC" });
  });

  it("refuses what is not a postcode, and says when it is outside Great Britain", () => {
    expect(parsePostcodeQuery("")).toEqual({ ok: false, reason: "empty" });
    expect(parsePostcodeQuery("   ")).toEqual({ ok: false, reason: "empty" });
    for (const input of ["hello", "AL1 3JEE", "12345", "AAA 1", "<script>", "AL1 3J"])
      expect(parsePostcodeQuery(input), input).toEqual({ ok: false, reason: "malformed" });
    for (const input of ["BT1 1AA", "JE2 3AB", "GY1 1AA", "IM1 1AA"]) expect(parsePostcodeQuery(input), input).toEqual({ ok: false, reason: "outside-gb" });
  });
});

describe("locate", () => {
  const tables = centroidTables();

  it("uses the sector centroid when there is one, as published in SOURCE.md", () => {
    expect(locate(query("AL1 3JE"), tables)).toEqual({ latitude: 51.7528, longitude: -0.3316, precision: "sector", label: "AL1 3" });
    expect(locate(query("SG1 2AB"), tables)).toMatchObject({ latitude: 51.9087, longitude: -0.2174, label: "SG1 2" });
    expect(locate(query("WD17 1"), tables)).toMatchObject({ latitude: 51.66, longitude: -0.3998, label: "WD17 1" });
  });

  it("falls back to the district centroid, and reads a run-together sector", () => {
    expect(locate(query("AL1"), tables)).toEqual({ latitude: 51.7489, longitude: -0.3238, precision: "district", label: "AL1" });
    expect(locate(query("AL13"), tables)).toMatchObject({ precision: "sector", label: "AL1 3" });
  });

  it("finds nothing for a well-formed postcode that is not in the data", () => {
    expect(locate(query("ZZ9 9ZZ"), tables)).toBeUndefined();
    expect(locate(query("SR43 1AA"), tables)).toBeUndefined();
  });

  it("holds the whole data set", () => {
    expect(tables.sectors.size).toBe(10847);
    expect(tables.outcodes.size).toBe(2864);
  });

  it("reads centroid CSV, skipping blank and short lines", () => {
    expect([...parseCentroidCsv("sector,latitude,longitude\nAB1 2,57.1,-2.1\n\nbad\n")]).toEqual([["AB1 2", { latitude: 57.1, longitude: -2.1 }]]);
  });
});
