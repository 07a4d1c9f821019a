// Builds the lunr index for the whole site once, then splits it so a search downloads only what
// it needs: a small manifest, the chunks of the term dictionary holding its terms' postings, and
// in those chunks the records of the documents each term weighs most in, which are usually the
// first page of results. lunr's similarity divides by the query vector's magnitude, not the
// document's, so a document vector holding only the loaded terms scores exactly as the whole one.
import { createHash } from "node:crypto";
import lunr from "lunr";
import { SEARCH_FIELDS, configureSearchPipelines } from "/work/main/src/lib/search/lunr-setup.ts";
import { chunkFile, docFile, type SearchChunk, type SearchDocumentRecord, type SearchManifest } from "/work/main/src/lib/search/format.ts";
import type { SearchDocument } from "/work/main/src/build/search/documents.ts";

/** The whole-site index: what a single-file lunr search would load. */
export function buildWholeIndex(documents: readonly SearchDocument[]): lunr.Index {
  return lunr(function () {
    this.ref("ref");
    for (const field of SEARCH_FIELDS) this.field(field.name, { boost: field.boost });
    configureSearchPipelines(this);
    documents.forEach((document, index) => this.add({ ...document, ref: String(index) }));
  });
}

export interface SplitOptions {
  /** Term chunks are cut at about this many bytes; a term with more postings than that has a chunk of its own. */
  chunkBytes: number;
  /** How many documents' records each term carries: those it weighs most in. */
  recordsPerTerm: number;
  /** Documents per record file, for results beyond those the chunks carry. */
  docChunkSize: number;
}

/**
 * Sizes tuned with `npm run bench:search` on a 10,000-page site: chunks of this size keep a
 * two-word first search within a few requests, and thirty records a term cover the first results
 * page of nearly every query.
 */
export const DEFAULT_SPLIT: SplitOptions = { chunkBytes: 24_000, recordsPerTerm: 30, docChunkSize: 100 };

export interface SearchFiles {
  manifest: SearchManifest;
  /** Path under /search/ → contents. */
  files: Map<string, string>;
}

interface SerializedIndex {
  fields: string[];
  pipeline: string[];
  fieldVectors: Array<[string, number[]]>;
  invertedIndex: Array<[string, { _index: number } & Record<string, Record<string, object>>]>;
}

/** The one field of the split index (see format.ts). */
export const SPLIT_FIELD = "text";

export function splitIndex(index: lunr.Index, documents: readonly SearchDocument[], options: SplitOptions = DEFAULT_SPLIT): SearchFiles {
  const serialized = index.toJSON() as unknown as SerializedIndex;

  // Each document's weight for each term (by lunr's term index), summed over its fields.
  const weights = documents.map(() => new Map<number, number>());
  for (const [fieldRef, elements] of serialized.fieldVectors) {
    const byTerm = weights[Number(fieldRef.slice(fieldRef.indexOf("/") + 1))]!;
    for (let i = 0; i < elements.length; i += 2) byTerm.set(elements[i]!, (byTerm.get(elements[i]!) ?? 0) + elements[i + 1]!);
  }

  const sections = [...new Set(documents.map((document) => document.section))];
  const sectionNumber = new Map(sections.map((section, position) => [section, position]));
  const records: SearchDocumentRecord[] = documents.map((document) => [document.url, document.title, sectionNumber.get(document.section)!, document.description]);
  const recordBytes = records.map((record) => JSON.stringify(record).length);

  const chunks: SearchChunk[] = [];
  const chunkStarts: string[] = [];
  let chunk: SearchChunk | undefined;
  let chunkSize = 0;
  for (const [term, posting] of serialized.invertedIndex) {
    const docs = new Set<number>();
    for (const field of serialized.fields) for (const ref in posting[field]) docs.add(Number(ref));
    const refs = [...docs].sort((a, b) => a - b);
    const weighted = refs.map((ref) => {
      const weight = weights[ref]!.get(posting._index);
      if (weight === undefined) throw new Error(`lunr index has no weight for ${term} in document ${ref}`);
      return { ref, weight };
    });
    const entry = [posting._index];
    weighted.forEach(({ ref, weight }, position) => entry.push(ref - (refs[position - 1] ?? 0), Math.round(weight * 1000)));
    const top = weighted
      .sort((a, b) => b.weight - a.weight || a.ref - b.ref)
      .slice(0, options.recordsPerTerm)
      .map(({ ref }) => ref);

    const entryBytes = term.length + JSON.stringify(entry).length + 4;
    const newRecordBytes = (into: SearchChunk | undefined) => top.reduce((sum, ref) => sum + (into?.records[ref] ? 0 : recordBytes[ref]! + 8), 0);
    if (!chunk || chunkSize + entryBytes + newRecordBytes(chunk) > options.chunkBytes) {
      chunk = { terms: {}, records: {} };
      chunkSize = 0;
      chunks.push(chunk);
      chunkStarts.push(term);
    }
    chunkSize += entryBytes + newRecordBytes(chunk);
    chunk.terms[term] = entry;
    for (const ref of top) chunk.records[ref] ??= records[ref]!;
  }

  const contents = new Map<string, string>();
  chunks.forEach((each, n) => contents.set(chunkFile(n), JSON.stringify(each)));
  for (let start = 0; start < records.length; start += options.docChunkSize) {
    contents.set(docFile(start / options.docChunkSize), JSON.stringify(records.slice(start, start + options.docChunkSize)));
  }

  // One folder per index, named by a hash of everything in it, so a new build never mixes with files a browser has cached.
  const hash = createHash("sha256");
  for (const [name, text] of contents) hash.update(name).update("\0").update(text).update("\0");
  const folder = `index-${hash.digest("hex").slice(0, 10)}`;

  const manifest: SearchManifest = {
    version: 2,
    field: SPLIT_FIELD,
    pipeline: serialized.pipeline,
    documentCount: documents.length,
    sections,
    folder,
    chunkStarts,
    docChunkSize: options.docChunkSize,
  };
  return { manifest, files: new Map([...contents].map(([name, text]) => [`${folder}/${name}`, text])) };
}
