#pragma once
// The office formats of a document, from its parsed markup: the WordprocessingML
// body of a DOCX (word/document.xml) with the list instances it needs
// (word/numbering.xml), and the ODF text body of an ODT (content.xml).
// The styles named here are defined by the skeletons of templates/_formats/.

#include <string>

#include "render/markup.hpp"

namespace clausier::writers {

struct DocxBody {
  std::string body;       // <w:p>, <w:tbl>… for <w:body>
  std::string numbering;  // <w:num> elements: one per list, so that each list restarts
};

// Styles used (word/styles.xml): Titre (for #), Titre1..Titre3 (## to ####),
// Paragraphe, Liste, Note, Filet, TableauTexte, and table style Tableau;
// abstract numberings 1 (bullets) and 2 (decimal) of word/numbering.xml.
[[nodiscard]] DocxBody markup_to_docx(const render::markup::Document& doc);

// Styles used (styles.xml): Titre, Titre_20_1..3, Paragraphe, Liste, Note,
// Filet, Tableau_20_texte, Gras, Italique, Puces, Numeros, table Tableau and
// cells Cellule, Cellule_20_en-tete.
[[nodiscard]] std::string markup_to_odt(const render::markup::Document& doc);

}  // namespace clausier::writers
