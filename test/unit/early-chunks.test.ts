// The results page's first script looks up the query's words in the manifest the page carries, to
// fetch their chunks at once: the words as lunr tokenizes and trims them, less its syntax and stop
// words. The build fills the page's manifest in once the index is built.
import { describe, expect, it } from "vitest";
import { wordsToLookUp } from "../../src/browser/search/early-chunks.ts";
import { withManifest } from "../../src/eleventy/search-index.ts";

describe("the words the results page's early script looks up", () => {
  it("are the query's words lower-cased, split at spaces and hyphens, trimmed of punctuation, each once", () => {
    expect(wordsToLookUp("Speech-and-language  THERAPY, (therapy)!", [])).toEqual(["speech", "and", "language", "therapy"]);
  });

  it("leave out stop words, field names, boosts and edit distances, and wildcard terms", () => {
    expect(wordsToLookUp("transport to school", ["to"])).toEqual(["transport", "school"]);
    expect(wordsToLookUp("title:autism dyslexia~1 +ehc^10 sen* -tribunal", [])).toEqual(["autism", "dyslexia", "ehc", "tribunal"]);
  });

  it("are at most twenty, from the query's first 200 characters", () => {
    const words = Array.from({ length: 30 }, (_, n) => `word${n}`);
    expect(wordsToLookUp(words.join(" "), [])).toEqual(words.slice(0, 20));
    expect(wordsToLookUp(`${"a".repeat(199)} autism`, [])).toEqual(["a".repeat(199)]);
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
