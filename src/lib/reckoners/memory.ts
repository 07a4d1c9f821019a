// What a ready reckoner remembers, with consent, in its two cookies:
//   <name>-history  the answers given, e.g. "k3v9qa.school/no/autism+adhd"
//   <name>-content  the cards opened,  e.g. "k3v9qa.talk-to-the-senco+sendiass"
// Both start with the reckoner's version, so answers to questions an editor has since changed are
// dropped. Anything that does not decode to answers that fit the reckoner is ignored as a whole.
import { walk, type Answers, type Reckoner } from "./reckoner.ts";

/** Well past any real reckoner's answers; a longer cookie is not ours. */
const MAX_LENGTH = 1000;
const SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
const HISTORY = new RegExp(`^([0-9a-z]{1,12})\\.((?:${SLUG}(?:\\+${SLUG})*(?:/${SLUG}(?:\\+${SLUG})*)*)?)$`);
const CONTENT = new RegExp(`^([0-9a-z]{1,12})\\.((?:${SLUG}(?:\\+${SLUG})*)?)$`);

export const historyCookieName = (reckoner: Pick<Reckoner, "name">) => `${reckoner.name}-history`;
export const contentCookieName = (reckoner: Pick<Reckoner, "name">) => `${reckoner.name}-content`;

export function encodeHistory(reckoner: Pick<Reckoner, "version">, answers: Answers): string {
  return `${reckoner.version}.${answers.map((ids) => ids.join("+")).join("/")}`;
}

/** The remembered answers, or undefined when the cookie is missing, tampered with or out of date. */
export function decodeHistory(reckoner: Pick<Reckoner, "version" | "questions">, value: unknown): Answers | undefined {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return undefined;
  const match = HISTORY.exec(value);
  if (!match || match[1] !== reckoner.version) return undefined;
  const answers = match[2] ? match[2].split("/").map((ids) => ids.split("+")) : [];
  return walk(reckoner, answers) ? answers : undefined;
}

export function encodeOpenedCards(reckoner: Pick<Reckoner, "version">, cardIds: readonly string[]): string {
  return `${reckoner.version}.${cardIds.join("+")}`;
}

/** The cards opened, keeping only this version's cards, each once. */
export function decodeOpenedCards(reckoner: Pick<Reckoner, "version" | "cards">, value: unknown): string[] {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return [];
  const match = CONTENT.exec(value);
  if (!match || match[1] !== reckoner.version || !match[2]) return [];
  const known = new Set(reckoner.cards.map((card) => card.id));
  return [...new Set(match[2].split("+"))].filter((id) => known.has(id));
}
