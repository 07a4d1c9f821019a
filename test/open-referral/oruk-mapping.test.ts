// content/_data/oruk-mapping.yaml is checked like the other data files: ids must be in the lists,
// and each problem names its file, line and field.
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readImportSettings } from "../../src/open-referral/import-settings.ts";
import { checkInProcess } from "../helpers/check.ts";
import { copyOfContent, editText, lineMatching, problemLines, writeText } from "../helpers/project.ts";

const FILE = "content/_data/oruk-mapping.yaml";
let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the Open Referral mapping file", () => {
  it("reports unknown ids, terms that map to nothing and unknown fields, with their lines", async () => {
    dir = await copyOfContent();
    await editText(dir, FILE, (text) =>
      text
        .replace("needs: [autism]", "needs: [autistic]")
        .replace("- feature: quiet-room\n", "- feature: quiet-rooms\n")
        .replace("defaultNeeds: [all-needs]", "defaultNeeds: [all-needs]\ndefaultCategory: holiday-clubs")
        .concat("  - match: Nothing mapped\n    taxonomy: esd\n"),
    );
    const lines = {
      autistic: await lineMatching(dir, FILE, /autistic/),
      quietRooms: await lineMatching(dir, FILE, /quiet-rooms/),
      defaultCategory: await lineMatching(dir, FILE, /defaultCategory/),
      nothingMapped: await lineMatching(dir, FILE, /Nothing mapped/),
    };
    const result = await checkInProcess(dir);
    expect(result.code).toBe(1);
    const needs =
      "autism, adhd, speech-language-communication, learning-difficulties, physical-disability, hearing-impairment, vision-impairment, social-emotional-mental-health, all-needs";
    const features = "step-free-access, accessible-toilet, changing-places-toilet, hearing-loop, quiet-times, quiet-room, accessible-parking";
    const last = lines.nothingMapped;
    expect(problemLines(result)).toEqual([
      `${FILE}:${lines.autistic} terms[10].needs[0]: "autistic" is unknown (expected one of the needs in content/_data/lists/needs.yaml: ${needs})`,
      `${FILE}:${lines.defaultCategory} defaultCategory: unknown field (expected one of: terms, defaultNeeds, accessibility)`,
      `${FILE}:${lines.quietRooms} accessibility[5].feature: "quiet-rooms" is unknown (expected one of the access features in content/_data/lists/accessibility.yaml: ${features})`,
      `${FILE}:${last} accessibility[7].feature: missing (expected one of the access features in content/_data/lists/accessibility.yaml: ${features})`,
      `${FILE}:${last} accessibility[7].words: missing (expected a list of words or phrases in a venue's accessibility text that mean the venue has the feature, e.g. [induction loop])`,
      `${FILE}:${last} accessibility[7].match: unknown field (expected one of: feature, words)`,
      `${FILE}:${last + 1} accessibility[7].taxonomy: unknown field (expected one of: feature, words)`,
    ]);
  });

  it("reports a term that maps to nothing", async () => {
    dir = await copyOfContent();
    await editText(dir, FILE, (text) => text.replace("  - match: ADHD\n    needs: [adhd]\n", "  - match: ADHD\n"));
    const line = await lineMatching(dir, FILE, /match: ADHD/);
    expect(problemLines(await checkInProcess(dir))).toEqual([`${FILE}:${line} terms[11]: maps the term to nothing (expected categories, needs or both)`]);
  });

  it("is optional: without it the check passes and the import maps the kit's own taxonomies only", async () => {
    dir = await copyOfContent();
    await rm(path.join(dir, FILE));
    expect((await checkInProcess(dir)).code).toBe(0);
    const settings = await readImportSettings(path.join(dir, "content"));
    expect("mapping" in settings && settings.mapping).toEqual({});
  });

  it("stops the import with the check's messages when it has problems", async () => {
    dir = await copyOfContent();
    await writeText(dir, FILE, "terms: [\n");
    const settings = await readImportSettings(path.join(dir, "content"));
    expect("problems" in settings && settings.problems).toEqual([expect.stringMatching(/\/content\/_data\/oruk-mapping\.yaml:\d+: not valid YAML: /)]);
  });
});
