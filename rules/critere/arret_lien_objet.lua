-- Décision citée pour rappeler qu'un critère ne peut pas noter la politique
-- sociale générale de l'entreprise (RSE) sans lien avec l'objet du marché.
--
-- La valeur est la citation elle-même, reprise dans les motifs, à partir de la
-- date de la décision.
return {
  description = "Décision citée : pas de notation de la politique RSE générale sans lien avec l'objet",
  unit = "texte",
  kind = "text",
  reference = "Jurisprudence du Conseil d'État sur le lien des critères avec l'objet du marché",
  values = {
    {
      from = "2018-05-25",
      value = "CE, 25 mai 2018, Nantes Métropole, n° 417580",
      status = "verifie",
      reference = "CE, 25 mai 2018, Nantes Métropole, n° 417580 (vérifiée par la revue juridique des règles, "
        .. "décembre 2026)",
      note = "Le principe (critères liés à l'objet du marché ou à ses conditions d'exécution) est celui "
        .. "de l'article L2152-7.",
    },
  },
}
