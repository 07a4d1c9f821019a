// content/_data/oruk-mapping.yaml: what the council directory's own taxonomy terms mean on this site
// (categories and needs), and which words in a venue's accessibility text mean which access feature.
// Editors change it; the content check holds it to this schema, and npm run import:oruk reads it.
import { z } from "zod";
import type { DataFileName } from "../content/data-files.ts";
import { controlledId, type ControlledLists } from "../content/schemas.ts";

/** Its path in content/_data/. */
export const ORUK_MAPPING_FILE = "oruk-mapping.yaml" satisfies DataFileName;

const text = (min: number, max: number, what: string) => z.string().trim().min(min).max(max).describe(`${what}, ${min} to ${max} characters`);

export function orukMappingSchema(lists: ControlledLists) {
  return z
    .object({
      terms: z
        .array(
          z
            .object({
              match: text(1, 200, "the term's id, its term or its name, as the council directory writes it (capitals do not matter)"),
              taxonomy: text(1, 200, "only terms of this taxonomy, by its name or id; leave it out to match the term in any taxonomy").optional(),
              categories: z
                .array(controlledId("categories", lists.categories))
                .min(1)
                .optional()
                .describe("a list of the category ids the term means, e.g. [holiday-clubs]"),
              needs: z.array(controlledId("needs", lists.needs)).min(1).optional().describe("a list of the need ids the term means, e.g. [autism]"),
            })
            .strict()
            .refine((term) => term.categories ?? term.needs, { message: "maps the term to nothing (expected categories, needs or both)" }),
        )
        .optional()
        .describe("a list of the council directory's taxonomy terms and the categories and needs each means"),
      defaultNeeds: z
        .array(controlledId("needs", lists.needs))
        .min(1)
        .optional()
        .describe("a list of the need ids a service gets when none of its terms maps to a need, e.g. [all-needs]"),
      accessibility: z
        .array(
          z
            .object({
              feature: controlledId("accessibility", lists.accessibility, "access features"),
              words: z
                .array(text(2, 60, "a word or phrase"))
                .min(1)
                .describe("a list of words or phrases in a venue's accessibility text that mean the venue has the feature, e.g. [induction loop]"),
            })
            .strict(),
        )
        .optional()
        .describe("a list of access features, each with the words that mean a venue has it"),
    })
    .strict();
}

export type OrukMapping = z.infer<ReturnType<typeof orukMappingSchema>>;
