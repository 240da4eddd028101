-- Secteurs où les entreprises adaptées (EA) et les ESAT interviennent, par
-- préfixe de code CPV : sert à dire si une réservation aux EA et ESAT
-- (L2113-12) est réaliste pour un lot.
--
-- Valeurs :
--   "adapte"      secteur où les EA et ESAT interviennent couramment : la
--                 réservation est recommandée si le lot n'est pas trop gros
--                 (reserve/handicap/montant_max.lua) ;
--   "peu_adapte"  secteur où ils sont moins présents : la réservation reste
--                 possible après un sourcing local ;
--   "inadapte"    secteur qu'ils ne peuvent en général pas prendre en charge
--                 (travaux lourds, prestations très spécialisées) : la
--                 réservation est écartée.
-- Le préfixe le plus long l'emporte ; "" vaut pour tous les autres codes.
--
-- Ce classement n'est pas une règle de droit (L2113-12 ne limite aucun
-- secteur) : ce sont des repères de praticien (statut « hypothese »), à calibrer
-- avec le sourcing local (réseau Gesat, annuaire « le marché de l'inclusion »).
-- Une politique locale peut remplacer ce fichier par le sien.
return {
  description = "Adéquation des secteurs (préfixes CPV) à une réservation aux EA et ESAT",
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
          note = "Code absent de la table : aucune offre des EA et ESAT n'y est repérée ; ajoutez le préfixe "
            .. "si le sourcing local en trouve.",
        },
        ["18"] = { "adapte", note = "18000000 vêtements, articles chaussants, bagages et accessoires." },
        ["22"] = { "adapte", note = "22000000 imprimés et produits connexes." },
        ["39"] = {
          "peu_adapte",
          note = "39000000 meubles, aménagements, électroménager, produits de nettoyage : seul le mobilier "
            .. "(391) est un métier courant des EA et ESAT.",
        },
        ["391"] = { "adapte", note = "39100000 meubles (menuiserie, ameublement)." },
        ["45"] = {
          "inadapte",
          note = "Travaux de construction : chantiers lourds et qualifications (gros œuvre, réseaux, "
            .. "désamiantage) hors de portée de la plupart des EA et ESAT.",
        },
        ["4544"] = {
          "peu_adapte",
          note = "45440000 travaux de peinture et de vitrerie : quelques EA en second œuvre.",
        },
        ["501123"] = { "adapte", note = "50112300 lavage de voitures et services similaires." },
        ["507"] = {
          "peu_adapte",
          note = "50700000 entretien des installations des bâtiments : petit entretien et multiservice "
            .. "possibles, maintenance technique (chauffage, ventilation, ascenseurs) rarement.",
        },
        ["555"] = { "peu_adapte", note = "55500000 cantine et traiteur : quelques ESAT en restauration." },
        ["631"] = { "adapte", note = "63100000 manutention et entreposage (logistique)." },
        ["641"] = {
          "peu_adapte",
          note = "64100000 services postaux et de courrier : la distribution postale relève surtout du "
            .. "service universel ; le courrier (6412) est un métier courant.",
        },
        ["6412"] = { "adapte", note = "64120000 services de courrier (collecte et distribution)." },
        ["773"] = {
          "adapte",
          note = "77300000 services horticoles : 77310000 plantation et entretien d'espaces verts, "
            .. "77340000 élagage et taille des haies.",
        },
        ["7952"] = { "adapte", note = "79520000 services de reprographie." },
        ["79571"] = { "adapte", note = "79571000 services de mise sous pli." },
        ["798"] = { "adapte", note = "79800000 services d'impression et services connexes." },
        ["905"] = {
          "peu_adapte",
          note = "90500000 services liés aux déchets : tri et démantèlement (déchets d'équipements "
            .. "électriques) dans quelques ESAT, pas la collecte.",
        },
        ["9091"] = {
          "adapte",
          note = "90910000 services de nettoyage (90911200 bâtiments, 90919000 bureaux et écoles).",
        },
        ["9831"] = { "adapte", note = "98310000 services de blanchisserie et de nettoyage à sec." },
        ["98341120"] = { "adapte", note = "98341120 services de portier (accueil)." },
        ["98341140"] = { "adapte", note = "98341140 services de gardiennage d'immeubles (conciergerie)." },
      },
    },
  },
}
