#pragma once
// What an API request gives to evaluate: a programme file uploaded as
// multipart/form-data (field "programme"), or lots described in JSON
// (application/json, or a form field "request" holding that JSON, used by the
// pages to show a document in a frame), plus the request's other fields
// (reference, format, document, as_of). A form with no file and no JSON but a
// field "workspace" names a programme of the workspace: no programme and no
// error are returned, the caller opens it.
//
// JSON lots: {"consultation": {...fields shared by the lots...},
//             "lots": [{"reference": "...", "objet": "...", "montant_ht": 120000, ...}], ...}
// with the keys of the programme columns (docs/programme.md); a lot's own fields win
// over the consultation's. They are read by the same reader as a CSV file, so
// values are checked the same way; diagnostics name the lot and the field
// ("formulaire", path "lots[1].montant_ht").
//
// Everything stays in memory: nothing of an upload is written to disk.

#include <Poco/Net/HTTPServerRequest.h>

#include <map>
#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "readers/programme.hpp"

namespace clausier::server {

inline constexpr std::string_view form_name = "formulaire";

struct ProgrammeInput {
  std::optional<readers::Programme> programme;  // empty: see error
  bool from_json = false;                       // lots described in JSON
  std::map<std::string, std::string> fields;    // reference, format, document, as_of…
  std::string error;                            // why there is no programme (French)
  std::string source_name;                      // an uploaded file: its base name ("programme.xlsx")
  std::string source_sha256;                    // and the SHA-256 of its bytes (hex)
};

// Parses `body` (already read under the size cap) by the request's content type.
[[nodiscard]] ProgrammeInput read_programme_input(const Poco::Net::HTTPServerRequest& request,
                                                  const std::string& body, DiagnosticSink& diags);

// JSON lots as the CSV text the reader takes (header of keys, one line per
// lot, line n+2 for lots[n]); a JSON error is set in `error`.
[[nodiscard]] std::string lots_json_to_csv(const std::string& json,
                                           std::map<std::string, std::string>& fields, std::string& error);

// The location of a problem in JSON lots: "formulaire" line 3, column "cpv"
// becomes "formulaire", path "lots[1].cpv". Other locations are unchanged.
[[nodiscard]] Location form_location(Location where);

}  // namespace clausier::server
