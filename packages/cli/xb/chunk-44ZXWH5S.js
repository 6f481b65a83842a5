// ../core/dist/config/mask-url.js
var URL_MASK = "***";
var SCHEME_PREFIX = /^\s*[A-Za-z0-9][A-Za-z0-9+.-]*(?::\/+|\/\/+)/;
var OPTION_SECRET = /((?:^|[?&;\s])(?:password|passwd|pass|pwd|sslpassword|sslkey)=)([^&;#\s]*)/gi;
var URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s'"`<>]+/g;
var MIN_SECRET_LENGTH = 4;
function userinfo(text) {
  const prefix = SCHEME_PREFIX.exec(text);
  const start = prefix === null ? 0 : prefix[0].length;
  const at = text.lastIndexOf("@");
  if (at < start)
    return void 0;
  const colon = text.indexOf(":", start);
  if (colon < 0 || colon > at) {
    return void 0;
  }
  const user = text.slice(start, colon);
  return /[/?#]/.test(user) ? { from: start, to: at } : { from: colon + 1, to: at };
}
function maskUrl(url) {
  const text = String(url);
  const info = userinfo(text);
  const masked = info === void 0 ? text : `${text.slice(0, info.from)}${URL_MASK}${text.slice(info.to)}`;
  return masked.replace(OPTION_SECRET, `$1${URL_MASK}`);
}
function urlSecrets(url) {
  const text = String(url);
  const found = /* @__PURE__ */ new Set();
  const add = (secret) => {
    if (secret === "")
      return;
    found.add(secret);
    try {
      found.add(decodeURIComponent(secret));
    } catch {
    }
  };
  const info = userinfo(text);
  if (info !== void 0)
    add(text.slice(info.from, info.to));
  for (const match of text.matchAll(OPTION_SECRET))
    add(match[2] ?? "");
  return Object.freeze([...found]);
}
function maskSecrets(text, secrets = []) {
  let out = String(text);
  const longestFirst = [...new Set(secrets)].filter((secret) => secret.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  for (const secret of longestFirst)
    out = out.replaceAll(secret, URL_MASK);
  return out.replace(URL_IN_TEXT, (url) => maskUrl(url)).replace(OPTION_SECRET, `$1${URL_MASK}`);
}

export {
  maskUrl,
  urlSecrets,
  maskSecrets
};
