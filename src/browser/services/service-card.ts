// A service's card in the finder's list, drawn as _includes/partials/service-card.njk draws it on
// the page without JavaScript, from the same words (src/lib/directory/service-card.ts).
import { cardPlace } from "../../lib/directory/card-place.ts";
import { element } from "../dom.ts";

export interface CardFacts {
  url: string;
  title: string;
  town: string;
  description: string;
  facts: readonly string[];
}

/** The card; `distance` in words ("1.2 miles") when there is a location to measure from. */
export function serviceCardItem(service: CardFacts, distance: string | undefined): HTMLLIElement {
  const item = element("li", "app-card-list__item");
  const heading = element("h3", "govuk-heading-s govuk-!-margin-bottom-1");
  const link = element("a", "govuk-link", service.title);
  link.href = service.url;
  heading.append(link);
  const facts = element("p", "govuk-body-s govuk-!-margin-bottom-0");
  service.facts.forEach((fact, index) => {
    if (index > 0) facts.append(document.createElement("br"));
    facts.append(fact);
  });
  item.append(
    heading,
    element("p", "govuk-body govuk-!-margin-bottom-1", service.description),
    element("p", "govuk-body-s govuk-!-margin-bottom-1", cardPlace(service.town || undefined, distance), { "data-card-place": true }),
    facts,
  );
  return item;
}
