// The one edit distance, used by search's "Did you mean" and the content check's "did you mean".
import { describe, expect, it } from "vitest";
import { editDistance } from "../../src/lib/edit-distance.ts";

describe("editDistance", () => {
  it("counts inserted, deleted and changed letters", () => {
    expect(editDistance("autism", "autism")).toBe(0);
    expect(editDistance("", "sen")).toBe(3);
    expect(editDistance("sen", "")).toBe(3);
    expect(editDistance("autsm", "autism")).toBe(1);
    expect(editDistance("autisms", "autism")).toBe(1);
    expect(editDistance("autizm", "autism")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("counts two neighbours swapped as one edit, as lunr's fuzzy search does", () => {
    expect(editDistance("autsim", "autism")).toBe(1);
    expect(editDistance("lastReveiwed", "lastReviewed")).toBe(1);
  });

  it("compares letters as they are", () => {
    expect(editDistance("Title", "title")).toBe(1);
  });
});
