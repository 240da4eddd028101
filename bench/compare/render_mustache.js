// Renders the CCAP insertion article (templates/ccap-insertion, HTML) with
// mustache.js for every lot of a `clausier evaluate --format jsonl` output
// whose insertion clause is not excluded, one file per lot: the comparison
// for `clausier render --format html`. The view is the lot's JSON as is
// (clausier's view adds French formatting), so the work is a floor.
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
  if (!clause || clause.verdict === "exclue" || clause.verdict === null) return;
  const dir = path.join(outDir, lot.reference);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "ccap-insertion.html"), Mustache.render(text, { lot, clause, ...lot }));
  written += 1;
});
lines.on("close", () => console.log(written, "documents"));
