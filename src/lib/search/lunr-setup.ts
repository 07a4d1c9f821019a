// The lunr configuration both the build and the browser use, so a query is processed exactly as
// the index was: the same fields, and British spelling before lunr's stemmer.
import type lunr from "lunr";
import { britishSpelling } from "./spelling.ts";

/** Fields in order, with the boosts tuned on the judged query set (test/search/). */
export const SEARCH_FIELDS = [
  { name: "title", boost: 10 },
  { name: "keywords", boost: 6 },
  { name: "headings", boost: 4 },
  { name: "description", boost: 3 },
  { name: "body", boost: 1 },
  // The glossary's other words for terms the page uses (EHCP and "statement" for EHC plan).
  { name: "synonyms", boost: 0.5 },
] as const;

export type SearchField = (typeof SEARCH_FIELDS)[number]["name"];

const LABEL = "britishSpelling";

/** Registers the spelling step with lunr (once) and returns it, for builders and loaded pipelines. */
export function spellingStep(lunrModule: typeof lunr): lunr.PipelineFunction {
  const registered = (lunrModule.Pipeline as unknown as { registeredFunctions: Record<string, lunr.PipelineFunction> }).registeredFunctions[LABEL];
  if (registered) return registered;
  const step: lunr.PipelineFunction = (token) => token.update((text) => britishSpelling(text));
  lunrModule.Pipeline.registerFunction(step, LABEL);
  return step;
}

/** Index and search terms are split into shards by their first two characters. */
export function shardKeyOf(term: string): string {
  return term.slice(0, 2).replace(/[^a-z0-9]/g, "_") || "_";
}
