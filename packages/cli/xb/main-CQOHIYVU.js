import {
  Command,
  CommanderError,
  collect
} from "./chunk-QKC2THZX.js";
import {
  createColorsFor,
  errorJson,
  useColor
} from "./chunk-SP72UY5Z.js";
import {
  EXIT_OK,
  EXIT_USAGE,
  UsageError
} from "./chunk-5ET7NFFB.js";
import "./chunk-GIXIUV57.js";
import "./chunk-EPNWZYBP.js";
import "./chunk-PKVIK35M.js";
import "./chunk-VGZQQMLJ.js";
import "./chunk-44ZXWH5S.js";
import "./chunk-XC2ICKFH.js";
import "./chunk-QGM4M3NI.js";

// dist/command-examples.js
var COMMAND_EXAMPLES = {
  init: [
    { args: ["init", "migrations"], note: "a script directory and retort.yaml (SQLite url)" },
    {
      args: ["init", "--template", "multidb", "db"],
      note: "one script directory for several databases (see list-templates)"
    }
  ],
  "list-templates": [{ args: ["list-templates"], note: "the templates init can copy" }],
  revision: [
    { args: ["revision", "-m", "create note"], note: "a new revision on the head" },
    {
      args: [
        "revision",
        "-m",
        "create payment",
        "--head",
        "3f1c",
        "--splice",
        "--branch-label",
        "payments"
      ],
      note: "start a labelled branch at an older revision"
    }
  ],
  merge: [
    {
      args: ["merge", "-m", "merge payments", "heads"],
      note: "one revision joining every head (after two branches landed)"
    }
  ],
  upgrade: [
    { args: ["upgrade", "heads"], note: "apply every revision not applied yet, on every branch" },
    {
      args: ["upgrade", "--sql", "base:heads"],
      redirect: "upgrade.sql",
      note: "write the SQL for a DBA instead of running it"
    }
  ],
  downgrade: [
    { args: ["downgrade", "-1"], note: "take back the last revision (one row in the database)" },
    {
      args: ["downgrade", "payments@-1"],
      note: "take back the last revision of one branch; other branches keep theirs"
    }
  ],
  stamp: [
    {
      args: ["stamp", "heads"],
      note: "mark a database built some other way as up to date, running nothing"
    },
    {
      args: ["stamp", "--purge", "3f1c"],
      note: "replace rows naming revisions these files do not have"
    }
  ],
  current: [
    { args: ["current"], note: "the revisions the database is at" },
    {
      args: ["current", "--check-heads"],
      note: "a deploy gate: exit 1 unless the database is at every head"
    }
  ],
  history: [
    { args: ["history", "-i"], note: "every revision, newest first, the current ones marked" },
    { args: ["history", "-r", "current:heads"], note: "what an upgrade to the heads would add" }
  ],
  heads: [
    { args: ["heads"], note: "the revisions without children" },
    { args: ["heads", "--check"], note: "in CI: exit 1 when two heads need a merge" }
  ],
  branches: [{ args: ["branches"], note: "the revisions where the graph branches" }],
  show: [
    { args: ["show", "head"], note: "the newest revision and its file" },
    { args: ["show", "payments@head"], note: "the head of a labelled branch" }
  ],
  edit: [{ args: ["edit", "head"], note: "open the newest revision in $VISUAL or $EDITOR" }],
  check: [
    {
      args: ["check"],
      note: "in CI: one head, every file loads, the database has every revision, no drift, no edited revision"
    },
    {
      args: ["check", "--allow-changed", "3f1c2a9b7d10"],
      note: "accept a known edit of an applied revision (recorded in the ledger)"
    }
  ],
  ledger: [
    {
      args: ["ledger"],
      note: "every step run on the database: revision, checksum, when, how long"
    },
    {
      args: ["ledger", "--adopt"],
      note: "record the checksums of revisions applied before the ledger existed"
    }
  ],
  test: [
    {
      args: ["test", "--update"],
      note: "write retort-schema.sqlite.json (review and commit it); later runs compare with it"
    },
    {
      args: ["test"],
      note: "in CI: bodies load, one head, each revision up, down and up again, schema as reviewed"
    }
  ],
  "ensure-version": [
    { args: ["ensure-version"], note: "create the version table now (a new database)" }
  ],
  graph: [
    { args: ["graph"], note: "the graph drawn in the terminal (Mermaid when piped)" },
    {
      args: ["graph", "--format", "svg"],
      redirect: "graph.svg",
      note: "an image to open in a browser (html: a page with details)"
    }
  ],
  rebase: [
    {
      args: ["rebase", "8b2e", "--onto", "payments@head"],
      note: "move a revision nobody has applied onto another parent, instead of a merge"
    }
  ],
  squash: [
    {
      args: ["squash", "1f0c2a9b7d10:6e4b7d9f0c13", "-m", "squash 2024"],
      note: "one revision that replaces a range; databases inside it still upgrade"
    },
    { args: ["squash", "--status"], note: "whether deleting the replaced files is safe" }
  ],
  bundle: [
    {
      args: ["bundle"],
      note: "write the index module that imports every revision, for bundlers"
    },
    { args: ["bundle", "--check"], note: "in CI: exit 1 when the index is out of date" }
  ],
  create: [
    {
      args: ["create", "users/u42.db"],
      note: "a new SQLite file already at the heads, without replaying the history"
    }
  ]
};
function shellWord(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
function examplesHelp(name) {
  const examples = COMMAND_EXAMPLES[name] ?? [];
  if (examples.length === 0)
    return "";
  const lines = ["", "Examples:"];
  for (const example of examples) {
    const redirect = example.redirect === void 0 ? "" : ` > ${example.redirect}`;
    lines.push(`  $ retort ${example.args.map(shellWord).join(" ")}${redirect}`, `      ${example.note}`);
  }
  return lines.join("\n");
}

// dist/commander-message.js
function commanderMessage(text, help) {
  const body = text.replace(/^\s*error:\s*/i, "").replace(/\s*\(Did you mean (one of )?(.+?)\?\)/, (_match, oneOf, names) => ` (did you mean ${oneOf ?? ""}${names.split(", ").map((name) => `'${name}'`).join(", ")}?)`).replace(/\.\s+(Expected|Allowed choices)/, (_match, word) => `; ${word.toLowerCase()}`).replace(/\s*\n\s*/g, " ").trim().replace(/\.$/, "");
  return `${body}; see '${help}'`;
}

// dist/main.js
var COMMANDS = [
  ["init", async () => (await import("./init-UF6MYVHC.js")).registerInit],
  [
    "list-templates",
    async () => (await import("./list-templates-SFRCRER3.js")).registerListTemplates
  ],
  ["revision", async () => (await import("./revision-VDAQRQ2U.js")).registerRevision],
  ["merge", async () => (await import("./merge-PHWET6YX.js")).registerMerge],
  ["upgrade", async () => (await import("./upgrade-6MKUNXFU.js")).registerUpgrade],
  ["downgrade", async () => (await import("./downgrade-T6UVTVPY.js")).registerDowngrade],
  ["stamp", async () => (await import("./stamp-FLX4LC2P.js")).registerStamp],
  ["current", async () => (await import("./current-XEZBKXQ2.js")).registerCurrent],
  ["history", async () => (await import("./history-5BCZF5FC.js")).registerHistory],
  ["heads", async () => (await import("./heads-75VKPPFS.js")).registerHeads],
  ["branches", async () => (await import("./branches-LOBEYVYH.js")).registerBranches],
  ["show", async () => (await import("./show-3C55BSDA.js")).registerShow],
  ["edit", async () => (await import("./edit-N2KPD3S5.js")).registerEdit],
  ["check", async () => (await import("./check-CSTX4WQN.js")).registerCheck],
  ["ledger", async () => (await import("./ledger-SDUTIQL5.js")).registerLedger],
  ["test", async () => (await import("./test-EY6IQQAN.js")).registerTest],
  [
    "ensure-version",
    async () => (await import("./ensure-version-YT2ZYSCY.js")).registerEnsureVersion
  ],
  ["graph", async () => (await import("./graph-3R3UQ5U2.js")).registerGraph],
  ["rebase", async () => (await import("./rebase-FP72VF35.js")).registerRebase],
  ["bundle", async () => (await import("./bundle-ISAPWXPZ.js")).registerBundle],
  ["create", async () => (await import("./create-Z5DAA3NA.js")).registerCreate],
  ["squash", async () => (await import("./squash-QQGQEVOO.js")).registerSquash]
];
var GLOBAL_VALUE_OPTIONS = /* @__PURE__ */ new Set(["-c", "--config", "-n", "--name", "-x"]);
function commandsFor(args) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--")
      break;
    if (arg.startsWith("-")) {
      if (GLOBAL_VALUE_OPTIONS.has(arg))
        i++;
      continue;
    }
    const command = COMMANDS.find(([name]) => name === arg);
    return command === void 0 ? COMMANDS : [command];
  }
  return COMMANDS;
}
async function main(args, io, version) {
  const kit = { io, exitCode: EXIT_OK };
  const errColors = createColorsFor(useColor(io.stderr, io.env, false));
  const usageLine = (help) => (text, write) => write(`${errColors.red(errColors.bold("error:"))} ${commanderMessage(text, help)}
`);
  const program = new Command().name("retort").description("Database schema migrations: a revision graph applied to SQLite, PostgreSQL and MySQL/MariaDB").version(version, "-V, --version").option("-c, --config <file>", "the config file (default: $RETORT_CONFIG, else retort.yaml here)").option("-n, --name <name>", "select a database of the config's databases: section").option("-x <key=value>", "an argument for the env module (repeatable)", collect, []).option("--json", "print one JSON document on stdout").option("--debug", "debug logging, and stacks with errors").showSuggestionAfterError(true).exitOverride().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    outputError: usageLine("retort --help")
  });
  const registers = await Promise.all(commandsFor(args).map(([, load]) => load()));
  for (const register of registers)
    register(program, kit);
  for (const command of program.commands) {
    command.configureOutput({ outputError: usageLine(`retort ${command.name()} --help`) });
    const examples = examplesHelp(command.name());
    if (examples !== "")
      command.addHelpText("after", examples);
  }
  if (args.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...args], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help" && error.exitCode === 0) {
        return EXIT_OK;
      }
      if (wantsJson(args)) {
        const message = error.code === "commander.help" ? "no command given; see 'retort --help'" : error.message.replace(/^error:\s*/i, "").replace(/\s*\n\s*/g, " ").trim();
        io.stdout.write(`${errorJson(new UsageError(message), message, EXIT_USAGE)}
`);
      }
      return EXIT_USAGE;
    }
    throw error;
  }
  return kit.exitCode;
}
function wantsJson(args) {
  const end = args.indexOf("--");
  return (end < 0 ? args : args.slice(0, end)).includes("--json");
}
export {
  main
};
