// The part of pa11y-ci's programmatic API the accessibility check uses.
declare module "pa11y-ci" {
  interface Pa11yIssue {
    code: string;
    message: string;
    selector: string;
    runner: string;
  }
  interface Pa11yCiReport {
    total: number;
    passes: number;
    errors: number;
    results: Record<string, Array<Pa11yIssue | Error>>;
  }
  export default function pa11yCi(urls: Array<string | { url: string }>, options: Record<string, unknown>): Promise<Pa11yCiReport>;
}
