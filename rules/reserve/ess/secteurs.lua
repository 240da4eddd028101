-- Parmi les services sociaux et autres services spécifiques qu'un marché
-- réservé aux entreprises de l'ESS peut viser (services_sociaux/cpv.lua), ceux
-- où ces entreprises sont les prestataires habituels, par préfixe de code CPV.
--
-- Valeurs :
--   "adapte"      services d'action sociale assurés d'ordinaire par des
--                 associations, fondations, coopératives ou mutuelles : la
--                 réservation est recommandée si la durée la permet ;
--   "peu_adapte"  autres services de la liste (santé, enseignement, culture,
--                 sport…) : la réservation reste possible.
-- Le préfixe le plus long l'emporte ; "" vaut pour tous les autres codes. Un
-- code hors de la liste des services sociaux est écarté avant cette table.
--
-- Ce classement n'est pas une règle de droit : c'est un repère de praticien,
-- qu'une politique locale peut remplacer.
return {
  description = "Services de la liste où les entreprises de l'ESS sont les prestataires habituels (préfixes CPV)",
  unit = "texte",
  kind = "cpv_table",
  labels = {
    adapte = "adapté",
    peu_adapte = "peu adapté",
  },
  reference = "Repères de praticien, sans source publiée",
  values = {
    {
      from = "2016-04-01",
      status = "hypothese",
      reference = "Aucune source publiée : repère de praticien, à calibrer localement",
      value = {
        [""] = "peu_adapte",
        ["853"] = {
          "adapte",
          note = "85300000 services d'action sociale (85311000 avec hébergement, 85312000 sans hébergement, "
            .. "85320000 services sociaux).",
        },
        ["98133"] = { "adapte", note = "98133000 services fournis par des organisations sociales." },
      },
    },
  },
}
