#include "readers/decp_reader.hpp"

#include "base/french.hpp"
#include "base/quoted.hpp"
#include "base/text.hpp"
#include "readers/decp_json.hpp"
#include "readers/decp_lot.hpp"
#include "readers/decp_xml.hpp"

namespace clausier::readers {
namespace {

const char* format_label(DecpFormat f) {
  switch (f) {
    case DecpFormat::json_2022: return "format 2.0 (arrêtés du 22 décembre 2022), JSON";
    case DecpFormat::json_2019: return "format 2019 (consolidé jusqu'en 2023), JSON";
    case DecpFormat::json_list: return "liste de marchés, JSON";
    case DecpFormat::xml: return "XML";
  }
  return "JSON";
}

}  // namespace

DecpReader::DecpReader(std::unique_ptr<std::istream> in, std::string name, Syntax syntax,
                       DiagnosticSink& diags)
    : in_(std::move(in)), name_(std::move(name)), diags_(&diags) {
  if (syntax == Syntax::xml) {
    records_ = std::make_unique<DecpXmlRecords>(*in_, name_);
  } else {
    records_ = std::make_unique<DecpJsonRecords>(*in_);
  }
}

void DecpReader::note_format(DiagnosticSink& diags) {
  if (noted_format_) return;
  noted_format_ = true;
  std::string message =
      "fichier DECP (" + std::string(format_label(records_->format())) +
      ") : chaque marché est un lot, évalué avec les règles en vigueur à sa date de "
      "notification, faute de date de lancement dans les DECP ; le type d'acheteur n'y figure "
      "pas non plus : « collectivité ou autre pouvoir adjudicateur » est retenu ; un marché de "
      "défense ou de sécurité (« nature » des DECP) est évalué comme tel ; un contrat de concession "
      "est évalué comme tel, à sa date de signature, et sans code CPV (les DECP n'en donnent pas pour les "
      "concessions) : ses heures d'insertion sont à fixer avec le facilitateur";
  if (records_->format() == DecpFormat::json_2019) {
    message += " ; ce format ne dit rien des considérations sociales : elles restent inconnues";
  }
  diags.note(at(0), message);
}

void DecpReader::note_end(DiagnosticSink& diags) {
  const std::uint32_t concessions = records_->concessions();
  if (concessions > 0) {
    diags.note(at(0), std::to_string(concessions) +
                          (concessions == 1
                               ? " contrat de concession lu, évalué selon les articles des concessions"
                               : " contrats de concession lus, évalués selon les articles des concessions"));
  }
  // The file summed up: what became of each record.
  const auto n = [](std::uint32_t count) { return fr::integer(static_cast<std::int64_t>(count)); };
  std::string message = "bilan : " + n(read_) + " enregistrement(s) lu(s), " + n(stats_.lots) + " évalué(s)";
  if (repaired_ > 0 || assumed_ > 0) {
    std::string among;
    if (repaired_ > 0) among = n(repaired_) + " avec des valeurs corrigées";
    if (assumed_ > 0) {
      among += (among.empty() ? "" : ", ") + n(assumed_) + " sous hypothèses (nature ou montant inconnus)";
    }
    message += " (dont " + among + ")";
  }
  message += ", " + n(stats_.rejected) + " rejeté(s)";
  std::string why;
  for (std::size_t g = 0; g < decp_gap_count; ++g) {
    if (rejected_by_[g] == 0) continue;
    why += (why.empty() ? "" : ", ") + n(rejected_by_[g]) + " " +
           std::string(decp_gap_label(static_cast<DecpGap>(g)));
  }
  if (!why.empty()) message += " (" + why + ")";
  if (republished_ > 0) message += ", " + n(republished_) + " republication(s) ignorée(s)";
  diags.note(at(0), message);
}

bool DecpReader::read(DiagnosticSink* diags) {
  if (ended_) return false;
  try {
    if (records_->next(record_)) {
      if (diags != nullptr) note_format(*diags);
      return true;
    }
  } catch (const DecpError& e) {
    if (diags != nullptr) {
      note_format(*diags);
      diags->error(at(e.line()),
                   e.message() + (stats_.rows > 0 ? " (les marchés lus jusque-là sont évalués)" : ""));
    }
    ended_ = true;
    return false;
  }
  ended_ = true;
  if (diags != nullptr) {
    note_format(*diags);
    note_end(*diags);
  }
  return false;
}

bool DecpReader::next(Lot& out) {
  while (read(diags_)) {
    ++stats_.rows;
    ++read_;
    const std::string reference = decp_reference(record_);
    const std::string kind = record_.concession() ? "contrat de concession" : "marché";
    // The line of an earlier contract with the same buyer and id but another
    // award: this one is another contract, not a republication.
    std::uint32_t shares_id_with = 0;
    if (!reference.empty() && record_.problem().empty()) {
      const std::uint32_t first = references_.insert(reference, record_.line());
      if (first != 0 || references_.may_repeat(reference)) {
        if (const std::uint32_t same = awards_.insert(decp_award_key(record_), record_.line())) {
          diags_->warning(at(record_.line()),
                          kind + " " + fr::quoted(reference, 48) + " déjà lu ligne " + std::to_string(same) +
                              " (même acheteur, même identifiant, même date, même montant) : cette nouvelle "
                              "publication est ignorée");
          --stats_.rows;
          ++republished_;
          continue;
        }
        shares_id_with = first;
      }
    }
    DecpMapping mapping = decp_lot(record_, out);
    out.source = at(record_.line());
    if (shares_id_with != 0) {
      out.reference = decp_reference_at_line(reference, record_.line());
      out.consultation = out.reference;
      mapping.repairs.push_back("identifiant déjà porté ligne " + std::to_string(shares_id_with) +
                                " par un autre " + kind +
                                " du même acheteur (autre date ou autre montant) : celui-ci est désigné par "
                                "sa ligne");
    }
    const std::string label = out.reference.empty() ? kind : kind + " " + fr::quoted(out.reference, 48);
    if (!mapping.repairs.empty()) {
      std::string message = label + " : valeurs corrigées à la lecture : ";
      for (std::size_t i = 0; i < mapping.repairs.size(); ++i)
        message += (i > 0 ? " ; " : "") + mapping.repairs[i];
      diags_->warning(at(record_.line()), message);
    }
    for (const DecpProblem& p : mapping.errors) diags_->error(at(p.line), label + " : " + p.message);
    if (mapping.ok()) {
      for (const DecpProblem& p : mapping.unknowns) diags_->warning(at(p.line), label + " : " + p.message);
      ++stats_.lots;
      if (!mapping.repairs.empty()) ++repaired_;
      if (!mapping.unknowns.empty()) ++assumed_;
      return true;
    }
    ++stats_.rejected;
    ++rejected_by_[static_cast<std::size_t>(mapping.errors.front().gap)];
  }
  return false;
}

bool DecpReader::next_keys(RecordKeys& out) {
  if (!read(nullptr)) return false;
  out = RecordKeys{};
  if (!record_.problem().empty()) return true;  // next() neither checks nor reads it
  out.reference = decp_reference(record_);      // what next() checks for a second publication
  if (out.reference.empty() || record_.overflowed()) return true;
  out.consultation = out.reference;
  out.cents = decp_amount(record_);
  return true;
}

}  // namespace clausier::readers
