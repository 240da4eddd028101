#pragma once
// The pieces of the CSV files clausier writes for spreadsheets (";"
// separator, decimal comma, as French Excel and LibreOffice expect). The
// append_ forms build a row in a reused string, written at once.

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/sentence.hpp"

namespace clausier::writers {

// One text field, quoted when it holds a separator, a quote or a line break.
// A text a spreadsheet would run as a formula (starting with =, +, -, @, a
// tab or a carriage return: a cell typed "=HYPERLINK(…)" in a programme) is
// quoted and prefixed with an apostrophe, which makes it text again (formula
// injection). Numbers are written with append_plain_cents, never through here.
void append_csv_field(std::string& out, std::string_view s);
void write_csv_field(std::ostream& out, std::string_view s);

// An amount in cents as a plain decimal number with a comma: "1234567,89", "1200".
void append_plain_cents(std::string& out, std::int64_t cents);
void write_plain_cents(std::ostream& out, std::int64_t cents);

// `items` joined by `sep`, into `buffer` (reused from call to call).
std::string_view join_into(const std::vector<std::string>& items, std::string_view sep, std::string& buffer);
// The same, of the sentences' texts.
std::string_view join_into(const std::vector<Sentence>& items, std::string_view sep, std::string& buffer);

}  // namespace clausier::writers
