// The split index must rank exactly as one whole-index lunr search over the same documents does.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import lunr from "lunr";
import { beforeAll, describe, expect, it } from "vitest";
import { documentFromHtml, withSynonyms, type SearchDocument } from "../../src/pipeline/search-documents.ts";
import type { GlossaryEntry } from "../../src/lib/glossary.ts";
import { SEARCH_FIELDS, configureSearchPipelines } from "../../src/lib/search/lunr-setup.ts";
import { ShardedSearch, type SearchTransport } from "../../src/browser/search/sharded-search.ts";
import { chunkFile, chunkOf, docFile, type SearchChunk, type SearchManifest, type SearchDocumentRecord } from "../../src/lib/search/format.ts";
import { decodePostings } from "../../src/lib/search/postings-code.ts";
import { sharedSampleSite } from "../helpers/sample-site.ts";

let dir: string;
let searchDir: string;
let documents: SearchDocument[];
let manifest: SearchManifest;
const loaded: string[] = [];
const transport: SearchTransport = {
  async load<T>(file: string) {
    loaded.push(file);
    return JSON.parse(await readFile(path.join(searchDir, file), "utf8")) as T;
  },
};
const judged = async () =>
  parseYaml(await readFile(path.join(import.meta.dirname, "judged-queries.yaml"), "utf8")) as Array<{ query: string; expect: string[] }>;

beforeAll(async () => {
  // The sample site built once for the run (test/global-setup.ts).
  dir = (await sharedSampleSite()).dir;
  searchDir = path.join(dir, "_site/search");
  // The documents in the index's own order, read again from the built pages.
  manifest = JSON.parse(await readFile(path.join(searchDir, "manifest.json"), "utf8")) as SearchManifest;
  const recordFiles = Array.from({ length: Math.ceil(manifest.documentCount / manifest.docChunkSize) }, (_, n) =>
    path.join(searchDir, manifest.folder, docFile(n)),
  );
  const records = (await Promise.all(recordFiles.map(async (file) => JSON.parse(await readFile(file, "utf8")) as SearchDocumentRecord[]))).flat();
  const glossary = parseYaml(await readFile(path.join(dir, "content/_data/glossary.yaml"), "utf8")) as GlossaryEntry[];
  documents = await Promise.all(
    records.map(async ([url]) =>
      withSynonyms(documentFromHtml(url, await readFile(path.join(dir, "_site", url.endsWith("/") ? `${url}index.html` : url), "utf8"))!, glossary),
    ),
  );
});
/** What a single-file lunr search would load: the reference the build's own weighing must match. */
function buildWholeIndex(documents: readonly SearchDocument[]): lunr.Index {
  return lunr(function () {
    this.ref("ref");
    for (const field of SEARCH_FIELDS) this.field(field.name, { boost: field.boost });
    configureSearchPipelines(this);
    documents.forEach((document, index) => {
      this.add({ ...document, ref: String(index) });
    });
  });
}

