// The lunr configuration the build weighs pages with: the fields, and each word's term as termOf
// gives it (British spelling, then the Porter stemmer) in place of lunr's stemmer. The browser
// makes a query's terms as this search pipeline does without lunr (query-words.ts); the tests
// compare the two.
import lunr from "lunr";
import { termOf } from "./word-stem.ts";

/** Fields in order, with the boosts tuned on the judged query set (test/search/). */
export const SEARCH_FIELDS = [
  { name: "title", boost: 10 },
  { name: "keywords", boost: 6 },
  { name: "headings", boost: 4 },
  { name: "description", boost: 3 },
  { name: "body", boost: 1 },
  // The glossary's other words for terms the page uses (EHCP and "statement" for EHC plan).
  { name: "synonyms", boost: 0.5 },
  // The same for the terms a page is about (its title or keywords name them): "statement" ranks
  // "What an EHC plan is" as the title "Accessibility statement" ranks that page.
  { name: "topicSynonyms", boost: 6 },
] as const;

/** A pipeline step registered with lunr under its label (once), so a loaded index's pipeline finds it. */
function registered(label: string, step: lunr.PipelineFunction): lunr.PipelineFunction {
  const functions = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, lunr.PipelineFunction> }).registeredFunctions;
  if (!functions[label]) lunr.Pipeline.registerFunction(step, label);
  return functions[label]!;
}

/** The project's own pipeline steps; call before loading a serialized pipeline. */
export function searchSteps(): { spellAndStem: lunr.PipelineFunction; dropEmpty: lunr.PipelineFunction } {
  return {
    spellAndStem: registered("spellAndStem", (token) => token.update((text) => termOf(text))),
    // A dash or ellipsis on its own trims to nothing: no use as a term, and it is on most pages.
    dropEmpty: registered("dropEmpty", (token) => (token.toString() === "" ? null : token)),
  };
}

/**
 * termOf in place of lunr's stemmer, when indexing and when searching. Queries are also trimmed
 * of punctuation the way indexed words are, and lose the stop words the index never holds, so a
 * search does not download the chunk where "to" or "the" would be.
 */
export function configureSearchPipelines(builder: lunr.Builder): void {
  const { spellAndStem, dropEmpty } = searchSteps();
  builder.pipeline.after(lunr.trimmer, dropEmpty);
  builder.pipeline.after(lunr.stemmer, spellAndStem);
  builder.pipeline.remove(lunr.stemmer);
  builder.searchPipeline.before(lunr.stemmer, lunr.trimmer);
  builder.searchPipeline.after(lunr.trimmer, dropEmpty);
  builder.searchPipeline.after(dropEmpty, lunr.stopWordFilter);
  builder.searchPipeline.after(lunr.stemmer, spellAndStem);
  builder.searchPipeline.remove(lunr.stemmer);
}

/**
 * A lunr builder with the pipelines lunr() starts one with, then the site's own steps: the build
 * weighs the pages' words with its pipeline, and a query's words go through its search pipeline.
 */
export function searchBuilder(): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(lunr.stemmer);
  configureSearchPipelines(builder);
  return builder;
}
