import {
  ConfigError
} from "./chunk-XC2ICKFH.js";

// ../core/dist/commands/list-templates.js
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var TEMPLATE_CONFIG_FILE = "retort.yaml";
function listTemplates(options = {}) {
  const root = options.templatesDirectory ?? findTemplatesDirectory(import.meta.url);
  let names;
  try {
    names = readdirSync(root).sort();
  } catch {
    throw new ConfigError(`templates directory '${root}' cannot be read; pass an existing directory of templates`);
  }
  const out = [];
  for (const name of names) {
    const path = join(root, name);
    if (name.startsWith(".") || !statSync(path).isDirectory())
      continue;
    out.push({ name, description: describe(path), path });
  }
  return out;
}
function findTemplatesDirectory(start) {
  const from = start instanceof URL || start.startsWith("file:") ? fileURLToPath(start) : start;
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "env");
    if (existsSync(join(candidate, "default")))
      return candidate;
    if (dirname(dir) === dir)
      break;
  }
  throw new ConfigError(`no env templates found above '${from}'; reinstall @retort/cli (it ships them in its env/ folder) or pass the templates directory`);
}
function describe(path) {
  let text;
  try {
    text = readFileSync(join(path, "README.md"), "utf8");
  } catch {
    return "";
  }
  const paragraphs = text.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter((p) => p !== "" && !p.startsWith("#"));
  return (paragraphs[0] ?? "").replace(/\s+/g, " ");
}

export {
  TEMPLATE_CONFIG_FILE,
  listTemplates,
  findTemplatesDirectory
};
