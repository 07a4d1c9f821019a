// The search makes plain queries' clauses and terms without lunr (query-words.ts), so the results
// page need not download it: each must be what lunr's parser and the site's search pipeline make.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import lunr from "lunr";
import { describe, expect, it } from "vitest";
import { PRESENCE, plainQueryWords, SEARCH_PIPELINE, STOP_WORDS, termOfQueryWord, WORD_SEPARATOR } from "../../src/lib/search/query-words.ts";
import { searchBuilder } from "../../src/lib/search/lunr-setup.ts";
import { boundClauses } from "../../src/browser/search/bounded-query.ts";

const contentDir = path.join(import.meta.dirname, "../../content");

/** Every word of the sample content and its settings, as lunr's tokenizer splits them, with capitals and punctuation kept. */
async function sampleWords(): Promise<Set<string>> {
  const words = new Set<string>();
  const files = (await readdir(contentDir, { recursive: true })).filter((file) => /\.(md|ya?ml)$/.test(file));
  for (const file of files) for (const word of (await readFile(path.join(contentDir, file), "utf8")).split(lunr.tokenizer.separator)) words.add(word);
  return words;
}

describe("a plain query's words without lunr", () => {
  it("are the clauses lunr's parser makes, once held to the query limits", () => {
    const texts = [
      "ehc plan",
      "Autism  clubs near ME",
      "what's an EHCP?",
      "SENCO's role, please!",
      "ÉCOLE naïve",
      "a b c d e f g h i j k l m n o p q r s t u v w x y z",
      "!!!",
    ];
    for (const text of texts) {
      const query = new lunr.Query(["text"]);
      new lunr.QueryParser(text, query).parse();
      const fields = ["text"];
      expect(
        plainQueryWords(text)!.map((term) => ({ term, fields, boost: 1, usePipeline: true, wildcard: 0, presence: PRESENCE.OPTIONAL, editDistance: 0 })),
        text,
      ).toEqual(boundClauses(query.clauses));
    }
  });

  it("leave every query with lunr's syntax to lunr", () => {
    for (const text of ["sen*", "autism~1", "short breaks^5", "+ehc plan", "autism -adhd", "after-school club", "title:autism", "a\\*b"]) {
      expect(plainQueryWords(text), text).toBeUndefined();
    }
  });

  it("become the terms the search pipeline makes, for every word of the sample content", async () => {
    const pipeline = searchBuilder().searchPipeline;
    const words = [...(await sampleWords())].map((word) => word.toLowerCase());
    expect(words.length).toBeGreaterThan(3000);
    const different = words.filter((word) => (termOfQueryWord(word) ?? "") !== (pipeline.runString(word)[0] ?? ""));
    expect(different).toEqual([]);
    // Some of them are stop words and punctuation, which have no term.
    expect(words.filter((word) => termOfQueryWord(word) === undefined).length).toBeGreaterThan(50);
  });

  it("know lunr's stop words, its presences, where it splits words and the site's search pipeline", () => {
    const text = "after-school\tclub--for  teens\u00a0and\nadults - all";
    expect(text.split(WORD_SEPARATOR)).toEqual(text.split(lunr.tokenizer.separator));
    expect(text.split(WORD_SEPARATOR)).toHaveLength(8);
    for (const word of STOP_WORDS) expect(lunr.stopWordFilter(new lunr.Token(word, {})), word).toBeUndefined();
    for (const word of ["autism", "plan", "constructor", "__proto__", "toString"]) expect(lunr.stopWordFilter(new lunr.Token(word, {})), word).toBeDefined();
    expect(STOP_WORDS.size).toBe(119);
    expect(PRESENCE).toEqual({ ...lunr.Query.presence });
    expect(searchBuilder().searchPipeline.toJSON()).toEqual([...SEARCH_PIPELINE]);
  });
});
