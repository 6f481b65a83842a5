import {
  CLI_DIALECT_PACKAGES,
  action
} from "./chunk-RV7KD7JF.js";
import "./chunk-UVKTCPMY.js";
import {
  EXIT_ERROR,
  UsageError
} from "./chunk-5ET7NFFB.js";
import "./chunk-QGM4M3NI.js";

// dist/commands/test.js
import { relative } from "node:path";
import { maskSecrets, urlSecrets } from "@retort/core/config/mask-url";
import { dialectForUrl } from "@retort/core/env/dialect-for-url";
import { printableText } from "@retort/core/env/printable-text";
import { HARNESS_CHECKS, runMigrationTests } from "@retort/core/testing";
import { nearestName } from "@retort/core/operations/nearest-name";
function registerTest(program, kit) {
  program.command("test").description("test the revisions on a scratch database: every body loads, one head, each revision up, down and up again leaves the same schema, and the revisions make the expected schema").option("--url <url>", "the kind of database to test on (a scratch schema or database is made there and dropped); default: SQLite in memory").option("--only <checks>", `run only these checks, comma-separated (${HARNESS_CHECKS.join(", ")})`).option("--snapshot <file>", "the schema snapshot file to compare with (default: retort-schema.<dialect>.json next to the config)").option("--update", "rewrite the schema snapshot file from the revisions instead of comparing").action(action(kit, async (ctx, _args, flags) => {
    const only = flags.only === void 0 ? void 0 : parseOnly(flags.only);
    const config = await ctx.loadConfig();
    const secrets = flags.url === void 0 ? [] : urlSecrets(flags.url);
    const mask = (text) => maskSecrets(text, secrets);
    const progress = new ProgressPrinter(ctx, mask);
    const report = await runMigrationTests({
      config,
      ...flags.url === void 0 ? {} : { url: flags.url },
      ...only === void 0 ? {} : { only },
      ...flags.snapshot === void 0 ? {} : { snapshotFile: flags.snapshot },
      ...flags.update ? { update: true } : {},
      // The one rule for dialect packages (the project's, else the CLI's own).
      resolveDialect: (url) => dialectForUrl(url, {
        baseDir: config.directory,
        packages: CLI_DIALECT_PACKAGES,
        setting: "--url"
      }),
      onProgress: ctx.json ? void 0 : (event) => progress.event(event),
      onResult: ctx.json ? void 0 : (result) => progress.result(result)
    }).catch((error) => {
      if (error instanceof Error) {
        error.message = mask(error.message);
        if (error.stack !== void 0)
          error.stack = mask(error.stack);
      }
      throw error;
    });
    if (ctx.json) {
      ctx.printJson(JSON.parse(mask(JSON.stringify(report))));
    } else {
      const failed = report.checks.filter((c) => !c.ok);
      if (report.ok) {
        const ran = report.checks.filter((c) => c.skipped === void 0);
        ctx.out(`${ctx.colors.green("\u2713")} ${ran.length} check${ran.length === 1 ? "" : "s"} passed on ${mask(printableText(report.where))}: ${ran.map((c) => c.check).join(", ") || "none"}`);
      } else {
        const problems = failed.reduce((n, c) => n + c.findings.length, 0);
        ctx.err(`${ctx.errColors.red(ctx.errColors.bold("error:"))} retort test found ${problems} problem${problems === 1 ? "" : "s"} (${failed.map((c) => c.check).join(", ")}) on ${mask(printableText(report.where))}; fix the revisions and run 'retort test' again`);
      }
    }
    return report.ok ? void 0 : EXIT_ERROR;
  }));
}
function parseOnly(value) {
  const names = value.split(",").map((name) => name.trim()).filter((name) => name !== "");
  if (names.length === 0) {
    throw new UsageError(`--only needs at least one check: ${HARNESS_CHECKS.join(", ")}`);
  }
  for (const name of names) {
    if (HARNESS_CHECKS.includes(name))
      continue;
    const near = nearestName(name, HARNESS_CHECKS);
    throw new UsageError(`--only: unknown check '${name}'${near === void 0 ? "" : ` (did you mean '${near}'?)`}; the checks are ${HARNESS_CHECKS.join(", ")}`);
  }
  return names;
}
var ProgressPrinter = class {
  #ctx;
  #mask;
  #stairwayStarted = false;
  constructor(ctx, mask) {
    this.#ctx = ctx;
    this.#mask = mask;
  }
  #line(text) {
    this.#ctx.out(this.#mask(text));
  }
  event(event) {
    if (event.check !== "stairway" || event.revision === void 0)
      return;
    const c = this.#ctx.colors;
    if (!this.#stairwayStarted) {
      this.#stairwayStarted = true;
      this.#line(`stairway: each revision up, down and up again`);
    }
    const width = String(event.total).length;
    const mark = event.findings.length === 0 ? c.green("\u2713") : c.red("\u2717");
    const message = event.revision.message === "" ? "" : ` ${printableText(event.revision.message)}`;
    this.#line(`  ${mark} ${String(event.index).padStart(width)}/${event.total} ${c.yellow(printableText(event.revision.id))}${message}`);
    for (const finding of event.findings)
      this.#line(`      ${printableText(finding.message)}`);
  }
  result(check) {
    const c = this.#ctx.colors;
    const mark = check.skipped !== void 0 ? c.dim("-") : check.ok ? c.green("\u2713") : c.red("\u2717");
    this.#line(`${mark} ${check.check}: ${printableText(this.#summary(check))}`);
    if (check.check !== "stairway" || !this.#stairwayStarted) {
      for (const finding of check.findings)
        this.#line(`    ${printableText(finding.message)}`);
    }
  }
  #summary(check) {
    if (check.updated === void 0 || check.snapshotFile === void 0)
      return check.summary;
    const shown = relative(this.#ctx.io.cwd, check.snapshotFile) || check.snapshotFile;
    return `${check.summary}${check.updated ? `; review it with 'git diff ${shown}'` : ""}`;
  }
};
export {
  registerTest
};
