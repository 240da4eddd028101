-- Codes CPV des marchés de gestion urbaine de proximité (GUP) : services
-- d'entretien et de gestion du quartier, auxquels la charte d'insertion de
-- l'ANRU applique son taux GUP (anru/taux_gup.lua).
--
-- La charte ne donne pas de liste de codes : ce rattachement est un point de
-- départ de praticien.
return {
  description = "Codes CPV des marchés de gestion urbaine de proximité (préfixes)",
  unit = "code",
  kind = "cpv_list",
  reference = "Charte nationale d'insertion de l'ANRU (NPNRU 2014-2024) : marchés de gestion urbaine de "
    .. "proximité ; rattachement des codes CPV : pratique",
  values = {
    {
      from = "2015-03-24",
      value = {
        "905", -- 90500000 services liés aux déchets (collecte)
        "906", -- 90600000 nettoyage et propreté en milieu urbain
        "909", -- 90900000 services de nettoyage et d'hygiénisation
        "7731", -- 77310000 plantation et entretien d'espaces verts
        "7971", -- 79710000 services de sécurité, gardiennage
      },
      status = "hypothese",
      reference = "Aucune source publiée : la charte ne donne pas de liste de codes CPV ; rattachement "
        .. "de praticien",
      note = "À compléter avec le porteur de projet : la gestion urbaine de proximité est définie par "
        .. "la convention de renouvellement urbain de chaque quartier.",
    },
  },
}
