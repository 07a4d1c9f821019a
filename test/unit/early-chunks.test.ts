// The results page's first script looks up the query's words in the manifest the page carries, to
// fetch their chunks at once: the words as lunr tokenizes and trims them, less its syntax and stop
// words, made into terms as the search makes them. The build fills the page's manifest in once the index is built.
import { readFile } from "node:fs/promises";
import path from "node:path";
import lunr from "lunr";
import { describe, expect, it } from "vitest";
import { termsToLookUp } from "../../src/browser/search/early-chunks.ts";
import { listFiles } from "../../src/content/content-files.ts";
import { searchBuilder } from "../../src/lib/search/lunr-setup.ts";
import { projectRoot } from "../../src/project.ts";
import { withManifest } from "../../src/eleventy/search-index.ts";

describe("the terms the results page's early script looks up", () => {
  it("are the query's words lower-cased, split at spaces and hyphens, trimmed of punctuation, each once, as terms", () => {
    expect(termsToLookUp("Speech-and-language  THERAPY, (therapy)!")).toEqual(["speech", "languag", "therapi"]);
    expect(termsToLookUp("Behavior organizations")).toEqual(["behaviour", "organis"]);
  });

  it("leave out lunr's stop words, field names, boosts and edit distances, and wildcard terms", () => {
    expect(termsToLookUp("transport to school")).toEqual(["transport", "school"]);
    expect(termsToLookUp("title:autism dyslexia~1 +ehc^10 sen* -tribunal")).toEqual(["autism", "dyslexia", "ehc", "tribun"]);
  });

  it("are at most twenty different ones, from the query's first 200 characters", () => {
    const words = Array.from({ length: 30 }, (_, n) => `word${n}`);
    expect(termsToLookUp(words.join(" "))).toEqual(words.slice(0, 20));
    expect(termsToLookUp(`clubs club ${words.join(" ")}`)).toEqual(["club", ...words.slice(0, 19)]);
    expect(termsToLookUp(`${"a".repeat(199)} autism`)).toEqual(["a".repeat(199)]);
  });

  it("are the terms the search's own pipeline makes of every word of the sample site", async () => {
    const { searchPipeline } = searchBuilder();
    const contentDir = path.join(projectRoot, "content");
    const words = new Set<string>();
    for (const file of (await listFiles(contentDir)).filter((name) => name.endsWith(".md"))) {
      for (const word of (await readFile(path.join(contentDir, file), "utf8")).split(lunr.tokenizer.separator)) words.add(word);
    }
    expect(words.size).toBeGreaterThan(3000);
    // Words with lunr's query syntax in them are parsed by the search before its pipeline sees them.
    const plain = [...words].filter((word) => !/[:*~^+]/.test(word));
    const differing = plain.filter((word) => termsToLookUp(word).join(" ") !== searchPipeline.runString(word.toLowerCase()).join(" "));
    expect(differing).toEqual([]);
    // Stop words among them, which neither looks up.
    expect(plain.filter((word) => termsToLookUp(word).length === 0).length).toBeGreaterThan(50);
  });
});

describe("the search page's manifest", () => {
  const page = '<head><meta name="app-search-manifest" content=""><script src="/assets/early.js"></script></head>';

  it("is set in the page's meta tag, escaped, and replaced when the index is built again", () => {
    const once = withManifest(page, '{"folder":"index-1","note":"<a & b>"}');
    expect(once).toBe(
      '<head><meta name="app-search-manifest" content="{&quot;folder&quot;:&quot;index-1&quot;,&quot;note&quot;:&quot;&lt;a &amp; b&gt;&quot;}"><script src="/assets/early.js"></script></head>',
    );
    expect(withManifest(once, '{"folder":"index-2"}')).toBe(withManifest(page, '{"folder":"index-2"}'));
  });

  it("leaves a page without the meta tag as it was", () => {
    const other = '<head><meta name="description" content=""></head>';
    expect(withManifest(other, '{"folder":"index-1"}')).toBe(other);
  });
});
