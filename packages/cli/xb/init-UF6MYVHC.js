import {
  TEMPLATE_CONFIG_FILE,
  findTemplatesDirectory,
  listTemplates
} from "./chunk-PXWGV6SE.js";
import {
  CONFIG_ENV_VARIABLE,
  CONFIG_FILE_NAMES,
  action
} from "./chunk-PE4J7XNK.js";
import "./chunk-SP72UY5Z.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-JK4IOFY3.js";
import "./chunk-GIXIUV57.js";
import "./chunk-CHEN7WAF.js";
import "./chunk-EPNWZYBP.js";
import "./chunk-PKVIK35M.js";
import "./chunk-VGZQQMLJ.js";
import "./chunk-44ZXWH5S.js";
import {
  ConfigError,
  RetortError
} from "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/init.js
import { resolve } from "node:path";

// ../core/dist/commands/init.js
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
var DEFAULT_TEMPLATE = "default";
async function init(options) {
  const { directory, configFile } = options;
  if (!isAbsolute(directory) || !isAbsolute(configFile)) {
    throw new ConfigError("init: pass absolute paths for the directory and the config file");
  }
  const name = options.template ?? DEFAULT_TEMPLATE;
  const templates = listTemplates(options);
  const template = templates.find((t) => t.name === name);
  if (template === void 0) {
    throw new RetortError("unknown-template", `there is no template '${name}'; choose one of ${templates.map((t) => t.name).join(", ")} ('retort list-templates' describes them)`);
  }
  if (existsSync(directory)) {
    if (!statSync(directory).isDirectory()) {
      throw new RetortError("init-target", `'${directory}' exists and is not a directory; choose another path`);
    }
    if (readdirSync(directory).length > 0) {
      throw new RetortError("init-target", `directory '${directory}' is not empty; choose a new or empty directory`);
    }
  }
  cpSync(template.path, directory, {
    recursive: true,
    filter: (source) => source !== join(template.path, TEMPLATE_CONFIG_FILE)
  });
  const files = listFiles(directory);
  let written = false;
  if (!existsSync(configFile)) {
    const source = join(template.path, TEMPLATE_CONFIG_FILE);
    const text = existsSync(source) ? readFileSync(source, "utf8") : "scriptLocation: {{scriptLocation}}\nurl: sqlite:///{{name}}.db\n";
    const location = relative(dirname(configFile), directory).split(sep).join("/") || ".";
    writeFileSync(configFile, text.replaceAll("{{scriptLocation}}", location).replaceAll("{{name}}", basename(directory)), { flag: "wx" });
    written = true;
  }
  return {
    template: name,
    directory,
    files,
    config: { path: configFile, written },
    missingPackages: unresolvedImports(directory, files)
  };
}
function listFiles(root, prefix = "") {
  const out = [];
  for (const name of readdirSync(join(root, prefix)).sort()) {
    const path = prefix === "" ? name : `${prefix}/${name}`;
    if (statSync(join(root, path)).isDirectory())
      out.push(...listFiles(root, path));
    else
      out.push(path);
  }
  return out;
}
function unresolvedImports(directory, files) {
  const require2 = createRequire(join(directory, "noop.js"));
  const missing = /* @__PURE__ */ new Set();
  for (const file of files) {
    if (file.includes("/") || !/\.(m?ts|m?js)$/.test(file))
      continue;
    const text = readFileSync(join(directory, file), "utf8");
    for (const match of text.matchAll(/^\s*import\s+(?!type\b)[^'"]*['"]([^'"./][^'"]*)['"]/gm)) {
      const specifier = match[1];
      if (specifier.startsWith("node:"))
        continue;
      const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
      try {
        require2.resolve(`${name}/package.json`);
      } catch {
        missing.add(name);
      }
    }
  }
  return [...missing].sort();
}

// dist/commands/init.js
function registerInit(program, kit) {
  program.command("init").description("create a script directory DIR from a template, and retort.yaml (kept if it exists)").argument("<directory>", "the new script directory").option("-t, --template <name>", "the template (retort list-templates)", "default").action(action(kit, async (ctx, [directory], flags) => {
    const cwd = ctx.io.cwd;
    const file = ctx.flags.config ?? (ctx.io.env[CONFIG_ENV_VARIABLE] || CONFIG_FILE_NAMES[0]);
    const result = await init({
      directory: resolve(cwd, directory),
      template: flags.template,
      configFile: resolve(cwd, file),
      templatesDirectory: findTemplatesDirectory(import.meta.url)
    });
    if (ctx.json) {
      ctx.printJson(result);
      return;
    }
    const c = ctx.colors;
    ctx.out(`created ${c.bold(result.directory)} from the '${result.template}' template:`);
    for (const name of result.files)
      ctx.out(`  ${name}`);
    ctx.out(result.config.written ? `wrote ${c.bold(result.config.path)}` : `kept the existing ${c.bold(result.config.path)}; check that its scriptLocation points to the new directory`);
    if (result.missingPackages.length > 0) {
      ctx.err(`${ctx.errColors.yellow("note:")} the env module imports ${result.missingPackages.join(", ")}, not installed here; run: npm install -D ${result.missingPackages.join(" ")}`);
    }
    ctx.out(`next: retort revision -m "first revision", then retort upgrade head`);
  }));
}
export {
  registerInit
};
