// Ready reckoners: each file in content/reckoners/ becomes a start page, a page for every step a
// family can reach by following links (so it works without JavaScript and when saved), and a JSON
// copy of its questions that the page's script uses to ask them in place.
import path from "node:path";
import { createMarkdown } from "../content/markdown.ts";
import { pageIdOf } from "../lib/saved-pages/page-ids.ts";
import { cardsFor, progressText, questionHint, stepUrl, walk, type Reckoner, type ReckonerCard, type Step } from "../lib/reckoners/reckoner.ts";
import { readReckonerFiles, RECKONERS_INDEX_URL, reckonerUrl } from "../content/reckoners/reckoner-files.ts";
import type { ReckonerDefinition } from "../content/reckoners/reckoner-schema.ts";
import { staticSteps } from "../content/reckoners/reckoner-steps.ts";
import type { EleventyConfig, EleventyItem } from "./types.ts";

export interface SiteReckoner extends Reckoner {
  description: string;
  lastReviewed: string;
  introduction: string;
  firstStepUrl: string;
  jsonUrl: string;
}

/**
 * Without JavaScript a link cannot carry ticks, and the pages after a checkboxes question cannot
 * read them from the address, so its boxes are ticked on the results page instead, where the
 * stylesheet shows the cards each tick brings (CSS :has, so it works from disk too). As a
 * checkboxes question never decides which question comes next, asking it last changes no result.
 * The stylesheet has rules for this many checkboxes questions in one run of answers; any further
 * one's cards are always shown.
 */
export const MAX_TICKED_QUESTIONS = 3;

/** A card on a results page without JavaScript. */
interface StaticCard {
  card: ReckonerCard;
  /** Which ticks bring it, as t<question>-<answer> (1-based), when only ticks do; empty when radios answers bring it. */
  forTicks: string[];
}

/** A checkboxes question asked on the results page without JavaScript. */
interface TickedQuestion {
  id: string;
  question: string;
  hint: string;
  answers: Array<{ id: string; text: string; hint?: string }>;
}

interface StaticStepPage {
  reckoner: SiteReckoner;
  url: string;
  title: string;
  backUrl: string;
  /** The answers so far, for the script to pick up from: answer ids, and * for a checkboxes question. */
  answersPath: string;
  /** Each answer given so far, with the page asking it again; a checkboxes question has none, as it is asked on the results page. */
  answered: Array<{ question: string; answers: string[]; changeUrl?: string }>;
  question?: Reckoner["questions"][number] & { progress: string; hintText: string; answerUrls: string[] };
  ticked?: TickedQuestion[];
  cards?: StaticCard[];
}

/** Changes when the questions, answers or where they lead do, and not for a reworded card. */
function versionOf(definition: ReckonerDefinition): string {
  return pageIdOf(JSON.stringify(definition.questions.map((q) => [q.id, q.type, q.next, q.answers.map((a) => [a.id, a.next])])));
}

function siteReckoner(definition: ReckonerDefinition): SiteReckoner {
  const url = reckonerUrl(definition.name);
  return {
    ...definition,
    questions: definition.questions.map((question) => ({ ...question, type: question.type ?? "radios" })),
    version: versionOf(definition),
    url,
    firstStepUrl: stepUrl({ url }, []),
    jsonUrl: `${url}reckoner.json`,
  };
}

/** The steps with any checkboxes questions that come next passed over (every box standing ticked), as links without JavaScript go. */
function pastCheckboxes(reckoner: SiteReckoner, steps: Step[]): Step[] {
  let next = walk(reckoner, answersOf(steps))?.next;
  while (next?.type === "checkboxes") {
    steps = [...steps, { question: next, chosen: next.answers }];
    next = walk(reckoner, answersOf(steps))?.next;
  }
  return steps;
}

const answersOf = (steps: readonly Step[]) => steps.map((step) => step.chosen.map((answer) => answer.id));

/** The page before, without JavaScript: the one asking the last radios question answered. */
function previousPage(reckoner: SiteReckoner, steps: Step[]): string {
  const answeredByLink = steps.map((step) => step.question.type).lastIndexOf("radios");
  return answeredByLink === -1 ? reckoner.url : stepUrl(reckoner, steps.slice(0, answeredByLink));
}

function staticPages(reckoner: SiteReckoner): StaticStepPage[] {
  return staticSteps(reckoner.questions).map(({ steps, question }) => {
    const answered = steps.map((step, index) => ({
      question: step.question.question,
      answers: step.chosen.map((answer) => answer.text),
      changeUrl: step.question.type === "radios" ? stepUrl(reckoner, steps.slice(0, index)) : undefined,
    }));
    const answersPath = steps.map((step) => (step.question.type === "radios" ? step.chosen[0]!.id : "*")).join("/");
    const page = { reckoner, url: stepUrl(reckoner, steps), backUrl: previousPage(reckoner, steps), answersPath, answered };
    if (question) {
      const answerUrls = question.answers.map((answer) =>
        stepUrl(reckoner, pastCheckboxes(reckoner, [...steps, { question, chosen: question.type === "radios" ? [answer] : question.answers }])),
      );
      return {
        ...page,
        title: `${question.question} - ${reckoner.title}`,
        question: { ...question, progress: progressText(reckoner, steps.length, question), hintText: questionHint(question), answerUrls },
      };
    }
    const ticked = steps.filter((step) => step.question.type === "checkboxes").slice(0, MAX_TICKED_QUESTIONS);
    return {
      ...page,
      title: `Your results - ${reckoner.title}`,
      ticked: ticked.map(({ question: { id, question, answers } }) => ({
        id,
        question,
        hint: "Tick what applies. The help below changes as you tick.",
        answers: answers.map(({ id, text, hint }) => ({ id, text, hint })),
      })),
      cards: staticCards(reckoner, steps, ticked),
    };
  });
}

