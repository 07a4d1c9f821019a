// Needs and types of service a query can name, so the results page can offer the directory with
// that filter set ("autism" → services for autism). Built from the controlled lists and the
// glossary; matched in the browser against the words of the query.
import { STOP_WORDS, trimmed, WORD_SEPARATOR } from "./query-words.ts";
import { termOf } from "./word-stem.ts";

/** A need or category of the directory, with the phrases that name it: [kind, id, name, phrases]. */
export type DirectoryTopic = ["need" | "category", string, string, string[]];

/** A word as phrases and queries are compared: lower case, British spelling, stemmed. */
function stemmed(word: string): string {
  return termOf(trimmed(word));
}

/**
 * A phrase's words that say something (lunr's stop words left out), or none when stop words were
 * most of it: "All needs" is no more than "needs", which every other query about SEN has.
 */
function phraseWords(phrase: string): string[] {
  const words = phrase.toLowerCase().split(WORD_SEPARATOR).filter(Boolean);
  const kept = words.filter((word) => !STOP_WORDS.has(word));
  return kept.length === 1 && words.length > 1 ? [] : kept.map(stemmed);
}

/** The topics the query names: every word of one of a topic's phrases is in the query. */
export function topicsNamedIn(query: string, topics: readonly DirectoryTopic[]): DirectoryTopic[] {
  const queryWords = new Set(query.toLowerCase().split(WORD_SEPARATOR).filter(Boolean).map(stemmed));
  return topics.filter(([, , , phrases]) =>
    phrases.some((phrase) => {
      const words = phraseWords(phrase);
      return words.length > 0 && words.every((word) => queryWords.has(word));
    }),
  );
}
