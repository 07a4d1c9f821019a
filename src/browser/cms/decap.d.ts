// The parts of Decap CMS's packages the editor's script uses. They come with decap-cms-app (whose
// own declarations cover only its all-in-one bundle), and the build resolves them from there.
declare module "decap-cms-core" {
  import type { ComponentType } from "react";
  interface CmsFormatter {
    fromFile(text: string): Record<string, unknown>;
    toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
  }
  interface PreviewProps {
    entry: { getIn(path: string[]): unknown };
    widgetFor(name: string): unknown;
  }
  export const DecapCmsCore: {
    registerBackend(name: string, backend: unknown): void;
    registerWidget(widgets: unknown[]): void;
    registerLocale(name: string, phrases: unknown): void;
    registerCustomFormat(name: string, extension: string, formatter: CmsFormatter): void;
    registerPreviewStyle(url: string): void;
    registerPreviewTemplate(collection: string, component: ComponentType<PreviewProps>): void;
    init(options?: { config?: Record<string, unknown> }): void;
  };
}
declare module "decap-cms-backend-github" {
  export const GitHubBackend: unknown;
}
declare module "decap-cms-backend-proxy" {
  export const ProxyBackend: unknown;
}
declare module "decap-cms-locales" {
  export const en: unknown;
}
declare module "decap-cms-widget-*" {
  const widget: { Widget(): unknown };
  export default widget;
}
