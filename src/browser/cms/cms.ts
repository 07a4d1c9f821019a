// The content editor at /admin/: Decap CMS with only what this site uses (the GitHub backend,
// the local proxy for npm run edit, and the widgets the generated configuration names), the
// formats that keep files as they were written, and the site's own stylesheet in the preview.
// Decap reads its configuration from /admin/config.yml, which the build makes from the schemas.
import { DecapCmsCore as CMS } from "decap-cms-core";
import { GitHubBackend } from "decap-cms-backend-github";
import { ProxyBackend } from "decap-cms-backend-proxy";
import { en } from "decap-cms-locales";
import BooleanWidget from "decap-cms-widget-boolean";
import DatetimeWidget from "decap-cms-widget-datetime";
import ListWidget from "decap-cms-widget-list";
import MarkdownWidget from "decap-cms-widget-markdown";
import NumberWidget from "decap-cms-widget-number";
import ObjectWidget from "decap-cms-widget-object";
import SelectWidget from "decap-cms-widget-select";
import StringWidget from "decap-cms-widget-string";
import TextWidget from "decap-cms-widget-text";
import { CMS_FORMATS, PREVIEW_STYLESHEET_META } from "../../lib/cms.ts";
import { frontMatterFormat, yamlListFormat, yamlObjectFormat } from "./formats.ts";

CMS.registerBackend("github", GitHubBackend);
// What Decap uses instead of GitHub when the configuration's local_backend finds decap-server.
CMS.registerBackend("proxy", ProxyBackend);
CMS.registerWidget(
  [StringWidget, TextWidget, MarkdownWidget, NumberWidget, BooleanWidget, DatetimeWidget, SelectWidget, ListWidget, ObjectWidget].map((widget) =>
    widget.Widget(),
  ),
);
CMS.registerLocale("en", en);
CMS.registerCustomFormat(CMS_FORMATS.frontMatter, "md", frontMatterFormat());
CMS.registerCustomFormat(CMS_FORMATS.service, "md", frontMatterFormat(true));
CMS.registerCustomFormat(CMS_FORMATS.yaml, "yaml", yamlObjectFormat);
CMS.registerCustomFormat(CMS_FORMATS.yamlList, "yaml", yamlListFormat);

const stylesheet = document.querySelector(`meta[name="${PREVIEW_STYLESHEET_META}"]`)?.getAttribute("content");
if (stylesheet) CMS.registerPreviewStyle(stylesheet);

CMS.init();
