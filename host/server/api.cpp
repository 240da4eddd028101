// The JSON API: POST /api/evaluate, POST /api/render, POST /api/review, GET /api/rules.

#include <Poco/URI.h>

#include <ctime>
#include <optional>
#include <sstream>

#include "app/evaluate.hpp"
#include "app/review.hpp"
#include "app/workspace.hpp"
#include "base/build_info.hpp"
#include "base/french.hpp"
#include "params/parameter.hpp"
#include "server/http.hpp"
#include "server/programme_input.hpp"
#include "server/routes.hpp"
#include "server/server.hpp"
#include "server/session.hpp"
#include "writers/documents.hpp"
#include "writers/evaluation_json.hpp"
#include "writers/json_writer.hpp"
#include "writers/output_format.hpp"
#include "writers/pdf_converter.hpp"
#include "writers/review_html.hpp"
#include "writers/review_markdown.hpp"
#include "writers/review_office.hpp"
#include "writers/zip_archive.hpp"

namespace clausier::server {
namespace {

using Status = Poco::Net::HTTPResponse::HTTPStatus;

// Each worker thread keeps its own evaluator (its own Lua state) for the
// toolkit in use; a reload gives it a new one at its next request.
engine::Evaluator& worker_evaluator(const ToolkitSnapshot& snapshot) {
  thread_local std::uint64_t generation = 0;
  thread_local std::optional<engine::Evaluator> evaluator;
  if (!evaluator || generation != snapshot.generation) {
    evaluator.reset();
    evaluator.emplace(snapshot.toolkit->thread_evaluator({}));
    generation = snapshot.generation;
  }
  return *evaluator;
}

// Forwards to a sink, showing the places of JSON lots as "lots[1].cpv".
class FormLocations final : public writers::EvaluationSink {
 public:
  explicit FormLocations(writers::EvaluationSink& inner) : inner_(inner) {}
  void begin(const std::vector<engine::ClauseInfo>& types) override { inner_.begin(types); }
  void lot(const LotEvaluation& e) override { inner_.lot(e); }
  void end(const std::vector<Diagnostic>& diagnostics, const writers::RunSummary& summary) override {
    std::vector<Diagnostic> located = diagnostics;
    for (auto& d : located) d.location = form_location(std::move(d.location));
    inner_.end(located, summary);
  }

 private:
  writers::EvaluationSink& inner_;
};

std::vector<Diagnostic> located(const DiagnosticList& diags) {
  std::vector<Diagnostic> out = diags.all();
  for (auto& d : out) d.location = form_location(std::move(d.location));
  return out;
}

// Hands each lot to the sink and the callback with the workspace's decisions
// applied (decided verdicts and hours, motif and comment in the reasons).
class Decided final : public writers::EvaluationSink {
 public:
  Decided(writers::EvaluationSink& inner, std::function<void(LotEvaluation&)> apply,
          std::function<void(const LotEvaluation&)> on_lot)
      : inner_(inner), apply_(std::move(apply)), on_lot_(std::move(on_lot)) {}
  void begin(const std::vector<engine::ClauseInfo>& types) override { inner_.begin(types); }
  void lot(const LotEvaluation& e) override {
    LotEvaluation decided = e;
    apply_(decided);
    if (on_lot_) on_lot_(decided);
    inner_.lot(decided);
  }
  void end(const std::vector<Diagnostic>& diagnostics, const writers::RunSummary& summary) override {
    inner_.end(diagnostics, summary);
  }

