// The glossary's words as they appear in text: finding which terms a page uses, so the page can
// explain them. Pure logic: the build uses it now; search can use the same entries for synonyms.

export interface GlossaryEntry {
  id: string;
  term: string;
  abbreviation?: string;
  definition: string;
  synonyms?: string[];
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Abbreviations match exactly as written (SEN, not "sen"); terms in any case, singular or plural. */
export function abbreviationPattern(entry: GlossaryEntry): RegExp | undefined {
  return entry.abbreviation ? new RegExp(`(?<![\\w-])${escapeForPattern(entry.abbreviation)}s?(?![\\w-])`) : undefined;
}

function termPattern(entry: GlossaryEntry): RegExp {
  return new RegExp(`(?<![\\w-])${escapeForPattern(entry.term)}s?(?![\\w-])`, "i");
}

/** Each entry's patterns, made once: a 10,000-page build looks for every entry in every page. */
const patterns = new WeakMap<GlossaryEntry, { term: RegExp; abbreviation: RegExp | undefined }>();

function patternsOf(entry: GlossaryEntry): { term: RegExp; abbreviation: RegExp | undefined } {
  let made = patterns.get(entry);
  if (!made) {
    made = { term: termPattern(entry), abbreviation: abbreviationPattern(entry) };
    patterns.set(entry, made);
  }
  return made;
}

/** Whether the text names the entry's term in full (abbreviations are left out: "SEND" is in many sentences about other things). */
export function namesTerm(text: string, entry: GlossaryEntry): boolean {
  return patternsOf(entry).term.test(text);
}

/** The entries whose term or abbreviation the text uses, in glossary order. */
export function termsUsedIn(text: string, glossary: readonly GlossaryEntry[]): GlossaryEntry[] {
  return glossary.filter((entry) => {
    const { term, abbreviation } = patternsOf(entry);
    return term.test(text) || abbreviation?.test(text);
  });
}

/**
 * Words for search to add to a page that uses an entry: its term, abbreviation and synonyms, so
 * "statement" or "EHCP" finds pages about EHC plans. Pages are matched on the term and abbreviation
 * only, so a page that says "accessibility statement" is not taken to be about EHC plans.
 */
export function searchSynonymsFor(text: string, glossary: readonly GlossaryEntry[]): string {
  return termsUsedIn(text, glossary)
    .flatMap((entry) => [entry.term, entry.abbreviation ?? "", ...(entry.synonyms ?? [])])
    .filter(Boolean)
    .join(" ");
}

/**
 * Families' other words for the entries a page is about, those its title or keywords name: so
 * "statement" finds "What an EHC plan is" before a page that only has the word, such as the
 * accessibility statement. The term and abbreviation are left out: the page already has them.
 */
export function topicSynonymsFor(titleAndKeywords: string, glossary: readonly GlossaryEntry[]): string {
  return termsUsedIn(titleAndKeywords, glossary)
    .flatMap((entry) => entry.synonyms ?? [])
    .join(" ");
}

/** "special educational needs (SEN)" */
export function displayTerm(entry: GlossaryEntry): string {
  const term = entry.term.charAt(0).toUpperCase() + entry.term.slice(1);
  return entry.abbreviation ? `${term} (${entry.abbreviation})` : term;
}
