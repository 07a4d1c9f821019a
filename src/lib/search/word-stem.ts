// The term a word is indexed and searched under, once lunr has trimmed it and left out its stop
// words: British spelling, then Porter's stemmer. One function for the index, the search, the
// directory's topics and the results page's early script, so the early script asks for exactly the
// chunks the search will read. The `stemmer` package rather than lunr's own: lunr's comes only
// inside the whole of lunr, which the early script cannot carry, and the two differ on words such
// as "day" and "try".
import { stemmer } from "stemmer";
import { britishSpelling } from "./spelling.ts";

/** The term for a word that lunr has lower-cased and trimmed. */
export function termOf(word: string): string {
  return stemmer(britishSpelling(word));
}
