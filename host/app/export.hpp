#pragma once
// `clausier export decp|eforms`: each lot's social considerations in the
// terms of the open data formats, derived from its evaluation.
//
// What counts as "the buyer will include it": a clause type whose verdict is
// obligatoire or recommandee (with include_possible, possible too). An
// excluded clause, or one whose plugin failed, is never retained. Clause
// types map to the facts of writers::SocialConsiderations:
//
//   insertion          insertion clause, with its hours        DECP "Clause sociale"
//   anru               ANRU charter hours                     DECP "Clause sociale"
//   marche-insertion   contract whose object is insertion     DECP "Clause sociale" (see export_sink.hpp)
//   critere-insertion  award criterion                        DECP "Critère social"
//   reserve-handicap,  reserved to EA/ESAT, SIAE              DECP "Marché réservé", eForms res-ws
//   reserve-siae
//   reserve-ess        reserved to ESS organisations          DECP "Marché réservé", eForms res-pub-ser
//   reserve-penitentiaire  reserved to prison-work operators  DECP "Marché réservé", eForms res-ws
//
// The environmental criterion is known when the rules in force at the lot's
// date require one (critere_environnemental.obligatoire, R2152-7).

#include <string>

#include "app/evaluate.hpp"
#include "writers/export_sink.hpp"

namespace clausier::app {

struct ExportOptions {
  bool include_possible = false;  // retain `possible` verdicts too
};

// The considerations retained from one lot's evaluation.
[[nodiscard]] writers::SocialConsiderations retained_considerations(const LotEvaluation& evaluation,
                                                                    const ExportOptions& options);

// Evaluates the programme as `evaluate` does and hands each lot, with what it
// retains, to `sink`. Checks the DECP limits a programme can break (an
// identifier over 16 characters, an object over 1 000, an amount under 1 €)
// with a warning at the lot's row when `decp_checks`. A programme that cannot be read gives no
// output at all (outcome.unreadable), as for evaluate.
EvaluateOutcome export_programme(const Toolkit& toolkit, const EvaluateRequest& request,
                                 const ExportOptions& options, bool decp_checks, writers::ExportSink& sink,
                                 DiagnosticList& diags);

}  // namespace clausier::app
