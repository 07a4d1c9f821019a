// Search over the split index: loads the manifest, then only the chunks of the term dictionary a
// query's terms are in, merges them into one lunr.Index (kept for the visit) and lets lunr parse,
// expand and score as it always does. Wildcard terms (sen*) reach every chunk their prefix spans;
// fuzzy terms (~) only reach terms sharing their first two letters. Field names (title:) are not
// searchable, as the split index has one field; such queries are searched as plain words. Works
// in the page and in Node: how files arrive is the transport's business (fetch online; script
// files for the offline copy).
import lunr from "lunr";
import { searchSteps } from "../../lib/search/lunr-setup.ts";
import { chunkFile, chunkOf, chunksWithPrefix, docFile, type SearchChunk, type SearchDocumentRecord, type SearchManifest } from "../../lib/search/format.ts";

export interface SearchTransport {
  /** Loads one file of the index by its path under /search/ ("manifest.json" for the manifest). */
  load<T>(file: string): Promise<T>;
}

export const MAX_QUERY_LENGTH = 200;

export interface SearchResult {
  ref: string;
  score: number;
  /** The words lunr matched, as indexed (stemmed). */
  readonly terms: string[];
}

/** What a results page shows for a document. */
export interface ShownDocument {
  url: string;
  title: string;
  section: string;
  description: string;
}

export class ShardedSearch {
  private readonly chunks = new Map<number, Promise<void>>();
  private readonly invertedIndex: Record<string, Record<string, unknown>> = Object.create(null);
  /** The field vectors, holding the loaded terms only: lunr's similarity needs no others. */
  private readonly fieldVectors: Record<string, lunr.Vector> = Object.create(null);
  private readonly records = new Map<number, SearchDocumentRecord>();
  private readonly recordFiles = new Map<number, Promise<void>>();
  private readonly pipeline: lunr.Pipeline;
  private index: lunr.Index | undefined;

  private constructor(
    private readonly manifest: SearchManifest,
    private readonly transport: SearchTransport,
  ) {
    searchSteps();
    this.pipeline = lunr.Pipeline.load(manifest.pipeline);
  }

  static async open(transport: SearchTransport): Promise<ShardedSearch> {
    const manifest = await transport.load<SearchManifest>("manifest.json");
    if (manifest.version !== 2) throw new Error(`search manifest version ${String(manifest.version)}, expected 2`);
    return new ShardedSearch(manifest, transport);
  }

  /** Runs a query as lunr would on the whole index; hostile or broken syntax becomes plain words. */
  async search(input: string): Promise<SearchResult[]> {
    const text = input.slice(0, MAX_QUERY_LENGTH).trim();
    if (text === "") return [];
    const parsed = this.parse(text);
    const run = parsed ? text : plainWords(text);
    const query = parsed ?? this.parse(run);
    if (!query) return [];
    await Promise.all(this.chunksFor(query.clauses).map((n) => this.loadChunk(n)));
    try {
      return this.currentIndex()
        .search(run)
        .map(({ ref, score, matchData }) => ({
          ref,
          score,
          // Read only for the results shown: listing them for thousands of results would take longer than the search.
          get terms() {
            return Object.keys(matchData.metadata);
          },
        }));
    } catch {
      return [];
    }
  }

  /**
   * What the results page shows: when a word matches nothing (a misspelling), the results for the
   * corrected words, with the correction to offer as "Did you mean".
   */
  async searchWithCorrection(input: string): Promise<{ results: SearchResult[]; corrected?: string }> {
    const results = await this.search(input);
    const corrected = await this.suggest(input);
    if (!corrected) return { results };
    const correctedResults = await this.search(corrected);
    return { results: correctedResults.length > 0 ? correctedResults : results, corrected };
  }

  /** A word as the index holds it (British spelling, stemmed), for highlighting matches. */
  normalise(word: string): string {
    return this.pipeline.runString(word.toLowerCase())[0] ?? "";
  }

