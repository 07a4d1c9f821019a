// A ready reckoner asked in place. The page already works without this: every answer is a link to
// the next step's own page. This script loads the reckoner's questions once and asks them without
// page loads, moving focus to each new question, keeping the address in step (so the browser's
// back button, a reload and a bookmark all work), and, with consent only, remembering the answers
// and the cards opened for the reckoner's expiryDays.
import {
  cardsFor,
  progressText,
  questionError,
  questionHint,
  stepUrl,
  walk,
  type Answers,
  type Reckoner,
  type ReckonerQuestion,
  type Step,
  type Walk,
} from "../../lib/reckoners/reckoner.ts";
import { contentCookieName, decodeHistory, decodeOpenedCards, encodeHistory, encodeOpenedCards, historyCookieName } from "../../lib/reckoners/memory.ts";
import { featureCookiesAllowed, readFeatureCookie, removeFeatureCookie, writeFeatureCookie } from "../cookies/cookie-jar.ts";
import { CONSENT_EVENT } from "../page-events.ts";
import { element } from "../dom.ts";
import { showErrorSummary } from "../error-summary.ts";
import { initSaveButton } from "../saved-pages/save-button.ts";

interface PageState {
  reckoner: string;
  /** Undefined for the start page. */
  answers?: Answers;
  /** How many of this reckoner's pages came before this one in the tab's history. */
  index: number;
}

/** The step's own address: its page, plus the ticks of any checkboxes (which the page reads back). */
function addressOf(reckoner: Reckoner, steps: readonly Step[]): string {
  const ticks = new URLSearchParams();
  for (const step of steps) if (step.question.type === "checkboxes") for (const answer of step.chosen) ticks.append(step.question.id, answer.id);
  const query = ticks.toString();
  return `${stepUrl(reckoner, steps)}${query ? `?${query}` : ""}`;
}

/** The answers a step's page stands for: its path, with ticks from the address ("*" marks a checkboxes question). */
function answersOnPage(reckoner: Reckoner, path: string): Answers | undefined {
  const ticks = new URLSearchParams(location.search);
  const answers: Answers = [];
  for (const segment of path === "" ? [] : path.split("/")) {
    const question = walk(reckoner, answers)?.next;
    if (!question) return undefined;
    if (segment !== "*") answers.push([segment]);
    else {
      const ticked = [...new Set(ticks.getAll(question.id))].filter((id) => question.answers.some((answer) => answer.id === id));
      answers.push(ticked.length > 0 ? ticked : question.answers.map((answer) => answer.id));
    }
  }
  return walk(reckoner, answers) ? answers : undefined;
}

export async function initReckoner(root: HTMLElement): Promise<void> {
  const view = root.querySelector<HTMLElement>("[data-reckoner-view]");
  const saveTemplate = root.querySelector<HTMLTemplateElement>("template[data-reckoner-save-template]");
  const src = root.dataset.reckonerSrc;
  if (!view || !saveTemplate || !src) return;
  let reckoner: Reckoner;
  try {
    const response = await fetch(src);
    if (!response.ok) return;
    reckoner = (await response.json()) as Reckoner;
  } catch {
    // Offline, or opened from a saved file: the links carry on working on their own.
    return;
  }
  const onStartPage = root.dataset.reckonerAt === "start";
  const initial = onStartPage ? undefined : answersOnPage(reckoner, root.dataset.reckonerAnswers ?? "");
  if (!onStartPage && !initial) return;
  new ReckonerTool(root, view, saveTemplate, reckoner).begin(initial);
}

class ReckonerTool {
  private answers: Answers | undefined;
  /** What was chosen at each question, so going back shows the earlier choice. */
  private readonly chosenBefore = new Map<string, string[]>();
  /** While a question is changed from the results: the answers after it, to go back to the results with. */
  private afterChange: Answers | undefined;
  private opened: string[];
  private readonly startView: Node[];
  private readonly siteName: string;

  constructor(
    root: HTMLElement,
    private readonly view: HTMLElement,
    private readonly saveTemplate: HTMLTemplateElement,
    private readonly reckoner: Reckoner,
  ) {
    this.opened = decodeOpenedCards(reckoner, readFeatureCookie(contentCookieName(reckoner)));
    this.startView = [...view.childNodes];
    this.siteName = root.dataset.siteName ?? "";
  }

