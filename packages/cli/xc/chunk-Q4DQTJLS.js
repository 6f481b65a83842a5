// dist/migrate-command.js
import { downgrade } from "@retort/core/commands/downgrade";
import { stamp } from "@retort/core/commands/stamp";
import { upgrade } from "@retort/core/commands/upgrade";

// dist/render/progress.js
import { printableText } from "@retort/core/env/printable-text";

// ../../node_modules/.pnpm/get-east-asian-width@1.7.0/node_modules/get-east-asian-width/lookup-data.js
var ambiguousMinimalCodePoint = 161;
var ambiguousMaximumCodePoint = 1114109;
var ambiguousRanges = [161, 161, 164, 164, 167, 168, 170, 170, 173, 174, 176, 180, 182, 186, 188, 191, 198, 198, 208, 208, 215, 216, 222, 225, 230, 230, 232, 234, 236, 237, 240, 240, 242, 243, 247, 250, 252, 252, 254, 254, 257, 257, 273, 273, 275, 275, 283, 283, 294, 295, 299, 299, 305, 307, 312, 312, 319, 322, 324, 324, 328, 331, 333, 333, 338, 339, 358, 359, 363, 363, 462, 462, 464, 464, 466, 466, 468, 468, 470, 470, 472, 472, 474, 474, 476, 476, 593, 593, 609, 609, 708, 708, 711, 711, 713, 715, 717, 717, 720, 720, 728, 731, 733, 733, 735, 735, 768, 879, 913, 929, 931, 937, 945, 961, 963, 969, 1025, 1025, 1040, 1103, 1105, 1105, 8208, 8208, 8211, 8214, 8216, 8217, 8220, 8221, 8224, 8226, 8228, 8231, 8240, 8240, 8242, 8243, 8245, 8245, 8251, 8251, 8254, 8254, 8308, 8308, 8319, 8319, 8321, 8324, 8364, 8364, 8451, 8451, 8453, 8453, 8457, 8457, 8467, 8467, 8470, 8470, 8481, 8482, 8486, 8486, 8491, 8491, 8531, 8532, 8539, 8542, 8544, 8555, 8560, 8569, 8585, 8585, 8592, 8601, 8632, 8633, 8658, 8658, 8660, 8660, 8679, 8679, 8704, 8704, 8706, 8707, 8711, 8712, 8715, 8715, 8719, 8719, 8721, 8721, 8725, 8725, 8730, 8730, 8733, 8736, 8739, 8739, 8741, 8741, 8743, 8748, 8750, 8750, 8756, 8759, 8764, 8765, 8776, 8776, 8780, 8780, 8786, 8786, 8800, 8801, 8804, 8807, 8810, 8811, 8814, 8815, 8834, 8835, 8838, 8839, 8853, 8853, 8857, 8857, 8869, 8869, 8895, 8895, 8978, 8978, 9312, 9449, 9451, 9547, 9552, 9587, 9600, 9615, 9618, 9621, 9632, 9633, 9635, 9641, 9650, 9651, 9654, 9655, 9660, 9661, 9664, 9665, 9670, 9672, 9675, 9675, 9678, 9681, 9698, 9701, 9711, 9711, 9733, 9734, 9737, 9737, 9742, 9743, 9756, 9756, 9758, 9758, 9792, 9792, 9794, 9794, 9824, 9825, 9827, 9829, 9831, 9834, 9836, 9837, 9839, 9839, 9886, 9887, 9919, 9919, 9926, 9933, 9935, 9939, 9941, 9953, 9955, 9955, 9960, 9961, 9963, 9969, 9972, 9972, 9974, 9977, 9979, 9980, 9982, 9983, 10045, 10045, 10102, 10111, 11094, 11097, 12872, 12879, 57344, 63743, 65024, 65039, 65533, 65533, 127232, 127242, 127248, 127277, 127280, 127337, 127344, 127373, 127375, 127376, 127387, 127404, 917760, 917999, 983040, 1048573, 1048576, 1114109];
var fullwidthMinimalCodePoint = 12288;
var fullwidthMaximumCodePoint = 65510;
var fullwidthRanges = [12288, 12288, 65281, 65376, 65504, 65510];
var wideMinimalCodePoint = 4352;
var wideMaximumCodePoint = 262141;
var wideRanges = [4352, 4447, 8986, 8987, 9001, 9002, 9193, 9196, 9200, 9200, 9203, 9203, 9725, 9726, 9748, 9749, 9776, 9783, 9800, 9811, 9855, 9855, 9866, 9871, 9875, 9875, 9889, 9889, 9898, 9899, 9917, 9918, 9924, 9925, 9934, 9934, 9940, 9940, 9962, 9962, 9970, 9971, 9973, 9973, 9978, 9978, 9981, 9981, 9989, 9989, 9994, 9995, 10024, 10024, 10060, 10060, 10062, 10062, 10067, 10069, 10071, 10071, 10133, 10135, 10160, 10160, 10175, 10175, 11035, 11036, 11088, 11088, 11093, 11093, 11904, 11929, 11931, 12019, 12032, 12245, 12272, 12287, 12289, 12350, 12353, 12438, 12441, 12543, 12549, 12591, 12593, 12686, 12688, 12773, 12783, 12830, 12832, 12871, 12880, 42124, 42128, 42182, 43360, 43388, 44032, 55203, 63744, 64255, 65040, 65049, 65072, 65106, 65108, 65126, 65128, 65131, 94176, 94180, 94192, 94198, 94208, 101594, 101631, 101664, 101760, 101874, 101888, 102801, 102816, 102866, 110576, 110579, 110581, 110587, 110589, 110590, 110592, 110888, 110898, 110898, 110928, 110930, 110933, 110933, 110948, 110952, 110960, 111355, 119552, 119638, 119648, 119670, 126980, 126980, 127183, 127183, 127374, 127374, 127377, 127386, 127406, 127406, 127488, 127490, 127504, 127547, 127552, 127560, 127568, 127569, 127584, 127589, 127744, 127776, 127789, 127797, 127799, 127868, 127870, 127891, 127904, 127946, 127951, 127955, 127968, 127984, 127988, 127988, 127992, 128062, 128064, 128064, 128066, 128252, 128255, 128317, 128331, 128334, 128336, 128359, 128378, 128378, 128405, 128406, 128420, 128420, 128507, 128591, 128640, 128709, 128716, 128716, 128720, 128722, 128725, 128729, 128732, 128735, 128747, 128748, 128756, 128764, 128986, 128986, 128992, 129003, 129008, 129008, 129292, 129338, 129340, 129349, 129351, 129535, 129648, 129660, 129664, 129734, 129736, 129736, 129740, 129757, 129759, 129771, 129775, 129786, 131072, 196605, 196608, 262141];