/** Every card the answers could bring: those of radios answers always show, the rest when one of their ticks is ticked. */
function staticCards(reckoner: SiteReckoner, steps: Step[], ticked: Step[]): StaticCard[] {
  const certain = new Set(
    cardsFor(
      reckoner,
      steps.filter((step) => !ticked.includes(step)),
    ).map((card) => card.id),
  );
  return cardsFor(reckoner, steps).map((card) => ({
    card,
    forTicks: certain.has(card.id)
      ? []
      : ticked.flatMap((step, q) => step.question.answers.flatMap((answer, a) => (answer.cards?.includes(card.id) ? [`t${q + 1}-${a + 1}`] : []))),
  }));
}

export default function reckoners(eleventyConfig: EleventyConfig): void {
  const inputDir = path.resolve(eleventyConfig.directories.input);
  const md = createMarkdown();
  let loading: Promise<SiteReckoner[]> | undefined;
  const load = () => (loading ??= readReckonerFiles(inputDir).then(({ files }) => files.map((file) => siteReckoner(file.definition))));
  eleventyConfig.on("eleventy.before", () => {
    loading = undefined;
  });

  eleventyConfig.addGlobalData("reckoners", () => load());
  eleventyConfig.addGlobalData("reckonerSteps", async () => (await load()).flatMap(staticPages));
  eleventyConfig.addFilter("markdown", (text: string | undefined) => (text ? md.render(text) : ""));

  /** Pages with a heart: services, and pages in a section (the layouts show it on no others). */
  type Sections = Array<{ url: string; pages: EleventyItem[] }>;
  const heartUrls = new WeakMap<object, Set<string>>();
  const saveIdFor = (url: string, services: EleventyItem[], sections: Sections) => {
    let urls = heartUrls.get(services);
    if (!urls) {
      urls = new Set([...services.map((item) => item.url), ...sections.flatMap((section) => [section.url, ...section.pages.map((item) => item.url)])]);
      heartUrls.set(services, urls);
    }
    return urls.has(url) ? pageIdOf(url) : undefined;
  };
  eleventyConfig.addFilter("saveIdFor", saveIdFor);
  eleventyConfig.addFilter("reckonerJson", (reckoner: SiteReckoner, services: EleventyItem[], sections: Sections) => {
    const browser: Reckoner = {
      name: reckoner.name,
      title: reckoner.title,
      expiryDays: reckoner.expiryDays,
      version: reckoner.version,
      url: reckoner.url,
      questions: reckoner.questions,
      cards: reckoner.cards.map((card) => ({ ...card, saveId: saveIdFor(card.link, services, sections) })),
    };
    return JSON.stringify(browser);
  });

  const hidden = { eleventyExcludeFromCollections: true };
  eleventyConfig.addTemplate("reckoners/reckoners-index.njk", "", {
    ...hidden,
    permalink: RECKONERS_INDEX_URL,
    contentLayout: "layouts/reckoners.njk",
    title: "Question tools",
    description: "Answer a few short questions to find the pages, services and people that can help your family.",
  });
  eleventyConfig.addTemplate("reckoners/reckoner-start.njk", "", {
    ...hidden,
    pagination: { data: "reckoners", size: 1, alias: "reckoner", addAllPagesToCollections: false },
    dynamicPermalink: true,
    permalink: (data: { reckoner: SiteReckoner }) => data.reckoner.url,
    contentLayout: "layouts/reckoner.njk",
    eleventyComputed: {
      title: (data: { reckoner: SiteReckoner }) => data.reckoner.title,
      description: (data: { reckoner: SiteReckoner }) => data.reckoner.description,
      lastReviewed: (data: { reckoner: SiteReckoner }) => data.reckoner.lastReviewed,
    },
  });
  eleventyConfig.addTemplate("reckoners/reckoner-step.njk", "", {
    ...hidden,
    pagination: { data: "reckonerSteps", size: 1, alias: "step" },
    dynamicPermalink: true,
    permalink: (data: { step: StaticStepPage }) => data.step.url,
    contentLayout: "layouts/reckoner.njk",
    // A step is one run of answers through the tool: search engines are pointed at the tool's start
    // page (rather than told not to index the step, which Lighthouse's SEO audit marks down), and
    // the site's own search leaves steps out.
    searchExclude: true,
    eleventyComputed: {
      title: (data: { step: StaticStepPage }) => data.step.title,
      reckoner: (data: { step: StaticStepPage }) => data.step.reckoner,
      canonicalUrl: (data: { step: StaticStepPage }) => data.step.reckoner.url,
      description: (data: { step: StaticStepPage }) => data.step.reckoner.description,
    },
  });
  eleventyConfig.addTemplate("reckoners/reckoner-json.njk", "{{ reckoner | reckonerJson(collections.services, collections.sections) | safe }}", {
    ...hidden,
    pagination: { data: "reckoners", size: 1, alias: "reckoner" },
    dynamicPermalink: true,
    permalink: (data: { reckoner: SiteReckoner }) => data.reckoner.jsonUrl,
    layout: false,
  });
}