  begin(answers: Answers | undefined): void {
    const { reckoner } = this;
    window.addEventListener("popstate", (event) => {
      const state = event.state as PageState | null;
      if (state?.reckoner !== reckoner.name) return;
      this.afterChange = undefined;
      if (state.answers) this.show(state.answers, "none");
      else this.showStart();
    });
    document.addEventListener(CONSENT_EVENT, () => {
      if (!this.answers) return;
      this.remember();
      if (!walk(reckoner, this.answers)?.next) this.show(this.answers, "none", false);
    });
    history.replaceState({ reckoner: reckoner.name, answers, index: 0 } satisfies PageState, "");
    if (answers) this.show(answers, "none", false);
    else this.showStart(false);
  }

  /** The start page as built, with "carry on" offered when there are answers to carry on from. */
  private showStart(focus = true): void {
    this.answers = undefined;
    this.view.replaceChildren(...this.startView);
    this.setTitle(this.reckoner.title);
    this.view.querySelector("[data-reckoner-start]")?.addEventListener("click", (event) => {
      event.preventDefault();
      this.show([], "push");
    });
    const resume = this.view.querySelector<HTMLElement>("[data-reckoner-resume]");
    const remembered = this.rememberedAnswers();
    resume?.replaceChildren();
    if (resume && remembered && remembered.length > 0) {
      const carryOn = element("button", "govuk-button", "Carry on where you left off", { type: "button" });
      const startAgain = element("button", "govuk-button govuk-button--secondary", "Start again", { type: "button" });
      carryOn.addEventListener("click", () => this.show(remembered, "push"));
      startAgain.addEventListener("click", () => this.startAgain());
      const count = remembered.length;
      const offer = element("div", "govuk-inset-text");
      offer.append(
        element("h2", "govuk-heading-s", "You have used this tool before"),
        element("p", "govuk-body", `You answered ${count} question${count === 1 ? "" : "s"} on this device.`),
        buttonGroup(carryOn, startAgain),
      );
      resume.append(offer);
    }
    if (focus) this.view.querySelector<HTMLElement>("h1")?.focus();
  }

  /** Answers from the history cookie; a cookie that does not fit this reckoner is deleted, not used. */
  private rememberedAnswers(): Answers | undefined {
    const name = historyCookieName(this.reckoner);
    const value = readFeatureCookie(name);
    if (value === undefined) return undefined;
    const answers = decodeHistory(this.reckoner, value);
    if (!answers) removeFeatureCookie(name);
    return answers;
  }

  /** Shows the step these answers reach; `focus` is false only when the page first opens. */
  private show(answers: Answers, how: "push" | "none", focus = true): void {
    const route = walk(this.reckoner, answers);
    if (!route) return;
    this.answers = answers;
    if (how === "push") {
      const index = (history.state as PageState | null)?.reckoner === this.reckoner.name ? (history.state as PageState).index : 0;
      history.pushState({ reckoner: this.reckoner.name, answers, index: index + 1 } satisfies PageState, "", addressOf(this.reckoner, route.steps));
    }
    // Any use but opening the page renews the memory: answering, going back or forward, starting again.
    if (focus) this.remember();
    if (route.next) this.renderQuestion(route, route.next);
    else this.renderResults(route);
    if (focus) this.view.querySelector<HTMLElement>("h1")?.focus();
  }

  private answer(question: ReckonerQuestion, ids: string[]): void {
    this.chosenBefore.set(question.id, ids);
    const answers = [...(this.answers ?? []), ids];
    // After a change, straight back to the results when the later answers still fit; otherwise on
    // to the next question, with the earlier choices ticked.
    const later = this.afterChange;
    this.afterChange = undefined;
    const backToResults = later && walk(this.reckoner, [...answers, ...later])?.next === undefined;
    this.show(backToResults ? [...answers, ...later] : answers, "push");
  }

  /** Asks the question at `index` again, with the answer given ticked. */
  private change(route: Walk, index: number): void {
    for (const step of route.steps)
      this.chosenBefore.set(
        step.question.id,
        step.chosen.map((answer) => answer.id),
      );
    const answers = route.steps.map((step) => step.chosen.map((answer) => answer.id));
    this.afterChange = answers.slice(index + 1);
    this.show(answers.slice(0, index), "push");
  }

