// The part of GOV.UK Frontend's browser API the bundle uses (the package ships no declarations).
declare module "govuk-frontend" {
  type ComponentClass = abstract new (...args: never[]) => unknown;
  export function createAll(component: ComponentClass, config?: unknown, scope?: Element | Document): unknown[];
  export const SkipLink: ComponentClass;
  export const ServiceNavigation: ComponentClass;
  export const Button: ComponentClass;
  /** Focuses its root element when made; a click on one of its links focuses that link's field. */
  export class ErrorSummary {
    constructor(root: HTMLElement);
  }
}
