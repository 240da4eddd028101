-- Décision citée pour dire quand un critère d'insertion est lié à l'objet du
-- marché : quand le marché peut être exécuté au moins en partie par des
-- personnes en insertion. La valeur est la phrase reprise dans les motifs.
return {
  description = "Décision citée : critère d'insertion admis quand le marché peut être exécuté en partie par des "
    .. "personnes en insertion",
  unit = "texte",
  kind = "text",
  reference = "CE, 25 mars 2013, Département de l'Isère, n° 364950",
  values = {
    {
      from = "2013-03-25",
      value = "le Conseil d'État l'admet lorsque le marché peut être exécuté au moins en partie par des "
        .. "personnes en insertion, CE, 25 mars 2013, Département de l'Isère, n° 364950",
      status = "verifie",
      reference = "CE, 25 mars 2013, Département de l'Isère, n° 364950 (critère pondéré à 15 %, admis ; "
        .. "texte sur marche-public.fr)",
    },
  },
}
