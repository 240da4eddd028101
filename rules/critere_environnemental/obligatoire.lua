-- Un critère d'attribution prenant en compte les caractéristiques
-- environnementales des offres est-il obligatoire ?
--
-- La loi « Climat et résilience » (art. 35) et le décret n° 2022-767 (art. 2,
-- modifiant R2152-7) imposent, pour les consultations engagées à partir du
-- 21 août 2026, au moins un critère environnemental ; l'attribution sur le
-- seul prix disparaît (critère unique possible seulement sur le coût global
-- intégrant les caractéristiques environnementales). Le critère d'insertion ne
-- le remplace pas : le plugin critere-insertion le rappelle.
return {
  description = "Critère d'attribution environnemental obligatoire",
  unit = "booleen",
  kind = "boolean",
  reference = "Code de la commande publique, L2152-7 et R2152-7",
  values = {
    {
      from = "2016-04-01",
      value = false,
      status = "partiel",
      reference = "Décret n° 2016-360 du 25 mars 2016, art. 62 : critère environnemental facultatif, "
        .. "attribution possible sur le seul prix",
      note = "Règles antérieures au code de la commande publique ; article repris à R2152-7 au 1er avril 2019.",
    },
    {
      from = "2019-04-01",
      value = false,
      status = "verifie",
      reference = "Code de la commande publique (en vigueur le 1er avril 2019), R2152-7 : critère "
        .. "environnemental facultatif, attribution possible sur le seul prix",
    },
    {
      from = "2026-08-21",
      value = true,
      status = "partiel",
      reference = "Décret n° 2022-767 du 2 mai 2022, art. 2 (R2152-7 modifié) et dispositions finales (date "
        .. "d'entrée en vigueur) ; loi n° 2021-1104 du 22 août 2021, art. 35 (L2152-7)",
      note = "L'article 9 du décret modifie R3131-3, il ne fixe pas la date. Le décret fixe le 21 août 2026 pour les consultations engagées à partir de cette "
        .. "date ; pour la partie législative, certaines sources écrivent « au plus tard le 22 août 2026 » "
        .. "(voir obligation_sociale/date_incertaine.lua).",
    },
  },
}
