#include "store/result_json.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "writers/json_writer.hpp"

namespace clausier::store {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

void write_strings(writers::JsonWriter& w, std::string_view key, const std::vector<std::string>& list,
                   TextDictionary* texts = nullptr) {
  if (list.empty()) return;
  w.key(key).begin_array();
  for (const auto& s : list) {
    const int id = texts != nullptr ? texts->intern(s) : -1;
    id >= 0 ? w.value(static_cast<std::int64_t>(id)) : w.value(s);
  }
  w.end_array();
}

std::string trace_json(const TraceEntry& t) {
  std::ostringstream out;
  writers::JsonWriter w(out, 0);
  w.begin_array()
      .value(t.parameter)
      .value(t.key)
      .value(t.matched)
      .value(t.value)
      .value(t.from)
      .value(t.reference)
      .value(t.status)
      .value(t.source)
      .end_array();
  return out.str();
}

const std::string& text_at(const std::vector<std::string>& texts, const Poco::Dynamic::Var& v) {
  const auto id = v.convert<std::int64_t>();
  if (id < 0 || static_cast<std::size_t>(id) >= texts.size())
    throw std::runtime_error("texte enregistré n° " + std::to_string(id) + " introuvable");
  return texts[static_cast<std::size_t>(id)];
}

std::vector<std::string> strings(const Object::Ptr& o, const std::string& key,
                                 const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  if (!o->has(key)) return out;
  for (const auto& v : *o->getArray(key))
    out.push_back(v.isString() ? v.convert<std::string>() : text_at(texts, v));
  return out;
}

std::string text(const Object::Ptr& o, const std::string& key) {
  return o->has(key) && !o->isNull(key) ? o->getValue<std::string>(key) : std::string();
}

}  // namespace

int TextDictionary::intern(const std::string& text) {
  if (const auto it = ids_.find(text); it != ids_.end()) return it->second;
  if (ids_.size() >= capacity_) return -1;
  const int id = static_cast<int>(ids_.size());
  ids_.emplace(text, id);
  new_.emplace_back(id, text);
  return id;
}

std::vector<std::pair<int, std::string>> TextDictionary::take_new() { return std::exchange(new_, {}); }

std::string results_to_json(const std::vector<ClauseResult>& clauses, TextDictionary* texts) {
  std::ostringstream out;
  writers::JsonWriter w(out, 0);
  w.begin_array();
  for (const auto& c : clauses) {
    w.begin_object();
    w.field("type", c.type);
    if (c.verdict) w.field("verdict", verdict_id(*c.verdict));
    if (c.hours) w.field("hours", *c.hours);
    if (!c.values.empty()) {
      w.key("values").begin_object();
      for (const auto& v : c.values) {
        w.key(v.name);
        std::visit([&](const auto& x) { w.value(x); }, v.value);
      }
      w.end_object();
    }
    write_strings(w, "reasons", clausier::texts(c.reasons), texts);
    write_strings(w, "basis", c.basis, texts);
    write_strings(w, "warnings", clausier::texts(c.warnings), texts);
    if (!c.trace.empty()) {
      w.key("trace").begin_array();
      for (const auto& t : c.trace) {
        const std::string entry = trace_json(t);
        const int id = texts != nullptr ? texts->intern(entry) : -1;
        id >= 0 ? w.value(static_cast<std::int64_t>(id)) : w.raw(entry);
      }
      w.end_array();
    }
    if (c.error) {
      w.key("error").begin_object();
      w.field("location", c.error->location.str()).field("message", c.error->message);
      w.end_object();
    }
    if (c.killed) w.field("killed", true);
    if (c.suspended) w.field("suspended", true);
    w.end_object();
  }
  w.end_array();
  return out.str();
}

std::vector<ClauseResult> results_from_json(const std::string& json, const std::vector<std::string>& texts) {
  Poco::JSON::Parser parser;
  const auto root = parser.parse(json).extract<Array::Ptr>();
  if (!root) throw std::runtime_error("résultats enregistrés illisibles");
  std::vector<ClauseResult> out;
  out.reserve(root->size());
  for (std::size_t i = 0; i < root->size(); ++i) {
    const auto o = root->getObject(static_cast<unsigned>(i));
    if (!o) throw std::runtime_error("résultats enregistrés illisibles");
    ClauseResult c;
    c.type = text(o, "type");
    if (o->has("verdict")) c.verdict = verdict_from_id(text(o, "verdict"));
    if (o->has("hours")) c.hours = o->getValue<std::int64_t>("hours");
    if (const auto values = o->getObject("values")) {
      std::vector<std::string> names;
      values->getNames(names);
      for (const auto& name : names) {
        const auto v = values->get(name);
        if (v.isBoolean()) {
          c.values.push_back({name, v.extract<bool>()});
        } else if (v.isString()) {
          c.values.push_back({name, v.extract<std::string>()});
        } else {
          c.values.push_back({name, v.convert<double>()});
        }
      }
      std::sort(c.values.begin(), c.values.end(),
                [](const auto& a, const auto& b) { return a.name < b.name; });
    }
    for (auto& r : strings(o, "reasons", texts)) c.reasons.emplace_back(std::move(r));
    c.basis = strings(o, "basis", texts);
    for (auto& w : strings(o, "warnings", texts)) c.warnings.emplace_back(std::move(w));
    if (const auto trace = o->getArray("trace")) {
      for (std::size_t t = 0; t < trace->size(); ++t) {
        Array::Ptr e;
        if (trace->isArray(static_cast<unsigned>(t))) {
          e = trace->getArray(static_cast<unsigned>(t));
        } else {
          Poco::JSON::Parser entry_parser;
          e = entry_parser.parse(text_at(texts, trace->get(static_cast<unsigned>(t)))).extract<Array::Ptr>();
        }
        if (!e || e->size() != 8) throw std::runtime_error("trace enregistrée illisible");
        const auto at = [&](unsigned k) { return e->getElement<std::string>(k); };
        c.trace.push_back({at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7)});
      }
    }
    if (const auto error = o->getObject("error")) {
      Diagnostic d;
      d.location.file = text(error, "location");
      d.message = text(error, "message");
      c.error = std::move(d);
    }
    c.killed = o->has("killed");
    c.suspended = o->has("suspended");
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace clausier::store
