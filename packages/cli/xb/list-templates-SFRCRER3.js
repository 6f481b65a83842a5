import {
  findTemplatesDirectory,
  listTemplates
} from "./chunk-PXWGV6SE.js";
import {
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
import "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/list-templates.js
function registerListTemplates(program, kit) {
  program.command("list-templates").description("list the templates of retort init").action(action(kit, async (ctx) => {
    const templates = listTemplates({
      templatesDirectory: findTemplatesDirectory(import.meta.url)
    });
    if (ctx.json) {
      ctx.printJson(templates.map(({ name, description }) => ({ name, description })));
      return;
    }
    const width = Math.max(...templates.map((t) => t.name.length));
    ctx.out("Available templates:", "");
    for (const t of templates)
      ctx.out(`  ${ctx.colors.bold(t.name.padEnd(width))}  ${t.description}`);
    ctx.out("", "Use: retort init --template NAME DIRECTORY");
  }));
}
export {
  registerListTemplates
};
