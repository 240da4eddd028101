-- Catégories de personnes éligibles à la clause d'insertion, telles que le
-- titulaire les déclare dans l'état mensuel des heures (colonne « Catégorie »,
-- par identifiant ou par libellé). La liste varie selon les territoires : un
-- facilitateur la remplace par la sienne dans ses règles locales, et peut y
-- ajouter des catégories. Les identifiants ci-dessous sont fixes (les états
-- et les exports les emploient).
return {
  description = "Catégories de publics éligibles à la clause d'insertion (état mensuel des heures)",
  unit = "texte",
  kind = "map",
  key = "categorie",
  reference = "CCAG 2021, article 16.1.1 (publics de la clause d'insertion) ; listes des facilitateurs",
  values = {
    {
      from = "2021-04-01",
      status = "partiel",
      reference = "CCAG 2021, article 16.1.1.1 (structures reconnues) lu ; critères individuels de 16.1.1 "
        .. "vus dans un résumé secondaire ; listes usuelles de facilitateurs (Hérault, Vaucluse)",
      note = "Liste à adapter au territoire : certains facilitateurs admettent les jeunes diplômés inactifs.",
      value = {
        deld = { "Demandeur d'emploi de longue durée (plus de 12 mois d'inscription)", status = "partiel" },
        rsa = { "Allocataire du revenu de solidarité active (RSA)", status = "partiel" },
        ass = { "Allocataire de l'allocation de solidarité spécifique (ASS)", status = "partiel" },
        aah = { "Allocataire de l'allocation aux adultes handicapés (AAH)", status = "partiel" },
        rqth = { "Travailleur handicapé (RQTH, obligation d'emploi)", status = "partiel" },
        ["jeune-sans-qualification"] = {
          "Jeune de moins de 26 ans sans qualification (niveau inférieur au CAP ou BEP)", status = "partiel" },
        senior = { "Demandeur d'emploi de 50 ans et plus", status = "partiel" },
        qpv = { "Habitant d'un quartier prioritaire de la politique de la ville (QPV)", status = "partiel" },
        iae = { "Salarié en parcours d'insertion par l'activité économique (IAE)", status = "verifie",
                reference = "CCAG 2021, article 16.1.1.1" },
        geiq = { "Salarié d'un groupement d'employeurs pour l'insertion et la qualification (GEIQ)",
                 status = "partiel" },
        ["avis-motive"] = {
          "Personne en difficulté validée sur avis motivé (France Travail, mission locale, Cap emploi, MDPH)",
          status = "partiel" },
      },
    },
  },
}
