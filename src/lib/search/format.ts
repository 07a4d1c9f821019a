// The files the search index is split into. Built in Node, read in the browser.
//
// The index has one field: each posting's weight is the sum of the term's lunr weights over the
// page's fields (title, keywords, ...), each already multiplied by its field's boost. Because a
// query applies to every field alike, lunr scores this one field exactly as it scores the fields
// one by one, with a fifth of the postings to download and a fifth of the work per query.
import type { DirectoryTopic } from "./directory-topics.ts";

export interface SearchManifest {
  version: 3;
  /** The one field of the index. */
  field: string;
  /** lunr's serialized search pipeline (labels of registered functions). */
  pipeline: string[];
  documentCount: number;
  /** Section names, which records give by number. */
  sections: string[];
  /** Folder (under /search/) of this build's chunk and record files. */
  folder: string;
  /** The first term of each term chunk, in order: chunk n holds the terms from chunkStarts[n] up to chunkStarts[n + 1]. */
  chunkStarts: string[];
  /** Records are in files of docChunkSize documents, by document number: docs-0.json, docs-1.json, ... */
  docChunkSize: number;
  /** The needs and categories a query can name, to offer the directory filtered by them. */
  directory: DirectoryTopic[];
}

/** The name of the search page's meta tag holding the manifest, which the build fills in once the index is built. */
export const MANIFEST_META = "app-search-manifest";

/** One chunk of the term dictionary: `chunk-<n>.json`. */
export interface SearchChunk {
  /**
   * term → [lunr term index, gaps, weights]: the gaps from each document number to the next (from
   * 0) and the term's weight in each document in thousandths, written by encodePostings (postings-code.ts).
   */
  terms: Record<string, [number, string, string]>;
  /** Records of the documents that rank highest for these terms, so a first results page needs no other file. */
  records: Record<string, SearchDocumentRecord>;
}

/** [url, title, section number (in the manifest's sections), description, and for a service its town and ages] */
export type SearchDocumentRecord = [string, string, number, string, string?];

export const chunkFile = (n: number) => `chunk-${n}.json`;
export const docFile = (n: number) => `docs-${n}.json`;

/** The last chunk whose first term is at or before term: where term is, if the index has it. */
export function chunkOf(chunkStarts: readonly string[], term: string): number {
  let low = 0;
  let high = chunkStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (chunkStarts[middle]! <= term) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The chunks that may hold terms starting with prefix (for wildcards, and fuzzy terms' first letters). */
export function chunksWithPrefix(chunkStarts: readonly string[], prefix: string): number[] {
  const first = chunkOf(chunkStarts, prefix);
  const chunks = [first];
  for (let n = first + 1; n < chunkStarts.length && chunkStarts[n]!.startsWith(prefix); n++) chunks.push(n);
  return chunks;
}
