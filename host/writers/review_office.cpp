#include "writers/review_office.hpp"

#include <sstream>

#include "base/french.hpp"
#include "render/markup.hpp"
#include "writers/documents.hpp"
#include "writers/output_format.hpp"
#include "writers/review_markdown.hpp"
#include "writers/review_text.hpp"

namespace clausier::writers {
namespace {

constexpr const char* review_title = "Revue de la programmation d'achats";

render::View text_view(std::string s) { return render::View::text(std::move(s)); }

class OfficeReview final : public ReviewReport {
 public:
  OfficeReview(std::string format, std::ostream& out, const render::TemplateSet& templates,
               DiagnosticSink& diags)
      : format_(std::move(format)),
        out_(out),
        templates_(templates),
        diags_(diags),
        markdown_(make_review_markdown(text_)) {}

  void begin(const std::vector<engine::ClauseInfo>& types) override { markdown_->begin(types); }

  void lot(const LotEvaluation& e, const LotReview& r) override { markdown_->lot(e, r); }

  void end(const ReviewData& d, const std::vector<Diagnostic>& diagnostics) override {
    markdown_->end(d, diagnostics);
    const std::string text = std::move(text_).str();
    const std::string file = "revue (" + d.programme + ")";
    render::markup::Document doc = render::markup::parse(text, {file, " (texte de la revue)", {}}, diags_);
    const render::View view = review_view(d, buyers_heading(d));
    const auto bytes = format_document(format_, doc, render::PreparedView(view), templates_, d.generated,
                                       diags_, Location::in_file(file));
    if (!bytes) return;
    out_ << *bytes;
    out_.flush();
  }

 private:
  std::string format_;
  std::ostream& out_;
  const render::TemplateSet& templates_;
  DiagnosticSink& diags_;
  std::ostringstream text_;
  std::unique_ptr<ReviewReport> markdown_;
};

}  // namespace

std::string buyers_heading(const ReviewData& d) {
  if (d.by_buyer.empty()) return {};
  if (d.by_buyer.size() == 1) return d.by_buyer.front().key;  // as written, empty when none
  const std::size_t others = d.by_buyer.size() - 1;
  return d.by_buyer.front().label + " et " + std::to_string(others) +
         (others > 1 ? " autres acheteurs" : " autre acheteur");
}

bool is_office_format(std::string_view format) {
  const OutputFormat* entry = output_format(format);
  return entry != nullptr && entry->binary && entry->made_from.empty() && offers(Output::review, format);
}

render::View review_view(const ReviewData& data, const std::string& buyer) {
  render::View root;
  render::View document;
  document.set("titre", text_view(review_title));
  document.set("date", text_view(fr::date_long(data.generated)));
  document.set("date_iso", text_view(data.generated.iso()));
  document.set("generateur", text_view(data.rules.generator));
  root.set("document", std::move(document));
  render::View model;
  model.set("id", text_view("revue"));
  model.set("titre", text_view(review_title));
  root.set("modele", std::move(model));
  render::View acheteur;
  acheteur.set("nom", text_view(buyer));
  acheteur.set("type", text_view(""));
  root.set("acheteur", std::move(acheteur));
  // The programme stands where a document names its lot.
  render::View lot;
  lot.set("reference", text_view(data.programme));
  lot.set("objet", text_view(review::scope_sentence(data)));
  lot.set("consultation", text_view(""));
  lot.set("numero", text_view(""));
  lot.set("a_numero", render::View::boolean(false));
  root.set("lot", std::move(lot));
  render::View consultation;
  consultation.set("reference", text_view(""));
  consultation.set("nb_lots", text_view(std::to_string(data.total.lots)));
  consultation.set("plusieurs_lots", render::View::boolean(false));
  root.set("consultation", std::move(consultation));
  render::View facilitateur;
  facilitateur.set("connu", render::View::boolean(false));
  root.set("facilitateur", std::move(facilitateur));
  return root;
}

std::unique_ptr<ReviewReport> make_review_office(const std::string& format, std::ostream& out,
                                                 const render::TemplateSet& templates,
                                                 DiagnosticSink& diags) {
  return std::make_unique<OfficeReview>(format, out, templates, diags);
}

}  // namespace clausier::writers
