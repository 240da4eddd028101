-- Motifs pour lesquels l'acheteur peut ne pas prévoir de condition d'exécution
-- sociale dans un marché soumis à l'article L2112-2-1, et qu'il doit alors
-- consigner. Le plugin insertion les cite dans ses motifs, la note de motifs
-- d'exception (templates/motifs-exception) en fait ses cases à cocher, et le
-- facilitateur choisit l'un d'eux quand il décide « exclue » sur un lot soumis
-- à l'obligation (clausier workspace decide --motif, ou le formulaire de
-- décision de la page Programme) ; un texte libre reste possible.
--
-- Clé : un identifiant court (le plugin insertion connaît ces trois-là) ;
-- valeur : le libellé tel qu'il figure dans la note, avec l'article qui le
-- fonde (reference) et son degré de certitude (status). Un motif qu'aucun
-- texte lu ne confirme garde le statut « a-verifier » : le plugin et la note le
-- disent à l'acheteur.
return {
  description = "Motifs d'exception à l'obligation de condition d'exécution sociale des marchés (L2112-2-1), "
    .. "à consigner",
  unit = "texte",
  kind = "map",
  key = "motif",
  reference = "Code de la commande publique, L2112-2-1 (loi n° 2021-1104 du 22 août 2021, art. 35)",
  values = {
    {
      from = "2026-08-21",
      status = "partiel",
      reference = "CCP L2112-2-1 (texte à relire sur Légifrance) ; texte de l'article L3114-2-1 "
        .. "(concessions), écrit par la même loi, lu",
      note = "Les deux premiers motifs figurent dans l'article L3114-2-1 (concessions), que la loi Climat et "
        .. "résilience a écrit comme L2112-2-1 ; le troisième n'est donné que par des commentateurs, et "
        .. "aucun texte lu ne le confirme.",
      value = {
        ["lien-insuffisant"] = {
          "Une condition d'exécution sociale n'aurait pas de lien suffisant avec l'objet du marché",
          status = "partiel",
          reference = "article L2112-2-1 du code de la commande publique (même motif à l'article L3114-2-1, "
            .. "II, 1°, pour les concessions, lu)",
        },
        ["concurrence-execution"] = {
          "Une condition d'exécution sociale restreindrait la concurrence ou rendrait l'exécution du marché "
            .. "techniquement ou économiquement difficile",
          status = "partiel",
          reference = "article L2112-2-1 du code de la commande publique (même motif à l'article L3114-2-1, "
            .. "II, 2°, pour les concessions, lu)",
        },
        ["solution-disponible"] = {
          "Le besoin est satisfait par une solution immédiatement disponible",
          status = "a-verifier",
          reference = "motif donné par des commentateurs de la loi Climat et résilience, absent de l'article "
            .. "L3114-2-1",
          note = "Aucun texte lu ne confirme ce motif pour les marchés : à vérifier sur Légifrance avant de "
            .. "l'invoquer.",
        },
      },
    },
  },
}
