-- La réservation aux opérateurs du travail pénitentiaire existe-t-elle ?
--
-- L'article L2113-13-1 du code, créé par l'ordonnance n° 2022-1336 du
-- 19 octobre 2022 relative aux droits sociaux des personnes détenues (art. 19),
-- est en vigueur depuis la publication de l'ordonnance au Journal officiel du
-- 20 octobre 2022. La proportion minimale de personnes détenues qu'il renvoie au
-- règlement est dans reserve/penitentiaire/part_detenus.lua.
return {
  description = "Réservation de marchés aux opérateurs économiques du travail pénitentiaire ouverte",
  unit = "booleen",
  kind = "boolean",
  reference = "Code de la commande publique, L2113-13-1",
  values = {
    {
      from = "2016-04-01",
      value = false,
      status = "verifie",
      reference = "CCP L2113-13-1 : article créé par l'ordonnance n° 2022-1336 du 19 octobre 2022",
    },
    {
      from = "2022-10-20",
      value = true,
      status = "verifie",
      reference = "Ordonnance n° 2022-1336 du 19 octobre 2022, art. 19 (JORF du 20 octobre 2022) ; CCP "
        .. "L2113-13-1 (texte de Légifrance)",
    },
  },
}
