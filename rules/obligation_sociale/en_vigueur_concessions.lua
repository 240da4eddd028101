-- L'obligation de condition d'exécution sociale des contrats de concession
-- est-elle en vigueur ?
--
-- La loi « Climat et résilience » (loi n° 2021-1104, art. 35) a créé l'article
-- L3114-2-1 du code, jumeau de L2112-2-1 pour les concessions : l'autorité
-- concédante prévoit des conditions d'exécution prenant en compte des
-- considérations relatives au domaine social ou à l'emploi, notamment en faveur
-- des personnes défavorisées, dans ses contrats de concession dont la valeur
-- estimée atteint le seuil européen ; elle peut y déroger dans deux cas
-- (obligation_sociale/motifs_concessions.lua) et en consigne alors les motifs.
-- Selon le V de l'article 35, ces dispositions entrent en vigueur à une date
-- fixée par décret en fonction des catégories de concessions, et au plus tard
-- cinq ans après la promulgation de la loi, pour les concessions dont la
-- consultation est engagée ou l'avis envoyé à partir de cette date.
return {
  description = "Obligation de condition d'exécution sociale pour les contrats de concession atteignant le seuil "
    .. "européen",
  unit = "booleen",
  kind = "boolean",
  reference = "Code de la commande publique, L3114-2 et L3114-2-1",
  values = {
    {
      from = "2016-04-01",
      value = false,
      status = "partiel",
      reference = "Ordonnance n° 2016-65 du 29 janvier 2016 relative aux contrats de concession, puis CCP "
        .. "L3114-2 : conditions d'exécution sociales facultatives",
    },
    {
      from = "2026-08-21",
      value = true,
      status = "a-verifier",
      reference = "CCP L3114-2-1, créé par la loi n° 2021-1104 du 22 août 2021, art. 35, V : entrée en vigueur "
        .. "à une date fixée par décret en fonction des catégories de concessions, au plus tard cinq ans après "
        .. "la promulgation",
      note = "Texte de L3114-2-1 et de sa note d'entrée en vigueur lu. Le décret fixant la date pour chaque "
        .. "catégorie de concessions n'a pas été lu : la date retenue est celle des marchés (21 août 2026), "
        .. "et le 22 août 2026 est la date limite que fixe la loi. À vérifier sur Légifrance.",
    },
  },
}