  private back(event: Event): void {
    // Our own earlier page is one step back in the tab's history; otherwise the link loads it.
    if ((history.state as PageState | null)?.index) {
      event.preventDefault();
      history.back();
    }
  }

  private startAgain(): void {
    this.afterChange = undefined;
    this.opened = [];
    this.chosenBefore.clear();
    removeFeatureCookie(historyCookieName(this.reckoner));
    removeFeatureCookie(contentCookieName(this.reckoner));
    this.show([], "push");
  }

  /** With consent, rewrites both cookies, so they last expiryDays from this use. */
  private remember(): void {
    if (!this.answers || !featureCookiesAllowed()) return;
    const lifetime = { days: this.reckoner.expiryDays };
    writeFeatureCookie(historyCookieName(this.reckoner), encodeHistory(this.reckoner, this.answers), lifetime);
    writeFeatureCookie(contentCookieName(this.reckoner), encodeOpenedCards(this.reckoner, this.opened), lifetime);
  }

  private setTitle(heading: string, error = false): void {
    const title = heading === this.reckoner.title ? heading : `${heading} - ${this.reckoner.title}`;
    document.title = `${error ? "Error: " : ""}${title}${this.siteName ? ` - ${this.siteName}` : ""}`;
  }

  private backLink(route: Walk): HTMLAnchorElement {
    const previous = route.steps.slice(0, -1);
    const link = element("a", "govuk-back-link", "Back", { href: route.steps.length === 0 ? this.reckoner.url : addressOf(this.reckoner, previous) });
    link.addEventListener("click", (event) => this.back(event));
    return link;
  }

  private startAgainLink(): HTMLElement {
    const link = element("a", "govuk-link", "Start again", { href: this.reckoner.url });
    link.addEventListener("click", (event) => {
      event.preventDefault();
      this.startAgain();
    });
    const paragraph = element("p", "govuk-body", undefined, { "data-print": "hide" });
    paragraph.append(link);
    return paragraph;
  }

