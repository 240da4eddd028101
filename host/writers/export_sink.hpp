#pragma once
// `clausier export`: the social considerations of each lot in the terms of the
// open data formats, DECP 2.0 (French essential data of public contracts) and
// eForms (European notices). What a lot carries is decided from its
// evaluation by app/export.hpp; the sinks here only write it, lot by lot, as
// evaluations come (a sink never holds the programme).

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/evaluation.hpp"

namespace clausier::writers {

// The social considerations the buyer is expected to put in a lot's contract:
// the clause types retained from its evaluation, as facts the formats code
// each their own way.
struct SocialConsiderations {
  bool insertion_clause = false;  // insertion clause, an execution condition (L2112-2)
  std::optional<std::int64_t> insertion_hours;
  bool anru_charter = false;  // the ANRU charter's insertion hours, an execution condition
  std::optional<std::int64_t> anru_hours;
  bool insertion_service = false;   // the contract's object is insertion (R2123-1 3°)
  bool award_criterion = false;     // an award criterion on insertion performance (R2152-7)
  bool reserved_sheltered = false;  // reserved to EA/ESAT or SIAE (L2113-12, L2113-13)
  bool reserved_public_service =
      false;  // reserved to ESS organisations with a public-service mission (L2113-15)
  // Reserved to operators of prison work (L2113-13-1): coded as eForms res-ws,
  // the integration of disadvantaged persons (directive 2014/24/EU, art. 20).
  bool reserved_penitentiary = false;
  std::vector<std::string> performance_basis;  // legal bases of the execution conditions retained, no repeats
  std::vector<std::string> clause_types;       // ids of the clause types retained, in evaluation order

  // A social requirement written into the contract's performance: the DECP
  // value "Clause sociale". A contract whose object is insertion counts: it is
  // neither reserved (any operator may bid) nor an award criterion, and its
  // social aim is carried by what the contract requires of its performance.
  [[nodiscard]] bool execution_clause() const {
    return insertion_clause || anru_charter || insertion_service;
  }
  [[nodiscard]] bool any() const { return execution_clause() || award_criterion || reserved(); }
  [[nodiscard]] bool reserved() const {
    return reserved_sheltered || reserved_public_service || reserved_penitentiary;
  }
};

struct ExportLot {
  const LotEvaluation& evaluation;
  SocialConsiderations social;
  // An award criterion on environmental characteristics is required by the
  // rules in force at the lot's date (R2152-7): known; otherwise unknown.
  bool environmental_criterion = false;
};

class ExportSink {
 public:
  virtual ~ExportSink() = default;
  virtual void begin() = 0;
  virtual void lot(const ExportLot& lot) = 0;
  virtual void end() = 0;
};

// The DECP 2.0 values of considerationsSociales for `social`, in the order of
// the schema's list ("Pas de considération sociale" when there is none).
[[nodiscard]] std::vector<std::string> decp_social_values(const SocialConsiderations& social);

// {"marches": {"marche": [ ... ]}} as in schema_decp_v2.0.3.json, each
// record with the fields a programme knows: id, objet, codeCPV, montant,
// dureeMois, lieuExecution, considerationsSociales and, when known,
// considerationsEnvironnementales.
[[nodiscard]] std::unique_ptr<ExportSink> make_decp_json_sink(std::ostream& out);
// The same table in CSV for a spreadsheet (";" separator, UTF-8 BOM), the
// values of a list joined by " | ".
[[nodiscard]] std::unique_ptr<ExportSink> make_decp_csv_sink(std::ostream& out);
// One eForms fragment per lot (see export_eforms.cpp for the fields).
[[nodiscard]] std::unique_ptr<ExportSink> make_eforms_sink(std::ostream& out);

}  // namespace clausier::writers
