// `evaluate --format json`: the shape of docs/json.md, the lot fields named as
// in model/lot_field.hpp, plus traceability.

#include "writers/evaluation_json.hpp"

#include "base/french.hpp"
#include "model/lot_field.hpp"

namespace clausier::writers {

void write_location_fields(JsonWriter& json, const Location& where) {
  json.field("location", where.str());
  json.field("file", where.file);
  if (where.line > 0) json.key("line").value(static_cast<std::int64_t>(where.line));
  if (!where.sheet.empty()) json.field("sheet", where.sheet);
  if (!where.cell.empty()) json.field("cell", where.cell);
  if (!where.column.empty()) json.field("column", where.column);
  if (!where.path.empty()) json.field("path", where.path);
}

void write_diagnostic(JsonWriter& json, const Diagnostic& d) {
  json.begin_object();
  json.field("severity", severity_name(d.severity));
  write_location_fields(json, d.location);
  json.field("message", d.message);
  json.end_object();
}

void write_clause_types(JsonWriter& json, const std::vector<engine::ClauseInfo>& types) {
  json.key("clause_types").begin_array();
  for (const auto& t : types) {
    json.begin_object();
    json.field("id", t.id);
    json.field("title", t.title);
    json.field("source", t.source);
    json.end_object();
  }
  json.end_array();
}

void write_trace_entry(JsonWriter& json, const TraceEntry& t) {
  json.begin_object();
  json.field("parameter", t.parameter);
  if (!t.key.empty()) json.field("key", t.key);
  if (!t.matched.empty() && t.matched != t.key) json.field("matched", t.matched);
  json.field("value", t.value);
  if (!t.from.empty()) json.field("from", t.from);
  json.field("reference", t.reference);
  json.field("status", t.status);
  json.field("source", t.source);
  json.end_object();
}

void write_clause_values(JsonWriter& json, const ClauseResult& c) {
  if (c.values.empty()) return;
  json.key("values").begin_object();
  for (const auto& [name, v] : c.values) {
    json.key(name);
    std::visit([&json](const auto& x) { json.value(x); }, v);
  }
  json.end_object();
}

void write_clause(JsonWriter& json, const ClauseResult& c, ReasonsMode reasons) {
  json.begin_object();
  json.field("type", c.type);
  if (c.verdict) {
    json.field("verdict", verdict_id(*c.verdict));
  } else {
    json.key("verdict").null();
  }
  if (c.verdict_assumed) json.key("verdict_assumed").value(true);
  if (c.hours) json.key("hours").value(*c.hours);
  json.key("basis").begin_array();
  for (const auto& b : c.basis) json.value(b);
  json.end_array();
  if (reasons != ReasonsMode::none) {
    json.key("reasons").begin_array();
    for (const auto& r : c.reasons) json.value(r.text());
    json.end_array();
  }
  if (!c.warnings.empty()) {
    json.key("warnings").begin_array();
    for (const auto& w : c.warnings) json.value(w.text());
    json.end_array();
  }
  write_clause_values(json, c);
  if (!c.trace.empty()) {
    json.key("trace").begin_array();
    for (const auto& t : c.trace) write_trace_entry(json, t);
    json.end_array();
  }
  if (c.error) {
    json.key("error");
    write_diagnostic(json, *c.error);
  }
  json.end_object();
}

namespace {

// A list the source may not give: null then, which is not an empty list.
void write_optional_list(JsonWriter& json, std::string_view key,
                         const std::optional<std::vector<std::string>>& items) {
  json.key(key);
  if (!items) {
    json.null();
    return;
  }
  json.begin_array();
  for (const auto& item : *items) json.value(item);
  json.end_array();
}

// One field of a lot under its key: absent values and the empty texts of
// optional fields are left out; amounts in euros with their cents.
void write_lot_value(JsonWriter& json, const LotFieldInfo& field, const LotValue& value) {
  struct Write {
    JsonWriter& json;
    const LotFieldInfo& field;
    void operator()(std::monostate /*absent*/) const {}
    void operator()(std::string_view s) const {
      if (!s.empty() || field.required) json.field(field.key, s);
    }
    void operator()(std::int64_t n) const {
      if (field.kind == LotValueKind::amount) {
        json.key(field.key).cents(n);
      } else {
        json.key(field.key).value(n);
      }
    }
    void operator()(double x) const { json.key(field.key).value(x); }
    void operator()(bool b) const { json.key(field.key).value(b); }
    void operator()(Date d) const { json.field(field.key, d.iso()); }
  };
  std::visit(Write{json, field}, value);
}

}  // namespace

void write_lot_values(JsonWriter& json, const Lot& lot) {
  for (const LotFieldInfo& field : lot_fields()) {
    if (!field.parameter) write_lot_value(json, field, field.get(lot));
  }
}

void write_lot_fields(JsonWriter& json, const LotEvaluation& e) {
  const Lot& lot = e.lot;
  write_lot_values(json, lot);
  write_optional_list(json, "recorded_social_considerations", lot.recorded_social_considerations);
  write_optional_list(json, "recorded_environmental_considerations",
                      lot.recorded_environmental_considerations);
  if (const auto total = known_total_cents(e.lot, e.consultation)) {
    json.key("consultation_montant_ht").cents(*total);
  } else {
    json.key("consultation_montant_ht").null();
  }
  json.key("consultation_lots").value(static_cast<std::int64_t>(e.consultation.lots));
  json.field("source", lot.source.str());
}

void write_lot(JsonWriter& json, const LotEvaluation& e, ReasonsMode reasons) {
  json.begin_object();
  write_lot_fields(json, e);
  json.key("clauses").begin_array();
  for (const auto& c : e.clauses) write_clause(json, c, reasons);
  json.end_array();
  json.end_object();
}

namespace {

class JsonSink final : public EvaluationSink {
 public:
  JsonSink(std::ostream& out, JsonTrailer trailer, ReasonsMode reasons)
      : json_(out), trailer_(std::move(trailer)), reasons_(reasons) {}

  void begin(const std::vector<engine::ClauseInfo>& types) override {
    json_.begin_object();
    json_.field("format", "clausier-evaluation");
    json_.key("version").value(std::int64_t{2});
    json_.field("reasons", reasons_mode_name(reasons_));
    write_clause_types(json_, types);
    json_.key("lots").begin_array();
  }

  void lot(const LotEvaluation& e) override { write_lot(json_, e, reasons_); }

  void end(const std::vector<Diagnostic>& diagnostics, const RunSummary& summary) override {
    json_.end_array();
    json_.key("diagnostics").begin_array();
    for (const auto& d : diagnostics) write_diagnostic(json_, d);
    json_.end_array();
    json_.key("summary").begin_object();
    json_.key("lots_evaluated").value(static_cast<std::int64_t>(summary.lots_evaluated));
    json_.key("rows_rejected").value(static_cast<std::int64_t>(summary.rows_rejected));
    json_.key("plugin_failures").value(static_cast<std::int64_t>(summary.plugin_failures));
    json_.end_object();
    if (trailer_) trailer_(json_, summary);
    json_.end_object();
  }

 private:
  JsonWriter json_;
  JsonTrailer trailer_;
  ReasonsMode reasons_;
};

}  // namespace

std::unique_ptr<EvaluationSink> make_json_sink(std::ostream& out, JsonTrailer trailer, ReasonsMode reasons) {
  return std::make_unique<JsonSink>(out, std::move(trailer), reasons);
}

}  // namespace clausier::writers
