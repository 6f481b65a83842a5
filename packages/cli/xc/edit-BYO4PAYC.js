import {
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/edit.js
import { spawn } from "node:child_process";
import { show } from "@retort/core/commands/show";
import { RetortError } from "@retort/core/errors";
function registerEdit(program, kit) {
  program.command("edit").description("open the file of revision REV in $VISUAL or $EDITOR").argument("<rev>", "an id, a prefix, head, head-1 ...").action(action(kit, async (ctx, [rev]) => {
    const config = await ctx.loadConfig();
    const list = await show(config, rev, ctx.commandOptions());
    if (list.length !== 1) {
      throw new RetortError("resolution", `'${String(rev)}' is ${list.length === 0 ? "base" : `${list.length} revisions (${list.map((r) => `'${r.revision}'`).join(", ")})`}; name one revision to edit`);
    }
    const path = list[0].path;
    if (path === null)
      throw new RetortError("revision-file", `revision '${list[0].revision}' has no file`);
    const editor = (ctx.io.env["VISUAL"] || ctx.io.env["EDITOR"] || "").trim();
    if (editor === "") {
      throw new RetortError("no-editor", `no editor to open '${path}'; set $EDITOR (e.g. export EDITOR=vim)`);
    }
    const code = await new Promise((resolvePromise, reject) => {
      const child = spawn(`${editor} "$RETORT_EDIT_FILE"`, {
        shell: true,
        stdio: "inherit",
        env: { ...ctx.io.env, RETORT_EDIT_FILE: path }
      });
      child.on("error", reject);
      child.on("close", (exit) => resolvePromise(exit ?? 1));
    });
    if (code !== 0)
      throw new RetortError("editor-failed", `the editor '${editor}' exited with code ${code} on '${path}'`);
    if (ctx.json)
      ctx.printJson({ revision: list[0].revision, path });
  }));
}
export {
  registerEdit
};
