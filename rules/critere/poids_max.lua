-- Pondération haute de la fourchette proposée pour le critère d'insertion.
--
-- Le Conseil d'État a admis un critère d'insertion pondéré à 15 %, décliné en
-- sous-critères (accueil et intégration, référent-tuteur, formation et
-- progression) : CE, 25 mars 2013, Département de l'Isère, n° 364950. Il n'a
-- pas fixé de plafond : au-delà, la pondération doit rester justifiée par
-- l'objet du marché.
return {
  description = "Pondération maximale proposée pour le critère d'attribution d'insertion",
  unit = "ratio",
  kind = "number",
  reference = "CE, 25 mars 2013, Département de l'Isère, n° 364950",
  values = {
    {
      from = "2016-04-01",
      value = 0.15,
      status = "verifie",
      reference = "CE, 25 mars 2013, Département de l'Isère, n° 364950 : critère d'insertion pondéré à "
        .. "15 % admis ; texte sur marche-public.fr",
      note = "Pondération admise par le Conseil d'État, et non plafond fixé par lui : une pondération "
        .. "plus forte n'est pas interdite, mais doit rester proportionnée à l'objet du marché.",
    },
  },
}
