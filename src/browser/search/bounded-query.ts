// Limits on what one query may ask of the index, so that any query answers within a second on a
// 10,000-page site (`npm run bench:search` times hostile ones). Without them, lunr's fuzzy
// matching grows exponentially with the edit distance (autism~99 ran the tab out of memory),
// wildcards multiply the words a term reaches, and every term, wildcard and fuzzy word downloads
// chunks of the index. Typed syntax beyond a limit is dropped, not refused: the term is searched
// as written without it.
import type lunr from "lunr";
import { QUERY_LIMITS } from "../../lib/search/query-limits.ts";

/**
 * The most edits a fuzzy match of a word this long may make: none under four letters, where one
 * letter out is another word ("son", "sun"), one up to six letters, and two from seven.
 */
export function maxEditDistance(length: number): number {
  if (length < 4 || length > QUERY_LIMITS.fuzzyLength) return 0;
  return length < 7 ? 1 : 2;
}

const wildcardsIn = (term: string) => term.split("*").length - 1;

/**
 * A parsed query's clauses each held to QUERY_LIMITS, in order: a term keeps its wildcards, or its
 * edit distance (at most maxEditDistance), only while the query has expanding terms to spare.
 * Wildcards the limits drop are taken out of the term, which is then searched as a word.
 */
export function boundClauses(clauses: readonly lunr.Query.Clause[]): lunr.Query.Clause[] {
  let expanding = 0;
  return clauses.map((clause) => {
    let { term, usePipeline } = clause;
    const wildcards = wildcardsIn(term);
    if (wildcards > 0) {
      if (wildcards <= QUERY_LIMITS.wildcardsPerTerm && term.indexOf("*") >= QUERY_LIMITS.lettersBeforeWildcard && expanding < QUERY_LIMITS.expandingTerms) {
        expanding += 1;
      } else {
        term = term.replaceAll("*", "");
        usePipeline = true;
      }
    }
    // The parser sets an edit distance only for a term that has one (word~2).
    const asked = (clause.editDistance as number | undefined) ?? 0;
    const editDistance = asked > 0 && !term.includes("*") && expanding < QUERY_LIMITS.expandingTerms ? Math.min(asked, maxEditDistance(term.length)) : 0;
    if (editDistance > 0) expanding += 1;
    return { ...clause, term, usePipeline, editDistance };
  });
}
