// ../core/dist/sql-comment.js
var UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function sqlComment(text) {
  const safe = text.replace(UNSAFE, (character) => NAMED[character] ?? escape(character)).replaceAll("/*", "/\\*").replaceAll("*/", "*\\/");
  return safe === "" ? "--" : `-- ${safe}`;
}
function escape(character) {
  const code = character.codePointAt(0) ?? 0;
  return code < 256 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

export {
  sqlComment
};