  /** GOV.UK radios or checkboxes, with GOV.UK's error pattern when nothing is chosen. */
  private renderQuestion(route: Walk, question: ReckonerQuestion): void {
    const kind = question.type === "radios" ? "radios" : "checkboxes";
    const previous = this.chosenBefore.get(question.id) ?? [];
    const hintId = `${question.id}-hint`;
    const errorId = `${question.id}-error`;
    const hintText = questionHint(question);

    const heading = element("h1", "govuk-fieldset__heading", undefined, { tabindex: "-1" });
    heading.append(element("span", "govuk-caption-l", progressText(this.reckoner, route.steps.length, question)), question.question);
    const legend = element("legend", "govuk-fieldset__legend govuk-fieldset__legend--l");
    legend.append(heading);
    const fieldset = element("fieldset", "govuk-fieldset", undefined, { "aria-describedby": hintText ? hintId : undefined });
    fieldset.append(legend);
    if (hintText) fieldset.append(element("div", "govuk-hint", hintText, { id: hintId }));

    const options = element("div", `govuk-${kind}`, undefined, { "data-module": `govuk-${kind}` });
    const inputs = question.answers.map((answer) => {
      const id = `answer-${question.id}-${answer.id}`;
      const item = element("div", `govuk-${kind}__item`);
      const input = element("input", `govuk-${kind}__input`, undefined, {
        id,
        name: question.id,
        type: kind === "radios" ? "radio" : "checkbox",
        value: answer.id,
        "aria-describedby": answer.hint ? `${id}-hint` : undefined,
      });
      input.checked = previous.includes(answer.id);
      item.append(input, element("label", `govuk-label govuk-${kind}__label`, answer.text, { for: id }));
      if (answer.hint) item.append(element("div", `govuk-hint govuk-${kind}__hint`, answer.hint, { id: `${id}-hint` }));
      options.append(item);
      return input;
    });
    fieldset.append(options);
    const group = element("div", "govuk-form-group");
    group.append(fieldset);
    const form = element("form", undefined, undefined, { novalidate: true, action: addressOf(this.reckoner, route.steps), method: "get" });
    form.append(group, element("button", "govuk-button", "Continue", { type: "submit", "data-module": "govuk-button" }));

    const errorSummaryPlace = element("div");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = inputs.filter((input) => input.checked).map((input) => input.value);
      if (chosen.length > 0) {
        this.answer(question, chosen);
        return;
      }
      const message = questionError(question);
      group.classList.add("govuk-form-group--error");
      const error = element("p", "govuk-error-message", undefined, { id: errorId });
      error.append(element("span", "govuk-visually-hidden", "Error:"), ` ${message}`);
      group.querySelector(`#${errorId}`)?.remove();
      options.before(error);
      fieldset.setAttribute("aria-describedby", [hintText ? hintId : "", errorId].filter(Boolean).join(" "));
      this.setTitle(question.question, true);
      this.view.prepend(errorSummaryPlace);
      showErrorSummary(errorSummaryPlace, [{ message, fieldId: inputs[0]!.id }]);
    });

    this.view.replaceChildren(this.backLink(route), form, this.startAgainLink());
    this.setTitle(question.question);
  }

  private renderResults(route: Walk): void {
    const { reckoner } = this;
    const answersList = element("dl", "govuk-summary-list");
    route.steps.forEach((step, index) => {
      const row = element("div", "govuk-summary-list__row");
      const change = element("a", "govuk-link", "Change", { href: addressOf(reckoner, route.steps.slice(0, index)) });
      change.append(element("span", "govuk-visually-hidden", ` your answer to: ${step.question.question}`));
      change.addEventListener("click", (event) => {
        event.preventDefault();
        this.change(route, index);
      });
      const actions = element("dd", "govuk-summary-list__actions", undefined, { "data-print": "hide" });
      actions.append(change);
      row.append(
        element("dt", "govuk-summary-list__key", step.question.question),
        element("dd", "govuk-summary-list__value", step.chosen.map((answer) => answer.text).join(", ")),
        actions,
      );
      answersList.append(row);
    });

    const cards = element("ul", "app-card-list app-reckoner__cards");
    for (const card of cardsFor(reckoner, route.steps)) {
      const item = element("li", "app-card-list__item", undefined, { "data-reckoner-card": card.id });
      const heading = element("h3", "govuk-heading-s govuk-!-margin-bottom-1");
      const link = element("a", "govuk-link", card.title, { href: card.link });
      link.addEventListener("click", () => this.open(card.id));
      heading.append(link);
      item.append(heading, element("p", "govuk-body govuk-!-margin-bottom-1", card.text));
      if (this.opened.includes(card.id)) item.append(element("p", "govuk-body-s govuk-!-margin-bottom-1 app-reckoner__opened", "You have opened this before."));
      if (card.saveId) item.append(this.saveWidget(card.saveId, card.title));
      cards.append(item);
    }

    const title = element("h1", "govuk-heading-xl", "Your results", { tabindex: "-1" });
    const print = element("button", "govuk-button govuk-button--secondary", "Print your results", { type: "button" });
    print.addEventListener("click", () => window.print());
    const parts: Node[] = [
      this.backLink(route),
      element("span", "govuk-caption-l", reckoner.title),
      title,
      element("h2", "govuk-heading-m", "Check your answers"),
      answersList,
      element("h2", "govuk-heading-m", "Help that fits your answers"),
      cards,
    ];
    if (!featureCookiesAllowed()) {
      const note = element("p", "govuk-body", "Your answers are not saved on this device. To come back to them later, ");
      note.append(element("a", "govuk-link", "allow feature cookies", { href: "/cookies/" }), ".");
      parts.push(note);
    }
    const actions = buttonGroup(print);
    actions.dataset.reckonerActions = "";
    parts.push(actions, this.startAgainLink());
    this.view.replaceChildren(...parts);
    this.setTitle("Your results");
  }

  private saveWidget(saveId: string, title: string): HTMLElement {
    const widget = (this.saveTemplate.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
    widget.dataset.pageId = saveId;
    const hiddenTitle = widget.querySelector("[data-save-title]");
    if (hiddenTitle) hiddenTitle.textContent = ` ${title}`;
    initSaveButton(widget);
    return widget;
  }

  private open(cardId: string): void {
    if (!this.opened.includes(cardId)) this.opened = [...this.opened, cardId];
    this.remember();
  }
}

function buttonGroup(...buttons: HTMLElement[]): HTMLElement {
  const group = element("div", "govuk-button-group");
  group.append(...buttons);
  return group;
}
