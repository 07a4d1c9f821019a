// A query's words as lunr's query parser and the site's search pipeline make them, without lunr:
// lunr is over half of the search bundle, and the queries families type are plain words, so the
// results page downloads lunr only for a query with its syntax (sen*, autsim~1, +ehc, -adhd) or a
// word to correct. What lunr does here is small: its parser makes a clause of each word,
// lower-cased; its pipeline (lunr-setup.ts) trims the word's punctuation, drops it if nothing is
// left or it is one of lunr's stop words, and stems it with termOf. The tests compare each with lunr.
import { termOf } from "./word-stem.ts";

/** The labels of the search pipeline's steps, as the index's manifest lists them (see configureSearchPipelines). */
export const SEARCH_PIPELINE = ["trimmer", "dropEmpty", "stopWordFilter", "spellAndStem"] as const;

/** lunr.Query.presence's values. */
export const PRESENCE = { OPTIONAL: 1, REQUIRED: 2, PROHIBITED: 3 } as const;

/** lunr's English stop words (lunr.stopWordFilter), which no index holds a term for. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a able about across after all almost also am among an and any are as at be because been but by can cannot could dear did do does " +
    "either else ever every for from get got had has have he her hers him his how however i if in into is it its just least let like " +
    "likely may me might most must my neither no nor not of off often on only or other our own rather said say says she should since so " +
    "some than that the their them then there these they this tis to too twas us wants was we were what when where which while who whom " +
    "why will with would yet you your"
  ).split(" "),
);

/** Where lunr's tokenizer splits text into words (lunr.tokenizer.separator). */
export const WORD_SEPARATOR = /[\s-]+/;

/** A word as lunr's trimmer leaves it: without the punctuation at either end. */
export const trimmed = (word: string) => word.replace(/^\W+/, "").replace(/\W+$/, "");

/**
 * The term the search pipeline makes of a query's word (lower-cased, as lunr's parser leaves it),
 * or undefined when it makes none (punctuation alone, or a stop word).
 */
export function termOfQueryWord(word: string): string | undefined {
  const kept = trimmed(word);
  return kept === "" || STOP_WORDS.has(kept) ? undefined : termOf(kept);
}

/** lunr's query syntax: escapes, fields, edit distances, boosts, presence, wildcards; and "-", which its lexer also splits words at. */
const LUNR_SYNTAX = /[\\:~^+\-*]/;

/**
 * The words of a query with none of lunr's syntax, as lunr's parser makes its clauses' terms (each
 * word lower-cased, in order, repeats kept); undefined for a query that needs lunr's parser.
 */
export function plainQueryWords(text: string): string[] | undefined {
  if (LUNR_SYNTAX.test(text)) return undefined;
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}
