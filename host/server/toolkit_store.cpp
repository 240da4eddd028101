#include "server/toolkit_store.hpp"

#include <algorithm>
#include <atomic>
#include <ctime>
#include <filesystem>
#include <system_error>

namespace clausier::server {
namespace {

std::atomic<std::uint64_t> next_generation{1};

std::string now_text() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
  return text;
}

// "path size mtime" for every file under `root` (or `root` itself), sorted.
void list_files(const std::filesystem::path& root, std::vector<std::string>& out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto describe = [&](const fs::path& p) {
    std::error_code e;
    const auto size = fs::file_size(p, e);
    const auto time = fs::last_write_time(p, e);
    out.push_back(p.string() + ' ' + std::to_string(e ? 0 : size) + ' ' +
                  std::to_string(time.time_since_epoch().count()));
  };
  if (root.empty()) return;
  if (fs::is_regular_file(root, ec)) {
    describe(root);
    return;
  }
  if (!fs::is_directory(root, ec)) {
    out.push_back(root.string() + " absent");
    return;
  }
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) describe(it->path());
  }
}

}  // namespace

ToolkitStore::ToolkitStore(app::ResourcePaths paths, std::chrono::milliseconds poll, DiagnosticSink& diags)
    : paths_(std::move(paths)), poll_(poll) {
  fingerprint_ = fingerprint();
  DiagnosticList loaded;
  current_.toolkit =
      std::make_shared<const app::Toolkit>(app::Toolkit::load(paths_, loaded, {.templates = true}));
  current_.generation = next_generation++;
  current_.loaded_at = now_text();
  current_diagnostics_ = loaded.all();
  if (loaded.has_errors()) error_.push_back({current_.loaded_at, loaded.all()});
  loaded.drain_into(diags);
  if (poll_.count() > 0) watcher_ = std::thread([this] { watch(); });
}

ToolkitStore::~ToolkitStore() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_signal_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

ToolkitSnapshot ToolkitStore::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

std::vector<ReloadError> ToolkitStore::last_error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

std::vector<Diagnostic> ToolkitStore::current_diagnostics() const {
  std::lock_guard lock(mutex_);
  return current_diagnostics_;
}

std::string ToolkitStore::fingerprint() const {
  std::vector<std::string> files;
  list_files(paths_.rules, files);
  list_files(paths_.plugins, files);
  list_files(paths_.templates, files);
  list_files(paths_.policy, files);
  std::sort(files.begin(), files.end());
  std::string all;
  for (const auto& f : files) all += f + '\n';
  return all;
}

bool ToolkitStore::check_now() {
  std::lock_guard check(check_mutex_);
  const std::string seen = fingerprint();
  if (seen == fingerprint_) return false;
  fingerprint_ = seen;
  // Loaded aside, outside the lock: requests go on with the current toolkit.
  DiagnosticList loaded;
  auto toolkit =
      std::make_shared<const app::Toolkit>(app::Toolkit::load(paths_, loaded, {.templates = true}));
  const std::string at = now_text();
  std::lock_guard lock(mutex_);
  if (loaded.has_errors() || toolkit->failed()) {
    error_ = {{at, loaded.all()}};
    return false;
  }
  current_ = {std::move(toolkit), next_generation++, at};
  current_diagnostics_ = loaded.all();
  error_.clear();
  return true;
}

void ToolkitStore::watch() {
  std::unique_lock lock(mutex_);
  while (!stop_signal_.wait_for(lock, poll_, [this] { return stopping_; })) {
    lock.unlock();
    check_now();
    lock.lock();
  }
}

}  // namespace clausier::server
