// Whether this process builds the site again and again (`npm start`). Caches that only pay off
// from one build to the next are kept only then: in a one-off build of 10,000 pages they would
// only hold memory.
let rebuilding = false;

export function setRebuilding(value: boolean): void {
  rebuilding = value;
}

export function isRebuilding(): boolean {
  return rebuilding;
}
