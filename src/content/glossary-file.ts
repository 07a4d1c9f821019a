// Reads the glossary data file (content/_data/glossary.yaml), which the content check has
// validated before any page is built. An absent file is an empty glossary.
import type { GlossaryEntry } from "../lib/glossary.ts";
import { readDataFile } from "./data-files.ts";

export function readGlossary(contentDir: string): GlossaryEntry[] {
  return (readDataFile(contentDir, "glossary.yaml") as GlossaryEntry[] | undefined) ?? [];
}
