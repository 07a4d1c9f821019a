// A ready reckoner as the site uses it, at build time and in the browser: questions whose answers
// lead to other questions or to the results, and the cards the answers on the way add up to.
// The build has checked the definition (no loops, nothing unreachable), so walking it always ends.

/** Where an answer leads when it ends the questions. */
export const RESULTS = "results";

interface ReckonerAnswer {
  id: string;
  text: string;
  hint?: string;
  /** A question id or RESULTS; without it, the question's own next. */
  next?: string;
  cards?: string[];
}

export interface ReckonerQuestion {
  id: string;
  question: string;
  hint?: string;
  /** What the error says when nothing is chosen; without it, questionError's general words. */
  error?: string;
  type: "radios" | "checkboxes";
  next?: string;
  answers: ReckonerAnswer[];
}

export interface ReckonerCard {
  id: string;
  title: string;
  text: string;
  link: string;
  /** The linked page's saved-page code, when the page can be saved with the heart. */
  saveId?: string;
}

/** What the browser is given: the definition without the editor's introduction. */
export interface Reckoner {
  name: string;
  title: string;
  expiryDays: number;
  /** Changes whenever the questions or answers do, so remembered answers to older questions are dropped. */
  version: string;
  /** Address of the start page; each step's is stepUrl(). */
  url: string;
  questions: ReckonerQuestion[];
  cards: ReckonerCard[];
}

const SELECT_ALL = "Select all that apply.";

/** The hint under a question: a checkboxes question says to select all that apply, once, even when its own hint says so. */
export function questionHint(question: Pick<ReckonerQuestion, "hint" | "type">): string {
  const own = question.hint ?? "";
  if (question.type !== "checkboxes" || own.toLowerCase().includes(SELECT_ALL.slice(0, -1).toLowerCase())) return own;
  return [SELECT_ALL, own].filter(Boolean).join(" ");
}

/** The error when nothing is chosen: the editor's words for this question, or general ones. */
export function questionError(question: Pick<ReckonerQuestion, "error" | "type">): string {
  return question.error ?? (question.type === "radios" ? "Select an answer" : "Select at least one answer");
}

/** The answers chosen at each question asked, in order (one for radios, one or more for checkboxes). */
export type Answers = string[][];

export interface Step {
  question: ReckonerQuestion;
  chosen: ReckonerAnswer[];
}

export interface Walk {
  steps: Step[];
  /** The question to ask next, or undefined when the answers reach the results. */
  next?: ReckonerQuestion;
}

export function questionById(reckoner: Pick<Reckoner, "questions">, id: string | undefined): ReckonerQuestion | undefined {
  return reckoner.questions.find((question) => question.id === id);
}

/** Where answering a question with these answers leads: a question id or RESULTS. */
export function nextOf(question: ReckonerQuestion, chosen: readonly ReckonerAnswer[]): string | undefined {
  return question.type === "radios" ? (chosen[0]?.next ?? question.next) : question.next;
}

/**
 * Follows answers from the first question. Undefined when they do not fit the reckoner (an answer
 * that is not one of its question's, two answers to a radios question, answers past the results):
 * remembered or typed answers that do not fit are ignored, never half used.
 */
export function walk(reckoner: Pick<Reckoner, "questions">, answers: Answers): Walk | undefined {
  const steps: Step[] = [];
  let question = reckoner.questions[0];
  for (const ids of answers) {
    if (!question || ids.length === 0 || new Set(ids).size !== ids.length) return undefined;
    if (question.type === "radios" && ids.length !== 1) return undefined;
    const chosen = ids.map((id) => question!.answers.find((answer) => answer.id === id));
    if (chosen.some((answer) => !answer)) return undefined;
    steps.push({ question, chosen: chosen as ReckonerAnswer[] });
    const next = nextOf(question, chosen as ReckonerAnswer[]);
    question = next === RESULTS ? undefined : questionById(reckoner, next);
    if (next !== RESULTS && !question) return undefined;
  }
  return { steps, next: question };
}

/** The cards the answers add up to, in the order the reckoner lists its cards. */
export function cardsFor(reckoner: Pick<Reckoner, "cards">, steps: readonly Step[]): ReckonerCard[] {
  const wanted = new Set(steps.flatMap((step) => step.chosen.flatMap((answer) => answer.cards ?? [])));
  return reckoner.cards.filter((card) => wanted.has(card.id));
}

/** The most questions still to come, this one included: "question 2 of up to 4". */
function longestFrom(reckoner: Pick<Reckoner, "questions">, question: ReckonerQuestion): number {
  const targets = new Set(question.type === "radios" ? question.answers.map((answer) => answer.next ?? question.next) : [question.next]);
  let longest = 0;
  for (const target of targets) {
    const next = target === RESULTS ? undefined : questionById(reckoner, target);
    if (next) longest = Math.max(longest, longestFrom(reckoner, next));
  }
  return 1 + longest;
}

/** The fewest questions still to come, this one included. */
function shortestFrom(reckoner: Pick<Reckoner, "questions">, question: ReckonerQuestion): number {
  const targets = new Set(question.type === "radios" ? question.answers.map((answer) => answer.next ?? question.next) : [question.next]);
  let shortest = Infinity;
  for (const target of targets) {
    const next = target === RESULTS ? undefined : questionById(reckoner, target);
    shortest = Math.min(shortest, next ? shortestFrom(reckoner, next) : 0);
  }
  return 1 + shortest;
}

/** "Question 2 of 3", or "Question 2 of up to 4" when the answers decide how many there are. */
export function progressText(reckoner: Pick<Reckoner, "questions">, asked: number, question: ReckonerQuestion): string {
  const most = asked + longestFrom(reckoner, question);
  const fewest = asked + shortestFrom(reckoner, question);
  return `Question ${asked + 1} of ${most === fewest ? "" : "up to "}${most}`;
}

/**
 * The address of the page for these answers, which works without JavaScript: one path segment
 * per question, the answer's id for radios and the question's id for checkboxes (a link cannot
 * carry ticks, so that page stands for any of them).
 */
export function stepUrl(reckoner: Pick<Reckoner, "url">, steps: readonly Step[]): string {
  return `${reckoner.url}answers/${steps.map((step) => `${step.question.type === "radios" ? step.chosen[0]!.id : step.question.id}/`).join("")}`;
}
