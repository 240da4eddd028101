#pragma once
// The office formats of a document, from its parsed markup: the WordprocessingML
// body of a DOCX (word/document.xml) with the list instances it needs
// (word/numbering.xml), and the ODF text body of an ODT (content.xml).
// The styles named here are defined by the skeletons of templates/_formats/.

#include <string>
#include <vector>

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

struct OdtBody {
  std::string body;              // <text:p>, <table:table>… for <office:text>
  std::string automatic_styles;  // the tables' column widths, for <office:automatic-styles>
};

// Styles used (styles.xml): Titre, Titre_20_1..3, Paragraphe, Liste, Note,
// Filet, Tableau_20_texte, Gras, Italique, Puces, Numeros, table Tableau and
// cells Cellule, Cellule_20_en-tete.
[[nodiscard]] OdtBody markup_to_odt(const render::markup::Document& doc);

// Puts `styles` into an ODF content.xml: into its <office:automatic-styles>,
// or in a new one before <office:body>.
[[nodiscard]] std::string with_automatic_styles(std::string content, const std::string& styles);

// The widths of a table's columns, summing to `total`, as a browser's
// automatic table layout shares them: each column gets at least its longest
// unbreakable word (no-break spaces bind; capped, so one long code does not
// take the page), and what is left goes to the columns whose text is longer
// on average, in proportion to it. `char_width`: an average character's
// width in the same unit; `padding`: a cell's left and right margins.
[[nodiscard]] std::vector<int> column_widths(const render::markup::Block& table, int total, int char_width,
                                             int padding);

}  // namespace clausier::writers
