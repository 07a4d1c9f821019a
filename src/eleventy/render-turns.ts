// Pages drawn one at a time, each written before the next is drawn.
//
// Eleventy starts every page's layout at once, and each page goes one step further only once every
// page has gone the step before: so every page of the site was drawn in full before the first of
// them reached the transforms that write it and hand Eleventy back a space (see site-outputs.ts).
// On a 10,000-page site that was about 700 MB of HTML held at once, and the garbage collector walked
// it again and again. So every page's layouts first ask for its turn (layouts/drawn-in-turn.njk),
// through the renderTurn filter, which Nunjucks waits for. A turn is given once per turn of the
// event loop, and the rest of a page's drawing, its transforms and its writing are synchronous, so
// each page is written and let go within its turn.
import type { EleventyConfig } from "./types.ts";
import type { BuildContext } from "../pipeline/build-context.ts";

/** The pages waiting to be drawn, in the order they asked. */
export class RenderTurns {
  readonly #waiting: Array<() => void> = [];
  #scheduled = false;

  /** Calls `draw` once the pages that asked before it have had their turns. */
  wait(draw: () => void): void {
    this.#waiting.push(draw);
    if (!this.#scheduled) this.#next();
  }

  #next(): void {
    this.#scheduled = true;
    setImmediate(() => {
      const draw = this.#waiting.shift();
      this.#scheduled = false;
      if (this.#waiting.length > 0) this.#next();
      draw?.();
    });
  }
}

export default function renderTurns(eleventyConfig: EleventyConfig, build: BuildContext): void {
  // Outputs nothing: the layout uses it where its own output is not part of the page.
  eleventyConfig.addNunjucksAsyncFilter("renderTurn", (_value: unknown, done: (error: unknown, result?: string) => void) =>
    build.renderTurns.wait(() => {
      // Nunjucks goes on with the page inside this callback, where an error before it reaches the
      // extended layout's own code (which catches its own) would escape it: it goes back to
      // Nunjucks instead, and so to Eleventy, as any template's error does.
      try {
        done(null, "");
      } catch (error) {
        done(error);
      }
    }),
  );
}
