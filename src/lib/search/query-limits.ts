// Limits on what one query may ask of the index (see src/browser/search/bounded-query.ts), apart
// from lunr, so that the results page's first script can keep to them without it.
export const QUERY_LIMITS = {
  /** Characters of a query; the rest is cut off. */
  length: 200,
  /** Different words searched; a longer query's later words are left out. */
  terms: 20,
  /** Wildcards (*) in one term. */
  wildcardsPerTerm: 2,
  /** Letters before a term's first wildcard: "s*" would download a tenth of the index. */
  lettersBeforeWildcard: 2,
  /** Terms with wildcards or an edit distance in one query: each downloads every chunk its first letters span. */
  expandingTerms: 3,
  /** Longest word matched fuzzily: building the fuzzy automaton for a 200-letter word takes seconds. */
  fuzzyLength: 20,
  /** Misspelt words one query corrects ("Did you mean"): each is a fuzzy search. */
  corrections: 3,
} as const;
