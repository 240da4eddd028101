#pragma once
// Everything an evaluation needs, loaded once: the rule parameters, the
// plugins (one Lua state per worker) and, for documents, the templates.
// Loading reports every problem and keeps what is valid.

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/resources.hpp"
#include "app/rules_coverage.hpp"
#include "base/diagnostic.hpp"
#include "engine/evaluator.hpp"
#include "lua/plugin.hpp"
#include "params/parameter.hpp"
#include "render/template_set.hpp"

namespace clausier::app {

class Toolkit {
 public:
  struct Options {
    bool templates = false;  // load templates too (render, draft)
  };

  static Toolkit load(const ResourcePaths& paths, DiagnosticSink& diags, Options options);

  [[nodiscard]] const ResourcePaths& paths() const { return paths_; }
  // rules_fingerprint(paths()), computed once per toolkit (the server asks
  // it at each workspace request; its files are read again only when a
  // changed set is loaded as a new toolkit).
  [[nodiscard]] const std::string& fingerprint() const;
  [[nodiscard]] const params::ParameterSet& params() const { return params_; }
  [[nodiscard]] const std::vector<engine::ClauseInfo>& clause_infos() const { return infos_; }
  // From when the rules describe the law (app/rules_coverage.hpp); null when they do not say.
  [[nodiscard]] const RulesCoverage* coverage() const { return coverage_ ? &*coverage_ : nullptr; }
  [[nodiscard]] const render::TemplateSet& templates() const { return templates_; }
  // The local policy applied over the rules (paths().policy), when one was
  // given and could be read: its file as shown to users, and the parameters
  // it replaced or added.
  [[nodiscard]] const std::string& policy_file() const { return policy_file_; }
  [[nodiscard]] const std::vector<std::string>& policy_parameters() const { return policy_parameters_; }
  // True when a rules file, a plugin or a template could not be loaded:
  // results are partial and the exit status is 3.
  [[nodiscard]] bool failed() const { return failed_; }

  // A fresh evaluator over this toolkit's plugins (one per worker).
  [[nodiscard]] engine::Evaluator evaluator(std::optional<Date> as_of) const;
  // A fresh evaluator with its own Lua state (the plugins loaded again from
  // their texts): for another thread, since a Lua state is used by one thread
  // at a time.
  [[nodiscard]] engine::Evaluator thread_evaluator(std::optional<Date> as_of) const;
  // `count` (>= 1) evaluators for as many worker threads: the first over this
  // toolkit's plugins, each other over a copy of them in its own Lua state.
  [[nodiscard]] std::vector<engine::Evaluator> evaluators(std::optional<Date> as_of, std::size_t count) const;
  // The same with only the clause types of these ids (rule test cases).
  [[nodiscard]] engine::Evaluator evaluator(std::optional<Date> as_of,
                                            const std::vector<std::string>& only) const;

 private:
  ResourcePaths paths_;
  struct Fingerprint {
    std::once_flag once;
    std::string value;
  };
  std::shared_ptr<Fingerprint> fingerprint_ = std::make_shared<Fingerprint>();
  params::ParameterSet params_;
  std::shared_ptr<lua::PluginSet> plugins_;
  std::vector<engine::ClauseInfo> infos_;
  std::optional<RulesCoverage> coverage_;
  render::TemplateSet templates_;
  std::string policy_file_;
  std::vector<std::string> policy_parameters_;
  bool failed_ = false;
};

}  // namespace clausier::app
