-- Catégorie de chaque famille de codes CPV pour le marché d'insertion
-- (marché de services de qualification et d'insertion professionnelle,
-- procédure adaptée quel que soit le montant : CCP R2123-1 3°).
--
-- Valeurs possibles (le plugin marche-insertion n'en connaît pas d'autre) :
--   "objet"      le service a pour objet l'accompagnement, la qualification ou
--                l'insertion professionnelle : marché d'insertion recommandé ;
--   "formation"  formation : marché d'insertion possible si elle vise la
--                qualification de personnes éloignées de l'emploi ;
--   "support"    activité simple, à forte main-d'œuvre, qu'une structure
--                d'insertion peut prendre pour support (l'objet du marché est
--                alors l'insertion, la prestation en est le support) : possible
--                jusqu'au montant de marche_insertion/support_montant_max.lua ;
--   "aucun"      sous-famille à écarter d'une famille retenue.
-- Le préfixe le plus long l'emporte ; un code absent de la table n'est pas un
-- objet de marché d'insertion (pas de valeur par défaut "").
return {
  description = "Catégorie des familles CPV pour un marché de qualification et d'insertion professionnelle",
  unit = "code",
  kind = "cpv_table",
  reference = "Code de la commande publique, R2123-1 3° ; rattachement des codes CPV : pratique",
  values = {
    {
      from = "2016-04-01",
      status = "hypothese",
      reference = "Aucune source publiée : rattachement des familles CPV aux services de qualification "
        .. "et d'insertion professionnelle, point de départ de praticien",
      note = "Chaque famille porte son statut. À relire avec la liste des services sociaux et autres "
        .. "services spécifiques de l'avis annexé au code, et avec les SIAE du territoire.",
      value = {
        ["79611"] = {
          "objet",
          status = "hypothese",
          note = "79611000 services de recherche d'emploi. Absent de la liste eForms des services "
            .. "sociaux ; la liste française de l'avis annexé, plus large, n'a pas été relue."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
        ["85312"] = {
          "objet",
          status = "partiel",
          reference = "Liste eForms « cpv_social-service-cpv » (division 85) ; rattachement à l'insertion : "
            .. "pratique",
          note = "85312000 services d'action sociale sans hébergement (orientation, conseil, "
            .. "accompagnement, réadaptation professionnelle).",
        },
        ["853121"] = {
          "aucun",
          status = "hypothese",
          note = "85312100 centres de jour et garderies : action sociale, pas insertion professionnelle."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
        ["98133"] = {
          "objet",
          status = "partiel",
          reference = "Liste eForms « cpv_social-service-cpv » (98133000) ; rattachement à l'insertion : "
            .. "pratique",
          note = "98133000 services fournis par des organisations sociales.",
        },
        ["804"] = {
          "formation",
          status = "hypothese",
          note = "80400000 enseignement pour adultes et autres services d'enseignement."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
        ["805"] = {
          "formation",
          status = "hypothese",
          note = "80500000 services de formation (dont 80530000 formation professionnelle)."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
        ["7731"] = {
          "support",
          status = "hypothese",
          note = "77310000 plantation et entretien d'espaces verts."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
        ["7734"] = {
          "support",
          status = "hypothese",
          note = "77340000 élagage des arbres et taille des haies."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
        ["905"] = {
          "support",
          status = "hypothese",
          note = "90500000 services liés aux déchets (tri, réemploi, collecte)."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
        ["906"] = {
          "support",
          status = "hypothese",
          note = "90600000 nettoyage et propreté en milieu urbain ou rural."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
        ["909"] = {
          "support",
          status = "hypothese",
          note = "90900000 services de nettoyage et d'hygiénisation."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
        ["555"] = {
          "support",
          status = "hypothese",
          note = "55500000 services de cantine et de traiteur (restaurants et traiteurs d'insertion)."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
        ["454"] = {
          "support",
          status = "hypothese",
          note = "45400000 travaux de parachèvement (peinture, plâtrerie, revêtements) : chantiers "
            .. "d'insertion du second œuvre."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
        ["452625"] = {
          "support",
          status = "hypothese",
          note = "45262500 maçonnerie : chantiers d'insertion de restauration du petit patrimoine."
            .. " Repère de praticien, à calibrer avec le territoire.",
        },
      },
    },
  },
}
