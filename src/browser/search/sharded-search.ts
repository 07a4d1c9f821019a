// Search over the split index: loads the manifest, then only the chunks of the term dictionary a
// query's terms are in. A query of plain words is parsed, and its words made terms, as lunr's
// parser and the search pipeline would (query-words.ts); for any other, lunr is fetched, parses it
// and expands wildcard (sen*) and fuzzy (autsim~1) terms against the loaded chunks' words, and
// corrections use its fuzzy matching too. The query is first held to QUERY_LIMITS. Scoring is
// lunr.Index's own sum (each page's weight for a term times the term's boost in the query, over
// the length of the query vector) done over typed arrays: lunr.Index makes several objects for
// every page a term is on, and took over a second for a dozen common words on a 10,000-page site.
// Wildcard terms reach every chunk their prefix spans; fuzzy terms reach terms starting with their
// first two letters, or with those a swap of letters would make ("echp" reaches "ehcp", one edit in
// lunr's count). Field names (title:) are not searchable, as the split index has one field; such
// queries are searched as plain words. Works in the page and in Node: how files arrive is the
// transport's business (fetch online; script files for the offline copy).
import type lunr from "lunr";
import { chunkFile, chunkOf, chunksWithPrefix, docFile, type SearchChunk, type SearchDocumentRecord, type SearchManifest } from "../../lib/search/format.ts";
import { decodePostings } from "../../lib/search/postings-code.ts";
import { editDistance } from "../../lib/edit-distance.ts";
import { topicsNamedIn, type DirectoryTopic } from "../../lib/search/directory-topics.ts";
import { boundClauses, maxEditDistance } from "./bounded-query.ts";
import { PRESENCE, SEARCH_PIPELINE, plainQueryWords, termOfQueryWord } from "../../lib/search/query-words.ts";
import { QUERY_LIMITS } from "../../lib/search/query-limits.ts";

export interface SearchTransport {
  /** Loads one file of the index by its path under /search/ ("manifest.json" for the manifest). */
  load<T>(file: string): Promise<T>;
}

const MAX_QUERY_LENGTH = QUERY_LIMITS.length;

export interface SearchResult {
  ref: string;
  score: number;
  /** How many of the query's words that count (see countsAsWord) the page has. */
  words: number;
  /** The words lunr matched, as indexed (stemmed). */
  readonly terms: string[];
}

/** What a results page shows for a document. */
export interface ShownDocument {
  url: string;
  title: string;
  section: string;
  description: string;
  /** A service's town and ages; empty for other pages. */
  details: string;
}

/** The results page's answer: good matches (every word that counts) first, then the rest by score. */
export interface RankedAnswer {
  results: SearchResult[];
  /** How many of the results, from the first, are good matches. */
  good: number;
  /** The corrected query searched, when a word matched nothing ("Did you mean"). */
  corrected?: string;
}

/** A term's postings: the documents it is on, ascending, and its weight in each. */
interface Postings {
  /** The term's number in lunr's index, which orders the sums as lunr's vectors do. */
  index: number;
  refs: Int32Array;
  weights: Float64Array;
}

/** A loaded chunk: its terms in a Map, so no word typed can reach an object's prototype ("constructor"). */
interface LoadedChunk {
  terms: Map<string, Postings>;
  /** The chunk's words as a lunr automaton, made when a wildcard or fuzzy term first needs it. */
  words?: lunr.TokenSet;
}

/** One word of a query as the index would hold it, with its clause and the chunks it may be in. */
interface QueryTerm {
  term: string;
  clause: lunr.Query.Clause;
  chunks: number[];
}

/** Edits a fuzzy term may make (0 for none); the parser leaves a term without ~ with none set. */
const editsOf = (clause: lunr.Query.Clause) => (clause.editDistance as number | undefined) ?? 0;

const { OPTIONAL, REQUIRED, PROHIBITED } = PRESENCE;

