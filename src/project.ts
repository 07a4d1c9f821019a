// Where the project's own folders and files are, worked out once, from this file's place in src/.
import path from "node:path";
import { fileURLToPath } from "node:url";

const at = (relative: string) => path.resolve(fileURLToPath(new URL(relative, import.meta.url)));

/** The project's top folder. */
export const projectRoot = at("../");
/** The sample content, which the build uses unless it is given another folder. */
export const contentDir = at("../content/");
/** The Nunjucks layouts and partials. */
export const includesDir = at("../_includes/");
/** The code that runs in the page. */
export const browserDir = at("./browser/");
/** The pure code shared by the page and the build. */
export const libDir = at("./lib/");
/** The postcode centroid tables. */
export const postcodesDir = at("./lib/postcodes/");
/** Netlify's settings, with the headers the local server sends too. */
export const netlifyToml = at("../netlify.toml");
