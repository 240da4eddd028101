// Reads the first sheet of an xlsx with SheetJS (npm `xlsx`) into row objects:
// the comparison for clausier reading a workbook.
//   node read_sheetjs.js PROGRAMME.xlsx
const XLSX = require("xlsx");
const book = XLSX.readFile(process.argv[2], { dense: true });
const rows = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]]);
console.log(rows.length, "lots");
