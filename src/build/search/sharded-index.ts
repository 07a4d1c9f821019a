// Builds the lunr index for the whole site once, then splits it so a search downloads only what
// it needs: a small manifest, the shards holding its terms' postings (each posting carries the
// weight lunr's scoring reads from the document's field vector), and the records of the documents
// it shows. lunr's similarity divides by the query vector's magnitude, not the document's, so a
// document vector holding only the query's terms scores exactly as the whole one does.
import { createHash } from "node:crypto";
import lunr from "lunr";
import { SEARCH_FIELDS, shardKeyOf, spellingStep } from "../../lib/search/lunr-setup.ts";
import type { SearchManifest, SearchShard, SearchDocumentRecord } from "../../lib/search/format.ts";
import type { SearchDocument } from "./documents.ts";

/** The whole-site index: what a single-file lunr search would load. */
export function buildWholeIndex(documents: readonly SearchDocument[]): lunr.Index {
  const spelling = spellingStep(lunr);
  return lunr(function () {
    this.ref("ref");
    for (const field of SEARCH_FIELDS) this.field(field.name, { boost: field.boost });
    // British spelling before the stemmer, when indexing and when searching.
    this.pipeline.before(lunr.stemmer, spelling);
    // Queries are trimmed of punctuation the way indexed words are, then spelt and stemmed alike.
    this.searchPipeline.before(lunr.stemmer, spelling);
    this.searchPipeline.before(spelling, lunr.trimmer);
    documents.forEach((document, index) => this.add({ ...document, ref: String(index) }));
  });
}

export interface SearchFiles {
  manifest: SearchManifest;
  /** File name (under /search/) → contents. */
  files: Map<string, string>;
}

const hashed = (name: string, contents: string) => `${name}.${createHash("sha256").update(contents).digest("hex").slice(0, 10)}.json`;

export function splitIndex(index: lunr.Index, documents: readonly SearchDocument[], docChunkSize = 200): SearchFiles {
  const serialized = index.toJSON() as unknown as {
    fields: string[];
    pipeline: string[];
    fieldVectors: Array<[string, number[]]>;
    invertedIndex: Array<[string, { _index: number } & Record<string, Record<string, object>>]>;
  };
  const fieldIndex = new Map(serialized.fields.map((field, position) => [field, position]));

  // Weight of term (by its index) in each document field, read from the field vectors.
  const weights = new Map<string, Map<number, number>>();
  for (const [fieldRef, elements] of serialized.fieldVectors) {
    const byTerm = new Map<number, number>();
    for (let i = 0; i < elements.length; i += 2) byTerm.set(elements[i]!, elements[i + 1]!);
    weights.set(fieldRef, byTerm);
  }

  const shards = new Map<string, SearchShard>();
  for (const [term, posting] of serialized.invertedIndex) {
    const postings: Array<[number, number, number]> = [];
    for (const field of serialized.fields) {
      for (const ref of Object.keys(posting[field] ?? {})) {
        const weight = weights.get(`${field}/${ref}`)?.get(posting._index);
        if (weight === undefined) throw new Error(`lunr index has no weight for ${term} in ${field}/${ref}`);
        postings.push([fieldIndex.get(field)!, Number(ref), weight]);
      }
    }
    const key = shardKeyOf(term);
    const shard = shards.get(key) ?? { terms: {} };
    shard.terms[term] = [posting._index, postings.flat()];
    shards.set(key, shard);
  }

  const files = new Map<string, string>();
  const shardFiles: Record<string, string> = {};
  for (const [key, shard] of [...shards].sort(([a], [b]) => a.localeCompare(b))) {
    const contents = JSON.stringify(shard);
    const name = hashed(`shard-${key}`, contents);
    shardFiles[key] = name;
    files.set(name, contents);
  }

  const docFiles: string[] = [];
  for (let start = 0; start < documents.length; start += docChunkSize) {
    const records: SearchDocumentRecord[] = documents.slice(start, start + docChunkSize).map((document) => [document.url, document.title, document.section, document.description]);
    const contents = JSON.stringify(records);
    const name = hashed(`docs-${start / docChunkSize}`, contents);
    docFiles.push(name);
    files.set(name, contents);
  }

  const manifest: SearchManifest = {
    version: 1,
    fields: serialized.fields,
    pipeline: serialized.pipeline,
    documentCount: documents.length,
    docChunkSize,
    docFiles,
    shardFiles,
  };
  return { manifest, files };
}
