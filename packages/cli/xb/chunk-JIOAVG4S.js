// ../core/dist/graph-render/visible-text.js
var UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/gu;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function visibleText(text, options = {}) {
  return text.replace(UNSAFE, (character) => options.keepNewlines === true && character === "\n" ? character : NAMED[character] ?? escape(character));
}
function escape(character) {
  const code = character.codePointAt(0) ?? 0;
  return code < 256 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

export {
  visibleText
};
