// Search over the split index: loads the manifest, then only the shards a query's terms live in,
// merges them into one lunr.Index (cached for the visit) and lets lunr parse, expand and score as
// it always does. Fuzzy (~) and wildcard (*) terms only reach terms in the shards of their first
// two characters. Works in the page and in Node: how files arrive is the transport's business
// (fetch online; script files for the offline copy).
import lunr from "lunr";
import { shardKeyOf, spellingStep } from "../../lib/search/lunr-setup.ts";
import type { SearchDocumentRecord, SearchManifest, SearchShard } from "../../lib/search/format.ts";

export interface SearchTransport {
  /** Loads one file of the index by its name in the manifest ("manifest.json" for the manifest). */
  load<T>(file: string): Promise<T>;
}

export const MAX_QUERY_LENGTH = 200;

export interface SearchResult {
  ref: string;
  score: number;
  /** The words lunr matched, as indexed (stemmed). */
  terms: string[];
}

export class ShardedSearch {
  private readonly shards = new Map<string, Promise<void>>();
  private readonly invertedIndex: Record<string, Record<string, unknown>> = Object.create(null);
  /** "field/doc" → [term index, weight] pairs, for the field vectors. */
  private readonly vectors = new Map<string, Array<[number, number]>>();
  private readonly documentChunks = new Map<number, Promise<SearchDocumentRecord[]>>();
  private readonly pipeline: lunr.Pipeline;
  private index: lunr.Index | undefined;

  private constructor(
    private readonly manifest: SearchManifest,
    private readonly transport: SearchTransport,
  ) {
    spellingStep(lunr);
    this.pipeline = lunr.Pipeline.load(manifest.pipeline);
  }

  static async open(transport: SearchTransport): Promise<ShardedSearch> {
    return new ShardedSearch(await transport.load<SearchManifest>("manifest.json"), transport);
  }

  /** Runs a query as lunr would on the whole index; hostile or broken syntax becomes plain words. */
  async search(input: string): Promise<SearchResult[]> {
    const text = input.slice(0, MAX_QUERY_LENGTH).trim();
    if (text === "") return [];
    const query = this.parse(text) ?? this.parse(plainWords(text));
    if (!query) return [];
    await Promise.all(this.shardKeysFor(query.clauses).map((key) => this.loadShard(key)));
    const index = this.currentIndex();
    const run = this.parse(text) ? text : plainWords(text);
    try {
      return index.search(run).map((result) => ({ ref: result.ref, score: result.score, terms: Object.keys(result.matchData.metadata) }));
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
      if (word.length < 3 || (await this.search(word)).length > 0) {
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
      const records = stem ? await this.documents(matching.map((result) => result.ref)) : [];
      const written = records
        .flatMap(([, title, , description]) => `${title} ${description}`.toLowerCase().match(/[a-z]+/g) ?? [])
        .find((candidate) => this.normalise(candidate) === stem);
      if (written ?? stem) changed = true;
      corrected.push(written ?? stem ?? word);
    }
    return changed ? corrected.join(" ") : undefined;
  }

  /** The records (url, title, section, description) of documents, loading only their chunks. */
  async documents(refs: readonly string[]): Promise<SearchDocumentRecord[]> {
    return Promise.all(
      refs.map(async (ref) => {
        const number = Number(ref);
        const chunk = Math.floor(number / this.manifest.docChunkSize);
        let loading = this.documentChunks.get(chunk);
        if (!loading) {
          loading = this.transport.load<SearchDocumentRecord[]>(this.manifest.docFiles[chunk]!);
          this.documentChunks.set(chunk, loading);
        }
        return (await loading)[number % this.manifest.docChunkSize]!;
      }),
    );
  }

  /** The lunr.Query for text, or undefined when lunr cannot parse it. */
  private parse(text: string): lunr.Query | undefined {
    const query = new lunr.Query(this.manifest.fields);
    try {
      new lunr.QueryParser(text, query).parse();
    } catch {
      return undefined;
    }
    // A query that only excludes would need every document; leading wildcards would need every shard.
    if (query.clauses.length === 0 || query.clauses.every((clause) => clause.presence === lunr.Query.presence.PROHIBITED)) return undefined;
    if (query.clauses.some((clause) => clause.term.startsWith("*"))) return undefined;
    return query;
  }

  private shardKeysFor(clauses: lunr.Query.Clause[]): string[] {
    const keys = new Set<string>();
    const available = Object.keys(this.manifest.shardFiles);
    for (const clause of clauses) {
      const terms = clause.usePipeline ? this.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      for (const term of terms) {
        const prefix = term.split("*")[0] ?? "";
        if (prefix.length >= 2 || !term.includes("*")) keys.add(shardKeyOf(term));
        else for (const key of available) if (key.startsWith(prefix)) keys.add(key);
      }
    }
    return [...keys].filter((key) => key in this.manifest.shardFiles);
  }

  private loadShard(key: string): Promise<void> {
    let loading = this.shards.get(key);
    if (!loading) {
      loading = this.transport.load<SearchShard>(this.manifest.shardFiles[key]!).then((shard) => this.merge(shard));
      this.shards.set(key, loading);
    }
    return loading;
  }

  private merge(shard: SearchShard): void {
    for (const [term, [termIndex, postings]] of Object.entries(shard.terms)) {
      const posting: Record<string, unknown> = { _index: termIndex };
      for (const field of this.manifest.fields) posting[field] = {};
      for (let i = 0; i < postings.length; i += 3) {
        const field = this.manifest.fields[postings[i]!]!;
        const ref = String(postings[i + 1]);
        (posting[field] as Record<string, object>)[ref] = {};
        const fieldRef = `${field}/${ref}`;
        const elements = this.vectors.get(fieldRef) ?? [];
        elements.push([termIndex, postings[i + 2]!]);
        this.vectors.set(fieldRef, elements);
      }
      this.invertedIndex[term] = posting;
    }
    this.index = undefined;
  }

  private currentIndex(): lunr.Index {
    if (this.index) return this.index;
    const fieldVectors: Record<string, lunr.Vector> = {};
    for (const [fieldRef, elements] of this.vectors) {
      fieldVectors[fieldRef] = new lunr.Vector(elements.sort((a, b) => a[0] - b[0]).flat());
    }
    const attributes = {
      invertedIndex: this.invertedIndex,
      fieldVectors,
      tokenSet: lunr.TokenSet.fromArray(Object.keys(this.invertedIndex).sort()),
      fields: this.manifest.fields,
      pipeline: this.pipeline,
    };
    this.index = new lunr.Index(attributes as unknown as lunr.Index.Attributes);
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
