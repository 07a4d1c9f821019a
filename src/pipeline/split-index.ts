// Builds the site's lunr index, weighing every term as lunr would, and splits it so a search
// downloads only what it needs: a small manifest, the chunks of the term dictionary holding its
// terms' postings, and in those chunks the records of the documents each term weighs most in,
// which are usually the first page of results. lunr's similarity divides by the query vector's magnitude, not the
// document's, so a document vector holding only the loaded terms scores exactly as the whole one.
import { createHash } from "node:crypto";
import lunr from "lunr";
import { SEARCH_FIELDS, searchBuilder } from "../lib/search/lunr-setup.ts";
import { chunkFile, docFile, type SearchChunk, type SearchDocumentRecord, type SearchManifest } from "../lib/search/format.ts";
import { encodePostings } from "../lib/search/postings-code.ts";
import type { DirectoryTopic } from "../lib/search/directory-topics.ts";
import type { SearchDocument } from "./search-documents.ts";

/** A term of the index with the documents it is in (ascending) and its weight in each. */
interface Postings {
  term: string;
  /** The term's number in lunr's index: the order in which the build first met it. */
  index: number;
  refs: number[];
  weights: number[];
}

// lunr.Builder's BM25 defaults.
const K1 = 1.2;
const B = 0.75;

/**
 * The weights lunr would give each term in each document, summed over the fields, computed as
 * lunr.Builder does (same tokenizer, pipeline, BM25, rounding and order of sums) but without
 * building lunr's index: that keeps an object for every posting of every field with its metadata,
 * which on a 10,000-page site is most of the build's memory and a third of its time. The search
 * tests compare the result with a real lunr index.
 */
