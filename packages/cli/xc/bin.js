#!/usr/bin/env node

// dist/bin.js
import { readFileSync } from "node:fs";
var version = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;
var args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.on("error", (error) => {
    if (error.code !== "EPIPE")
      throw error;
  });
  process.stdout.write(`${version}
`);
} else {
  const [{ main }, { pipeStream }] = await Promise.all([
    import("./main-24YJSJHE.js"),
    import("./pipe-stream-ASPYPKDU.js")
  ]);
  process.exitCode = await main(args, {
    stdout: pipeStream(process.stdout),
    stderr: pipeStream(process.stderr),
    env: process.env,
    cwd: process.cwd()
  }, version);
  setImmediate(exitWhenIdle);
}
function exitWhenIdle() {
  const active = process.getActiveResourcesInfo?.();
  if (active === void 0 || !active.every((kind) => kind === "TTYWrap" || kind === "PipeWrap"))
    return;
  const pending = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  if (pending.length === 0)
    process.exit();
  let waiting = pending.length;
  for (const stream of pending)
    stream.once("drain", () => --waiting === 0 && process.exit());
}
