// The site's browser bundle. It only adds to pages that already work without it: each feature
// binds to markup through a data-module attribute and does nothing where that markup is absent.
import { createAll, ServiceNavigation, SkipLink } from "govuk-frontend";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
createAll(SkipLink);
createAll(ServiceNavigation);
