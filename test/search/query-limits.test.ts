// The limits that keep every query fast (how fast is measured by npm run bench:search), and words
// that name JavaScript's object properties, on small indexes built here.
import lunr from "lunr";
import { describe, expect, it } from "vitest";
import type { SearchDocument } from "../../src/pipeline/search-documents.ts";
import { buildSplitIndex } from "../../src/pipeline/split-index.ts";
import { boundClauses } from "../../src/browser/search/bounded-query.ts";
import { QUERY_LIMITS } from "../../src/lib/search/query-limits.ts";
import { ShardedSearch } from "../../src/browser/search/sharded-search.ts";

const page = (url: string, title: string, body: string): SearchDocument => ({
  url,
  title,
  section: "",
  description: "",
  details: "",
  keywords: "",
  headings: "",
  body,
});

/** An engine over an index of these pages, loading its files from memory. */
function searchOver(pages: SearchDocument[]): Promise<ShardedSearch> {
  const { manifest, files } = buildSplitIndex(pages);
  return ShardedSearch.open({
    async load<T>(file: string) {
      return (file === "manifest.json" ? manifest : JSON.parse(files.get(file)!)) as T;
    },
  });
}

const refs = async (search: ShardedSearch, query: string) => (await search.search(query)).map((result) => result.ref).sort();

/** Each clause's term and edit distance after the limits. */
function bounded(text: string): Array<[string, number]> {
  const query = new lunr.Query(["text"]);
  new lunr.QueryParser(text, query).parse();
  return boundClauses(query.clauses).map((clause) => [clause.term, clause.editDistance]);
}

const PROTOTYPE_WORDS = ["constructor", "__proto__", "hasOwnProperty", "toString", "valueOf", "isPrototypeOf"];

describe("query limits", () => {
  it("caps edit distance at 2, by word length, with none for words under four letters or over twenty", () => {
    expect(bounded("autism~99 dyslexia~99 dyslexia~1 sen~2")).toEqual([
      ["autism", 1],
      ["dyslexia", 2],
      ["dyslexia", 1],
      ["sen", 0],
    ]);
    expect(bounded(`${"a".repeat(21)}~2`)).toEqual([["a".repeat(21), 0]]);
  });

  it("takes out wildcards beyond two a term, before the second letter, or after the query's third wildcard or fuzzy term", () => {
    expect(bounded("a*e*i*o*u* *ism s* sen*s*")).toEqual([
      ["aeiou", 0],
      ["ism", 0],
      ["s", 0],
      ["sen*s*", 0],
    ]);
    expect(bounded("aut* dyslexia~2 sen* spe* therapy~1")).toEqual([
      ["aut*", 0],
      ["dyslexia", 2],
      ["sen*", 0],
      ["spe", 0],
      ["therapy", 0],
    ]);
  });

  it("searches the first twenty different words of a long query", async () => {
    const words = [
      "alpha",
      "bravo",
      "charlie",
      "delta",
      "echo",
      "foxtrot",
      "golf",
      "hotel",
      "india",
      "juliet",
      "kilo",
      "lima",
      "mike",
      "november",
      "oscar",
      "papa",
      "quebec",
      "romeo",
      "sierra",
      "tango",
    ];
    const later = ["uniform", "victor", "whiskey", "xray", "yankee"];
    expect(words).toHaveLength(QUERY_LIMITS.terms);
    const search = await searchOver([page("/first/", "First words", words.join(" ")), page("/later/", "Later words", later.join(" "))]);
    expect(await refs(search, later.join(" "))).toEqual(["1"]);
    // Stop words are not words searched: "the" and "and" take no place.
    expect(await refs(search, `the and ${words.join(" ")} alpha ${later.join(" ")}`)).toEqual(["0"]);
  });

  it("finds fuzzy terms with the capped edit distance", async () => {
    const search = await searchOver([page("/autism/", "Autism", "autism support"), page("/other/", "Other", "nothing alike")]);
    expect(await refs(search, "autsim~99")).toEqual(await refs(search, "autsim~1"));
    expect(await refs(search, "autsim~99")).toEqual(["0"]);
  });
});

describe("words that name JavaScript's object properties", () => {
  it("are indexed and found like any other word", async () => {
    const search = await searchOver([page("/plain/", "Plain page", "Nothing odd here"), page("/odd/", "Odd words", PROTOTYPE_WORDS.join(" "))]);
    for (const word of PROTOTYPE_WORDS) expect(await refs(search, word), word).toEqual(["1"]);
  });

  it("find nothing, and no correction, on an index without them", async () => {
    const search = await searchOver([page("/plain/", "Plain page", "Nothing odd here"), page("/other/", "Other page", "Something else")]);
    for (const word of PROTOTYPE_WORDS) {
      for (const query of [word, `${word}~2`, `${word.slice(0, 4)}*`]) {
        expect(await search.searchWithCorrection(query), query).toEqual({ results: [], good: 0 });
      }
    }
  });
});
