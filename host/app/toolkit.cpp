#include "app/toolkit.hpp"

#include <algorithm>

#include "app/policy.hpp"
#include "app/rules_fingerprint.hpp"
#include "lua/rules_loader.hpp"

namespace clausier::app {

Toolkit Toolkit::load(const ResourcePaths& paths, DiagnosticSink& diags, Options options) {
  Toolkit t;
  t.paths_ = paths;
  DiagnosticList local;
  t.params_ = lua::load_rules(paths.rules, local);
  if (!paths.policy.empty()) {
    if (auto policy = lua::load_policy(paths.policy, t.params_, local)) {
      t.policy_file_ = policy->file;
      t.policy_parameters_ = apply_policy(t.params_, *policy);
    }
  }
  t.coverage_ = rules_coverage(t.params_);
  t.plugins_ = lua::PluginSet::load(paths.plugins, t.params_, lua::Limits{}, local);
  if (t.plugins_) {
    for (const auto& type : t.plugins_->clause_types()) t.infos_.push_back(type->info());
  }
  if (options.templates)
    t.templates_ =
        render::TemplateSet::load(paths.templates, local, default_data_dir() / "templates" / "_formats");
  t.failed_ = local.has_errors();
  local.drain_into(diags);
  return t;
}

engine::Evaluator Toolkit::evaluator(std::optional<Date> as_of) const {
  std::vector<std::unique_ptr<engine::ClauseType>> types;
  if (plugins_) types = plugins_->clause_types();
  return engine::Evaluator(std::move(types), as_of);
}

engine::Evaluator Toolkit::thread_evaluator(std::optional<Date> as_of) const {
  std::vector<std::unique_ptr<engine::ClauseType>> types;
  if (plugins_) types = plugins_->clone()->clause_types();  // the types keep the new state alive
  return engine::Evaluator(std::move(types), as_of);
}

std::vector<engine::Evaluator> Toolkit::evaluators(std::optional<Date> as_of, std::size_t count) const {
  std::vector<engine::Evaluator> out;
  out.reserve(count);
  out.push_back(evaluator(as_of));
  for (std::size_t i = 1; i < count; ++i) {
    out.push_back(thread_evaluator(as_of));
  }
  return out;
}

engine::Evaluator Toolkit::evaluator(std::optional<Date> as_of, const std::vector<std::string>& only) const {
  std::vector<std::unique_ptr<engine::ClauseType>> types;
  if (plugins_) {
    for (auto& type : plugins_->clause_types()) {
      if (std::find(only.begin(), only.end(), type->info().id) != only.end())
        types.push_back(std::move(type));
    }
  }
  return engine::Evaluator(std::move(types), as_of);
}

const std::string& Toolkit::fingerprint() const {
  std::call_once(fingerprint_->once, [this] { fingerprint_->value = rules_fingerprint(paths_); });
  return fingerprint_->value;
}

}  // namespace clausier::app
