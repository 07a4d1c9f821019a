// Building page parts as DOM nodes, never from HTML strings, so no text can become markup.

/** An element with a class and text; attributes as given (true for a bare attribute). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
  attributes: Record<string, string | true | undefined> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value === true ? "" : value);
  return node;
}
