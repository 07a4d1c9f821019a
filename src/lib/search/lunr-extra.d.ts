// Parts of lunr 2.3.9's public API that @types/lunr leaves out.
import "lunr";

declare module "lunr" {
  class QueryParser {
    constructor(text: string, query: lunr.Query);
    parse(): lunr.Query;
  }
  namespace Query {
    interface Clause {
      presence?: lunr.Query.presence;
    }
  }
  namespace TokenSet {
    function fromArray(terms: string[]): lunr.TokenSet;
    function fromString(term: string): lunr.TokenSet;
    function fromFuzzyString(term: string, editDistance: number): lunr.TokenSet;
  }
  interface Pipeline {
    runString(text: string, metadata?: object): string[];
  }
}
