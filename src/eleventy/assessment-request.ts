// What the "write your request" page's layout needs: who the letter goes to (the SEN team in the
// settings, or the contact details), the letter as a template with gaps for the page without
// JavaScript, and the local SENDIASS's service page.
import { type Addressee, requestLetter } from "../lib/assessment-request/letter.ts";
import type { Settings } from "../content/schemas.ts";
import type { EleventyConfig, EleventyItem } from "./types.ts";

export function addresseeOf(settings: Settings): Addressee {
  const team = settings.senTeam ?? { name: "SEN team", email: settings.contact.email, address: settings.contact.address };
  return { councilName: settings.councilName, teamName: team.name, email: team.email, address: team.address };
}

export default function assessmentRequest(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addFilter("requestAddressee", addresseeOf);
  eleventyConfig.addFilter("requestLetterTemplate", (to: Addressee) => requestLetter({}, to, { template: true }));
  /** A service by the name of its file, as the settings name the SENDIASS. */
  eleventyConfig.addFilter("serviceNamed", (services: EleventyItem[], name: string | undefined) =>
    name ? services.find((service) => service.fileSlug === name) : undefined,
  );
}
