#include "writers/output_format.hpp"

#include <doctest/doctest.h>

#include <set>

#include "writers/documents.hpp"
#include "writers/evaluation_sink.hpp"
#include "writers/review_office.hpp"

using namespace clausier;
using namespace clausier::writers;

namespace {
constexpr Output outputs[] = {Output::evaluation, Output::documents,   Output::review,       Output::diff,
                              Output::rules_doc,  Output::export_decp, Output::export_eforms};
}

TEST_CASE("output formats: every format an output offers has its entry") {
  for (const Output output : outputs) {
    REQUIRE_FALSE(format_names(output).empty());
    for (const auto& name : format_names(output)) {
      const OutputFormat* f = output_format(name);
      REQUIRE_MESSAGE(f != nullptr, name);
      CHECK(f->name == name);
      CHECK(f->extension == (name == "table" ? std::string(".txt") : "." + name));
      CHECK_FALSE(f->media_type.empty());
      CHECK(offers(output, name));
    }
  }
  CHECK(output_format("rtf") == nullptr);
  CHECK_FALSE(offers(Output::documents, "xlsx"));
  // PDF is converted by LibreOffice from DOCX, for the documents and the review only.
  CHECK(output_format("pdf")->made_from == "docx");
  CHECK(output_format("pdf")->binary);
  CHECK(offers(Output::documents, "pdf"));
  CHECK(offers(Output::review, "pdf"));
  CHECK_FALSE(offers(Output::evaluation, "pdf"));
  CHECK(format_of_file("revue.PDF")->name == "pdf");
}

TEST_CASE("output formats: documents are rendered with their own escaping") {
  for (const auto& name : document_formats()) REQUIRE(output_format(name)->escaping.has_value());
  CHECK(*output_format("docx")->escaping == render::Escaping::xml);
  CHECK(*output_format("odt")->escaping == render::Escaping::xml);
  CHECK(*output_format("html")->escaping == render::Escaping::html);
  CHECK(*output_format("md")->escaping == render::Escaping::markdown);
  // Written from the markup: every format of the documents but the one converted.
  CHECK(document_formats() == std::vector<std::string>{"docx", "odt", "html", "md"});
  CHECK(format_names(Output::documents).back() == "pdf");
}

TEST_CASE("output formats: the choices users read, and the evaluation sinks by name") {
  CHECK(format_choices(Output::evaluation) == "table, json, jsonl, csv ou xlsx");
  CHECK(format_choices(Output::review) == "html, md, docx, odt ou pdf");
  CHECK(format_choices(Output::export_eforms) == "xml");
  std::set<EvaluationFormat> sinks;
  for (const auto& name : format_names(Output::evaluation)) {
    const auto format = evaluation_format(name);
    REQUIRE_MESSAGE(format.has_value(), name);
    sinks.insert(*format);
  }
  CHECK(sinks.size() == format_names(Output::evaluation).size());
  CHECK(evaluation_format("xlsx") == EvaluationFormat::xlsx);
  CHECK_FALSE(evaluation_format("docx").has_value());
  CHECK(is_office_format("docx"));
  CHECK_FALSE(is_office_format("xlsx"));  // binary, but not a review format
  CHECK_FALSE(is_office_format("html"));
  CHECK_FALSE(is_office_format("pdf"));  // converted from the DOCX, not written from the markup
}
