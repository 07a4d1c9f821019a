// The shape of a ready reckoner file (content/reckoners/<name>.yaml). How its questions connect
// (nothing unreachable, no loops, every card used) is checked in check.ts, once the shape is right.
import { z } from "zod";
import { isSiteAddress } from "../safe-links.ts";
import { isRealIsoDate } from "../dates.ts";
import { RESULTS } from "../../lib/reckoners/reckoner.ts";

const text = (min: number, max: number, what: string) => z.string().trim().min(min).max(max).describe(`${what}, ${min} to ${max} characters`);

/** Also a valid cookie name, and safe in an address: `<name>-history` must be both. */
export const RECKONER_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = (what: string) =>
  z
    .string()
    .regex(RECKONER_NAME, { message: "not an id" })
    .max(40)
    .describe(`${what}: lowercase letters, digits and single hyphens, up to 40 characters, such as talk-to-the-senco`);

const next = z.string().describe(`a question id from this file, or ${RESULTS}`).optional();

const answer = z
  .object({
    id: slug("an id for the answer, unique within its question"),
    text: text(1, 120, "the answer as the family reads it"),
    hint: text(3, 200, "a short hint under the answer").optional(),
    next,
    cards: z.array(z.string().describe("a card id")).optional().describe("a list of card ids this answer adds to the results, such as [talk-to-the-senco]"),
  })
  .strict();

const question = z
  .object({
    id: slug("an id for the question, unique in this reckoner").refine((id) => id !== RESULTS, {
      message: `"${RESULTS}" is kept for the end of the questions`,
    }),
    question: text(5, 120, "the question, ending with a question mark"),
    hint: text(3, 200, "a short hint under the question").optional(),
    error: text(5, 120, "what the error says when nothing is chosen, naming what to choose, such as Select how old your child is").optional(),
    type: z.enum(["radios", "checkboxes"]).default("radios").describe("radios (one answer) or checkboxes (several may apply)"),
    next,
    answers: z.array(answer).min(2).max(12).describe("a list of 2 to 12 answers, each with id and text"),
  })
  .strict();

const card = z
  .object({
    id: slug("an id for the card, unique in this reckoner"),
    title: text(3, 80, "the card's heading"),
    text: text(10, 300, "a sentence or two saying why this helps"),
    link: z
      .string()
      .refine(isSiteAddress, { message: "not an address on this site" })
      .describe("the address of a page on this site, such as /senco/ or /services/category/holiday-clubs/"),
  })
  .strict();

export const reckonerSchema = z
  .object({
    name: z
      .string()
      .regex(RECKONER_NAME, { message: "not usable in a cookie name" })
      .max(40)
      .describe("lowercase letters, digits and single hyphens, up to 40 characters, the same as the file name, such as support-at-school"),
    title: text(3, 65, "a title in sentence case"),
    description: text(50, 160, "one or two sentences for search results"),
    lastReviewed: z
      .string()
      .refine(isRealIsoDate, { message: "not a real date" })
      .describe("a date written YYYY-MM-DD, such as 2026-11-29")
      .meta({ format: "date" }),
    expiryDays: z.number().int().min(1).max(365).describe("a whole number of days from 1 to 365"),
    introduction: text(20, 3000, "a few short paragraphs of Markdown"),
    questions: z.array(question).min(1).max(20).describe("a list of 1 to 20 questions, each with id, question and answers"),
    cards: z.array(card).min(1).max(60).describe("a list of cards, each with id, title, text and link"),
  })
  .strict();

export type ReckonerDefinition = z.infer<typeof reckonerSchema>;