/** Bits at the bottom of a sort key that hold a document's place (see byScore): up to a million results. */
const PLACE_BITS = 20;
const LAST_PLACE = 2 ** PLACE_BITS - 1;
/** Whether typed arrays keep the low half of a number first, as byScore's keys need. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The documents highest score first, those with equal scores in the order given (the order lunr
 * meets them). A common word on a big site finds over 10,000 pages, which a comparator sort calls
 * back some 150,000 times before the browser has compiled it, so they are sorted as numbers by the
 * typed array's own sort: each key is the score with its lowest 20 bits (of 52) replaced by the
 * document's place counted from the end, so keys sort as their scores do (scores are never
 * negative: weights and boosts are not), and equal scores by place. Scores less than a part in
 * four billion apart, which only rounding makes, count as equal.
 */
function byScore(refs: readonly number[], scores: Float64Array): number[] {
  if (!LITTLE_ENDIAN || refs.length > LAST_PLACE) return [...refs].sort((a, b) => scores[b]! - scores[a]!);
  const keys = new Float64Array(refs.length);
  const halves = new Uint32Array(keys.buffer);
  for (let place = 0; place < refs.length; place++) {
    keys[place] = scores[refs[place]!]!;
    halves[2 * place] = ((halves[2 * place]! & ~LAST_PLACE) | (LAST_PLACE - place)) >>> 0;
  }
  keys.sort();
  const sorted = new Array<number>(refs.length);
  for (let rank = 0; rank < refs.length; rank++) sorted[rank] = refs[LAST_PLACE - (halves[2 * (refs.length - 1 - rank)]! & LAST_PLACE)]!;
  return sorted;
}