 private:
  writers::EvaluationSink& inner_;
  std::function<void(LotEvaluation&)> apply_;
  std::function<void(const LotEvaluation&)> on_lot_;
};

// A request's programme, or an error reply already sent: an upload, JSON
// lots, or a programme of the workspace (field "workspace") with its
// decisions.
struct Evaluation {
  ToolkitSnapshot snapshot;
  ProgrammeInput input;
  std::optional<Date> as_of;
  std::function<void(LotEvaluation&)> apply;  // the workspace's decisions, when from the workspace
};

// Opens the workspace programme the request names, with its decisions; an
// error reply is sent when it cannot.
bool open_workspace_programme(ServerContext& context, Evaluation& e, Response& response) {
  const auto it = e.input.fields.find("workspace");
  if (e.input.programme || it == e.input.fields.end() || it->second.empty()) return true;
  if (!allow_programme(context, response, it->second, app::Action::programmes_read)) return false;
  try {
    e.input.programme = context.workspace.programme(it->second);
    e.apply = context.workspace.decisions_applier(it->second);
    e.input.error.clear();
    return true;
  } catch (const app::WorkspaceError& error) {
    const bool unknown = error.kind() == app::WorkspaceError::Kind::not_found;
    // With accounts, the workspace's message (which lists every programme) is not shown.
    send_json_error(response, unknown ? Status::HTTP_NOT_FOUND : Status::HTTP_SERVICE_UNAVAILABLE,
                    unknown && current_caller().authenticated()
                        ? std::string("programme inconnu : vérifiez son nom dans la liste des programmes")
                        : std::string(error.what()));
    return false;
  }
}

std::optional<Evaluation> read_request(ServerContext& context, Request& request, Response& response,
                                       DiagnosticList& diags) {
  const Body body = read_body(request, context.options.max_upload);
  if (body.too_large) {
    response.set("Connection", "close");
    send_json_error(response, Status::HTTP_REQUEST_ENTITY_TOO_LARGE,
                    "envoi trop volumineux : " + size_label(context.options.max_upload) +
                        " au plus ; découpez la programmation ou relancez le serveur avec --max-upload");
    return std::nullopt;
  }
  Evaluation e{context.store.current(), read_programme_input(request, body.bytes, diags), {}, {}};
  if (!open_workspace_programme(context, e, response)) return std::nullopt;
  if (!e.input.programme) {
    send_json_error(response, Status::HTTP_UNPROCESSABLE_ENTITY, e.input.error, located(diags));
    return std::nullopt;
  }
  if (const auto it = e.input.fields.find("as_of"); it != e.input.fields.end() && !it->second.empty()) {
    e.as_of = Date::parse_iso(it->second);
    if (!e.as_of) {
      send_json_error(response, Status::HTTP_BAD_REQUEST,
                      "date invalide « " + it->second + " » pour as_of : écrivez AAAA-MM-JJ");
      return std::nullopt;
    }
  }
  return e;
}

std::string field(const ProgrammeInput& input, const std::string& name) {
  const auto it = input.fields.find(name);
  return it == input.fields.end() ? std::string() : it->second;
}

// The evaluator of a request: the worker's, or one of its own for as_of
// (kept in `own`).
engine::Evaluator& request_evaluator(const Evaluation& e, std::optional<engine::Evaluator>& own) {
  if (!e.as_of) return worker_evaluator(e.snapshot);
  own.emplace(e.snapshot.toolkit->thread_evaluator(e.as_of));
  return *own;
}

app::EvaluateOutcome evaluate(const Evaluation& e, const std::string& only, writers::EvaluationSink& sink,
                              DiagnosticList& diags,
                              const std::function<void(const LotEvaluation&)>& on_lot) {
  std::optional<engine::Evaluator> own;
  if (e.apply) {
    Decided decided(sink, e.apply, on_lot);
    return app::evaluate_programme(request_evaluator(e, own), *e.snapshot.toolkit, *e.input.programme, only,
                                   decided, diags);
  }
  return app::evaluate_programme(request_evaluator(e, own), *e.snapshot.toolkit, *e.input.programme, only,
                                 sink, diags, on_lot);
}

// Documents quote the rules they were evaluated with and find the lot's
// facilitator in their directory.
render::DocumentContext document_context(const app::Toolkit& toolkit, std::optional<Date> as_of) {
  return {Date::from_days(static_cast<std::int32_t>(std::time(nullptr) / 86400)),
          std::string("clausier ") + build::version, &toolkit.params(), as_of};
}

// "attachment; filename="a.html"; filename*=UTF-8''a.html"
std::string disposition(bool inline_view, const std::string& name) {
  std::string ascii;
  for (char c : name) ascii += (static_cast<unsigned char>(c) < 0x80 && c != '"' && c != '\\') ? c : '_';
  std::string encoded;
  Poco::URI::encode(name, "!#$&+,/:;=?@[]\"'()*% ", encoded);
  return std::string(inline_view ? "inline" : "attachment") + "; filename=\"" + ascii +
         "\"; filename*=UTF-8''" + encoded;
}

// The review's download name: "revue-programme.html" for "programme.xlsx".
std::string review_file_name(const std::string& programme, const std::string& format) {
  std::string stem = programme;
  if (const auto dot = stem.rfind('.'); dot != std::string::npos && dot > 0) stem.erase(dot);
  return "revue-" + writers::safe_file_name(stem) + "." + format;
}

std::string_view document_type(const std::string& format) {
  const writers::OutputFormat* entry = writers::output_format(format);
  return entry != nullptr ? entry->media_type : "application/octet-stream";
}

}  // namespace

// The lots as JSON; with `revue=figures`, the review's figures of the same
// run too (member "revue", the HTML /api/review gives for format=figures):
// the Programme page sends its upload once.
void serve_api_evaluate(ServerContext& context, Request& request, Response& response) {
  DiagnosticList diags;
  auto e = read_request(context, request, response, diags);
  if (!e) return;
  const std::string review_part = field(e->input, "revue");
  if (!review_part.empty() && review_part != "figures") {
    send_json_error(response, Status::HTTP_BAD_REQUEST,
                    "valeur inconnue « " + review_part + " » pour revue : seule « figures » est possible");
    return;
  }
  std::ostringstream figures;
  std::optional<app::ReviewPass> review;
  std::unique_ptr<writers::ReviewReport> report;
  writers::JsonTrailer trailer;
  if (!review_part.empty()) {
    const app::Toolkit& toolkit = *e->snapshot.toolkit;
    const render::DocumentContext doc_context = document_context(toolkit, e->as_of);
    report = writers::make_review_html(figures, writers::HtmlReviewPart::figures);
    review.emplace(toolkit,
                   app::ReviewRun{e->input.programme->display_name(), e->as_of, doc_context.generated,
                                  doc_context.generator},
                   *report);
    trailer = [&](writers::JsonWriter& json, const writers::RunSummary& summary) {
      review->finish(summary, diags.all());
      json.field("revue", figures.str());
    };
  }
  std::ostringstream out;
  auto json = writers::make_json_sink(out, trailer);
  FormLocations sink(*json);
  const std::string only = field(e->input, "reference");
  std::function<void(const LotEvaluation&)> on_lot;
  if (review) on_lot = [&](const LotEvaluation& lot) { review->lot(lot); };
  evaluate(*e, only, e->input.from_json ? static_cast<writers::EvaluationSink&>(sink) : *json, diags, on_lot);
  send(response, Status::HTTP_OK, "application/json; charset=utf-8", out.str());
}

void serve_api_render(ServerContext& context, Request& request, Response& response) {
  DiagnosticList diags;
  auto e = read_request(context, request, response, diags);
  if (!e) return;
  const std::string reference = field(e->input, "reference");
  const std::string format = field(e->input, "format").empty() ? "html" : field(e->input, "format");
  const std::string document = field(e->input, "document");
  const bool inline_view = field(e->input, "disposition") == "inline";
  const app::Toolkit& toolkit = *e->snapshot.toolkit;

  const std::vector<std::string>& formats = writers::format_names(writers::Output::documents);
  const bool zip = format == "zip";
  if (!zip && std::find(formats.begin(), formats.end(), format) == formats.end()) {
    std::string names;
    for (const auto& f : formats) names += (names.empty() ? "" : ", ") + f;
    send_json_error(response, Status::HTTP_BAD_REQUEST,
                    "format inconnu « " + format + " » : choisissez " + names + " ou zip");
    return;
  }
  if (!zip && reference.empty()) {
    send_json_error(response, Status::HTTP_BAD_REQUEST,
                    "indiquez le lot : champ « reference » (ou format=zip pour tous les documents)");
    return;
  }

  // PDF: the document's DOCX, converted by LibreOffice (absent: said, nothing sent).
  const std::string made_from(zip ? "" : writers::output_format(format)->made_from);
  if (!made_from.empty() && !writers::find_soffice()) {
    send_json_error(response, Status::HTTP_SERVICE_UNAVAILABLE, writers::soffice_missing_message());
    return;
  }
  const std::string rendered = made_from.empty() ? format : made_from;

  // Rendered as each lot is evaluated: only the documents are kept.
  const render::DocumentContext doc_context = document_context(toolkit, e->as_of);
  std::vector<writers::ZipEntry> entries;
  std::optional<writers::LotDocument> chosen;
  auto sink = writers::make_null_sink();
  std::ostringstream evaluation_json;
  auto json = writers::make_json_sink(evaluation_json);
  FormLocations located_json(*json);
  writers::EvaluationSink& kept = zip ? (e->input.from_json ? located_json : *json) : *sink;
  evaluate(*e, reference, kept, diags, [&](const LotEvaluation& lot) {
    auto docs = writers::render_lot_documents(
        lot, toolkit.templates(), toolkit.clause_infos(),
        zip ? std::vector<std::string>{} : std::vector<std::string>{rendered}, doc_context, diags);
    for (auto& d : docs) {
      if (zip) {
        entries.push_back(
            {writers::safe_file_name(lot.lot.reference) + "/" + d.file_name, std::move(d.text)});
      } else if (!chosen && (document.empty() || d.template_id == document)) {
        chosen = std::move(d);
      }
    }
  });

  if (zip) {
    entries.push_back({"evaluation.json", evaluation_json.str()});
    response.set("Content-Disposition", disposition(false, "documents.zip"));
    send(response, Status::HTTP_OK, "application/zip", writers::zip_archive(entries));
    return;
  }
  if (!chosen) {
    send_json_error(response, Status::HTTP_NOT_FOUND,
                    "aucun document pour le lot « " + reference + " »" +
                        (document.empty() ? std::string() : " et le modèle « " + document + " »") +
                        " : ses verdicts n'appellent pas de document dans ce format, ou le lot est absent",
                    located(diags));
    return;
  }
  if (!made_from.empty()) {
    std::string error;
    auto bytes = writers::convert_to_pdf(chosen->text, writers::output_format(made_from)->extension, error);
    if (!bytes) {
      send_json_error(response, Status::HTTP_INTERNAL_SERVER_ERROR, error);
      return;
    }
    chosen->text = std::move(*bytes);
    chosen->file_name =
        std::filesystem::path(chosen->file_name).replace_extension(writers::output_format(format)->extension);
  }
  const std::string name = writers::safe_file_name(reference) + "-" + chosen->file_name;
  response.set("Content-Disposition", disposition(inline_view, name));
  if (format == "html") set_security_headers(response, document_policy(chosen->text));
  send(response, Status::HTTP_OK, document_type(format), chosen->text);
}

void serve_api_review(ServerContext& context, Request& request, Response& response) {
  DiagnosticList diags;
  auto e = read_request(context, request, response, diags);
  if (!e) return;
  const std::string format = field(e->input, "format").empty() ? "html" : field(e->input, "format");
  const bool figures = format == "figures";
  if (!figures && !writers::offers(writers::Output::review, format)) {
    const std::vector<std::string>& names = writers::format_names(writers::Output::review);
    std::string choices;
    for (const auto& name : names) choices += name + ", ";
    send_json_error(response, Status::HTTP_BAD_REQUEST,
                    "format inconnu « " + format + " » : choisissez " +
                        choices.substr(0, choices.size() - 2) + " ou figures");
    return;
  }
  // PDF: the DOCX review, converted by LibreOffice (absent: said, nothing sent).
  const std::string made_from(figures ? "" : writers::output_format(format)->made_from);
  if (!made_from.empty() && !writers::find_soffice()) {
    send_json_error(response, Status::HTTP_SERVICE_UNAVAILABLE, writers::soffice_missing_message());
    return;
  }
  const std::string written = made_from.empty() ? format : made_from;
  const app::Toolkit& toolkit = *e->snapshot.toolkit;
  const render::DocumentContext doc_context = document_context(toolkit, e->as_of);
  const app::ReviewRun about{e->input.programme->display_name(), e->as_of, doc_context.generated,
                             doc_context.generator};

  std::ostringstream out;
  DiagnosticList document_problems;
  std::unique_ptr<writers::ReviewReport> report;
  if (writers::is_office_format(written)) {
    report = writers::make_review_office(written, out, toolkit.templates(), document_problems);
  } else if (format == "md") {
    report = writers::make_review_markdown(out);
  } else {
    report = writers::make_review_html(
        out, figures ? writers::HtmlReviewPart::figures : writers::HtmlReviewPart::page);
  }
  app::ReviewOutcome outcome;
  if (e->apply) {
    // A workspace programme: the review of the lots as decided.
    app::ReviewPass pass(toolkit, about, *report);
    auto none = writers::make_null_sink();
    outcome.evaluation = evaluate(*e, "", *none, diags, [&](const LotEvaluation& lot) { pass.lot(lot); });
    if (!outcome.evaluation.unreadable) outcome.data = pass.finish(outcome.evaluation.summary, diags.all());
  } else {
    std::optional<engine::Evaluator> own;
    outcome = app::review_programme(request_evaluator(*e, own), toolkit, *e->input.programme, about, *report,
                                    diags);
  }
  if (outcome.evaluation.unreadable) {
    send_json_error(response, Status::HTTP_UNPROCESSABLE_ENTITY,
                    "la programmation n'a pas pu être lue : aucune revue", located(diags));
    return;
  }
  if (document_problems.has_errors()) {
    send_json_error(response, Status::HTTP_INTERNAL_SERVER_ERROR,
                    "la revue n'a pas pu être composée en " + format +
                        " : corrigez le squelette de document signalé (page « Règles »)",
                    document_problems.all());
    return;
  }
  if (figures) {
    // A fragment for the Programme page: shown in its .revue box, no style of its own.
    send(response, Status::HTTP_OK, "text/html; charset=utf-8", out.str());
    return;
  }
  std::string body = out.str();
  if (!made_from.empty()) {
    std::string error;
    auto bytes = writers::convert_to_pdf(body, writers::output_format(made_from)->extension, error);
    if (!bytes) {
      send_json_error(response, Status::HTTP_INTERNAL_SERVER_ERROR, error);
      return;
    }
    body = std::move(*bytes);
  }
  const bool inline_view = field(e->input, "disposition") == "inline";
  response.set("Content-Disposition", disposition(inline_view, review_file_name(about.programme, format)));
  if (format == "html") set_security_headers(response, document_policy(body));
  send(response, Status::HTTP_OK, document_type(format), body);
}

void serve_api_rules(ServerContext& context, Request& /*request*/, Response& response) {
  const ToolkitSnapshot snapshot = context.store.current();
  const app::Toolkit& toolkit = *snapshot.toolkit;
  std::ostringstream out;
  writers::JsonWriter json(out);
  json.begin_object();
  json.key("loaded").begin_object().field("at", snapshot.loaded_at);
  json.key("generation").value(static_cast<std::int64_t>(snapshot.generation));
  json.field("rules", toolkit.paths().rules.string()).field("plugins", toolkit.paths().plugins.string());
  json.field("templates", toolkit.paths().templates.string()).end_object();
  json.key("reload_error");
  const auto errors = context.store.last_error();
  if (errors.empty()) {
    json.null();
  } else {
    json.begin_object().field("at", errors.front().at).key("diagnostics").begin_array();
    for (const auto& d : errors.front().diagnostics) writers::write_diagnostic(json, d);
    json.end_array().end_object();
  }
  json.key("clause_types").begin_array();
  for (const auto& c : toolkit.clause_infos()) {
    json.begin_object().field("id", c.id).field("title", c.title).field("source", c.source);
    json.key("api").value(static_cast<std::int64_t>(c.api));
    json.key("basis").begin_array();
    for (const auto& b : c.basis) json.value(b);
    json.end_array().key("params").begin_array();
    for (const auto& p : c.params) json.value(p);
    json.end_array().end_object();
  }
  json.end_array();
  json.key("parameters").begin_array();
  for (const auto& [name, p] : toolkit.params().all()) {
    json.begin_object().field("name", name).field("description", p.description).field("unit", p.unit);
    json.field("kind", params::kind_id(p.kind)).field("reference", p.reference).field("file", p.file);
    json.key("values").begin_array();
    for (const auto& v : p.values) {
      json.begin_object().field("from", v.from.iso());
      if (v.repealed) json.key("repealed").value(true);
      json.field("status", params::status_id(v.status)).field("reference", v.reference);
      if (!v.note.empty()) json.field("note", v.note);
      if (!v.repealed && v.entries.empty() && v.codes.empty()) {
        json.key("value");
        std::visit(
            [&](const auto& x) {
              using T = std::decay_t<decltype(x)>;
              if constexpr (std::is_same_v<T, Date>) {
                json.value(x.iso());
              } else if constexpr (std::is_same_v<T, std::string>) {
                json.value(std::string_view(x));
              } else {
                json.value(x);
              }
            },
            v.scalar.value);
      }
      if (!v.entries.empty()) json.key("entries").value(static_cast<std::int64_t>(v.entries.size()));
      if (!v.codes.empty()) json.key("codes").value(static_cast<std::int64_t>(v.codes.size()));
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array().end_object();
  out << '\n';
  send(response, Status::HTTP_OK, "application/json; charset=utf-8", out.str());
}

}  // namespace clausier::server