// ../../node_modules/.pnpm/get-east-asian-width@1.7.0/node_modules/get-east-asian-width/utilities.js
var isInRange = (ranges, codePoint) => {
  let low = 0;
  let high = Math.floor(ranges.length / 2) - 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const i = mid * 2;
    if (codePoint < ranges[i]) {
      high = mid - 1;
    } else if (codePoint > ranges[i + 1]) {
      low = mid + 1;
    } else {
      return true;
    }
  }
  return false;
};

// ../../node_modules/.pnpm/get-east-asian-width@1.7.0/node_modules/get-east-asian-width/lookup.js
var commonCjkCodePoint = 19968;
var [wideFastPathStart, wideFastPathEnd] = /* @__PURE__ */ findWideFastPathRange(wideRanges);
function findWideFastPathRange(ranges) {
  let fastPathStart = ranges[0];
  let fastPathEnd = ranges[1];
  for (let index = 0; index < ranges.length; index += 2) {
    const start = ranges[index];
    const end = ranges[index + 1];
    if (commonCjkCodePoint >= start && commonCjkCodePoint <= end) {
      return [start, end];
    }
    if (end - start > fastPathEnd - fastPathStart) {
      fastPathStart = start;
      fastPathEnd = end;
    }
  }
  return [fastPathStart, fastPathEnd];
}
var isAmbiguous = (codePoint) => {
  if (codePoint < ambiguousMinimalCodePoint || codePoint > ambiguousMaximumCodePoint) {
    return false;
  }
  return isInRange(ambiguousRanges, codePoint);
};
var isFullwidth = (codePoint) => {
  if (codePoint < fullwidthMinimalCodePoint || codePoint > fullwidthMaximumCodePoint) {
    return false;
  }
  return isInRange(fullwidthRanges, codePoint);
};
var isWide = (codePoint) => {
  if (codePoint >= wideFastPathStart && codePoint <= wideFastPathEnd) {
    return true;
  }
  if (codePoint < wideMinimalCodePoint || codePoint > wideMaximumCodePoint) {
    return false;
  }
  return isInRange(wideRanges, codePoint);
};