describe("the split search index", () => {
  it("holds, for every term, lunr's own term number and each page's weight summed over its fields", async () => {
    const serialized = buildWholeIndex(documents).toJSON() as unknown as {
      fieldVectors: Array<[string, number[]]>;
      invertedIndex: Array<[string, { _index: number }]>;
      pipeline: string[];
    };
    const weight = new Map<string, number>();
    for (const [fieldRef, elements] of serialized.fieldVectors) {
      const ref = fieldRef.slice(fieldRef.indexOf("/") + 1);
      for (let i = 0; i < elements.length; i += 2) weight.set(`${ref} ${elements[i]}`, (weight.get(`${ref} ${elements[i]}`) ?? 0) + elements[i + 1]!);
    }
    // Each term's postings: [page number, weight in thousandths].
    const postings = new Map<number, Array<[number, number]>>();
    for (const [key, value] of weight) {
      const [ref, term] = key.split(" ").map(Number) as [number, number];
      if (!postings.has(term)) postings.set(term, []);
      postings.get(term)!.push([ref, Math.round(value * 1000)]);
    }
    const actual = new Map<string, number[]>();
    for (let n = 0; n < manifest.chunkStarts.length; n++) {
      const chunk = JSON.parse(await readFile(path.join(searchDir, manifest.folder, chunkFile(n)), "utf8")) as SearchChunk;
      for (const [term, [index, gaps, weights]] of Object.entries(chunk.terms)) {
        const decoded = decodePostings(gaps, weights);
        actual.set(term, [
          index,
          ...[...decoded.refs].flatMap((ref, position) => [ref - (decoded.refs[position - 1] ?? 0), Math.round(decoded.weights[position]! * 1000)]),
        ]);
      }
    }
    // Sorted: a parsed object lists number-like keys ("2025") first.
    expect([...actual.keys()].sort()).toEqual(serialized.invertedIndex.map(([term]) => term));
    for (const [term, { _index }] of serialized.invertedIndex) {
      const pairs = (postings.get(_index) ?? []).sort(([a], [b]) => a - b);
      const entry = [_index, ...pairs.flatMap(([ref, value], position) => [ref - (pairs[position - 1]?.[0] ?? 0), value])];
      expect(actual.get(term), term).toEqual(entry);
    }
    expect(manifest.pipeline).toEqual(serialized.pipeline);
  });

  it("ranks every judged query, and queries using lunr's syntax, exactly as the whole index does", async () => {
    const whole = buildWholeIndex(documents);
    const split = await ShardedSearch.open(transport);
    const queries = [
      ...(await judged()).map((entry) => entry.query),
      "+ehc +plan",
      "sen*",
      "short breaks^5",
      "autism -adhd",
      "ehcp",
      "dyslexa~1",
      // Letters swapped at the start: "ehcp" is in another part of the dictionary.
      "echp~1",
      "transport to school",
    ];
    expect(queries.length).toBeGreaterThan(45);
    for (const query of queries) {
      let expected: lunr.Index.Result[];
      try {
        expected = whole.search(query);
      } catch {
        continue; // a query lunr itself cannot parse is tested for its fallback below
      }
      const actual = await split.search(query);
      expect(actual.length, query).toBe(expected.length);
      // Documents with equal scores may come in either order: lunr orders them as it met them,
      // which differs between one field and six. Any other difference in order fails here.
      const expectedScore = new Map(expected.map((result) => [result.ref, result.score]));
      actual.forEach((result, rank) => {
        expect(result.score, `${query} #${rank}`).toBeCloseTo(expected[rank]!.score, 9);
        expect(expectedScore.get(result.ref), `${query} #${rank} ${result.ref}`).toBeCloseTo(expected[rank]!.score, 9);
      });
    }
  });

  it("searches field names as plain words, as the split index has one field", async () => {
    const split = await ShardedSearch.open(transport);
    const asWords = await split.search("title autism");
    expect(asWords.length).toBeGreaterThan(0);
    expect(await split.search("title:autism")).toEqual(asWords);
  });

  it("puts a right answer in the top 3 for at least 95% of 60 or more judged queries, as the results page shows them", async () => {
    const split = await ShardedSearch.open(transport);
    const queries = await judged();
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const misses: string[] = [];
    for (const { query, expect: wanted } of queries) {
      const { results } = await split.searchWithCorrection(query);
      const top = (await split.documents(results.slice(0, 3).map((result) => result.ref))).map(({ url }) => url);
      if (!top.some((url) => wanted.includes(url))) misses.push(`${query} → ${top.join(", ")}`);
    }
    const hitRate = (queries.length - misses.length) / queries.length;
    expect(hitRate, `misses:\n${misses.join("\n")}`).toBeGreaterThanOrEqual(0.95);
  });

  it("ranks the results with every word that counts first, and counts them as the good matches", async () => {
    const split = await ShardedSearch.open(transport);
    const { results, good } = await split.searchWithCorrection("autism clubs near me");
    // The same pages as lunr's search, in another order.
    expect(results.map((result) => result.ref).sort()).toEqual((await split.search("autism clubs near me")).map((result) => result.ref).sort());
    expect(good).toBeGreaterThan(0);
    expect(good).toBeLessThan(results.length);
    // "near" is filler and "me" a stop word: a good match needs only autism and club.
    expect(results.slice(0, good).every((result) => result.words === 2)).toBe(true);
    expect(results.slice(good).every((result) => result.words < 2)).toBe(true);
    // Each group, pages with the same number of words, in lunr's order.
    for (const words of [2, 1, 0]) {
      const scores = results.filter((result) => result.words === words).map((result) => result.score);
      expect(scores, `${words} words`).toEqual([...scores].sort((a, b) => b - a));
    }
    const [first] = await split.documents([results[0]!.ref]);
    expect(first!.url).toMatch(/^\/services\/.*club/);
  });

  it("counts every result as a good match when a query's words are on every page found, and leaves out words the index does not have", async () => {
    const split = await ShardedSearch.open(transport);
    const autism = await split.searchWithCorrection("autism");
    expect(autism.good).toBe(autism.results.length);
    // "zzqxv" is on no page and near no word, so it cannot leave "sleep zzqxv" without good matches.
    const sleep = await split.searchWithCorrection("sleep zzqxv");
    expect(sleep.corrected).toBeUndefined();
    expect(sleep.good).toBeGreaterThan(0);
    expect(sleep.good).toBe(sleep.results.length);
    // Nor can the short forms typed without an apostrophe, which lunr's stop words miss.
    const cant = await split.searchWithCorrection("sleep cant");
    expect(cant.good).toBe((await split.searchWithCorrection("sleep")).results.length);
  });

  it("carries a service's town and ages, and nothing more for other pages", async () => {
    const split = await ShardedSearch.open(transport);
    const [service] = await split.documents([(await split.search("watford autism family group"))[0]!.ref]);
    expect(service).toMatchObject({ url: "/services/watford-autism-family-group/", details: "Watford. Ages 0 to 18" });
    const [page] = await split.documents([(await split.search("graduated approach"))[0]!.ref]);
    expect(page!.url).not.toMatch(/^\/services\//);
    expect(page!.details).toBe("");
  });

  it("knows which needs and types of service a query names, from their names, ids and the glossary", async () => {
    const split = await ShardedSearch.open(transport);
    const named = (query: string) => split.directoryTopics(query).map(([kind, id]) => `${kind}:${id}`);
    expect(named("autism clubs near me")).toEqual(["need:autism"]);
    expect(named("ASD support")).toEqual(["need:autism"]);
    expect(named("holiday clubs")).toEqual(["category:holiday-clubs"]);
    expect(named("Short Breaks")).toEqual(["category:short-breaks-and-activities"]);
    expect(named("respite")).toEqual(["category:short-breaks-and-activities"]);
    expect(named("speech therapy")).toEqual(["category:health-and-therapy"]);
    expect(named("dyslexia")).toEqual(["need:learning-difficulties"]);
    expect(named("holiday club for autistic child")).toEqual(["category:holiday-clubs"]);
    expect(named("holiday clubs for autism")).toEqual(["need:autism", "category:holiday-clubs"]);
    // "All needs" is no more than "needs", which most queries about SEN have.
    expect(named("special needs")).toEqual([]);
    expect(named("annual review")).toEqual([]);
  });

  it("downloads only the manifest and the chunks of the query's terms, which carry the first results' records", async () => {
    loaded.length = 0;
    const split = await ShardedSearch.open(transport);
    const results = await split.search("autism");
    const chunks = [...new Set([chunkOf(manifest.chunkStarts, "autism")])].map((n) => `${manifest.folder}/${chunkFile(n)}`);
    expect(loaded).toEqual(["manifest.json", ...chunks]);
    const shown = await split.documents(results.slice(0, 10).map((result) => result.ref));
    expect(loaded).toHaveLength(2);
    expect(shown[0]?.url).toMatch(/^\//);
    expect(shown.map((document) => document.section)).toContain("Find services");

    await split.search("support");
    expect(loaded[2]).toBe(`${manifest.folder}/${chunkFile(chunkOf(manifest.chunkStarts, "support"))}`);
    // Results the chunks carry no record for come from the record files.
    const last = await split.documents([String(manifest.documentCount - 1)]);
    expect(last[0]?.url).toMatch(/^\//);
  });

  it("turns hostile or broken queries into plain words instead of throwing", async () => {
    const split = await ShardedSearch.open(transport);
    for (const query of ["title:", "*", "~", "^", "+", "-", '"', "autism~", "-autism", "*ism", "<img src=x onerror=alert(1)>", "x".repeat(5000)]) {
      await expect(split.search(query), query).resolves.toBeInstanceOf(Array);
    }
    expect((await split.search("title: autism")).length).toBeGreaterThan(0);
  });

  it("corrects a word with letters swapped near its start, which puts it elsewhere in the dictionary", async () => {
    const split = await ShardedSearch.open(transport);
    expect(await split.search("echp")).toEqual([]);
    expect((await split.searchWithCorrection("echp")).corrected).toBe("ehcp");
  });

  it("finds British spellings from American ones", async () => {
    const split = await ShardedSearch.open(transport);
    const british = await split.search("behaviour");
    expect(british.length).toBeGreaterThan(0);
    expect((await split.search("behavior")).map((result) => result.ref)).toEqual(british.map((result) => result.ref));
  });
});
