// Whether this process builds the site again and again (`npm start`). Caches that only pay off
// from one build to the next are kept only then: in a one-off build of 10,000 pages they would
// only hold memory.
let rebuilding = false;

export function setRebuilding(value: boolean): void {
  rebuilding = value;
}

/**
 * What a build worked out from each input (a file's text, a page's HTML), by a key such as its
 * path. While the process builds again and again, the next build reuses every value whose input is
 * unchanged, so it works out again only what an edit changed.
 */
export class RebuildMemo<T> {
  #last = new Map<string, { input: string; value: T }>();
  #current = new Map<string, { input: string; value: T }>();

  /** The last build's value if its input was the same, else a new one. */
  get(key: string, input: string, compute: () => T): T {
    // A one-off build keeps nothing: the inputs are whole pages, which it would otherwise hold to the end.
    if (!rebuilding) return compute();
    let entry = this.#last.get(key);
    if (entry?.input !== input) entry = { input, value: compute() };
    this.#current.set(key, entry);
    return entry.value;
  }

  /** Called when a build has asked for everything: its values are kept for the next, if there will be one. */
  finish(): void {
    this.#last = rebuilding ? this.#current : new Map();
    this.#current = new Map();
  }
}
