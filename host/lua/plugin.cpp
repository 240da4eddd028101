#include "lua/plugin.hpp"

#include <algorithm>
#include <system_error>

#include "base/lua_files.hpp"
#include "base/paths.hpp"
#include "lua/plugin_runtime.hpp"

namespace clausier::lua {
namespace {

// One plugin seen by the engine: a view of the runtime it shares with the
// other plugins of its set.
class PluginClauseType final : public engine::ClauseType {
 public:
  PluginClauseType(std::shared_ptr<PluginRuntime> runtime, std::size_t index)
      : runtime_(std::move(runtime)), index_(index) {}

  [[nodiscard]] const engine::ClauseInfo& info() const override { return runtime_->plugins()[index_].info; }

  ClauseResult evaluate(const Lot& lot, const ConsultationTotals& consultation, Date date) override {
    return runtime_->evaluate(index_, lot, consultation, date);
  }

 private:
  std::shared_ptr<PluginRuntime> runtime_;
  std::size_t index_;
};

Location file_location(const std::filesystem::path& p) {
  Location where;
  where.file = display_path(p);
  return where;
}

// The plugin files of `dir`, sorted; nullopt (reported) when it cannot be listed.
std::optional<std::vector<std::filesystem::path>> plugin_files(const std::filesystem::path& dir,
                                                               DiagnosticSink& diags) {
  std::error_code ec;
  std::vector<std::filesystem::path> files = lua_files(dir, ec);
  if (ec) {
    diags.error(file_location(dir),
                "le dossier des plugins est illisible ou n'existe pas (" + ec.message() + ")");
    return std::nullopt;
  }
  return files;
}

// The texts of `files`; an unreadable one is reported with `unreadable` and left out.
std::vector<PluginSource> read_sources(const std::vector<std::filesystem::path>& files,
                                       const char* unreadable, DiagnosticSink& diags) {
  std::vector<PluginSource> out;
  for (const auto& file : files) {
    PluginSource source{display_path(file), {}};
    if (!read_file(file, source.text)) {
      diags.error(file_location(file), unreadable);
      continue;
    }
    out.push_back(std::move(source));
  }
  return out;
}

}  // namespace

PluginSet::PluginSet(std::shared_ptr<PluginRuntime> runtime) : runtime_(std::move(runtime)) {}

PluginSet::~PluginSet() = default;

std::unique_ptr<PluginSet> PluginSet::load(const std::filesystem::path& dir,
                                           const params::ParameterSet& params, Limits limits,
                                           DiagnosticSink& diags) {
  const auto files = plugin_files(dir, diags);
  if (!files) return nullptr;
  if (files->empty()) diags.warning(file_location(dir), "aucun plugin (fichier .lua) dans ce dossier");
  std::vector<PluginSource> sources = read_sources(*files, "fichier illisible : ce plugin est ignoré", diags);
  std::vector<PluginSource> libraries;
  if (std::error_code ec; std::filesystem::is_directory(dir / "lib", ec)) {
    if (const auto lib_files = plugin_files(dir / "lib", diags)) {
      libraries =
          read_sources(*lib_files, "fichier illisible : les plugins qui l'incluent échoueront", diags);
    }
  }
  return load_sources(std::move(sources), params, limits, diags, std::move(libraries));
}

std::unique_ptr<PluginSet> PluginSet::load_sources(std::vector<PluginSource> sources,
                                                   const params::ParameterSet& params, Limits limits,
                                                   DiagnosticSink& diags,
                                                   std::vector<PluginSource> libraries) {
  auto runtime = std::make_shared<PluginRuntime>(params, limits, std::move(libraries));
  for (auto& source : sources) runtime->add(std::move(source.text), source.display, diags);
  runtime->sort();
  return std::unique_ptr<PluginSet>(new PluginSet(std::move(runtime)));
}

std::unique_ptr<PluginSet> PluginSet::clone() const {
  std::vector<PluginSource> sources;
  for (const auto& plugin : runtime_->plugins()) sources.push_back({plugin.info.source, plugin.source});
  DiagnosticList already_reported;
  return load_sources(std::move(sources), runtime_->params(), runtime_->limits(), already_reported,
                      runtime_->libraries());
}

std::vector<std::unique_ptr<engine::ClauseType>> PluginSet::clause_types() const {
  std::vector<std::unique_ptr<engine::ClauseType>> out;
  out.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) out.push_back(std::make_unique<PluginClauseType>(runtime_, i));
  return out;
}

std::vector<engine::ClauseInfo> PluginSet::infos() const {
  std::vector<engine::ClauseInfo> out;
  for (const auto& plugin : runtime_->plugins()) out.push_back(plugin.info);
  return out;
}

std::size_t PluginSet::size() const { return runtime_->plugins().size(); }

}  // namespace clausier::lua
