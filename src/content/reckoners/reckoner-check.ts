// Checks how a reckoner's questions, answers and cards connect, once its file has the right shape:
// every answer leads to a question or the results, every question can be reached, no answer leads
// back to an earlier question, every card is used and links to a page, and every run of answers
// ends with something to read.
import { RESULTS, type ReckonerQuestion } from "../../lib/reckoners/reckoner.ts";
import { fieldName } from "../describe-issue.ts";
import type { ContentProblem } from "../problems.ts";
import type { ReckonerDefinition } from "./reckoner-schema.ts";
import { MAX_STATIC_STEPS, staticSteps } from "./reckoner-steps.ts";

type Path = ReadonlyArray<string | number>;

export interface ReckonerFile {
  file: string;
  /** The file name without .yaml, which the name must match. */
  stem: string;
  definition: ReckonerDefinition;
  lineOf(path: Path): number;
}

const quoted = (items: Iterable<string>) => [...items].map((item) => `"${item}"`).join(", ");

function duplicates<T extends { id: string }>(items: readonly T[], report: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) report(index, item.id);
    seen.add(item.id);
  });
}

/** `linkExists` answers whether an address on this site is a page (the same check pages' links get). */
export function checkReckoner({ file, stem, definition, lineOf }: ReckonerFile, linkExists: (href: string) => boolean): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (path: Path, message: string) => problems.push({ file, line: lineOf(path), field: fieldName(path), message });
  const { questions, cards } = definition;

  if (definition.name !== stem)
    report(["name"], `"${definition.name}" is not this file's name (expected name: ${stem}, or rename the file to ${definition.name}.yaml)`);

  duplicates(questions, (i, id) => report(["questions", i, "id"], `the question id "${id}" is used twice (expected each question to have its own id)`));
  questions.forEach((question, i) => {
    duplicates(question.answers, (j, id) =>
      report(
        ["questions", i, "answers", j, "id"],
        `the answer id "${id}" is used twice in question "${question.id}" (expected each answer to have its own id)`,
      ),
    );
  });
  duplicates(cards, (i, id) => report(["cards", i, "id"], `the card id "${id}" is used twice (expected each card to have its own id)`));

  const questionIds = new Set(questions.map((question) => question.id));
  const cardIds = new Set(cards.map((card) => card.id));
  const expectedTargets = `one of: ${quoted(questionIds)} or ${RESULTS}`;
  let connected = true;
  const checkTarget = (path: Path, target: string) => {
    if (target === RESULTS || questionIds.has(target)) return;
    connected = false;
    report(path, `leads to "${target}", which is not a question in this reckoner (expected ${expectedTargets})`);
  };

  questions.forEach((question, i) => {
    if (question.next !== undefined) checkTarget(["questions", i, "next"], question.next);
    if (question.type === "checkboxes" && question.next === undefined) {
      connected = false;
      report(["questions", i], `the checkboxes question "${question.id}" leads nowhere (expected next: on the question, with a question id or ${RESULTS})`);
    }
    question.answers.forEach((answer, j) => {
      const at = ["questions", i, "answers", j];
      if (question.type === "checkboxes" && answer.next !== undefined) {
        report(
          [...at, "next"],
          `answers to a checkboxes question cannot lead to different places, because several may be ticked (expected next: on the question "${question.id}" only)`,
        );
      } else if (answer.next !== undefined) {
        checkTarget([...at, "next"], answer.next);
      } else if (question.type === "radios" && question.next === undefined) {
        connected = false;
        report(at, `the answer "${answer.id}" leads nowhere (expected next: with a question id or ${RESULTS}, on the answer or on its question)`);
      }
      answer.cards?.forEach((cardId, k) => {
        if (!cardIds.has(cardId)) report([...at, "cards", k], `"${cardId}" is not one of this reckoner's cards (expected one of: ${quoted(cardIds)})`);
      });
    });
  });

  cards.forEach((card, i) => {
    if (!questions.some((question) => question.answers.some((answer) => answer.cards?.includes(card.id)))) {
      report(["cards", i, "id"], `the card "${card.id}" is never shown (expected an answer with cards: [${card.id}], or remove the card)`);
    }
    if (!linkExists(card.link))
      report(
        ["cards", i, "link"],
        `links to ${card.link}, which is not a page on this site (expected the address of a page, such as /sen-support/ or /services/category/holiday-clubs/)`,
      );
  });

  if (!connected) return problems;
  if (!checkLoopsAndReach(questions, report)) return problems;

  const steps = staticSteps(questions);
  if (steps.length > MAX_STATIC_STEPS) {
    report(
      ["questions"],
      `the answers make more than ${MAX_STATIC_STEPS} different pages (expected fewer branches: let more answers lead to the same question, or to ${RESULTS})`,
    );
    return problems;
  }
  const empty = steps.filter((step) => !step.question && !step.steps.some(({ chosen }) => chosen.some((answer) => answer.cards?.length)));
  for (const step of empty.slice(0, 3)) {
    const last = step.steps.at(-1)!;
    const i = questions.indexOf(last.question);
    const j = last.question.answers.indexOf(last.chosen[0]!);
    const route = step.steps.map(({ chosen }) => chosen.map((answer) => `"${answer.text}"`).join(" or ")).join(" → ");
    report(
      last.question.type === "radios" ? ["questions", i, "answers", j] : ["questions", i],
      `answering ${route} reaches the results with no cards (expected every run of answers to add at least one card: add cards: to one of these answers)`,
    );
  }
  if (empty.length > 3) problems.push({ ...problems.at(-1)!, message: `and ${empty.length - 3} more runs of answers reach the results with no cards` });
  return problems;
}

/** Reports questions no answer reaches and answers that lead back round; true when there are neither. */
function checkLoopsAndReach(questions: readonly ReckonerQuestion[], report: (path: Path, message: string) => void): boolean {
  const index = new Map(questions.map((question, i) => [question.id, i]));
  const targets = (question: ReckonerQuestion) =>
    [...new Set(question.type === "radios" ? question.answers.map((answer) => answer.next ?? question.next) : [question.next])].filter(
      (target): target is string => target !== undefined && target !== RESULTS,
    );

  let sound = true;
  const state = new Map<string, "open" | "done">();
  const trail: string[] = [];
  const visit = (question: ReckonerQuestion) => {
    state.set(question.id, "open");
    trail.push(question.id);
    for (const target of targets(question)) {
      if (state.get(target) === "open") {
        sound = false;
        const loop = [...trail.slice(trail.indexOf(target)), target].map((id) => `"${id}"`).join(" → ");
        report(
          ["questions", index.get(question.id)!, "id"],
          `the question "${question.id}" can lead back to "${target}" (${loop}), so a family could go round for ever (expected every run of answers to end at ${RESULTS})`,
        );
      } else if (!state.has(target)) {
        visit(questions[index.get(target)!]!);
      }
    }
    trail.pop();
    state.set(question.id, "done");
  };
  if (questions[0]) visit(questions[0]);

  questions.forEach((question, i) => {
    if (state.has(question.id)) return;
    sound = false;
    report(
      ["questions", i, "id"],
      `the question "${question.id}" is never asked: no answer leads to it (expected next: ${question.id} on an earlier answer, or remove the question)`,
    );
  });
  return sound;
}
