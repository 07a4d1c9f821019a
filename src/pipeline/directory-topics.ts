// The needs and categories a search can offer the directory for (see lib/search/directory-topics.ts):
// each named by its name, its id in words, and the glossary's words for the terms it is about.
import { readDataFile } from "../content/data-files.ts";
import { namesTerm, type GlossaryEntry } from "../lib/glossary.ts";
import type { DirectoryTopic } from "../lib/search/directory-topics.ts";

interface ListEntry {
  id: string;
  name: string;
  description: string;
}

/**
 * The glossary entries a list entry is about: the one with its id (autism), and those whose term
 * its name or description names ("short breaks", "speech and language therapy" under Health and therapy).
 */
const aboutEntries = (item: ListEntry, glossary: readonly GlossaryEntry[]) =>
  glossary.filter((entry) => entry.id === item.id || namesTerm(`${item.name}. ${item.description}`, entry));

function topics(kind: DirectoryTopic[0], items: readonly ListEntry[], glossary: readonly GlossaryEntry[]): DirectoryTopic[] {
  return items.map((item) => [
    kind,
    item.id,
    item.name,
    // In lower case, as queries are matched, so each phrase is sent once.
    [
      ...new Set(
        [
          item.name,
          item.id.replaceAll("-", " "),
          ...aboutEntries(item, glossary).flatMap((entry) => [entry.term, entry.abbreviation ?? "", ...(entry.synonyms ?? [])]),
        ]
          .filter(Boolean)
          .map((phrase) => phrase.toLowerCase()),
      ),
    ],
  ]);
}

/** The needs and categories of content/_data/lists/, with the phrases that name them. */
export function readDirectoryTopics(contentDir: string, glossary: readonly GlossaryEntry[]): DirectoryTopic[] {
  const list = (name: "lists/needs.yaml" | "lists/categories.yaml") => (readDataFile(contentDir, name) as ListEntry[] | undefined) ?? [];
  return [...topics("need", list("lists/needs.yaml"), glossary), ...topics("category", list("lists/categories.yaml"), glossary)];
}
