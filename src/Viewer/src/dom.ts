// A tiny element builder. Text always goes through textContent, so a name from the data can never become markup.
type Attrs = Record<string, string | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) if (child !== null) node.append(typeof child === "string" ? document.createTextNode(child) : child);
  return node;
}

export function clear(node: Element): void {
  node.replaceChildren();
}
