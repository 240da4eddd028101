#include "writers/pdf_converter.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "base/date.hpp"
#include "render/markup.hpp"
#include "render/renderer.hpp"
#include "render/template_set.hpp"
#include "test_paths.hpp"
#include "writers/documents.hpp"
#include "writers/review_office.hpp"

using namespace clausier;

namespace {

// Sets an environment variable for a scope, then puts back what was there.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// A DOCX of a few lines, in the shipped skeleton.
std::string small_docx(const std::string& title) {
  DiagnosticList diags;
  const auto templates = render::TemplateSet::load(testing::source_path("templates"), diags);
  const auto doc = render::markup::parse("# " + title + "\n\nUn paragraphe.\n", {"essai.md", "", {}}, diags);
  writers::ReviewData data;
  data.programme = "essai.csv";
  data.generated = *Date::from_ymd(2026, 11, 22);
  const render::View view = writers::review_view(data, "Acheteur");
  const auto bytes = writers::format_document("docx", doc, render::PreparedView(view), templates,
                                              data.generated, diags, Location::in_file("essai.md"));
  CHECK_FALSE(diags.has_errors());
  REQUIRE(bytes.has_value());
  return *bytes;
}

}  // namespace

TEST_CASE("pdf: without LibreOffice, the batch says how to install it and converts nothing") {
  const ScopedEnv no_soffice("CLAUSIER_SOFFICE", "/nonexistent/soffice");
  CHECK_FALSE(writers::find_soffice().has_value());
  writers::PdfBatch batch;
  CHECK(batch.error().find("apt install libreoffice-writer-nogui") != std::string::npos);
  batch.add("PK", ".docx");
  CHECK_FALSE(batch.convert());
  std::string error;
  CHECK_FALSE(writers::convert_to_pdf("PK", ".docx", error).has_value());
  CHECK(error.find("LibreOffice") != std::string::npos);
}

TEST_CASE("pdf: a batch of documents is converted by one LibreOffice run, each to its own PDF") {
  if (!writers::find_soffice()) {
    FAIL("soffice absent : lancez .ci/install-deps --test");
    return;
  }
  writers::PdfBatch batch;
  REQUIRE(batch.error().empty());
  const std::size_t first = batch.add(small_docx("Premier document"), ".docx");
  const std::size_t second = batch.add(small_docx("Second document"), ".docx");
  REQUIRE(batch.convert());
  for (const std::size_t n : {first, second}) {
    const std::string pdf = batch.pdf_bytes(n);
    CHECK(pdf.starts_with("%PDF-"));
  }
  CHECK(batch.pdf_bytes(first) != batch.pdf_bytes(second));
}

TEST_CASE("pdf: beyond its time, LibreOffice is stopped and no PDF is kept") {
  if (!writers::find_soffice()) {
    FAIL("soffice absent : lancez .ci/install-deps --test");
    return;
  }
  writers::PdfBatch batch;
  const std::size_t n = batch.add(small_docx("Trop long"), ".docx");
  CHECK_FALSE(batch.convert(std::chrono::seconds(0)));
  CHECK(batch.error().find("a dépassé 0 secondes") != std::string::npos);
  CHECK(batch.error().find("Rien n'a été écrit") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(batch.pdf(n)));
}
