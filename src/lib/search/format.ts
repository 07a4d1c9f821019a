// The files the search index is split into. Built in Node, read in the browser.

export interface SearchManifest {
  version: 1;
  fields: string[];
  /** lunr's serialized search pipeline (labels of registered functions). */
  pipeline: string[];
  documentCount: number;
  docChunkSize: number;
  /** Document records, docChunkSize to a file, by document number. */
  docFiles: string[];
  /** Shard key (first two characters of a term) → file name. */
  shardFiles: Record<string, string>;
}

export interface SearchShard {
  /** term → [lunr term index, flat postings: field number, document number, weight, ...] */
  terms: Record<string, [number, number[]]>;
}

/** [url, title, section, description] */
export type SearchDocumentRecord = [string, string, string, string];
