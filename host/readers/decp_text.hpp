#pragma once
// Text repairs for open data gone through careless tools: UTF-8 read as
// Windows-1252 (or Latin-1) and written again as UTF-8, so that "é" shows as
// "Ã©", "è" as "Ã¨", "œ" as "Å“". Only sequences that decode to one valid
// character are repaired, sequence by sequence; text that merely holds
// accented letters is left alone.

#include <string>

namespace clausier::readers {

// Repairs `text` in place (up to three layers of double encoding). True when
// something was repaired.
bool repair_mojibake(std::string& text);

}  // namespace clausier::readers
