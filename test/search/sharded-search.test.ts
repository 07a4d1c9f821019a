// The split index must rank exactly as one whole-index lunr search over the same documents does.
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentFromHtml, withSynonyms, type SearchDocument } from "../../src/build/search/documents.ts";
import type { GlossaryEntry } from "../../src/lib/glossary.ts";
import { buildWholeIndex } from "../../src/build/search/sharded-index.ts";
import { ShardedSearch, type SearchTransport } from "../../src/browser/search/sharded-search.ts";
import type { SearchManifest, SearchDocumentRecord } from "../../src/lib/search/format.ts";
import { copyOfContent, runScript } from "../helpers/project.ts";

let dir: string;
let searchDir: string;
let documents: SearchDocument[];
const loaded: string[] = [];
const transport: SearchTransport = {
  async load<T>(file: string) {
    loaded.push(file);
    return JSON.parse(await readFile(path.join(searchDir, file), "utf8")) as T;
  },
};
const judged = async () => parseYaml(await readFile(path.join(import.meta.dirname, "judged-queries.yaml"), "utf8")) as Array<{ query: string; expect: string[] }>;

beforeAll(async () => {
  dir = await copyOfContent();
  const result = await runScript("build", ["content", "_site"], dir);
  expect(result.code, result.stderr).toBe(0);
  searchDir = path.join(dir, "_site/search");
  // The documents in the index's own order, read again from the built pages.
  const manifest = JSON.parse(await readFile(path.join(searchDir, "manifest.json"), "utf8")) as SearchManifest;
  const records = (await Promise.all(manifest.docFiles.map(async (file) => JSON.parse(await readFile(path.join(searchDir, file), "utf8")) as SearchDocumentRecord[]))).flat();
  const glossary = parseYaml(await readFile(path.join(dir, "content/_data/glossary.yaml"), "utf8")) as GlossaryEntry[];
  documents = await Promise.all(
    records.map(async ([url]) => withSynonyms(documentFromHtml(url, await readFile(path.join(dir, "_site", url.endsWith("/") ? `${url}index.html` : url), "utf8"))!, glossary)),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the split search index", () => {
  it("ranks every judged query, and queries using lunr's syntax, exactly as the whole index does", async () => {
    const whole = buildWholeIndex(documents);
    const split = await ShardedSearch.open(transport);
    const queries = [...(await judged()).map((entry) => entry.query), "title:autism", "+ehc +plan", "sen*", "short breaks^5", "autism -adhd", "ehcp"];
    expect(queries.length).toBeGreaterThan(45);
    for (const query of queries) {
      let expected: Array<{ ref: string; score: number }>;
      try {
        expected = whole.search(query).map(({ ref, score }) => ({ ref, score }));
      } catch {
        continue; // a query lunr itself cannot parse is tested for its fallback below
      }
      const actual = (await split.search(query)).map(({ ref, score }) => ({ ref, score }));
      expect(actual.map((result) => result.ref), query).toEqual(expected.map((result) => result.ref));
      actual.forEach((result, index) => expect(result.score, `${query} #${index}`).toBeCloseTo(expected[index]!.score, 10));
    }
  });

  it("puts a right answer in the top 3 for at least 90% of the judged queries, as the results page shows them", async () => {
    const split = await ShardedSearch.open(transport);
    const queries = await judged();
    const misses: string[] = [];
    for (const { query, expect: wanted } of queries) {
      const { results } = await split.searchWithCorrection(query);
      const top = (await split.documents(results.slice(0, 3).map((result) => result.ref))).map(([url]) => url);
      if (!top.some((url) => wanted.includes(url))) misses.push(`${query} → ${top.join(", ")}`);
    }
    const hitRate = (queries.length - misses.length) / queries.length;
    expect(hitRate, `misses:\n${misses.join("\n")}`).toBeGreaterThanOrEqual(0.9);
  });

  it("downloads only the manifest and the shards of the query's terms", async () => {
    loaded.length = 0;
    const split = await ShardedSearch.open(transport);
    await split.search("autism support");
    expect(loaded[0]).toBe("manifest.json");
    expect(loaded.slice(1).sort()).toEqual([expect.stringMatching(/^shard-au\./), expect.stringMatching(/^shard-su\./)].sort((a, b) => String(a).localeCompare(String(b))));
    const [record] = await split.documents(["0"]);
    expect(record?.[0]).toMatch(/^\//);
  });

  it("turns hostile or broken queries into plain words instead of throwing", async () => {
    const split = await ShardedSearch.open(transport);
    for (const query of ["title:", "*", "~", "^", "+", "-", '"', "autism~", "-autism", "*ism", "<img src=x onerror=alert(1)>", "x".repeat(5000)]) {
      await expect(split.search(query), query).resolves.toBeInstanceOf(Array);
    }
    expect((await split.search("title: autism")).length).toBeGreaterThan(0);
  });

  it("finds British spellings from American ones", async () => {
    const split = await ShardedSearch.open(transport);
    const british = await split.search("behaviour");
    expect(british.length).toBeGreaterThan(0);
    expect((await split.search("behavior")).map((result) => result.ref)).toEqual(british.map((result) => result.ref));
  });
});