/** Whether the ascending refs hold ref. */
function holds(refs: Int32Array, ref: number): boolean {
  let low = 0;
  let high = refs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = refs[middle]!;
    if (at === ref) return true;
    if (at < ref) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** A result, whose matched words are worked out only when asked for: for the results shown, not the thousands found. */
class FoundPage implements SearchResult {
  readonly ref: string;

  constructor(
    private readonly number: number,
    readonly score: number,
    readonly words: number,
    private readonly matched: ReadonlyMap<string, Postings>,
  ) {
    this.ref = String(number);
  }

  get terms(): string[] {
    return [...this.matched].filter(([, postings]) => holds(postings.refs, this.number)).map(([word]) => word);
  }
}

export class ShardedSearch {
  private readonly chunks = new Map<number, Promise<LoadedChunk>>();
  private readonly loaded = new Map<number, LoadedChunk>();
  private readonly records = new Map<number, SearchDocumentRecord>();
  private readonly recordFiles = new Map<number, Promise<void>>();
  private pageAnswer: { input: string; answer: Promise<RankedAnswer> } | undefined;
  /** lunr, once a query with its syntax or a correction has fetched it (see loadLunr). */
  private lunr: typeof lunr | undefined;
  private lunrLoading: Promise<typeof lunr> | undefined;

  private constructor(
    private readonly manifest: SearchManifest,
    private readonly transport: SearchTransport,
  ) {}

  static async open(transport: SearchTransport): Promise<ShardedSearch> {
    const manifest = await transport.load<SearchManifest>("manifest.json");
    if (manifest.version !== 3) throw new Error(`search manifest version ${String(manifest.version)}, expected 3`);
    // The search makes a query's terms as this pipeline does (query-words.ts), not with lunr's.
    if (manifest.pipeline.join() !== SEARCH_PIPELINE.join()) {
      throw new Error(`search manifest pipeline ${manifest.pipeline.join(", ")}, expected ${SEARCH_PIPELINE.join(", ")}`);
    }
    return new ShardedSearch(manifest, transport);
  }

  /** lunr, fetched the first time a query needs it: a separate file of the search bundle, which plain words never ask for. */
  private loadLunr(): Promise<typeof lunr> {
    this.lunrLoading ??= import("./lunr-module.ts").then(({ default: loaded }) => {
      this.lunr = loaded;
      return loaded;
    });
    return this.lunrLoading;
  }

  /** Runs a query as lunr would on the whole index, within QUERY_LIMITS; syntax that does not parse becomes plain words. */
  async search(input: string): Promise<SearchResult[]> {
    return (await this.run(input)).results;
  }

  /**
   * What the results page shows: the results with those that have every word that counts first
   * (see rankedByWords); and when a word matches nothing (a misspelling), the results for the
   * corrected words, with the correction to offer as "Did you mean".
   */
  async searchWithCorrection(input: string): Promise<RankedAnswer> {
    const typed = await this.run(input);
    const corrected = await this.suggest(input);
    if (!corrected) return rankedByWords(typed);
    const correctedAnswer = await this.run(corrected);
    return { ...rankedByWords(correctedAnswer.results.length > 0 ? correctedAnswer : typed), corrected };
  }

  /**
   * searchWithCorrection for the results page, run once for its query: the page starts it as the
   * search bundle arrives (see startAddressSearch) and shows it once the page's own script has run.
   */
  answerOnce(input: string): Promise<RankedAnswer> {
    if (this.pageAnswer?.input !== input) this.pageAnswer = { input, answer: this.searchWithCorrection(input) };
    return this.pageAnswer.answer;
  }

  /** lunr's results for a query, and how many of its words count and are in the index. */
  private async run(input: string): Promise<{ results: SearchResult[]; words: number }> {
    const text = input.slice(0, MAX_QUERY_LENGTH).trim();
    if (text === "") return { results: [], words: 0 };
    const clauses = (await this.parse(text)) ?? (await this.parse(plainWords(text)));
    if (!clauses) return { results: [], words: 0 };
    const terms = this.queryTerms(clauses);
    const expanding = terms.some(({ term, clause }) => term.includes("*") || editsOf(clause) > 0);
    await Promise.all([...[...new Set(terms.flatMap((each) => each.chunks))].map((n) => this.loadChunk(n)), expanding && this.loadLunr()]);
    return this.score(terms);
  }

  /** The needs and types of service the query names, to offer the directory filtered by them. */
  directoryTopics(input: string): DirectoryTopic[] {
    return topicsNamedIn(input.slice(0, MAX_QUERY_LENGTH), this.manifest.directory);
  }

  /** A word as the index holds it (British spelling, stemmed), for highlighting matches. */
  normalise(word: string): string {
    return termOfQueryWord(word.toLowerCase()) ?? "";
  }

  /**
   * A correction for a query that found nothing: each word that finds nothing (the first few, see
   * QUERY_LIMITS) is replaced by the closest word the index knows (one or two letters out), as
   * written on the pages it weighs most in.
   */
  async suggest(input: string): Promise<string | undefined> {
    const words = plainWords(input.slice(0, MAX_QUERY_LENGTH)).toLowerCase().split(" ").filter(Boolean);
    let tried = 0;
    let changed = false;
    const corrected: string[] = [];
    for (const word of words) {
      const typed = this.normalise(word);
      const fuzziness = maxEditDistance(word.length);
      // Filler ("cant") is not a misspelling of a word the pages have.
      if (fuzziness === 0 || typed === "" || !countsAsWord(typed) || tried >= QUERY_LIMITS.corrections || (await this.knows(typed))) {
        corrected.push(word);
        continue;
      }
      tried += 1;
      const chunks = this.chunksOf(typed, fuzziness);
      await Promise.all([...chunks.map((n) => this.loadChunk(n)), this.loadLunr()]);
      // The matched word closest to what was typed, then the one on most pages.
      const [stem, postings] =
        this.expand(typed, fuzziness, chunks).sort(
          ([a, first], [b, second]) => editDistance(typed, a) - editDistance(typed, b) || second.refs.length - first.refs.length,
        )[0] ?? [];
      if (!stem || !postings) {
        corrected.push(word);
        continue;
      }
      const heaviest = [...postings.refs.keys()].sort((a, b) => postings.weights[b]! - postings.weights[a]! || a - b).slice(0, 5);
      const shown = await this.documents(heaviest.map((position) => String(postings.refs[position])));
      const written = shown
        .flatMap(({ title, description }) => `${title} ${description}`.toLowerCase().match(/[a-z]+/g) ?? [])
        .find((candidate) => this.normalise(candidate) === stem);
      changed = true;
      corrected.push(written ?? stem);
    }
    return changed ? corrected.join(" ") : undefined;
  }

  /** What to show for documents: from the chunks already loaded, or else from their record files. */
  async documents(refs: readonly string[]): Promise<ShownDocument[]> {
    const numbers = refs.map(Number);
    const files = new Set(numbers.filter((n) => !this.records.has(n)).map((n) => Math.floor(n / this.manifest.docChunkSize)));
    await Promise.all([...files].map((file) => this.loadRecordFile(file)));
    return numbers.map((n) => this.shown(n));
  }

  /**
   * What to show for the first of the documents, as far as the records already loaded go: those
   * before the first whose record is still to come. The chunks carry most first results' records,
   * so a results page can show these at once and the rest when documents() has them.
   */
  documentsAtHand(refs: readonly string[]): ShownDocument[] {
    const atHand: ShownDocument[] = [];
    for (const ref of refs) {
      if (!this.records.has(Number(ref))) break;
      atHand.push(this.shown(Number(ref)));
    }
    return atHand;
  }

  private shown(n: number): ShownDocument {
    const [url, title, section, description, details = ""] = this.records.get(n)!;
    return { url, title, section: this.manifest.sections[section] ?? "", description, details };
  }

  /**
   * The clauses of a query, within QUERY_LIMITS, as lunr's parser makes them: plain words without
   * lunr, any other text by lunr itself; undefined when lunr cannot parse it.
   */
  private async parse(text: string): Promise<lunr.Query.Clause[] | undefined> {
    const fields = [this.manifest.field];
    const words = plainQueryWords(text);
    if (words) return words.map((term) => ({ term, fields, boost: 1, usePipeline: true, wildcard: 0, presence: OPTIONAL, editDistance: 0 }));
    const lunr = await this.loadLunr();
    const query = new lunr.Query(fields);
    try {
      new lunr.QueryParser(text, query).parse();
    } catch {
      return undefined;
    }
    // A query that only excludes words would list every page.
    if (query.clauses.every((clause) => clause.presence === PROHIBITED)) return undefined;
    return boundClauses(query.clauses);
  }

  /** The query's words through the search pipeline (stop words go), up to QUERY_LIMITS.terms different ones. */
  private queryTerms(clauses: readonly lunr.Query.Clause[]): QueryTerm[] {
    const terms: QueryTerm[] = [];
    const different = new Set<string>();
    for (const clause of clauses) {
      const term = clause.usePipeline ? termOfQueryWord(clause.term) : clause.term;
      if (term === undefined || (!different.has(term) && different.size >= QUERY_LIMITS.terms)) continue;
      different.add(term);
      terms.push({ term, clause, chunks: this.chunksOf(term, editsOf(clause)) });
    }
    return terms;
  }

  private chunksOf(term: string, edits: number): number[] {
    const starts = this.manifest.chunkStarts;
    if (term.includes("*")) return chunksWithPrefix(starts, term.slice(0, term.indexOf("*")));
    if (edits > 0) return [...new Set(swappedStarts(term).flatMap((start) => chunksWithPrefix(starts, start)))];
    return [chunkOf(starts, term)];
  }

  /** The indexed words a term matches, with their postings, from its chunks (loaded). */
  private expand(term: string, edits: number, chunks: readonly number[]): Array<[string, Postings]> {
    if (!term.includes("*") && edits === 0) {
      const postings = this.loaded.get(chunks[0]!)!.terms.get(term);
      return postings ? [[term, postings]] : [];
    }
    const lunr = this.lunr;
    if (!lunr) throw new Error("search: lunr is fetched before a wildcard or fuzzy term is expanded");
    const wanted = edits > 0 ? lunr.TokenSet.fromFuzzyString(term, edits) : lunr.TokenSet.fromString(term);
    return chunks.flatMap((n) => {
      const chunk = this.loaded.get(n)!;
      chunk.words ??= lunr.TokenSet.fromArray([...chunk.terms.keys()].sort());
      return chunk.words
        .intersect(wanted)
        .toArray()
        .map((word): [string, Postings] => [word, chunk.terms.get(word)!]);
    });
  }

  /**
   * lunr.Index's scores for the (loaded) query terms: a document must have every required term's
   * matches and none of the prohibited ones; its score is the sum, in lunr's term order, of its
   * weight for each matched word times the word's summed boosts, over the length of the boosts.
   * Documents come in the order lunr meets them, so equal scores rank as lunr ranks them.
   */
  private score(terms: readonly QueryTerm[]): { results: SearchResult[]; words: number } {
    const count = this.manifest.documentCount;
    const met: number[] = [];
    const isMet = new Uint8Array(count);
    const prohibited = new Uint8Array(count);
    /** For each document, how many required clauses it matches, and the last one counted (numbered from 1). */
    const requiredMatches = new Uint8Array(count);
    const lastRequired = new Uint8Array(count);
    const required = new Set<lunr.Query.Clause>();
    const boosts = new Map<string, number>();
    const matched = new Map<string, Postings>();
    /** For each document, how many of the query's words that count it has, and the last one counted (numbered from 1). */
    const wordsMatched = new Uint8Array(count);
    const lastWord = new Uint8Array(count);
    const words = new Set<string>();

    for (const { term, clause, chunks } of terms) {
      const presence = clause.presence ?? OPTIONAL;
      const expanded = this.expand(term, editsOf(clause), chunks);
      if (presence === REQUIRED) {
        if (expanded.length === 0) return { results: [], words: 0 };
        required.add(clause);
      }
      if (presence !== PROHIBITED && expanded.length > 0 && countsAsWord(term) && !words.has(term)) {
        words.add(term);
        for (const [, { refs }] of expanded) {
          for (let i = 0; i < refs.length; i++) {
            const ref = refs[i]!;
            if (lastWord[ref] === words.size) continue;
            lastWord[ref] = words.size;
            wordsMatched[ref]! += 1;
          }
        }
      }
      for (const [word, postings] of expanded) {
        if (presence === PROHIBITED) {
          for (let i = 0; i < postings.refs.length; i++) prohibited[postings.refs[i]!] = 1;
          continue;
        }
        if (presence === REQUIRED) {
          const clauseNumber = required.size;
          for (let i = 0; i < postings.refs.length; i++) {
            const ref = postings.refs[i]!;
            if (lastRequired[ref] === clauseNumber) continue;
            lastRequired[ref] = clauseNumber;
            requiredMatches[ref]! += 1;
          }
        }
        boosts.set(word, (boosts.get(word) ?? 0) + clause.boost);
        if (matched.has(word)) continue;
        matched.set(word, postings);
        for (let i = 0; i < postings.refs.length; i++) {
          const ref = postings.refs[i]!;
          if (isMet[ref]) continue;
          isMet[ref] = 1;
          met.push(ref);
        }
      }
    }

    const scores = new Float64Array(count);
    let sumOfSquares = 0;
    for (const [word, postings] of [...matched].sort(([, a], [, b]) => a.index - b.index)) {
      const boost = boosts.get(word)!;
      sumOfSquares += boost * boost;
      for (let i = 0; i < postings.refs.length; i++) scores[postings.refs[i]!]! += boost * postings.weights[i]!;
    }
    const magnitude = Math.sqrt(sumOfSquares);
    // Sorted as numbers, then made results: for the thousands of results a common word has on a
    // big site, sorting the result objects took longer than the rest of the search.
    const found = met.filter((ref) => requiredMatches[ref] === required.size && !prohibited[ref]);
    for (const ref of found) scores[ref] = scores[ref]! / magnitude || 0;
    return { results: byScore(found, scores).map((ref) => new FoundPage(ref, scores[ref]!, wordsMatched[ref]!, matched)), words: words.size };
  }

  /** Whether the index holds a term, loading the chunk it would be in. */
  private async knows(term: string): Promise<boolean> {
    const n = chunkOf(this.manifest.chunkStarts, term);
    return (await this.loadChunk(n)).terms.has(term);
  }

  private loadChunk(n: number): Promise<LoadedChunk> {
    let loading = this.chunks.get(n);
    if (!loading) {
      loading = this.transport.load<SearchChunk>(`${this.manifest.folder}/${chunkFile(n)}`).then((chunk) => {
        const loaded = this.decode(chunk);
        this.loaded.set(n, loaded);
        return loaded;
      });
      this.chunks.set(n, loading);
    }
    return loading;
  }

  private loadRecordFile(file: number): Promise<void> {
    let loading = this.recordFiles.get(file);
    if (!loading) {
      loading = this.transport.load<SearchDocumentRecord[]>(`${this.manifest.folder}/${docFile(file)}`).then((records) => {
        records.forEach((record, i) => {
          this.records.set(file * this.manifest.docChunkSize + i, record);
        });
      });
      this.recordFiles.set(file, loading);
    }
    return loading;
  }

  /** A chunk's postings unpacked (see SearchChunk), and its records kept. */
  private decode(chunk: SearchChunk): LoadedChunk {
    const terms = new Map<string, Postings>();
    for (const [term, [index, gaps, weights]] of Object.entries(chunk.terms)) terms.set(term, { index, ...decodePostings(gaps, weights) });
    for (const [ref, record] of Object.entries(chunk.records)) this.records.set(Number(ref), record);
    return { terms };
  }
}

/**
 * The first two letters of the words a fuzzy term may match: its own, and those a swap of its first
 * and second or second and third letters gives. lunr counts a swap as one edit, and families often
 * make one ("echp" for "ehcp"), but it changes where in the sorted dictionary the word is.
 */
function swappedStarts(term: string): string[] {
  const [first = "", second = "", third = ""] = term;
  return [...new Set([first + second, second + first, first + third].filter((start) => start.length === 2))];
}

/**
 * Words families add to a query that say nothing about the pages they want, as the index holds
 * them: "near" and "local" ("autism clubs near me"), and the short forms lunr's stop words miss,
 * typed with or without the apostrophe ("my child cant sleep"). They still score, but a page need
 * not have them to be a good match.
 */
const FILLER_WORDS = new Set(
  ["near", "nearbi", "local", "area"].concat(["cant", "dont", "wont", "isnt", "doesnt", "didnt"].flatMap((word) => [word, `${word.slice(0, -1)}'t`])),
);

/** Whether a page needs the query's term to be a good match. */
const countsAsWord = (term: string) => !FILLER_WORDS.has(term);

/**
 * The results with the pages that have more of the query's words first, each group by score: a
 * page with "autism" and "club" ranks above one with only "club", however often it says it. Words
 * the index does not have (a misspelling, "cant") are not counted, so they cannot leave a query
 * with no good matches.
 */
function rankedByWords({ results, words }: { results: SearchResult[]; words: number }): RankedAnswer {
  // Grouped in one pass, each group in lunr's order, rather than sorted: a common word on a big
  // site finds thousands of pages, and a results page has no time to spare.
  const groups: SearchResult[][] = Array.from({ length: words + 1 }, () => []);
  for (const result of results) groups[result.words]!.push(result);
  const good = groups[words]!.length;
  return { results: groups.reverse().flat(), good };
}

/** Query text with lunr's syntax characters taken out, so it is searched as plain words. */
function plainWords(text: string): string {
  return text
    .replace(/[:*~^+\-"\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
