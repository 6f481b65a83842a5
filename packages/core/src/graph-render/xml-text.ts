import { visibleText } from './visible-text.js'

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Text for XML and HTML, in element content and in quoted attribute values alike: the five
 * markup characters as entities and everything {@link visibleText} escapes as a visible
 * escape, so user text can neither end an element or attribute nor hold a character XML
 * refuses.
 *
 * @example
 * ```ts
 * xmlText('<b onclick="x">\x07') // '&lt;b onclick=&quot;x&quot;&gt;\\x07'
 * ```
 */
export function xmlText(text: string, options: { keepNewlines?: boolean } = {}): string {
  return visibleText(text, options).replace(/[&<>"']/g, (character) => ENTITIES[character]!)
}
