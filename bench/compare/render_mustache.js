// Renders the CCAP insertion article (templates/ccap-insertion, its Markdown
// source) with mustache.js for every lot of a `clausier evaluate --format
// jsonl` output that calls for it (insertion obligatoire or recommandee, ANRU
// obligatoire), one file per lot: the comparison for `clausier render
// --format html`. The view is the lot's JSON as is (clausier's view adds
// French formatting, and makes HTML of the markup), so the work is a floor.
//   node render_mustache.js TEMPLATE.html.mustache EVALUATION.jsonl OUT_DIR
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const Mustache = require("mustache");

const [template, input, outDir] = process.argv.slice(2);
const text = fs.readFileSync(template, "utf8");
Mustache.parse(text);
fs.mkdirSync(outDir, { recursive: true });
let written = 0;
const lines = readline.createInterface({ input: fs.createReadStream(input) });
lines.on("line", (line) => {
  const lot = JSON.parse(line);
  const clause = lot.clauses.find((c) => c.type === "insertion");
  const anru = lot.clauses.find((c) => c.type === "anru");
  const called = (clause && ["obligatoire", "recommandee"].includes(clause.verdict)) ||
    (anru && anru.verdict === "obligatoire");
  if (!called) return;
  const dir = path.join(outDir, lot.reference);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "ccap-insertion.md"), Mustache.render(text, { lot, clause, ...lot }));
  written += 1;
});
lines.on("close", () => console.log(written, "documents"));
