#include "writers/pdf_converter.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <system_error>
#include <thread>

#include "base/french.hpp"
#include "base/paths.hpp"

extern char** environ;

namespace clausier::writers {
namespace {

namespace fs = std::filesystem;

// LibreOffice's status when a fresh profile makes it restart: run again.
constexpr int restart_status = 81;
constexpr int attempts = 3;

bool executable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// "file:///tmp/x%20y": the profile folder as LibreOffice's -env option wants it.
std::string file_url(const fs::path& p) {
  std::string out = "file://";
  for (const unsigned char c : p.generic_string()) {
    const bool plain = std::isalnum(c) != 0 || c == '/' || c == '-' || c == '_' || c == '.' || c == '~';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      static constexpr char hex[] = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string tail_of(const fs::path& log) {
  std::string text;
  if (!read_file(log, text)) return {};
  constexpr std::size_t keep = 600;
  if (text.size() > keep) text = "…" + text.substr(text.size() - keep);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

struct RunResult {
  int status = -1;  // exit status, or -1
  bool timed_out = false;
  std::string error;  // the process could not start
};

// Runs `args` in its own process group, output to `log`, input from
// /dev/null; beyond `deadline`, the group is killed.
RunResult run(const std::vector<std::string>& args, const fs::path& log,
              std::chrono::steady_clock::time_point deadline) {
  RunResult result;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0) {
    result.error = std::error_code(spawned, std::generic_category()).message();
    return result;
  }
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      break;
    }
    if (done < 0 && errno != EINTR) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  // Whatever LibreOffice left running in its group ends with it.
  ::kill(-pid, SIGKILL);
  return result;
}

}  // namespace

std::optional<fs::path> find_soffice() {
  if (const char* chosen = std::getenv("CLAUSIER_SOFFICE"); chosen != nullptr && *chosen != '\0') {
    return executable(chosen) ? std::optional<fs::path>(chosen) : std::nullopt;
  }
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  for (const char* name : {"soffice", "libreoffice"}) {
    std::string_view rest(path);
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const std::string_view dir = rest.substr(0, colon);
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
      if (dir.empty()) continue;
      const fs::path candidate = fs::path(dir) / name;
      if (executable(candidate)) return candidate;
    }
  }
  return std::nullopt;
}

std::string soffice_missing_message() {
  return "LibreOffice est nécessaire pour écrire du PDF et n'a pas été trouvé" + std::string(fr::colon) +
         " installez-le (Debian, Ubuntu" + fr::colon + " sudo apt install libreoffice-writer-nogui ; Fedora" +
         fr::colon +
         " sudo dnf install libreoffice-writer ; ou https://fr.libreoffice.org), ou indiquez le programme "
         "soffice dans la variable CLAUSIER_SOFFICE. Rien n'a été écrit.";
}

PdfBatch::PdfBatch() : soffice_(find_soffice()) {
  if (!soffice_) {
    error_ = soffice_missing_message();
    return;
  }
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "clausier-pdf-XXXXXX").string();
  if (ec || ::mkdtemp(pattern.data()) == nullptr) {
    error_ = "impossible de créer un dossier temporaire pour la conversion en PDF" + std::string(fr::colon) +
             " vérifiez le dossier temporaire (variable TMPDIR).";
    return;
  }
  folder_ = pattern;
  fs::create_directories(folder_ / "in", ec);
  fs::create_directories(folder_ / "out", ec);
}

PdfBatch::~PdfBatch() {
  if (folder_.empty()) return;
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

std::size_t PdfBatch::add(std::string_view bytes, std::string_view extension) {
  const std::size_t n = count_++;
  extensions_.emplace_back(extension);
  if (!error_.empty()) return n;
  std::ofstream out(folder_ / "in" / (std::to_string(n) + std::string(extension)), std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    error_ = "impossible d'écrire dans le dossier temporaire de la conversion en PDF (disque plein ?).";
  }
  return n;
}

std::chrono::seconds PdfBatch::default_timeout() const {
  const std::size_t extra = count_ > 10 ? count_ - 10 : 0;
  return std::chrono::seconds(120 + 5 * static_cast<std::int64_t>(extra));
}

fs::path PdfBatch::pdf(std::size_t n) const { return folder_ / "out" / (std::to_string(n) + ".pdf"); }

std::string PdfBatch::pdf_bytes(std::size_t n) const {
  std::string bytes;
  if (!read_file(pdf(n), bytes)) bytes.clear();
  return bytes;
}

bool PdfBatch::convert(std::chrono::seconds timeout) {
  if (!error_.empty()) return false;
  if (count_ == 0) return true;
  std::vector<std::string> args{soffice_->string(),
                                "-env:UserInstallation=" + file_url(folder_ / "profile"),
                                "--headless",
                                "--norestore",
                                "--nologo",
                                "--nodefault",
                                "--nolockcheck",
                                "--convert-to",
                                "pdf",
                                "--outdir",
                                (folder_ / "out").string()};
  for (std::size_t n = 0; n < count_; ++n) {
    args.push_back((folder_ / "in" / (std::to_string(n) + extensions_[n])).string());
  }
  const fs::path log = folder_ / "soffice.log";
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  RunResult result;
  for (int attempt = 0; attempt < attempts; ++attempt) {
    result = run(args, log, deadline);
    if (result.status != restart_status) break;
  }
  if (!result.error.empty()) {
    error_ = "LibreOffice (" + soffice_->string() + ") n'a pas pu être lancé" + fr::colon + " " +
             result.error + ". Rien n'a été écrit.";
    return false;
  }
  if (result.timed_out) {
    error_ = "la conversion en PDF par LibreOffice a dépassé " + std::to_string(timeout.count()) +
             " secondes et a été arrêtée" + fr::colon +
             " réessayez avec moins de documents. Rien n'a été écrit.";
    return false;
  }
  std::size_t missing = 0;
  std::error_code ec;
  for (std::size_t n = 0; n < count_; ++n) {
    if (!fs::is_regular_file(pdf(n), ec) || fs::file_size(pdf(n), ec) == 0) ++missing;
  }
  if (result.status != 0 || missing > 0) {
    error_ = "LibreOffice n'a pas converti " +
             (missing > 0 ? std::to_string(missing) + " document(s) sur " + std::to_string(count_)
                          : std::string("les documents")) +
             " en PDF (statut " + std::to_string(result.status) + ")" + fr::colon + " " +
             (tail_of(log).empty() ? std::string("aucun message") : tail_of(log)) + ". Rien n'a été écrit.";
    return false;
  }
  return true;
}

std::optional<std::string> convert_to_pdf(std::string_view bytes, std::string_view extension,
                                          std::string& error) {
  PdfBatch batch;
  const std::size_t n = batch.add(bytes, extension);
  if (!batch.convert()) {
    error = batch.error();
    return std::nullopt;
  }
  std::string pdf = batch.pdf_bytes(n);
  if (pdf.empty()) {
    error = "le PDF converti n'a pas pu être relu.";
    return std::nullopt;
  }
  return pdf;
}

}  // namespace clausier::writers