  /**
   * A correction for a query that found nothing: each word that finds nothing is replaced by the
   * closest word the index knows (one or two letters out), as written on the pages it matched.
   */
  async suggest(input: string): Promise<string | undefined> {
    const words = plainWords(input.slice(0, MAX_QUERY_LENGTH)).toLowerCase().split(" ").filter(Boolean);
    let changed = false;
    const corrected: string[] = [];
    for (const word of words) {
      // Short words are rarely misspelt, and one letter out of three is another word ("son", "song").
      if (word.length < 4 || this.normalise(word) === "" || (await this.search(word)).length > 0) {
        corrected.push(word);
        continue;
      }
      const fuzzy = await this.search(`${word}~${word.length >= 7 ? 2 : 1}`);
      // The matched word closest to what was typed, then the one on most pages.
      const counts = new Map<string, number>();
      for (const result of fuzzy) for (const term of result.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      const typed = this.normalise(word);
      const stem = [...counts].sort(([a, countA], [b, countB]) => editDistance(typed, a) - editDistance(typed, b) || countB - countA)[0]?.[0];
      const matching = fuzzy.filter((result) => stem && result.terms.includes(stem)).slice(0, 5);
      const shown = stem ? await this.documents(matching.map((result) => result.ref)) : [];
      const written = shown
        .flatMap(({ title, description }) => `${title} ${description}`.toLowerCase().match(/[a-z]+/g) ?? [])
        .find((candidate) => this.normalise(candidate) === stem);
      if (written ?? stem) changed = true;
      corrected.push(written ?? stem ?? word);
    }
    return changed ? corrected.join(" ") : undefined;
  }

  /** What to show for documents: from the chunks already loaded, or else from their record files. */
  async documents(refs: readonly string[]): Promise<ShownDocument[]> {
    const numbers = refs.map(Number);
    const files = new Set(numbers.filter((n) => !this.records.has(n)).map((n) => Math.floor(n / this.manifest.docChunkSize)));
    await Promise.all([...files].map((file) => this.loadRecordFile(file)));
    return numbers.map((n) => {
      const [url, title, section, description] = this.records.get(n)!;
      return { url, title, section: this.manifest.sections[section] ?? "", description };
    });
  }

  /** The lunr.Query for text, or undefined when lunr cannot parse it. */
  private parse(text: string): lunr.Query | undefined {
    const query = new lunr.Query([this.manifest.field]);
    try {
      new lunr.QueryParser(text, query).parse();
    } catch {
      return undefined;
    }
    // A query that only excludes would need every document; leading wildcards would need every chunk.
    if (query.clauses.length === 0 || query.clauses.every((clause) => clause.presence === lunr.Query.presence.PROHIBITED)) return undefined;
    if (query.clauses.some((clause) => clause.term.startsWith("*"))) return undefined;
    return query;
  }

  private chunksFor(clauses: lunr.Query.Clause[]): number[] {
    const chunks = new Set<number>();
    const starts = this.manifest.chunkStarts;
    for (const clause of clauses) {
      const terms = clause.usePipeline ? this.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      for (const term of terms) {
        if (term.includes("*")) for (const n of chunksWithPrefix(starts, term.split("*")[0]!)) chunks.add(n);
        else if (clause.editDistance) for (const n of chunksWithPrefix(starts, term.slice(0, 2))) chunks.add(n);
        else chunks.add(chunkOf(starts, term));
      }
    }
    return [...chunks];
  }

  private loadChunk(n: number): Promise<void> {
    let loading = this.chunks.get(n);
    if (!loading) {
      loading = this.transport.load<SearchChunk>(`${this.manifest.folder}/${chunkFile(n)}`).then((chunk) => this.merge(chunk));
      this.chunks.set(n, loading);
    }
    return loading;
  }

  private loadRecordFile(file: number): Promise<void> {
    let loading = this.recordFiles.get(file);
    if (!loading) {
      loading = this.transport.load<SearchDocumentRecord[]>(`${this.manifest.folder}/${docFile(file)}`).then((records) => {
        records.forEach((record, i) => this.records.set(file * this.manifest.docChunkSize + i, record));
      });
      this.recordFiles.set(file, loading);
    }
    return loading;
  }

  private merge(chunk: SearchChunk): void {
    const field = this.manifest.field;
    for (const [term, entry] of Object.entries(chunk.terms)) {
      const termIndex = entry[0]!;
      const postings: Record<string, object> = {};
      let ref = 0;
      for (let i = 1; i < entry.length; i += 2) {
        ref += entry[i]!;
        postings[ref] = {};
        const fieldRef = `${field}/${ref}`;
        (this.fieldVectors[fieldRef] ??= new lunr.Vector([])).insert(termIndex, entry[i + 1]! / 1000);
      }
      this.invertedIndex[term] = { _index: termIndex, [field]: postings };
    }
    for (const [ref, record] of Object.entries(chunk.records)) this.records.set(Number(ref), record);
    this.index = undefined;
  }

  private currentIndex(): lunr.Index {
    this.index ??= new lunr.Index({
      invertedIndex: this.invertedIndex,
      fieldVectors: this.fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(Object.keys(this.invertedIndex).sort()),
      fields: [this.manifest.field],
      pipeline: this.pipeline,
    } as unknown as lunr.Index.Attributes);
    return this.index;
  }
}

/** Edits (insert, delete, change, swap neighbours) between two words, as lunr's fuzzy search counts them. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Query text with lunr's syntax characters taken out, so it is searched as plain words. */
export function plainWords(text: string): string {
  return text.replace(/[:*~^+\-"\\]/g, " ").replace(/\s+/g, " ").trim();
}
