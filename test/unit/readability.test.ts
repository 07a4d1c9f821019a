import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/content/markdown.ts";
import { readability, reviewStatus } from "../../src/content/readability.ts";

const md = createMarkdown();

describe("readability", () => {
  it("scores one-syllable sentences with the Flesch formula", () => {
    // 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1
    expect(readability(md, "The cat sat on the mat.")).toEqual({ words: 6, sentences: 1, syllables: 6, readingEase: 116.1 });
  });

  it("counts headings and list items as sentences, and ignores link addresses", () => {
    const score = readability(md, "## Get help\n\n- Ask the school\n- Call us\n\nRead [the guide](/sen-support/the-graduated-approach/). Then ask.");
    expect(score.sentences).toBe(5);
    expect(score.words).toBe(12);
  });

  it("scores long words and long sentences lower", () => {
    const easy = readability(md, "You can ask for help. The school must tell you. We will call you back.");
    const hard = readability(
      md,
      "Educational institutions are obligated to communicate comprehensive documentation regarding individualised provision arrangements to parents and carers.",
    );
    expect(easy.readingEase).toBeGreaterThan(80);
    expect(hard.readingEase).toBeLessThan(0);
  });
});

describe("reviewStatus", () => {
  it("is reviewed, due soon (within 30 days) or overdue", () => {
    expect(reviewStatus("2026-11-20", "2027-11-20", "2026-11-29")).toEqual({ status: "reviewed", due: "2027-11-20" });
    expect(reviewStatus("2026-01-01", "2026-12-20", "2026-11-29")).toEqual({ status: "due soon", due: "2026-12-20" });
    expect(reviewStatus("2025-01-01", "2026-11-28", "2026-11-29")).toEqual({ status: "overdue", due: "2026-11-28" });
  });

  it("expects a review a year after the last one when no date is given", () => {
    expect(reviewStatus("2025-11-10", undefined, "2026-11-29")).toEqual({ status: "overdue", due: "2026-11-10" });
    expect(reviewStatus("2025-12-20", undefined, "2026-11-29")).toEqual({ status: "due soon", due: "2026-12-20" });
  });
});
