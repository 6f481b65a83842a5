// ../core/dist/env/printable-text.js
var CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
var CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
var NAMED_ESCAPES = {
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t"
};
function findControlCharacter(text) {
  return CONTROL_CHARACTER.exec(text)?.[0];
}
function printableText(text) {
  if (!CONTROL_CHARACTER.test(text))
    return text;
  return text.replace(CONTROL_CHARACTERS, (c) => NAMED_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

export {
  findControlCharacter,
  printableText
};
