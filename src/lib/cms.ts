// What the content editor (Decap CMS at /admin/) shares between its configuration, made by the
// build (src/content/cms-config.ts), and its script in the browser (src/browser/cms/).

/** Where the editor is. Search, the offline copy and the service worker leave it out. */
export const CMS_URL = "/admin/";

/** The custom formats src/browser/cms/formats.ts registers, which keep a file's comments and layout. */
export const CMS_FORMATS = { frontMatter: "front-matter", service: "service-front-matter", yaml: "yaml-object", yamlList: "yaml-list" } as const;

/**
 * The field the service format sets on every file with categories, which only services have, so
 * the services collection can leave out services/index.md, the directory's own page.
 */
export const SERVICE_MARKER = "__isService";

/** The field a yaml-list file's entries are edited in: Decap edits objects, and these files are lists. */
export const LIST_ENTRIES_FIELD = "entries";

/** The meta tag on /admin/ naming the site's stylesheet, which the preview pane uses. */
export const PREVIEW_STYLESHEET_META = "app-preview-stylesheet";
