#pragma once
// The toolkit (rules, plugins, templates) the server runs with, reloaded when
// its files change on disk. A watcher thread polls the folders' files (name,
// size, modification time); on a change it loads a new toolkit aside and, if
// it loaded without error, swaps it in. A broken edit keeps the last good
// toolkit running and is kept as the last reload error (shown on "Règles").
// Requests take a snapshot (a shared_ptr) and keep it to their end, so a swap
// never changes a toolkit in use.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/resources.hpp"
#include "app/toolkit.hpp"
#include "base/diagnostic.hpp"

namespace clausier::server {

struct ToolkitSnapshot {
  std::shared_ptr<const app::Toolkit> toolkit;
  std::uint64_t generation = 0;  // unique to this loaded toolkit, across stores
  std::string loaded_at;         // "2027-03-01 14:05:09" (local time)
};

struct ReloadError {
  std::string at;                       // when the failed reload was attempted
  std::vector<Diagnostic> diagnostics;  // what failed, located
};

class ToolkitStore {
 public:
  // Loads the toolkit once (its problems go to `diags`) and, when `poll` is
  // not zero, starts watching its files.
  ToolkitStore(app::ResourcePaths paths, std::chrono::milliseconds poll, DiagnosticSink& diags);
  ~ToolkitStore();
  ToolkitStore(const ToolkitStore&) = delete;
  ToolkitStore& operator=(const ToolkitStore&) = delete;

  [[nodiscard]] ToolkitSnapshot current() const;
  // The error of the last reload, when it failed (empty once a reload succeeds).
  [[nodiscard]] std::vector<ReloadError> last_error() const;
  // The diagnostics of the toolkit in use (warnings of a good load).
  [[nodiscard]] std::vector<Diagnostic> current_diagnostics() const;

  // Checks the files now and reloads if they changed; true when a new
  // toolkit was swapped in. The watcher thread calls this.
  bool check_now();

 private:
  void watch();
  [[nodiscard]] std::string fingerprint() const;

  app::ResourcePaths paths_;
  std::chrono::milliseconds poll_;
  mutable std::mutex mutex_;
  ToolkitSnapshot current_;
  std::vector<Diagnostic> current_diagnostics_;
  std::vector<ReloadError> error_;
  std::string fingerprint_;
  std::mutex check_mutex_;  // one check at a time
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  std::thread watcher_;
};

}  // namespace clausier::server
