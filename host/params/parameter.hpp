#pragma once
// Dated rule parameters (OpenFisca's shape): each parameter has a series of
// values, each in force from a date until the next one, with its reference and
// how sure we are of it. Pure data and lookups: no I/O, no Lua.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/date.hpp"
#include "base/diagnostic.hpp"

namespace clausier::params {

// How sure we are of a value (rules/README.md, « Degré de certitude »).
enum class Status { verifie, partiel, a_verifier, hypothese };
inline constexpr Status all_statuses[] = {Status::verifie, Status::partiel, Status::a_verifier,
                                          Status::hypothese};

[[nodiscard]] std::string_view status_id(Status s);     // "a-verifier"
[[nodiscard]] std::string_view status_label(Status s);  // "à vérifier"
[[nodiscard]] std::optional<Status> status_from_id(std::string_view id);

enum class Kind {
  number,     // a number with a unit
  boolean,    // true / false
  text,       // a word from a closed list (e.g. rounding mode) or a sentence
  date,       // a calendar date
  map,        // a value per key (e.g. per buyer type)
  cpv_table,  // a value per CPV prefix, longest prefix wins, "" is the default
  cpv_list,   // a set of CPV prefixes (membership)
  directory,  // an entry per département code: a structure and its contacts (facilitators)
};
inline constexpr Kind all_kinds[] = {Kind::number, Kind::boolean,   Kind::text,     Kind::date,
                                     Kind::map,    Kind::cpv_table, Kind::cpv_list, Kind::directory};

[[nodiscard]] std::string_view kind_id(Kind k);
[[nodiscard]] std::optional<Kind> kind_from_id(std::string_view id);

using Scalar = std::variant<double, bool, std::string, Date>;

// A value, with what is said of it where it is written (an entry of a table may
// carry its own reference and status, e.g. one labour share of a CPV family).
struct Leaf {
  Scalar value;
  std::string reference;         // empty: the dated value's reference applies
  std::optional<Status> status;  // empty: the dated value's status applies
  std::string note;
};

// The fields of a directory entry besides its structure name (the value):
// who runs it, and the institutional contacts a buyer may print.
inline constexpr std::string_view directory_fields[] = {"institution", "site",    "courriel",
                                                        "telephone",   "adresse", "relais"};
// The fields that are contacts: an entry with none of them keeps the status
// a-verifier (rules/README.md).
inline constexpr std::string_view directory_contact_fields[] = {"site", "courriel", "telephone", "adresse"};

struct DatedValue {
  Date from;
  bool repealed = false;                              // no value from this date on
  Leaf scalar;                                        // number, boolean, text, date
  std::vector<std::pair<std::string, Leaf>> entries;  // map, cpv_table, directory: sorted by key
  std::vector<std::string> codes;                     // cpv_list: sorted
  // directory: the fields of each entry besides its structure (the entry's
  // value), in the order of `directory_fields`, by entry key.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>, std::less<>> details;
  std::string reference;
  Status status = Status::verifie;
  std::string note;
  std::string path;           // where it is written: "values[2]"
  bool local_policy = false;  // written by a local policy (app/policy.cpp), not by the national rules
};

struct Parameter {
  std::string name;  // "seuils.ue.travaux"
  std::string description;
  std::string unit;  // "EUR", "EUR/h", "ratio", "heures", "mois", "date", "booleen", "texte", "code"
  std::string reference;
  std::string key;  // for maps: what the keys are ("type_acheteur", "nature")
  Kind kind = Kind::number;
  std::vector<DatedValue> values;  // ascending dates
  std::string file;                // rules file it was read from
  // What a person reads for a word of a closed list ("inferieur" -> "à
  // l'heure inférieure"), as the rules file's `labels` give it.
  std::vector<std::pair<std::string, std::string>> labels;

  // The label of a word value, or the value itself when it has none.
  [[nodiscard]] std::string_view label_of(std::string_view value) const;

  // The value in force on `date`, or null when none is (before the first date
  // or after a repeal).
  [[nodiscard]] const DatedValue* at(Date date) const;
};

// The answer to "what is P (for key K) on date D": the value and where it comes from.
struct Lookup {
  const Parameter* parameter = nullptr;
  const DatedValue* dated = nullptr;
  const Leaf* leaf = nullptr;    // null for cpv_list lookups
  std::string_view matched_key;  // key or CPV prefix that matched
  bool member = false;           // cpv_list: whether the code is in the list

  [[nodiscard]] std::string_view reference() const;
  [[nodiscard]] Status status() const;
  // directory: a field of the entry found ("site"), empty when absent.
  [[nodiscard]] std::string_view detail(std::string_view field) const;
};

enum class LookupError { unknown_parameter, not_in_force, key_required, key_not_found };

class ParameterSet {
 public:
  // Adds or replaces a parameter (a local layer replaces national values).
  void put(Parameter p);
  [[nodiscard]] const Parameter* find(std::string_view name) const;
  [[nodiscard]] const std::map<std::string, Parameter, std::less<>>& all() const { return params_; }
  [[nodiscard]] bool empty() const { return params_.empty(); }

  // Looks a value up; `key` is required for map, cpv_table, cpv_list and
  // directory kinds (a directory is looked up by exact key, as a map).
  [[nodiscard]] std::variant<Lookup, LookupError> lookup(std::string_view name, Date date,
                                                         std::optional<std::string_view> key = {}) const;

 private:
  std::map<std::string, Parameter, std::less<>> params_;
};

// The facilitator directory (rules/facilitateurs/annuaire.lua).
inline constexpr std::string_view facilitator_directory = "facilitateurs.annuaire";

// The entry of a directory parameter for the place a lot is performed in
// (département code or postal code, normalised: "61100" -> "61"), in force on
// `date`; null when the parameter is absent, not in force, or has no entry
// for that département.
[[nodiscard]] std::optional<Lookup> directory_entry(const ParameterSet& params, std::string_view name,
                                                    Date date, std::string_view lieu);

// French sentence for a lookup failure, naming the parameter, key and date.
[[nodiscard]] std::string describe(LookupError e, std::string_view name, Date date,
                                   std::optional<std::string_view> key);

// How a value is shown to a user, using the parameter's unit: "5 404 000 €", "5 %",
// "30 €/h", "21 août 2026".
[[nodiscard]] std::string format_value(const Scalar& v, std::string_view unit);

}  // namespace clausier::params
