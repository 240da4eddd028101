-- Part de la main-d'œuvre dans le montant d'un marché, par famille de codes CPV.
--
-- Sert au calcul des heures d'insertion :
--   heures = montant HT × part de main-d'œuvre × taux d'insertion / coût horaire
-- Le préfixe CPV le plus long l'emporte : 45442100 (peinture) prend "45442",
-- 45223220 (gros œuvre) prend "4522322", 45214200 (bâtiments scolaires, un
-- bâtiment entier) prend la moyenne du bâtiment "45".
-- Pas de valeur par défaut "" : un code hors de cette table n'a pas de part
-- connue, et l'acheteur doit la donner (colonne part_main_oeuvre du programme).
--
-- Choix des préfixes :
--   - maçonnerie : "452625" (45262500 travaux de maçonnerie et de briquetage),
--     et non "45262", qui couvre aussi le montage de charpentes métalliques
--     (45262400) ;
--   - charpente métallique : "452624" (45262400 montage de charpentes
--     métalliques), "452231" (45223100 montage de structures métalliques) et
--     "4522321" (45223210 structures en acier), et non "45223", qui couvre
--     aussi les structures en béton armé et les parcs de stationnement ;
--   - peinture : "45442" (45442000 application de revêtements de protection,
--     dont 45442100 travaux de peinture).
-- Les parts marquées « hypothese » sont des points de départ de praticien, sans
-- source publiée, à calibrer avec les facilitateurs du territoire.
return {
  description = "Part de la main-d'œuvre dans le montant hors taxes du marché, par préfixe CPV",
  unit = "ratio",
  kind = "cpv_table",
  reference = "Pratique des facilitateurs de la clause sociale (source indiquée pour chaque famille)",
  values = {
    {
      from = "2016-04-01",
      status = "partiel",
      reference = "Pratique des facilitateurs (source indiquée pour chaque famille)",
      note = "Chaque famille porte son propre statut : vérifié pour le bâtiment (moyenne, peinture, "
        .. "maçonnerie, charpente métallique) et la propreté, hypothèse de praticien pour les autres.",
      value = {
        ["45"] = {
          0.50,
          status = "verifie",
          reference = "MEF Sud 77, calcul des heures d'insertion (mefsud77.fr/?page_id=28) : moyenne "
            .. "du bâtiment 50 % ; mêmes chiffres sur laser-emploi.fr",
          note = "Methodesbtp estime la main-d'œuvre à environ 30 % du prix de vente en bâtiment ; "
            .. "50 % est le chiffre des facilitateurs, celui de l'exemple publié (1 000 000 € → 833 heures).",
        },
        ["45442"] = {
          0.70,
          status = "verifie",
          reference = "MEF Sud 77 (mefsud77.fr/?page_id=28) : peinture intérieure 70 %",
        },
        ["452625"] = {
          0.50,
          status = "verifie",
          reference = "MEF Sud 77 (mefsud77.fr/?page_id=28) : maçonnerie 50 %",
        },
        ["452624"] = {
          0.20,
          status = "verifie",
          reference = "MEF Sud 77 (mefsud77.fr/?page_id=28) : charpente métallique 20 %",
          note = "45262400 montage de charpentes métalliques.",
        },
        ["452231"] = {
          0.20,
          status = "verifie",
          reference = "MEF Sud 77 (mefsud77.fr/?page_id=28) : charpente métallique 20 %",
          note = "45223100 montage de structures métalliques.",
        },
        ["4522321"] = {
          0.20,
          status = "verifie",
          reference = "MEF Sud 77 (mefsud77.fr/?page_id=28) : charpente métallique 20 %",
          note = "45223210 structures en acier.",
        },
        ["4522322"] = {
          0.40,
          status = "hypothese",
          reference = "Aucune source publiée : point de départ de praticien (gros œuvre, 35 à 45 %)",
          note = "À calibrer avec les facilitateurs. 45223220 travaux de gros œuvre. Un bâtiment entier "
            .. "(4521, construction de bâtiments) garde la moyenne du bâtiment, vérifiée.",
        },
        ["4523"] = {
          0.30,
          status = "hypothese",
          reference = "Aucune source publiée : point de départ de praticien (VRD et travaux publics, 25 à 35 %)",
          note = "À calibrer avec les facilitateurs. 45230000 routes, réseaux, voies ferrées, nivellement.",
        },
        ["454"] = {
          0.60,
          status = "hypothese",
          reference = "Aucune source publiée : point de départ de praticien (second œuvre, 50 à 70 %)",
          note = "À calibrer avec les facilitateurs. 45400000 travaux de parachèvement de bâtiment.",
        },
        ["7731"] = {
          0.55,
          status = "hypothese",
          reference = "Aucune source publiée : point de départ de praticien (espaces verts, 50 à 60 %)",
          note = "À calibrer avec les facilitateurs. 77310000 plantation et entretien d'espaces verts.",
        },
        ["7734"] = {
          0.55,
          status = "hypothese",
          reference = "Aucune source publiée : point de départ de praticien (espaces verts, 50 à 60 %)",
          note = "À calibrer avec les facilitateurs. 77340000 élagage des arbres et taille des haies.",
        },
        ["905"] = {
          0.50,
          status = "hypothese",
          reference = "Aucune source publiée : point de départ de praticien (collecte des déchets, 45 à 55 %)",
          note = "À calibrer avec les facilitateurs. 90500000 services liés aux déchets.",
        },
        ["909"] = {
          0.80,
          status = "verifie",
          reference = "Inserpropre, PACT Propreté (inserpropre.fr/?p=2353) : main-d'œuvre 80 %",
          note = "90900000 services de nettoyage et d'hygiénisation.",
        },
        ["555"] = {
          0.40,
          status = "hypothese",
          reference = "Aucune source publiée : point de départ de praticien (restauration collective, 35 à 45 %)",
          note = "À calibrer avec les facilitateurs. 55500000 services de cantine et de traiteur.",
        },
      },
    },
  },
}
