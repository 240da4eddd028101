-- Part des contrats qui devraient comporter au moins une considération sociale.
--
-- Le plan national pour des achats durables (PNAD) 2022-2025 fixe l'objectif :
-- 30 % des contrats notifiés au cours de l'année 2025 comprennent au moins une
-- considération sociale (l'Observatoire économique de la commande publique en
-- mesurait 12 % en 2014 et 22,3 % en 2022). La revue d'une programmation
-- (`clausier review`) compare à cette part celle des lots où une clause est
-- obligatoire ou recommandée. Aucun plan ne lui a succédé à ce jour : la valeur
-- reste la référence jusqu'à ce qu'une nouvelle valeur datée la remplace.
return {
  description = "Objectif national : part des contrats comprenant au moins une considération sociale",
  unit = "ratio",
  kind = "number",
  reference = "Plan national pour des achats durables (PNAD) 2022-2025",
  values = {
    {
      from = "2022-01-01",
      value = 0.30,
      status = "partiel",
      reference = "PNAD 2022-2025 : 30 % des contrats notifiés en 2025 avec au moins une considération "
        .. "sociale (rappelé par Atexo) ; OECP : 12 % en 2014, 22,3 % en 2022",
      note = "Objectif fixé pour les contrats notifiés en 2025 ; aucun plan successeur trouvé, il reste la "
        .. "référence affichée au-delà de 2025 jusqu'à son remplacement.",
    },
  },
}
