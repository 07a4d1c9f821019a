// Every page a reckoner needs so that it works without JavaScript: one for each question as
// reached by a different run of answers, and one for each set of results. A checkboxes question's
// page stands for any ticks (a link cannot carry them), so it is followed as if every box were ticked.
import { nextOf, questionById, RESULTS, type ReckonerQuestion, type Step } from "../../lib/reckoners/reckoner.ts";

export interface StaticStep {
  /** The answers given to reach this page. */
  steps: Step[];
  /** The question this page asks; undefined on a results page. */
  question?: ReckonerQuestion;
}

/** Well above what a family would click through; more means the reckoner needs rethinking. */
export const MAX_STATIC_STEPS = 200;

/** Depth first, in the order the answers are listed. Stops (returning what it has) past `limit`. */
export function staticSteps(questions: readonly ReckonerQuestion[], limit = MAX_STATIC_STEPS): StaticStep[] {
  const found: StaticStep[] = [];
  const visit = (steps: Step[], question: ReckonerQuestion | undefined) => {
    if (found.length > limit) return;
    found.push({ steps, question });
    if (!question) return;
    const choices = question.type === "radios" ? question.answers.map((answer) => [answer]) : [question.answers];
    for (const chosen of choices) {
      const next = nextOf(question, chosen);
      visit([...steps, { question, chosen }], next === RESULTS ? undefined : questionById({ questions: [...questions] }, next));
    }
  };
  visit([], questions[0]);
  return found;
}
