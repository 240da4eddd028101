-- Articles des contrats de concession (troisième partie du code) qui
-- correspondent aux articles des marchés publics que les plugins citent.
--
-- Un lot marqué « Contrat de concession » (colonne du programme, ou contrat de
-- concession des données essentielles) relève des articles L3xxx : chaque plugin
-- cite dans son fondement l'article des concessions qui tient lieu de celui des
-- marchés, et le dit dans ses motifs (plugins/lib/regime.lua). Un levier propre
-- aux marchés publics, sans équivalent pour les concessions, est dans
-- textes/propres_aux_marches.lua.
--
-- Clé : l'article des marchés tel que les plugins l'écrivent dans leur fondement
-- (« L2112-2-1 ») ; valeur : l'article des concessions (« L3114-2-1 »).
return {
  description = "Articles des contrats de concession correspondant aux articles des marchés publics cités",
  unit = "texte",
  kind = "map",
  key = "article",
  reference = "Code de la commande publique, troisième partie (contrats de concession)",
  values = {
    {
      from = "2016-04-01",
      status = "a-verifier",
      reference = "Ordonnance n° 2016-65 du 29 janvier 2016 et décret n° 2016-86 du 1er février 2016 relatifs "
        .. "aux contrats de concession : articles correspondants non relevés",
      note = "Avant le 1er avril 2019, les concessions relevaient de l'ordonnance n° 2016-65 ; les articles du "
        .. "code sont cités à titre de repère, leurs équivalents de l'époque sont à relever sur Légifrance.",
      value = {
        ["L2112-2"] = "L3114-2",
        ["L2113-12"] = "L3113-1",
        ["L2113-13"] = "L3113-2",
        ["R2113-7"] = "R3113-1",
        ["L2113-14"] = "L3113-3",
        ["L2152-7"] = "L3124-5",
        ["R2152-7"] = "R3124-4",
      },
    },
    {
      from = "2019-04-01",
      status = "a-verifier",
      reference = "Code de la commande publique, troisième partie ; correspondances relevées dans des sources "
        .. "secondaires, à vérifier sur Légifrance",
      note = "L3114-2-1 (texte lu) et L3113-2-1, L3113-3 (réservation aux opérateurs du travail pénitentiaire, "
        .. "ordonnance n° 2022-1336, art. 19, lu dans un commentaire) sont les mieux établis ; les autres "
        .. "correspondances suivent le plan du code et restent à vérifier.",
      value = {
        ["L2112-2"] = { "L3114-2", status = "partiel", reference = "CCP L3114-2 (conditions d'exécution des "
          .. "contrats de concession)" },
        ["L2112-2-1"] = { "L3114-2-1", status = "partiel", reference = "CCP L3114-2-1 (loi n° 2021-1104 du "
          .. "22 août 2021, art. 35), texte lu" },
        ["L2113-12"] = "L3113-1",
        ["L2113-13"] = "L3113-2",
        ["L2113-13-1"] = { "L3113-2-1", status = "partiel", reference = "Ordonnance n° 2022-1336 du "
          .. "19 octobre 2022, art. 19 (commentaire de l'ordonnance ; texte de l'article lu)" },
        ["R2113-7"] = "R3113-1",
        ["L2113-14"] = { "L3113-3", status = "partiel", reference = "Ordonnance n° 2022-1336 du "
          .. "19 octobre 2022, art. 19 (commentaire de l'ordonnance)" },
        ["L2152-7"] = "L3124-5",
        ["R2152-7"] = "R3124-4",
      },
    },
  },
}
