-- Codes CPV des marchés d'ingénierie nécessaire aux travaux (maîtrise
-- d'œuvre, ingénierie, contrôle), auxquels la charte d'insertion de l'ANRU
-- applique le taux des travaux (anru/taux_travaux.lua).
return {
  description = "Codes CPV de l'ingénierie nécessaire aux travaux (préfixes)",
  unit = "code",
  kind = "cpv_list",
  reference = "Charte nationale d'insertion de l'ANRU (NPNRU 2014-2024) : travaux et ingénierie "
    .. "nécessaire aux travaux ; rattachement des codes CPV : pratique",
  values = {
    {
      from = "2015-03-24",
      value = {
        "71", -- 71000000 services d'architecture, de construction, d'ingénierie et d'inspection
      },
      status = "hypothese",
      reference = "Aucune source publiée : la charte ne donne pas de liste de codes CPV ; rattachement "
        .. "de praticien",
    },
  },
}