// ../../node_modules/.pnpm/get-east-asian-width@1.7.0/node_modules/get-east-asian-width/index.js
function validate(codePoint) {
  if (!Number.isSafeInteger(codePoint)) {
    throw new TypeError(`Expected a code point, got \`${typeof codePoint}\`.`);
  }
}
function eastAsianWidth(codePoint, { ambiguousAsWide = false } = {}) {
  validate(codePoint);
  if (isFullwidth(codePoint) || isWide(codePoint) || ambiguousAsWide && isAmbiguous(codePoint)) {
    return 2;
  }
  return 1;
}

// dist/render/visible-width.js
var ZERO_WIDTH = /^[\p{Mark}\p{Default_Ignorable_Code_Point}]$/u;
function graphemes(text) {
  return [...new Intl.Segmenter(void 0, { granularity: "grapheme" }).segment(text)].map((part) => part.segment);
}
function graphemeWidth(grapheme) {
  for (const char of grapheme) {
    if (ZERO_WIDTH.test(char))
      continue;
    const code = char.codePointAt(0);
    if (code < 32 || code >= 127 && code < 160)
      return 0;
    return eastAsianWidth(code);
  }
  return 0;
}
function visibleWidth(text) {
  let width = 0;
  for (const grapheme of graphemes(text))
    width += graphemeWidth(grapheme);
  return width;
}
function fitWidth(text, width, options = {}) {
  if (width <= 0)
    return "";
  if (visibleWidth(text) <= width)
    return text;
  const room = options.ellipsis === true ? width - 1 : width;
  let out = "";
  let used = 0;
  for (const grapheme of graphemes(text)) {
    const w = graphemeWidth(grapheme);
    if (used + w > room)
      break;
    out += grapheme;
    used += w;
  }
  return options.ellipsis === true ? `${out}\u2026` : out;
}
function fitLine(pieces, width) {
  let out = "";
  let left = width;
  for (const [text, style] of pieces) {
    if (left <= 0)
      break;
    const part = fitWidth(text, left);
    if (part !== "")
      out += style === void 0 ? part : style(part);
    left -= visibleWidth(part);
  }
  return `${out}\x1B[0m`;
}