function weighTerms(documents: readonly SearchDocument[]): { postings: Postings[]; pipeline: string[] } {
  const builder = searchBuilder();
  // Every pipeline step works on one token alone, so a word's terms can be kept once worked out.
  const termsOfWord = new Map<string, string[]>();
  const termsOf = (word: string) => {
    let terms = termsOfWord.get(word);
    if (!terms) {
      terms = builder.pipeline.run([new lunr.Token(word, {})]).map(String);
      termsOfWord.set(word, terms);
    }
    return terms;
  };

  const termNumber = new Map<string, number>();
  const terms: string[] = [];
  /** For each term, how many document fields have it (lunr's idf counts a page once per field). */
  const fieldsWithTerm: number[] = [];
  /** For each document and field in order: [term, frequency, term, frequency, ...]. */
  const frequencies: Int32Array[] = [];
  const lengths: number[] = [];
  const totalLength = SEARCH_FIELDS.map(() => 0);
  for (const document of documents) {
    SEARCH_FIELDS.forEach((field, f) => {
      const counts = new Map<number, number>();
      let length = 0;
      for (const word of String(document[field.name] ?? "")
        .toLowerCase()
        .split(lunr.tokenizer.separator)) {
        if (word === "") continue;
        for (const term of termsOf(word)) {
          let number = termNumber.get(term);
          if (number === undefined) {
            number = terms.length;
            termNumber.set(term, number);
            terms.push(term);
            fieldsWithTerm.push(0);
          }
          counts.set(number, (counts.get(number) ?? 0) + 1);
          length += 1;
        }
      }
      const packed = new Int32Array(counts.size * 2);
      let at = 0;
      for (const [number, count] of counts) {
        fieldsWithTerm[number]! += 1;
        packed[at++] = number;
        packed[at++] = count;
      }
      frequencies.push(packed);
      lengths.push(length);
      totalLength[f]! += length;
    });
  }

  const count = documents.length;
  const idf = fieldsWithTerm.map((fields) => Math.log(1 + Math.abs((count - fields + 0.5) / (fields + 0.5))));
  const averageLength = totalLength.map((total) => total / count);
  const postings: Postings[] = terms.map((term, index) => ({ term, index, refs: [], weights: [] }));
  const weights = new Map<number, number>();
  for (let ref = 0; ref < count; ref++) {
    weights.clear();
    SEARCH_FIELDS.forEach((field, f) => {
      const packed = frequencies[ref * SEARCH_FIELDS.length + f]!;
      const lengthRatio = lengths[ref * SEARCH_FIELDS.length + f]! / averageLength[f]!;
      for (let at = 0; at < packed.length; at += 2) {
        const number = packed[at]!;
        const frequency = packed[at + 1]!;
        const score = ((idf[number]! * ((K1 + 1) * frequency)) / (K1 * (1 - B + B * lengthRatio) + frequency)) * field.boost;
        weights.set(number, (weights.get(number) ?? 0) + Math.round(score * 1000) / 1000);
      }
    });
    for (const [number, weight] of weights) {
      postings[number]!.refs.push(ref);
      postings[number]!.weights.push(weight);
    }
  }
  // lunr serialises its terms sorted this way.
  postings.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return { postings, pipeline: builder.searchPipeline.toJSON() as unknown as string[] };
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

/** The one field of the split index (see format.ts). */
export const SPLIT_FIELD = "text";

/** Builds the site's search index and splits it into the files search loads (see format.ts). */
export function buildSplitIndex(
  documents: readonly SearchDocument[],
  directory: readonly DirectoryTopic[] = [],
  options: SplitOptions = DEFAULT_SPLIT,
): SearchFiles {
  const { postings, pipeline } = weighTerms(documents);

  const sections = [...new Set(documents.map((document) => document.section))];
  const sectionNumber = new Map(sections.map((section, position) => [section, position]));
  // Details only where there are some (services), so other pages' records are no longer.
  const records: SearchDocumentRecord[] = documents.map((document) => {
    const record: SearchDocumentRecord = [document.url, document.title, sectionNumber.get(document.section)!, document.description];
    if (document.details) record.push(document.details);
    return record;
  });
  const recordBytes = records.map((record) => JSON.stringify(record).length);

  const chunks: SearchChunk[] = [];
  const chunkStarts: string[] = [];
  let chunk: SearchChunk | undefined;
  let chunkSize = 0;
  for (const { term, index, refs, weights } of postings) {
    const weighted = refs.map((ref, position) => ({ ref, weight: weights[position]! }));
    const entry: SearchChunk["terms"][string] = [
      index,
      ...encodePostings(
        refs,
        weights.map((weight) => Math.round(weight * 1000)),
      ),
    ];
    const top = weighted
      .sort((a, b) => b.weight - a.weight || a.ref - b.ref)
      .slice(0, options.recordsPerTerm)
      .map(({ ref }) => ref);

    const entryBytes = term.length + JSON.stringify(entry).length + 4;
    const newRecordBytes = (into: SearchChunk | undefined) => top.reduce((sum, ref) => sum + (into?.records[ref] ? 0 : recordBytes[ref]! + 8), 0);
    if (!chunk || chunkSize + entryBytes + newRecordBytes(chunk) > options.chunkBytes) {
      // Terms with no prototype, so a page's word "__proto__" is a term like any other.
      chunk = { terms: Object.create(null) as SearchChunk["terms"], records: {} };
      chunkSize = 0;
      chunks.push(chunk);
      chunkStarts.push(term);
    }
    chunkSize += entryBytes + newRecordBytes(chunk);
    chunk.terms[term] = entry;
    for (const ref of top) chunk.records[ref] ??= records[ref]!;
  }

  const contents = new Map<string, string>();
  chunks.forEach((each, n) => {
    contents.set(chunkFile(n), JSON.stringify(each));
  });
  for (let start = 0; start < records.length; start += options.docChunkSize) {
    contents.set(docFile(start / options.docChunkSize), JSON.stringify(records.slice(start, start + options.docChunkSize)));
  }

  // One folder per index, named by a hash of everything in it, so a new build never mixes with files a browser has cached.
  const hash = createHash("sha256");
  for (const [name, text] of contents) hash.update(name).update("\0").update(text).update("\0");
  const folder = `index-${hash.digest("hex").slice(0, 10)}`;

  const manifest: SearchManifest = {
    version: 3,
    field: SPLIT_FIELD,
    pipeline,
    documentCount: documents.length,
    sections,
    folder,
    chunkStarts,
    docChunkSize: options.docChunkSize,
    directory: [...directory],
  };
  return { manifest, files: new Map([...contents].map(([name, text]) => [`${folder}/${name}`, text])) };
}
