// Lighthouse (12.2.3, the last release that runs on Node 20) on each template, with its default
// mobile emulation and simulated slow 4G, in Debian's Chromium. Used by scripts/bench.ts.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, chromiumPath } from "../support/chromium.ts";
import { TEMPLATES } from "./site-bench.ts";

export interface LighthouseScores {
  template: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Audits that cost points outside performance, so a score under 100 says why. */
  failing: string[];
  /** Why Lighthouse could not score the page, when it could not (its scores are then 0). */
  runtimeError?: string;
}

/** Each template's scores; by default every template the benchmark weighs. */
export async function lighthouseScores(base: string, templates: ReadonlyArray<{ template: string; url: string }> = TEMPLATES): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  try {
    const scores: LighthouseScores[] = [];
    for (const { template, url } of templates) {
      const result = await lighthouse(`${base}${url}`, { port: chrome.port, output: "json", logLevel: "error" });
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const failing = ["accessibility", "best-practices", "seo"].flatMap((id) =>
        (categories[id]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1).map((ref) => `${id}: ${ref.id}`),
      );
      scores.push({
        template,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        seo: score("seo"),
        lcpMs: audits["largest-contentful-paint"]?.numericValue ?? NaN,
        cls: audits["cumulative-layout-shift"]?.numericValue ?? NaN,
        tbtMs: audits["total-blocking-time"]?.numericValue ?? NaN,
        failing,
        ...(result.lhr.runtimeError ? { runtimeError: `${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}` } : {}),
      });
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
