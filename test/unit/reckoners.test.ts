// The ready reckoner checks, each against a copy of a small valid reckoner broken in one way, with
// the exact message an editor would read; then the walking and memory the browser relies on.
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem, sortProblems } from "../../src/content/problems.ts";
import { checkReckoner } from "../../src/content/reckoners/reckoner-check.ts";
import { readReckonerFiles } from "../../src/content/reckoners/reckoner-files.ts";
import { staticSteps } from "../../src/content/reckoners/reckoner-steps.ts";
import { decodeHistory, decodeOpenedCards, encodeHistory, encodeOpenedCards } from "../../src/lib/reckoners/memory.ts";
import { cardsFor, progressText, stepUrl, walk, type Reckoner } from "../../src/lib/reckoners/reckoner.ts";
import { projectRoot } from "../helpers/project.ts";

const PAGES = new Set(["/senco/", "/sen-support/", "/sen-support/the-graduated-approach/"]);
let valid: string;
let dir: string;
let runs = 0;

beforeAll(async () => {
  valid = await readFile(path.join(projectRoot, "test/fixtures/reckoner-valid.yaml"), "utf8");
  dir = await mkdtemp(path.join(tmpdir(), "reckoner-check-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Every problem the checks find in a reckoner file, as `npm run check` prints them. */
async function problemsIn(text: string, fileName = "test-tool.yaml"): Promise<string[]> {
  runs += 1;
  const content = path.join(dir, `run-${runs}`);
  await mkdir(path.join(content, "reckoners"), { recursive: true });
  await writeFile(path.join(content, "reckoners", fileName), text);
  const { files, problems } = await readReckonerFiles(content);
  const all = [...problems, ...files.flatMap((file) => checkReckoner(file, (href) => PAGES.has(href)))];
  return sortProblems(all).map((problem) => formatProblem({ ...problem, file: path.basename(problem.file) }));
}

/** The fixture with one piece of text replaced, failing loudly if the text is not there. */
function edited(from: string, to: string): string {
  expect(valid).toContain(from);
  return valid.replace(from, to);
}

async function loaded(text = valid): Promise<Reckoner> {
  runs += 1;
  const content = path.join(dir, `run-${runs}`);
  await mkdir(path.join(content, "reckoners"), { recursive: true });
  await writeFile(path.join(content, "reckoners", "test-tool.yaml"), text);
  const { definition } = (await readReckonerFiles(content)).files[0]!;
  return { ...definition, version: "abc123", url: "/reckoners/test-tool/", questions: definition.questions.map((q) => ({ ...q, type: q.type ?? "radios" })) };
}

describe("ready reckoner checks", () => {
  it("pass the valid fixture", async () => {
    expect(await problemsIn(valid)).toEqual([]);
  });

  it("report a name that cannot be a cookie name", async () => {
    expect(await problemsIn(edited("name: test-tool", "name: Test tool;"))).toEqual([
      `test-tool.yaml:3 name: "Test tool;" is not usable in a cookie name (expected lowercase letters, digits and single hyphens, up to 40 characters, the same as the file name, such as support-at-school)`,
    ]);
  });

  it("report a name that is not the file's", async () => {
    expect(await problemsIn(valid, "other-tool.yaml")).toEqual([
      `other-tool.yaml:3 name: "test-tool" is not this file's name (expected name: other-tool, or rename the file to test-tool.yaml)`,
    ]);
  });

  it("report a question id used twice", async () => {
    expect(await problemsIn(edited("  - id: needs\n", "  - id: setting\n"))).toEqual([
      `test-tool.yaml:16 questions[0].answers[0].next: leads to "needs", which is not a question in this reckoner (expected one of: "setting" or results)`,
      `test-tool.yaml:22 questions[1].id: the question id "setting" is used twice (expected each question to have its own id)`,
    ]);
  });

  it("report an answer that leads to an unknown question", async () => {
    expect(await problemsIn(edited("next: needs", "next: neds"))).toEqual([
      `test-tool.yaml:16 questions[0].answers[0].next: leads to "neds", which is not a question in this reckoner (expected one of: "setting", "needs" or results)`,
    ]);
  });

  it("report an answer that leads nowhere", async () => {
    expect(await problemsIn(edited("        next: results\n        cards: [sen-support]\n", "        cards: [sen-support]\n"))).toEqual([
      `test-tool.yaml:18 questions[0].answers[1]: the answer "home" leads nowhere (expected next: with a question id or results, on the answer or on its question)`,
    ]);
  });

  it("report a checkboxes question that leads nowhere, and checkboxes answers that lead somewhere", async () => {
    const text = edited("    type: checkboxes\n    next: results\n", "    type: checkboxes\n").replace(
      "        text: Reading\n",
      "        text: Reading\n        next: results\n",
    );
    expect(await problemsIn(text)).toEqual([
      `test-tool.yaml:22 questions[1]: the checkboxes question "needs" leads nowhere (expected next: on the question, with a question id or results)`,
      `test-tool.yaml:28 questions[1].answers[0].next: answers to a checkboxes question cannot lead to different places, because several may be ticked (expected next: on the question "needs" only)`,
    ]);
  });

  it("report a question no answer leads to", async () => {
    const text = edited(
      "cards:\n  - id: senco",
      "  - id: extra\n    question: Is this ever asked?\n    next: results\n    answers:\n      - id: yes\n        text: Yes\n        cards: [senco]\n      - id: no\n        text: No\n        cards: [senco]\ncards:\n  - id: senco",
    );
    expect(await problemsIn(text)).toEqual([
      `test-tool.yaml:33 questions[2].id: the question "extra" is never asked: no answer leads to it (expected next: extra on an earlier answer, or remove the question)`,
    ]);
  });

  it("report answers that lead round in a loop", async () => {
    expect(await problemsIn(edited("    type: checkboxes\n    next: results\n", "    type: checkboxes\n    next: setting\n"))).toEqual([
      `test-tool.yaml:22 questions[1].id: the question "needs" can lead back to "setting" ("setting" → "needs" → "setting"), so a family could go round for ever (expected every run of answers to end at results)`,
    ]);
  });

  it("report cards that are unknown, never shown, or link to pages that do not exist", async () => {
    const text = edited("cards: [graduated]", "cards: [graduatd]").replace("link: /senco/", "link: /sencos/");
    expect(await problemsIn(text)).toEqual([
      `test-tool.yaml:29 questions[1].answers[0].cards[0]: "graduatd" is not one of this reckoner's cards (expected one of: "senco", "sen-support", "graduated")`,
      `test-tool.yaml:37 cards[0].link: links to /sencos/, which is not a page on this site (expected the address of a page, such as /sen-support/ or /services/category/holiday-clubs/)`,
      `test-tool.yaml:42 cards[2].id: the card "graduated" is never shown (expected an answer with cards: [graduated], or remove the card)`,
    ]);
  });

  it("report a card id used twice", async () => {
    expect(await problemsIn(edited("  - id: graduated\n", "  - id: senco\n").replace("cards: [graduated]", "cards: [senco]"))).toEqual([
      `test-tool.yaml:42 cards[2].id: the card id "senco" is used twice (expected each card to have its own id)`,
    ]);
  });

  it("report an answer id used twice in a question", async () => {
    expect(await problemsIn(edited("      - id: friends\n", "      - id: reading\n"))).toEqual([
      `test-tool.yaml:30 questions[1].answers[1].id: the answer id "reading" is used twice in question "needs" (expected each answer to have its own id)`,
    ]);
  });

  it("report a run of answers that ends with nothing to read", async () => {
    expect(await problemsIn(edited("        next: results\n        cards: [sen-support]\n", "        next: results\n"))).toEqual([
      `test-tool.yaml:18 questions[0].answers[1]: answering "At home" reaches the results with no cards (expected every run of answers to add at least one card: add cards: to one of these answers)`,
    ]);
  });

  it("report a reckoner with too many branches to build", async () => {
    const questions = Array.from({ length: 9 }, (_, i) =>
      [
        `  - id: q${i}`,
        `    question: Question number ${i}?`,
        `    next: ${i === 8 ? "results" : `q${i + 1}`}`,
        "    answers:",
        "      - id: a",
        "        text: A",
        "        cards: [senco]",
        "      - id: b",
        "        text: B",
      ].join("\n"),
    );
    const text = valid
      .replace(/questions:\n[\s\S]*?\ncards:/, `questions:\n${questions.join("\n")}\ncards:`)
      .replace("cards: [sen-support]", "")
      .replace(/ {2}- id: sen-support[\s\S]*$/, "");
    expect(await problemsIn(text)).toEqual([
      `test-tool.yaml:10 questions: the answers make more than 200 different pages (expected fewer branches: let more answers lead to the same question, or to results)`,
    ]);
  });

  it("report fields of the wrong shape, with what was expected", async () => {
    expect(await problemsIn(edited("expiryDays: 10", "expiryDays: 400").replace("    question: Where does your child learn?\n", ""))).toEqual([
      `test-tool.yaml:7 expiryDays: too large: 400 (expected a whole number of days from 1 to 365)`,
      `test-tool.yaml:11 questions[0].question: missing (expected the question, ending with a question mark, 5 to 120 characters)`,
    ]);
  });
});

describe("walking a reckoner", () => {
  it("follows answers to the next question or the results, and refuses answers that do not fit", async () => {
    const reckoner = await loaded();
    expect(walk(reckoner, [])?.next?.id).toBe("setting");
    expect(walk(reckoner, [["school"]])?.next?.id).toBe("needs");
    expect(walk(reckoner, [["school"], ["reading", "friends"]])?.next).toBeUndefined();
    expect(walk(reckoner, [["home"]])?.next).toBeUndefined();
    for (const wrong of [[["nowhere"]], [["school", "home"]], [["home"], ["reading"]], [["school"], []], [["school"], ["reading", "reading"]]]) {
      expect(walk(reckoner, wrong), JSON.stringify(wrong)).toBeUndefined();
    }
  });

  it("adds up the cards in the reckoner's order, and shows progress and each step's address", async () => {
    const reckoner = await loaded();
    const route = walk(reckoner, [["school"], ["friends", "reading"]])!;
    expect(cardsFor(reckoner, route.steps).map((card) => card.id)).toEqual(["senco", "sen-support", "graduated"]);
    expect(progressText(reckoner, 0, reckoner.questions[0]!)).toBe("Question 1 of up to 2");
    expect(progressText(reckoner, 1, reckoner.questions[1]!)).toBe("Question 2 of 2");
    expect(stepUrl(reckoner, route.steps)).toBe("/reckoners/test-tool/answers/school/needs/");
    expect(staticSteps(reckoner.questions).map(({ steps }) => stepUrl(reckoner, steps))).toEqual([
      "/reckoners/test-tool/answers/",
      "/reckoners/test-tool/answers/school/",
      "/reckoners/test-tool/answers/school/needs/",
      "/reckoners/test-tool/answers/home/",
    ]);
  });
});

describe("what a reckoner remembers", () => {
  it("reads back its own cookies", async () => {
    const reckoner = await loaded();
    const answers = [["school"], ["reading", "friends"]];
    expect(encodeHistory(reckoner, answers)).toBe("abc123.school/reading+friends");
    expect(decodeHistory(reckoner, encodeHistory(reckoner, answers))).toEqual(answers);
    expect(decodeHistory(reckoner, "abc123.")).toEqual([]);
    expect(decodeOpenedCards(reckoner, encodeOpenedCards(reckoner, ["senco", "graduated"]))).toEqual(["senco", "graduated"]);
  });

  it("ignores tampered, out-of-date and hostile values as a whole", async () => {
    const reckoner = await loaded();
    for (const value of [
      undefined,
      "",
      "school/reading",
      "zzz999.school/reading",
      "abc123.school/nowhere",
      "abc123.home/reading",
      "abc123.school/reading/friends",
      "abc123.<script>alert(1)</script>",
      "abc123.school/reading+reading",
      `abc123.${"school/".repeat(200)}`,
      42,
    ]) {
      expect(decodeHistory(reckoner, value), String(value)).toBeUndefined();
    }
    expect(decodeOpenedCards(reckoner, "abc123.senco+made-up+senco")).toEqual(["senco"]);
    expect(decodeOpenedCards(reckoner, "zzz999.senco")).toEqual([]);
    expect(decodeOpenedCards(reckoner, "abc123.<img>")).toEqual([]);
  });
});