// dist/render/progress.js
function createProgress(ctx) {
  if (!ctx.interactive)
    return { onEvent: void 0, finish() {
    } };
  const c = ctx.errColors;
  const stream = ctx.io.stderr;
  const runStart = performance.now();
  let timer;
  let line = (_width) => "";
  const draw = () => stream.write(`\r\x1B[2K${line(Math.max((stream.columns ?? 80) - 1, 0))}`);
  let active = false;
  ctx.interceptLog((text) => {
    if (active)
      stream.write("\r\x1B[2K");
    stream.write(text);
    if (active)
      draw();
  });
  const stop = () => {
    if (timer !== void 0)
      clearInterval(timer);
    timer = void 0;
  };
  return {
    onEvent(event) {
      if (event.type !== "step-start")
        return;
      stop();
      const started = performance.now();
      const arrow = event.direction === "up" ? "\u2191" : "\u2193";
      const message = printableText(event.message);
      line = (width) => {
        const head = [
          [`[${event.index + 1}/${event.total}]`, c.dim],
          [` ${arrow} `],
          [printableText(event.revision), c.yellow]
        ];
        const time = `${seconds(performance.now() - started)} (total ${seconds(performance.now() - runStart)})`;
        const room = width - visibleWidth(head.map(([text]) => text).join("")) - 3 - time.length;
        return fitLine([...head, [` ${fitWidth(message, room, { ellipsis: true })}  `], [time, c.dim]], width);
      };
      active = true;
      draw();
      timer = setInterval(draw, 100);
      timer.unref();
    },
    finish() {
      stop();
      ctx.interceptLog(void 0);
      if (active)
        stream.write("\r\x1B[2K");
      active = false;
    }
  };
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(1)}s`;
}

// dist/render/render-migrate.js
import { printableText as printableText2 } from "@retort/core/env/printable-text";
function renderMigrate(ctx, verb, result) {
  if (ctx.json) {
    ctx.printJson({
      applied: result.applied,
      heads: result.heads,
      ...result.sql === void 0 ? {} : { sql: result.sql },
      ...result.databases.length > 1 ? {
        databases: result.databases.map((d) => ({
          name: d.name ?? null,
          applied: d.applied,
          heads: d.heads
        }))
      } : {}
    });
    return;
  }
  if (result.sql !== void 0) {
    ctx.io.stdout.write(result.sql.endsWith("\n") ? result.sql : `${result.sql}
`);
    return;
  }
  const c = ctx.colors;
  for (const database of result.databases) {
    const prefix = result.databases.length > 1 || database.name !== void 0 ? `${c.bold(printableText2(database.name ?? "database"))}: ` : "";
    const at = database.heads.length === 0 ? "base" : printableText2(database.heads.join(", "));
    if (verb === "stamp") {
      ctx.out(`${prefix}stamped; the database is at ${c.bold(at)}`);
    } else if (database.applied.length === 0) {
      ctx.out(`${prefix}nothing to ${verb}; the database is at ${c.bold(at)}`);
    } else {
      const total = database.applied.reduce((sum, step) => sum + step.ms, 0);
      const n = database.applied.length;
      ctx.out(`${prefix}${verb === "upgrade" ? "upgraded" : "downgraded"} ${n} revision${n === 1 ? "" : "s"} in ${formatMs(total)}; the database is at ${c.bold(at)}`);
    }
  }
}
function formatMs(ms) {
  return ms >= 1e3 ? `${(ms / 1e3).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

// dist/migrate-command.js
function migrateFlags(command) {
  return command.option("--sql", "print the SQL instead of running it (offline); TARGET may be a range FROM:TO").option("--tag <tag>", "an arbitrary tag for the env module (ctx.xArgs.tag)");
}
async function runMigrate(ctx, verb, target, flags) {
  const config = await ctx.loadConfig();
  const base = ctx.commandOptions(flags.tag === void 0 ? {} : { tag: flags.tag });
  const progress = createProgress(ctx);
  const options = {
    ...base,
    sql: flags.sql === true,
    onEvent: both(base.onEvent, progress.onEvent)
  };
  let result;
  try {
    result = verb === "upgrade" ? await upgrade(config, target, options) : verb === "downgrade" ? await downgrade(config, target, options) : await stamp(config, target, { ...options, purge: flags.purge === true });
  } finally {
    progress.finish();
  }
  renderMigrate(ctx, verb, result);
}
function both(first, second) {
  if (first === void 0 || second === void 0)
    return first ?? second;
  return (event) => {
    first(event);
    second(event);
  };
}

export {
  migrateFlags,
  runMigrate
};
