-- Sous-critères proposés pour le critère d'insertion, tels qu'ils sont cités
-- à l'acheteur dans les motifs (une phrase, éléments séparés par « ; »).
--
-- Les trois premiers sont ceux du critère admis par le Conseil d'État (CE,
-- 25 mars 2013, Département de l'Isère, n° 364950) ; les deux derniers sont
-- d'usage chez les facilitateurs.
return {
  description = "Sous-critères proposés pour le critère d'attribution d'insertion",
  unit = "texte",
  kind = "text",
  reference = "CE, 25 mars 2013, Département de l'Isère, n° 364950 ; pratique des facilitateurs",
  values = {
    {
      from = "2016-04-01",
      value = "modalités d'accueil et d'intégration des personnes en insertion ; tutorat, avec un référent "
        .. "nommé ; formation, qualification et progression des personnes ; sortie et pérennisation de "
        .. "l'emploi ; heures d'insertion proposées au-delà du minimum exigé par la clause",
      status = "partiel",
      reference = "CE, 25 mars 2013, Département de l'Isère, n° 364950 (accueil et intégration, "
        .. "référent-tuteur, formation et progression) ; pratique des facilitateurs (sortie et "
        .. "pérennisation, heures au-delà du minimum)",
      note = "Les trois premiers sous-critères sont vérifiés dans la décision ; les deux derniers sont "
        .. "d'usage, sans source publiée relue.",
    },
  },
}
