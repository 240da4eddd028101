-- Le nom de chaque seuil européen, tel que les motifs le citent (« seuil
-- européen de 216 000 € applicable aux fournitures et services des autres
-- pouvoirs adjudicateurs »).
--
-- Clés : travaux, concession, fournitures_services, services_sociaux, defense_travaux,
-- defense_fournitures_services (le marché) ; collectivite, etat,
-- entite-adjudicatrice, defense (l'acheteur, complément du nom).
return {
  description = "Noms des seuils européens, pour les motifs des verdicts",
  unit = "texte",
  kind = "map",
  key = "seuil",
  reference = "Code de la commande publique, annexe 2 (avis relatif aux seuils de procédure)",
  values = {
    {
      from = "2016-04-01",
      status = "partiel",
      reference = "Avis relatif aux seuils de procédure et à la liste des autorités publiques centrales "
        .. "(annexe 2 du code depuis le 1er avril 2019) ; directives 2014/24/UE, 2014/25/UE et 2009/81/CE",
      note = "Dénominations des catégories d'acheteurs et de marchés de l'avis, relues dans des sources "
        .. "secondaires ; l'avis exclut des autorités publiques centrales les établissements publics à "
        .. "caractère industriel et commercial de l'État et les établissements publics de santé.",
      value = {
        travaux = "applicable aux travaux",
        concession = "applicable aux contrats de concession",
        fournitures_services = "applicable aux fournitures et services",
        services_sociaux = "applicable aux services sociaux et autres services spécifiques",
        defense_travaux = "applicable aux marchés de travaux de défense ou de sécurité",
        defense_fournitures_services = "applicable aux marchés de fournitures et services de défense ou "
          .. "de sécurité",
        collectivite = "des pouvoirs adjudicateurs autres que les autorités publiques centrales",
        etat = "des autorités publiques centrales",
        ["entite-adjudicatrice"] = "des entités adjudicatrices",
        defense = "des autorités publiques centrales (type d'acheteur « défense »)",
      },
    },
  },
}
