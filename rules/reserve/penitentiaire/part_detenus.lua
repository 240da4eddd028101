-- Part minimale de personnes détenues (travaillant sous contrat d'emploi
-- pénitentiaire) qu'un opérateur économique doit faire travailler pour se
-- porter candidat à un marché réservé de l'article L2113-13-1, qui la renvoie
-- au règlement. Tant qu'aucune valeur n'est en vigueur, la réservation ne peut
-- pas être utilisée.
return {
  description = "Part minimale de personnes détenues des candidats à un marché réservé aux opérateurs du travail "
    .. "pénitentiaire",
  unit = "ratio",
  kind = "number",
  reference = "Code de la commande publique, L2113-13-1 (proportion fixée par voie réglementaire)",
  values = {
    {
      from = "2023-01-01",
      value = 0.5,
      status = "a-verifier",
      reference = "Décret n° 2022-1683 du 28 décembre 2022 ; proportion de 50 % « comme pour les SIAE et les EA "
        .. "et ESAT », guide de la DAJ sur les aspects sociaux de la commande publique (2023), cité par "
        .. "code-commande-publique.com",
      note = "Article du code qui fixe la proportion et date d'effet du décret non relus : à vérifier sur "
        .. "Légifrance. Entre le 20 octobre et le 31 décembre 2022, la proportion n'était pas publiée.",
    },
  },
}
