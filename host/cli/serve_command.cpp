// clausier serve: the web application (host/server/) until Ctrl+C or SIGTERM.

#include <Poco/Exception.h>
#include <Poco/Net/SSLException.h>
#include <pthread.h>

#include <csignal>
#include <cstdlib>
#include <iostream>

#include "app/accounts.hpp"
#include "app/workspace.hpp"
#include "base/french.hpp"
#include "base/paths.hpp"
#include "cli/common.hpp"
#include "server/server.hpp"

namespace clausier::cli {
namespace {

// A whole number in [low, high], or nothing.
std::optional<long> bounded(const std::optional<std::string>& text, long low, long high) {
  if (!text) return std::nullopt;
  char* end = nullptr;
  const long value = std::strtol(text->c_str(), &end, 10);
  if (text->empty() || *end != '\0' || value < low || value > high) return std::nullopt;
  return value;
}

}  // namespace

int run_serve(const std::vector<std::string>& argv) {
  const auto specs = with_common(
      {
          {"--bind", "", true, "ADRESSE", "adresse d'écoute (par défaut : 127.0.0.1, ce poste seulement)"},
          {"--port", "", true, "PORT", "port d'écoute (par défaut : 8080 ; 0 : un port libre)"},
          {"--token", "", true, "JETON",
           "jeton exigé de chaque visiteur (par défaut : la variable CLAUSIER_TOKEN, sinon aucun)"},
          {"--max-upload", "", true, "MO", "taille maximale d'un envoi, en mégaoctets (par défaut : 20)"},
          {"--threads", "", true, "N", "requêtes traitées à la fois (par défaut : 4)"},
          {"--timeout", "", true, "SECONDES",
           "délai de réception ou d'envoi sur une connexion (par défaut : 30)"},
          {"--db", "", true, "URL",
           "base de l'espace de travail (par défaut : la variable CLAUSIER_DB, sinon sqlite:clausier.db)"},
          {"--tls-cert", "", true, "FICHIER", "certificat TLS (PEM) : le serveur répond en HTTPS"},
          {"--tls-key", "", true, "FICHIER", "clé privée du certificat TLS (PEM)"},
          {"--queue", "", true, "N",
           "connexions en attente au plus ; au-delà, réponse 503 avec Retry-After (par défaut : 64 par fil)"},
          {"--session-ttl", "", true, "SECONDES",
           "durée d'une session après la connexion (par défaut : 28800, 8 h)"},
      },
      {.as_of = false, .no_policy = false});
  const auto parsed = parse_args(argv, specs);
  if (!parsed.error.empty()) return usage_error(parsed.error, "serve");
  const ParsedArgs& args = parsed.args;
  if (args.has("--help")) {
    return command_help(
        "clausier serve [--bind 127.0.0.1] [--port 8080] [--token JETON] [--db URL] [--rules DOSSIER] …",
        "Lance l'application web : l'atelier des programmations (import dans l'espace de travail,\n"
        "décisions lot par lot, historique, documents), rédaction d'une consultation évaluée à mesure\n"
        "de la saisie, référence des règles, et l'API JSON (POST /api/evaluate, POST /api/render,\n"
        "GET /api/rules, /api/programmes… ; voir README.md et docs/workspace.md).\n"
        "Les règles, plugins et modèles sont rechargés dès qu'ils changent ; une modification en erreur\n"
        "laisse les précédents en service et s'affiche sur la page « Règles ». Ctrl+C arrête le serveur.",
        specs);
  }
  if (!args.positional.empty()) return usage_error("serve ne prend pas d'argument", "serve");
  const CommonSetup setup = common_setup(args);
  if (!setup.error.empty()) return usage_error(setup.error, "serve");

  server::ServerOptions options;
  options.bind = args.value("--bind").value_or(options.bind);
  if (auto v = args.value("--port")) {
    const auto port = bounded(v, 0, 65535);
    if (!port) return usage_error("port invalide « " + *v + " » : un nombre de 0 à 65535", "serve");
    options.port = static_cast<std::uint16_t>(*port);
  }
  if (auto v = args.value("--max-upload")) {
    const auto mb = bounded(v, 1, 4096);
    if (!mb)
      return usage_error("taille invalide « " + *v + " » pour --max-upload : un nombre de 1 à 4096", "serve");
    options.max_upload = static_cast<std::size_t>(*mb) * 1024 * 1024;
  }
  if (auto v = args.value("--threads")) {
    const auto n = bounded(v, 1, 256);
    if (!n) return usage_error("nombre invalide « " + *v + " » pour --threads : de 1 à 256", "serve");
    options.threads = static_cast<int>(*n);
  }
  if (auto v = args.value("--timeout")) {
    const auto s = bounded(v, 1, 3600);
    if (!s)
      return usage_error("délai invalide « " + *v + " » pour --timeout : de 1 à 3600 secondes", "serve");
    options.timeout = std::chrono::seconds(*s);
  }
  if (auto v = args.value("--queue")) {
    const auto n = bounded(v, 1, 100000);
    if (!n) return usage_error("nombre invalide « " + *v + " » pour --queue : de 1 à 100000", "serve");
    options.queue = static_cast<int>(*n);
  }
  if (auto v = args.value("--session-ttl")) {
    const auto s = bounded(v, 1, 30L * 24 * 3600);
    if (!s)
      return usage_error("durée invalide « " + *v + " » pour --session-ttl : de 1 à 2592000 secondes",
                         "serve");
    options.session_lifetime = std::chrono::seconds(*s);
  }
  options.tls_cert = args.value("--tls-cert").value_or("");
  options.tls_key = args.value("--tls-key").value_or("");
  if (options.tls_cert.empty() != options.tls_key.empty())
    return usage_error("donnez le certificat et sa clé ensemble : --tls-cert FICHIER --tls-key FICHIER",
                       "serve");
  if (auto v = args.value("--token")) {
    options.token = *v;
  } else if (const char* env = std::getenv("CLAUSIER_TOKEN")) {
    options.token = env;
  }

  // SIGINT and SIGTERM are waited for below; blocked before any thread
  // starts, so that every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  // The workspace, opened (and migrated) once: a database that cannot be
  // opened stops here, before the server listens.
  std::optional<app::Workspace> workspace;
  try {
    workspace.emplace(app::Workspace::open(app::database_url(args.value("--db"))));
  } catch (const app::WorkspaceError& e) {
    std::cerr << "clausier" << fr::colon << " " << fr::typography(e.what()) << "\n";
    return 1;
  }

  DiagnosticList diags;
  server::ToolkitStore store(setup.paths, std::chrono::milliseconds(1000), diags);
  print_diagnostics(diags);
  announce_policy(*store.current().toolkit, setup);
  server::Server http(options, store, *workspace);
  try {
    http.start();
  } catch (const Poco::Net::SSLException& e) {
    std::cerr << "clausier" << fr::colon << " certificat ou clé TLS illisible (" << e.displayText() << ")"
              << fr::colon << " vérifiez " << options.tls_cert << " et " << options.tls_key
              << " (PEM, la clé correspondant au certificat)\n";
    return 1;
  } catch (const Poco::Exception& e) {
    std::cerr << "clausier" << fr::colon << " impossible d'écouter sur " << options.bind << ":"
              << options.port << " (" << e.displayText() << ")" << fr::colon
              << " choisissez un autre port avec --port, ou une autre adresse avec --bind\n";
    return 1;
  }
  const std::string host =
      options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
  std::cout << "clausier serve" << fr::colon << " à l'écoute sur "
            << (options.tls_cert.empty() ? "http" : "https") << "://" << host << ":" << http.port() << "/"
            << (options.token.empty() ? "" : "  (jeton exigé : ouvrez /?token=…)") << "\n"
            << "Espace de travail" << fr::colon << " " << workspace->display_name()
            << (workspace->accounts().has_users() ? " (comptes : connexion exigée)"
                                                  : " (ouvert : aucun compte)")
            << "\n"
            << "Ctrl+C pour arrêter." << std::endl;
  int signal = 0;
  sigwait(&stop_signals, &signal);
  std::cout << "Arrêt du serveur : les requêtes en cours se terminent." << std::endl;
  http.stop();
  std::cout << "Serveur arrêté." << std::endl;
  return 0;
}

}  // namespace clausier::cli
