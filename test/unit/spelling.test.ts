import { describe, expect, it } from "vitest";
import { britishSpelling } from "../../src/lib/search/spelling.ts";

describe("britishSpelling", () => {
  it("maps listed American spellings and -ize/-ization endings to British ones", () => {
    expect(["behavior", "center", "pediatrician", "program", "organization", "recognized", "specializing"].map(britishSpelling)).toEqual([
      "behaviour",
      "centre",
      "paediatrician",
      "programme",
      "organisation",
      "recognised",
      "specialising",
    ]);
  });

  it("drops a possessive ending and leaves other words alone", () => {
    expect(britishSpelling("senco's")).toBe("senco");
    expect(britishSpelling("child’s")).toBe("child");
    expect(["size", "prize", "seize"].map(britishSpelling)).toEqual(["size", "prize", "seize"]);
    expect(britishSpelling("autism")).toBe("autism");
  });
});
