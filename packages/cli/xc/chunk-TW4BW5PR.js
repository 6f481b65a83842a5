// dist/commander.js
import { createRequire } from "node:module";
var commander = createRequire(import.meta.url)("commander");
var { Command, CommanderError, Option } = commander;

// dist/options.js
import { REVISION_FORMATS } from "@retort/core/config/config-keys";
function collect(value, previous) {
  return [...previous, value];
}
function formatOption() {
  return new Option("--format <format>", "the language of the new file (default: revisionFormat of the config)").choices([...REVISION_FORMATS]);
}

export {
  Command,
  CommanderError,
  collect,
  formatOption
};
