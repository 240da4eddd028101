-- Seuil européen des marchés de services sociaux et autres services
-- spécifiques (liste longue de l'annexe XIV de la directive 2014/24/UE :
-- services_sociaux/cpv.lua). Un marché de défense ou de sécurité suit
-- seuils/ue/defense_securite.lua.
--
-- Ces seuils sont fixés par les directives elles-mêmes et ne suivent pas la
-- révision biennale en droits de tirage spéciaux : ils devraient être
-- inchangés en 2026-2027, mais l'avis du 26 décembre 2025 n'a pas été relu sur
-- ce point (valeur 2026 « à vérifier »).
return {
  description = "Seuil européen des marchés de services sociaux et autres services spécifiques, par type d'acheteur",
  unit = "EUR",
  kind = "map",
  key = "type_acheteur",
  reference = "Code de la commande publique, annexe 2 ; directive 2014/24/UE, art. 4 d) ; "
    .. "directive 2014/25/UE, art. 15 c)",
  values = {
    {
      from = "2016-04-01",
      value = {
        etat = 750000,
        collectivite = 750000,
        defense = 750000,
        ["entite-adjudicatrice"] = 1000000,
      },
      status = "partiel",
      reference = "Directive 2014/24/UE, art. 4 d) (750 000 €) ; directive 2014/25/UE, art. 15 c) "
        .. "(1 000 000 €) ; décret n° 2016-360 du 25 mars 2016, art. 28 et 42",
      note = "Seuils fixés par les directives, non révisés tous les deux ans ; la clé « defense » (un "
        .. "acheteur du ministère des armées) suit les pouvoirs adjudicateurs.",
    },
    {
      from = "2020-01-01",
      value = {
        etat = 750000,
        collectivite = 750000,
        defense = 750000,
        ["entite-adjudicatrice"] = 1000000,
      },
      status = "partiel",
      reference = "Directive 2014/24/UE, art. 4 d) (750 000 €) ; directive 2014/25/UE, art. 15 c) "
        .. "(1 000 000 €) ; CCP, annexe 2",
      note = "Seuils fixés par les directives, non révisés tous les deux ans ; le seuil des marchés de "
        .. "défense ou de sécurité reprend celui des pouvoirs adjudicateurs (voir la valeur 2024).",
    },
    {
      from = "2024-01-01",
      value = {
        etat = 750000,
        collectivite = 750000,
        defense = {
          750000,
          status = "partiel",
          note = "Seuil des pouvoirs adjudicateurs repris pour les marchés de défense ou de sécurité : "
            .. "les sources relues ne donnent pas de seuil propre aux services sociaux pour ces marchés.",
        },
        ["entite-adjudicatrice"] = 1000000,
      },
      status = "verifie",
      reference = "CCP, annexe 2 (seuils 2024-2025) ; directive 2014/24/UE, art. 4 d) (750 000 €) ; "
        .. "directive 2014/25/UE, art. 15 c) (1 000 000 €)",
    },
    {
      from = "2026-01-01",
      value = {
        etat = 750000,
        collectivite = 750000,
        defense = 750000,
        ["entite-adjudicatrice"] = 1000000,
      },
      status = "a-verifier",
      reference = "Directive 2014/24/UE, art. 4 d) ; directive 2014/25/UE, art. 15 c) ; "
        .. "avis du 26 décembre 2025 (JORF) à relire",
      note = "Montants repris de 2024-2025 : ces seuils ne sont pas indexés sur les droits de tirage "
        .. "spéciaux et devraient être inchangés, mais leur reprise dans l'avis du 26 décembre 2025 "
        .. "n'a pas été vérifiée sur Légifrance.",
    },
  },
}
