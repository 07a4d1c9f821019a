// The Open Referral UK 3.0 schemas in src/open-referral/schema/, compiled once for the tests that
// hold the feed to them. The profile's API description names JSON Schema 2020-12 as its dialect.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { projectRoot } from "./project.ts";

// ajv-formats is CommonJS with its function as exports.default, which Node's import gives as the
// module object's default.
const addFormats = ajvFormats.default;

const schemaDir = path.join(projectRoot, "src/open-referral/schema");
const read = (file: string) => JSON.parse(readFileSync(path.join(schemaDir, file), "utf8")) as Record<string, unknown>;

/**
 * The compiled schemas also carry Frictionless Data's table metadata. Declared as annotations, so
 * ajv stays strict about everything else (a misspelt keyword would still fail) and checks what the
 * schemas say as written.
 */
const TABLE_METADATA = ["name", "path", "datapackage_metadata", "datapackage_type", "tabular_required", "constraints", "example", "core"];

function compiler(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addVocabulary(TABLE_METADATA);
  return ajv;
}

const openapi = read("openapi.json") as {
  paths: { "/": { get: { responses: { 200: { content: { "application/json": { schema: object } } } } } } };
  components: { schemas: { Page: object } };
};

export interface OrukValidators {
  /** /services/{id}: service.json. */
  service: ValidateFunction;
  /** An item of a /services page: service_list.json. */
  serviceListItem: ValidateFunction;
  /** A /services page around its items: openapi.json's Page. */
  page: ValidateFunction;
  /** The API's "/" answer, as openapi.json describes it. */
  apiInfo: ValidateFunction;
}

export function orukValidators(): OrukValidators {
  const ajv = compiler();
  return {
    service: ajv.compile(read("service.json")),
    serviceListItem: ajv.compile(read("service_list.json")),
    page: ajv.compile(openapi.components.schemas.Page),
    apiInfo: ajv.compile(openapi.paths["/"].get.responses[200].content["application/json"].schema),
  };
}

/** ajv's errors, readable in a failed expectation. */
export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`).join("\n");
}
