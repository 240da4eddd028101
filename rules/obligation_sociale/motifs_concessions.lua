-- Motifs pour lesquels l'autorité concédante peut ne pas prévoir de condition
-- d'exécution sociale dans un contrat de concession soumis à l'article
-- L3114-2-1 (II), et qu'elle doit alors consigner (III). L'article n'en compte
-- que deux ; il n'a pas le motif « solution immédiatement disponible » que des
-- commentateurs donnent pour les marchés (obligation_sociale/motifs.lua).
--
-- Clé : le même identifiant que le motif des marchés qui a la même rédaction.
return {
  description = "Motifs d'exception à l'obligation de condition d'exécution sociale des contrats de concession "
    .. "(L3114-2-1), à consigner",
  unit = "texte",
  kind = "map",
  key = "motif",
  reference = "Code de la commande publique, L3114-2-1, II et III (loi n° 2021-1104 du 22 août 2021, art. 35)",
  values = {
    {
      from = "2026-08-21",
      status = "partiel",
      reference = "CCP L3114-2-1, II (texte lu dans une copie non officielle, à confirmer sur Légifrance)",
      value = {
        ["lien-insuffisant"] = {
          "Une condition d'exécution sociale n'aurait pas de lien suffisant avec l'objet du contrat de concession",
          status = "partiel",
          reference = "article L3114-2-1, II, 1° du code de la commande publique",
        },
        ["concurrence-execution"] = {
          "Une condition d'exécution sociale restreindrait la concurrence ou rendrait l'exécution du contrat de "
            .. "concession techniquement ou économiquement difficile",
          status = "partiel",
          reference = "article L3114-2-1, II, 2° du code de la commande publique",
        },
      },
    },
  },
}
