// One build's state, made afresh for every build (by site-build.ts, or by .eleventy.ts when Eleventy
// runs it itself) and handed to the plugins that share it, so no plugin reads another's module.
import type { ContentProblem } from "../content/problems.ts";
import { RenderTurns } from "../eleventy/render-turns.ts";
import type { SiteOutputs } from "../eleventy/site-outputs.ts";
import type { EleventyItem } from "../eleventy/types.ts";
import type { FeedSite } from "../open-referral/to-oruk.ts";
import type { RebuildState } from "./rebuilding.ts";
import type { SearchDocument } from "./search-documents.ts";

/** Where `npm run edit`'s content editor saves: decap-server's address and the repository's branch. */
export interface LocalCms {
  proxyUrl: string;
  branch: string;
}

export class BuildContext {
  /** Where the build's files go. */
  readonly outputs: SiteOutputs;
  /** What npm start keeps from one build to the next; undefined in a one-off build. */
  readonly rebuilding: RebuildState | undefined;
  /**
   * Every HTML page's search document, by address, read once as Eleventy renders it: the search
   * index and the saved pages' titles both need them, and reading 10,000 pages takes seconds.
   */
  readonly searchDocuments = new Map<string, SearchDocument | undefined>();
  /**
   * The Open Referral feed's services and site, kept as Eleventy renders the feed's first page, for
   * its other files, which are made and written after Eleventy (see open-referral-feed.ts).
   */
  openReferralFeed: { services: readonly EleventyItem[]; site: FeedSite } | undefined;
  /**
   * The files the build knows it will make before Eleventy renders the first page, by path in the
   * site: the pages (from Eleventy's content map), the assets and the content's pictures and
   * documents. The offline copy's thread starts on the pages with them (see offline-copy.ts).
   */
  readonly plannedFiles = new Set<string>();
  /** The pages waiting for their turn to be drawn (see render-turns.ts). */
  readonly renderTurns = new RenderTurns();
  /** Every problem in the content, when the content check stopped the build. */
  contentProblems: ContentProblem[] | undefined;
  /**
   * Every template's input path as Eleventy names it ("./content/about.md"): its errors name the page
   * they stopped at only in their text, by this path (see template-failure.ts).
   */
  inputPaths: readonly string[] = [];
  /** The stylesheet's and icon's addresses once the assets plugin has made them; the content editor's page uses both. */
  assetUrls: { stylesheet: string; icon: string } | undefined;
  /** `npm run edit`: the local proxy the content editor saves through, and the branch it saves to. */
  readonly localCms: LocalCms | undefined;

  constructor(outputs: SiteOutputs, rebuilding?: RebuildState, localCms?: LocalCms) {
    this.outputs = outputs;
    this.rebuilding = rebuilding;
    this.localCms = localCms;
  }
}
