#include "server/programme_input.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <vector>

namespace clausier::server {
namespace {

// Keeps the uploaded programme in memory.
class UploadPart final : public Poco::Net::PartHandler {
 public:
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    std::string disposition;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, params);
    if (params.get("name", "") != "programme") return;
    file_name = params.get("filename", "programme");
    Poco::StreamCopier::copyToString(stream, content);
    found = true;
  }
  bool found = false;
  std::string file_name;
  std::string content;
};

std::string text_of(const Poco::Dynamic::Var& value) {
  if (value.isEmpty()) return "";
  if (value.type() == typeid(bool)) return value.extract<bool>() ? "oui" : "non";
  if (value.isNumeric()) {
    const double d = value.convert<double>();
    char text[64];
    if (std::nearbyint(d) == d && std::fabs(d) < 1e15) {
      std::snprintf(text, sizeof text, "%lld", static_cast<long long>(d));
    } else {
      std::snprintf(text, sizeof text, "%.12g", d);
    }
    return text;
  }
  std::string s = value.convert<std::string>();
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';  // one line per lot
  }
  return s;
}

std::string csv_field(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// The file name shown in diagnostics: the upload's base name, without any folder.
std::string upload_name(std::string name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name.erase(0, slash + 1);
  return name.empty() ? "programme" : name;
}

}  // namespace

std::string lots_json_to_csv(const std::string& json, std::map<std::string, std::string>& fields,
                             std::string& error) {
  Poco::JSON::Object::Ptr root;
  try {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));  // columns in the order given
    root = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    error = "le corps de la requête n'est pas un objet JSON valide (" + e.displayText() +
            ") : envoyez {\"lots\": [{\"reference\": …}]}";
    return "";
  } catch (const std::exception&) {
    error = "le corps de la requête n'est pas un objet JSON : envoyez {\"lots\": [{\"reference\": …}]}";
    return "";
  }
  if (!root) {
    error = "le corps de la requête n'est pas un objet JSON : envoyez {\"lots\": [{\"reference\": …}]}";
    return "";
  }
  for (const auto& key : root->getNames()) {
    const Poco::Dynamic::Var value = root->get(key);
    if (key != "lots" && key != "consultation" && !value.isArray() && !value.isStruct())
      fields[key] = text_of(value);
  }
  const Poco::JSON::Array::Ptr lots = root->getArray("lots");
  if (!lots || lots->empty()) {
    error = "aucun lot : la clé « lots » doit être une liste d'au moins un lot";
    return "";
  }
  const Poco::JSON::Object::Ptr shared = root->getObject("consultation");

  std::vector<std::string> keys;
  std::vector<std::map<std::string, std::string>> rows;
  const auto add = [&](std::map<std::string, std::string>& row, const Poco::JSON::Object::Ptr& object) {
    if (!object) return;
    for (const auto& key : object->getNames()) {  // in the order written
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
      row[key] = text_of(object->get(key));
    }
  };
  for (std::size_t i = 0; i < lots->size(); ++i) {
    std::map<std::string, std::string> row;
    add(row, shared);
    const Poco::JSON::Object::Ptr lot = lots->getObject(static_cast<unsigned>(i));
    if (!lot) {
      error =
          "lots[" + std::to_string(i) + "] n'est pas un objet : décrivez chaque lot par {\"clé\": valeur}";
      return "";
    }
    add(row, lot);
    rows.push_back(std::move(row));
  }
  std::string csv;
  for (std::size_t k = 0; k < keys.size(); ++k) csv += (k > 0 ? ";" : "") + csv_field(keys[k]);
  csv += '\n';
  for (const auto& row : rows) {
    for (std::size_t k = 0; k < keys.size(); ++k) {
      const auto it = row.find(keys[k]);
      csv += (k > 0 ? ";" : "") + csv_field(it == row.end() ? "" : it->second);
    }
    csv += '\n';
  }
  return csv;
}

Location form_location(Location where) {
  if (where.file != form_name || where.line < 2) return where;
  where.path =
      "lots[" + std::to_string(where.line - 2) + "]" + (where.column.empty() ? "" : "." + where.column);
  where.line = 0;
  where.column.clear();
  return where;
}

ProgrammeInput read_programme_input(const Poco::Net::HTTPServerRequest& request, const std::string& body,
                                    DiagnosticSink& diags) {
  ProgrammeInput input;
  const std::string type = request.getContentType();
  std::string json;
  if (type.rfind("multipart/form-data", 0) == 0 || type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    UploadPart upload;
    std::istringstream in(body);
    try {
      Poco::Net::HTMLForm form;
      form.setFieldLimit(64);
      form.load(request, in, upload);
      for (const auto& [name, value] : form) {
        if (name == "request") {
          json = value;
        } else {
          input.fields[name] = value;
        }
      }
    } catch (const Poco::Exception& e) {
      input.error = "formulaire illisible (" + e.displayText() + ")";
      return input;
    }
    if (upload.found) {
      Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
      sha.update(upload.content.data(), static_cast<unsigned>(upload.content.size()));
      input.source_sha256 = Poco::DigestEngine::digestToHex(sha.digest());
      input.source_name = upload_name(upload.file_name);
      input.programme =
          readers::programme_from_memory(std::move(upload.content), upload_name(upload.file_name), diags);
      if (!input.programme) input.error = "le fichier envoyé ne peut pas être lu comme une programmation";
      return input;
    }
    if (json.empty()) {
      // A programme of the workspace, named: the caller opens it.
      if (const auto it = input.fields.find("workspace"); it != input.fields.end() && !it->second.empty())
        return input;
      input.error =
          "aucune programmation : joignez un fichier (champ « programme »), décrivez les lots en JSON ou "
          "nommez une programmation de l'espace de travail (champ « workspace »)";
      return input;
    }
  } else if (type.rfind("application/json", 0) == 0) {
    json = body;
  } else {
    input.error = "type de contenu « " + type +
                  " » non pris en charge : envoyez multipart/form-data (fichier) ou application/json (lots)";
    return input;
  }
  std::string error;
  std::string csv = lots_json_to_csv(json, input.fields, error);
  if (!error.empty()) {
    input.error = error;
    return input;
  }
  input.from_json = true;
  input.programme = readers::programme_from_memory(std::move(csv), std::string(form_name), diags);
  if (!input.programme) input.error = "les lots décrits ne peuvent pas être lus";
  return input;
}

}  // namespace clausier::server
