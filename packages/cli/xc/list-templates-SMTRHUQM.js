import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/list-templates.js
import { findTemplatesDirectory, listTemplates } from "@retort/core/commands/list-templates";
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
