-- Motifs pour lesquels l'acheteur peut ne pas prévoir de condition d'exécution
-- sociale dans un marché soumis à l'article L2112-2-1, et qu'il doit alors
-- consigner. Le facilitateur choisit l'un d'eux quand il décide « exclue » sur
-- un lot soumis à l'obligation (clausier workspace decide --motif, ou le
-- formulaire de décision de la page Programme) ; un texte libre reste possible.
--
-- Clé : un identifiant court ; valeur : le libellé tel qu'il figure dans la
-- note de motifs.
return {
  description = "Motifs d'exception à l'obligation de condition d'exécution sociale (à consigner)",
  unit = "texte",
  kind = "map",
  key = "motif",
  reference = "Code de la commande publique, L2112-2-1 ; L3114-2-1 pour les concessions",
  values = {
    {
      from = "2026-08-21",
      status = "partiel",
      reference = "Texte de l'article L3114-2-1 (concessions) lu ; celui de L2112-2-1 (marchés) reste à lire "
        .. "sur Légifrance",
      note = "Les deux premiers motifs figurent dans l'article L3114-2-1 (concessions), que la loi Climat et "
        .. "résilience a écrit comme L2112-2-1 ; le troisième n'est donné que par des commentateurs.",
      value = {
        ["lien-insuffisant"] = {
          "Une condition d'exécution sociale n'aurait pas de lien suffisant avec l'objet du marché",
          status = "partiel",
          reference = "CCP L3114-2-1, II, 1° (concessions) ; L2112-2-1 à confirmer",
        },
        ["concurrence-execution"] = {
          "Une condition d'exécution sociale restreindrait la concurrence ou rendrait l'exécution du marché "
            .. "techniquement ou économiquement difficile",
          status = "partiel",
          reference = "CCP L3114-2-1, II, 2° (concessions) ; L2112-2-1 à confirmer",
        },
        ["solution-disponible"] = {
          "Le besoin est satisfait par une solution immédiatement disponible",
          status = "a-verifier",
          reference = "Commentateurs de la loi Climat et résilience ; absent de L3114-2-1",
          note = "Aucun texte lu ne confirme ce motif pour les marchés : à vérifier sur Légifrance avant de "
            .. "l'invoquer.",
        },
      },
    },
  },
}
