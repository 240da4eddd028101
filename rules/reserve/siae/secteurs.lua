-- Secteurs où les structures d'insertion par l'activité économique (SIAE :
-- entreprises d'insertion, entreprises de travail temporaire d'insertion,
-- associations intermédiaires, ateliers et chantiers d'insertion) interviennent,
-- par préfixe de code CPV : sert à dire si une réservation aux SIAE (L2113-13)
-- est réaliste pour un lot.
--
-- Valeurs :
--   "adapte"      secteur où les SIAE interviennent couramment : la réservation
--                 est recommandée si le lot n'est pas trop gros
--                 (reserve/siae/montant_max.lua) ;
--   "peu_adapte"  secteur où elles sont moins présentes : la réservation reste
--                 possible après un sourcing local ;
--   "inadapte"    secteur qu'elles ne peuvent en général pas prendre en charge
--                 (génie civil, réseaux, désamiantage) : la réservation est écartée.
-- Le préfixe le plus long l'emporte ; "" vaut pour tous les autres codes.
--
-- Ce classement n'est pas une règle de droit (L2113-13 ne limite aucun
-- secteur) : ce sont des repères de praticien (statut « hypothese »), à calibrer
-- avec le sourcing local (annuaire « le marché de l'inclusion », réseaux de
-- l'IAE). Une politique locale peut remplacer ce fichier par le sien.
return {
  description = "Adéquation des secteurs (préfixes CPV) à une réservation aux SIAE",
  unit = "texte",
  kind = "cpv_table",
  labels = {
    adapte = "adapté",
    peu_adapte = "peu adapté",
    inadapte = "inadapté",
  },
  reference = "Repères de praticien, sans source publiée",
  values = {
    {
      from = "2016-04-01",
      status = "hypothese",
      reference = "Aucune source publiée : repère de praticien, à calibrer avec le sourcing local",
      value = {
        [""] = {
          "inadapte",
          note = "Code absent de la table : aucune offre des SIAE n'y est repérée ; ajoutez le préfixe si le "
            .. "sourcing local en trouve.",
        },
        ["45"] = {
          "peu_adapte",
          note = "Travaux du bâtiment : quelques entreprises d'insertion du BTP, pour des lots de taille "
            .. "modeste ; l'insertion passe plus souvent par la clause (mise à disposition, sous-traitance).",
        },
        ["4522"] = {
          "inadapte",
          note = "45220000 ouvrages d'art et de génie civil, dont les structures et le gros œuvre (45223220).",
        },
        ["4523"] = {
          "inadapte",
          note = "45230000 canalisations, lignes, routes, voies ferrées et nivellement : travaux publics lourds.",
        },
        ["4526266"] = {
          "inadapte",
          note = "45262660 désamiantage : certification obligatoire, hors de portée des SIAE.",
        },
        ["454"] = {
          "adapte",
          note = "45400000 travaux de parachèvement (second œuvre : peinture, plâtrerie, menuiserie, "
            .. "revêtements).",
        },
        ["507"] = {
          "peu_adapte",
          note = "50700000 entretien des installations des bâtiments : multiservice possible, maintenance "
            .. "technique rarement.",
        },
        ["555"] = { "adapte", note = "55500000 services de cantine et de traiteur (restauration collective)." },
        ["631"] = { "peu_adapte", note = "63100000 manutention et entreposage (logistique)." },
        ["773"] = {
          "adapte",
          note = "77300000 services horticoles : 77310000 plantation et entretien d'espaces verts, "
            .. "77340000 élagage et taille des haies.",
        },
        ["905"] = {
          "adapte",
          note = "90500000 services liés aux déchets : collecte, tri, recycleries et réemploi.",
        },
        ["906"] = { "adapte", note = "90600000 nettoyage et voirie des zones urbaines ou rurales." },
        ["9091"] = {
          "adapte",
          note = "90910000 services de nettoyage (90911200 bâtiments, 90919000 bureaux et écoles).",
        },
        ["9831"] = { "adapte", note = "98310000 services de blanchisserie et de nettoyage à sec." },
      },
    },
  },
}
