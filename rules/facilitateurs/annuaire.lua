-- Annuaire des structures facilitatrices des clauses sociales, par
-- département : le nom de la structure, l'institution qui la porte et, quand
-- une source publique la donne, une coordonnée institutionnelle (page web,
-- adresse générique). Jamais de nom ni de coordonnée personnelle.
--
-- Une fiche n'a de coordonnée que si elle a été relevée dans la source citée :
-- une fiche sans coordonnée le dit et garde le statut « a-verifier » (le
-- chargeur des règles le vérifie). Les documents affichent alors un
-- emplacement à compléter par l'acheteur.
--
-- Île-de-France : les coordinations départementales des clauses sociales,
-- telles que les liste le GIP Maximilien (coordination régionale, MACS) en
-- juin 2026. Le guichet régional de la MACS met les acheteurs en relation avec
-- les facilitateurs de leur territoire : il figure comme relais de chaque
-- fiche francilienne. Dans chaque département, d'autres structures (PLIE,
-- maisons de l'emploi, services des communes) portent des facilitateurs
-- locaux : la coordination départementale oriente vers celui du lieu
-- d'exécution.
local MACS = "Guichet régional des clauses sociales du GIP Maximilien (MACS), macs@maximilien.fr, qui met "
  .. "les acheteurs en relation avec les facilitateurs de leur territoire"
local MACS_SOURCE = "GIP Maximilien, « Les incontournables de l'achat responsable #17 », juin 2026 : "
  .. "coordinations départementales des clauses sociales d'Île-de-France"

return {
  description = "Structure facilitatrice des clauses sociales de chaque département et ses coordonnées "
    .. "institutionnelles",
  unit = "texte",
  kind = "directory",
  reference = "Sources publiques citées fiche par fiche",
  values = {
    {
      from = "2026-06-01",
      status = "partiel",
      reference = "Fiches relevées en juin 2026 ; chaque fiche cite sa source",
      note = "Annuaire partiel : Île-de-France et Orne. Hors de ces départements, les documents laissent "
        .. "les coordonnées du facilitateur à compléter.",
      value = {
        ["61"] = {
          structure = "Facilitateur des clauses sociales du Conseil départemental de l'Orne (Pôle "
            .. "Solidarités, Bureau de l'insertion et du développement social)",
          institution = "Conseil départemental de l'Orne",
          site = "https://www.orne.fr/services/insertion/insertion",
          status = "partiel",
          reference = "Présentation « Le facilitateur de clause sociale : son rôle au sein du Département » "
            .. "(Conseil départemental de l'Orne) ; page « Insertion » du site orne.fr",
          note = "La page citée est celle du service insertion du Département, non une page propre au "
            .. "facilitateur : adresse postale, courriel et téléphone du service sont à confirmer auprès "
            .. "du Département avant de les reproduire.",
        },
        ["75"] = {
          structure = "Association EPEC, coordination départementale des clauses sociales de Paris",
          institution = "Association EPEC",
          relais = MACS,
          status = "a-verifier",
          reference = MACS_SOURCE,
          note = "Aucune coordonnée propre relevée dans une source publique.",
        },
        ["77"] = {
          structure = "Initiatives 77, coordination départementale des clauses sociales de Seine-et-Marne",
          institution = "Association Initiatives 77",
          relais = MACS,
          status = "a-verifier",
          reference = MACS_SOURCE .. " ; GIP Maximilien, « La MACS fait sa rentrée » (2018)",
          note = "Aucune coordonnée propre relevée dans une source publique.",
        },
        ["78"] = {
          structure = "GIP ActivitY', agence d'insertion, coordination départementale des clauses sociales "
            .. "des Yvelines",
          institution = "Groupement d'intérêt public ActivitY' (Département des Yvelines et État)",
          relais = MACS,
          status = "a-verifier",
          reference = MACS_SOURCE .. " ; yvelines.fr, « Facilitatrice chez ActivitY’ » (2017)",
          note = "ActivitY' intervient aussi dans les Hauts-de-Seine. Aucune coordonnée propre relevée "
            .. "dans une source publique.",
        },
        ["91"] = {
          structure = "Inclusiv'Essonne, coordination départementale des clauses sociales de l'Essonne",
          institution = "Inclusiv'Essonne",
          relais = MACS,
          status = "a-verifier",
          reference = MACS_SOURCE,
          note = "Aucune coordonnée propre relevée dans une source publique.",
        },
        ["92"] = {
          structure = "Fédération des entreprises d'insertion Île-de-France, coordination départementale "
            .. "des clauses sociales des Hauts-de-Seine",
          institution = "Fédération des entreprises d'insertion Île-de-France",
          relais = MACS,
          status = "a-verifier",
          reference = MACS_SOURCE,
          note = "La coordination des Hauts-de-Seine a changé de structure plusieurs fois (CREPI "
            .. "Île-de-France en 2018) : à confirmer. Aucune coordonnée propre relevée dans une source "
            .. "publique.",
        },
        ["93"] = {
          structure = "Conseil départemental de la Seine-Saint-Denis, coordination départementale des "
            .. "clauses sociales (avec l'État)",
          institution = "Conseil départemental de la Seine-Saint-Denis",
          site = "https://ressources.seinesaintdenis.fr/Lancement-de-l-appel-a-demande-de-projets-Facilitation-"
            .. "des-clauses-a-l-echelle",
          relais = MACS,
          status = "partiel",
          reference = MACS_SOURCE .. " ; Centre de ressources des partenaires de la Seine-Saint-Denis, "
            .. "appel à projets « Facilitation des clauses à l'échelle communale 2022-2024 »",
          note = "Le Département cofinance les facilitateurs des communes, des EPT et des associations : "
            .. "le facilitateur du lieu d'exécution est à identifier auprès de la coordination.",
        },
        ["94"] = {
          structure = "Conseil départemental du Val-de-Marne, coordination départementale des clauses "
            .. "sociales",
          institution = "Conseil départemental du Val-de-Marne",
          relais = MACS,
          status = "a-verifier",
          reference = MACS_SOURCE,
          note = "Aucune coordonnée propre relevée dans une source publique.",
        },
        ["95"] = {
          structure = "Association AVEC, coordination départementale des clauses sociales du Val-d'Oise",
          institution = "Association AVEC",
          relais = MACS,
          status = "a-verifier",
          reference = MACS_SOURCE,
          note = "Aucune coordonnée propre relevée dans une source publique.",
        },
      },
    },
  },
}
