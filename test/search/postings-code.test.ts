// The split index's chunks write each term's postings as two strings of digits (postings-code.ts),
// which must give back exactly the document numbers and weights they were made from.
import { describe, expect, it } from "vitest";
import { decodePostings, encodePostings } from "../../src/lib/search/postings-code.ts";

const decoded = (gaps: string, weights: string) => {
  const { refs, weights: scores } = decodePostings(gaps, weights);
  return { refs: [...refs], thousandths: [...scores].map((score) => Math.round(score * 1000)) };
};

describe("the code of a term's postings", () => {
  it("gives back every document number and weight, small and large, including the first document and a weight of 0", () => {
    const refs = [0, 1, 2, 91, 92, 93, 1_000, 12_000, 12_001, 778_687];
    const weights = [0, 1, 91, 92, 8_463, 8_464, 13_776, 111_355, 999, 71_639_295];
    const [gaps, written] = encodePostings(refs, weights);
    expect(decoded(gaps, written)).toEqual({ refs, thousandths: weights });
    // A weight under 8,464 takes two characters and a gap under 92 one; larger ones take five and four.
    expect(encodePostings([0, 1, 2], [5, 6, 7]).map((text) => text.length)).toEqual([3, 6]);
    expect(encodePostings([92], [8_464]).map((text) => text.length)).toEqual([4, 5]);
    expect(encodePostings([], [])).toEqual(["", ""]);
  });

  it("is printable ASCII that JSON carries without escapes", () => {
    const refs = Array.from({ length: 2_000 }, (_, n) => n * 7);
    const weights = refs.map((ref) => (ref * 37) % 20_000);
    for (const text of encodePostings(refs, weights)) {
      expect(text).toMatch(/^[\x20-\x7e]*$/);
      expect(JSON.stringify(text)).toBe(`"${text}"`);
    }
  });

  it("refuses values it cannot hold, with what it can", () => {
    expect(() => encodePostings([0], [-1])).toThrow("cannot hold a weight of -1: it holds whole numbers from 0 to 71639295");
    expect(() => encodePostings([0], [1.5])).toThrow("cannot hold a weight of 1.5");
    expect(() => encodePostings([778_688], [1])).toThrow("cannot hold a gap between page numbers of 778688");
    expect(() => encodePostings([5, 3], [1, 1])).toThrow("gap between page numbers of -2");
  });

  it("reports a damaged chunk rather than reading numbers that are not there", () => {
    const [gaps, weights] = encodePostings([3, 9], [400, 500]);
    expect(() => decodePostings(gaps, weights.slice(0, 3))).toThrow("is not a digit of the postings' code");
    expect(() => decodePostings(gaps, `${weights}AB`)).toThrow("2 gaps but the weights run to character 6, not 4");
    expect(() => decodePostings(`${gaps}"`, `${weights}AB`)).toThrow('search index: """ at 2 is not a digit');
  });
});
