-- Codes CPV des services sociaux et autres services spécifiques : la LISTE
-- LONGUE, celle de l'annexe XIV de la directive 2014/24/UE (services visés à
-- son article 74), reprise par l'avis annexé au code de la commande publique.
--
-- C'est cette liste qui décide :
--   - du seuil européen propre à ces services (seuils/ue/services_sociaux.lua,
--     750 000 € pour les pouvoirs adjudicateurs), donc aussi du seuil de
--     l'obligation de l'article L2112-2-1 pour ces services ;
--   - de la procédure adaptée quel que soit le montant (CCP R2123-1 3°), dont
--     relève le marché de services de qualification et d'insertion
--     professionnelle.
-- Elle comprend notamment les services d'hôtellerie et de restauration
-- (55100000 à 55410000), la restauration collective (5551…, 5552…, dont la
-- restauration scolaire 55524000), les services de recherche d'emploi
-- (79611000), l'enseignement et la formation (division 80), la santé et
-- l'action sociale (division 85), les services culturels et sportifs (92).
--
-- Ce n'est PAS la liste des marchés réservés aux entreprises de l'économie
-- sociale et solidaire (L2113-15) : celle-là, plus courte (article 77 de la
-- directive), est reserve/ess/cpv.lua.
--
-- Les codes sont des PRÉFIXES : un code qui se termine par des zéros désigne
-- toute sa branche, et ses zéros de fin sont retirés (80000000 → "80"). Un
-- code de 8 chiffres ne désigne que lui-même ("75000000" : la rubrique
-- générale seule, pas toute la division 75).
return {
  description = "Codes CPV des services sociaux et autres services spécifiques (liste longue : seuil "
    .. "européen propre, procédure adaptée R2123-1 3°)",
  unit = "code",
  kind = "cpv_list",
  reference = "Directive 2014/24/UE, art. 74 et annexe XIV ; avis relatif aux contrats de la commande "
    .. "publique ayant pour objet des services sociaux et autres services spécifiques (avis annexé au code)",
  values = {
    {
      from = "2016-04-01",
      value = {
        -- Services sanitaires, sociaux et connexes
        "79611", -- 79611000 services de recherche d'emploi
        "79622", -- 79622000 mise à disposition de personnel d'aide à domicile
        "79624", -- 79624000 mise à disposition de personnel infirmier
        "79625", -- 79625000 mise à disposition de personnel médical
        "85", -- 85000000 à 85323000 services de santé et services sociaux
        "982", -- 98200000 services de conseil en matière d'égalité des chances
        "985", -- 98500000 ménages privés employant du personnel (98513000 à 98514000)
        -- Services administratifs, sociaux, éducatifs, culturels et soins de santé
        "75000000", -- 75000000 services de l'administration publique (rubrique seule)
        "751", -- 75100000 à 75131000 services de l'administration publique
        "752", -- 75200000 à 75252000 prestation de services pour la collectivité
        "753", -- 75300000 à 75340000 sécurité sociale obligatoire, prestations
        "79950000", -- 79950000 organisation d'expositions, de foires et de congrès
        "79951", -- 79951000 organisation de séminaires
        "79952", -- 79952000 services d'événements (et 79952100)
        "79953", -- 79953000 organisation de festivals
        "79954", -- 79954000 organisation de fêtes
        "79955", -- 79955000 organisation de défilés de mode
        "79956", -- 79956000 organisation de foires et d'expositions
        "79995", -- 79995000 à 79995200 gestion de bibliothèques
        "80", -- 80000000 à 80660000 services d'enseignement et de formation
        "92", -- 92000000 à 92700000 services récréatifs, culturels et sportifs
        -- Autres services communautaires, sociaux et personnels
        "98000000", -- 98000000 autres services communautaires, sociaux et personnels (rubrique seule)
        "9812", -- 98120000 services fournis par les syndicats
        "9813", -- 98130000 organisations associatives (98131000 religieux, 98132000, 98133000, 98133110)
        -- Services d'hôtellerie et de restauration
        "551", -- 55100000 services hôteliers
        "552", -- 55200000 campings et autres hébergements
        "553", -- 55300000 services de restaurant
        "554", -- 55400000 à 55410000 services de débit de boissons
        "5551", -- 55510000 services de cantine (55511000, 55512000)
        "5552", -- 55520000 services traiteur (55521000 à 55524000, dont 55524000 restauration scolaire)
        -- Services juridiques, dans la mesure où ils ne sont pas exclus (L2512-5)
        "791", -- 79100000 à 79140000 services juridiques
        -- Services pénitentiaires, de sécurité publique et de secours
        "7943", -- 79430000 services de gestion de crise
        "981131", -- 98113100 services de sûreté nucléaire
        -- Services d'enquête et de sécurité
        "797", -- 79700000 à 79723000 services d'enquête et de sécurité
        -- Services internationaux
        "989", -- 98900000, 98910000 organisations et organismes extraterritoriaux
        -- Services postaux
        "64000000", -- 64000000 services des postes et télécommunications (rubrique seule)
        "64100000", -- 64100000 services de poste et de courrier (rubrique seule)
        "6411", -- 64110000 à 64116000 services postaux
        "64122", -- 64122000 services de courrier interne
        -- Services divers
        "50116510", -- 50116510 rechapage de pneus
        "7155", -- 71550000 services de forge
      },
      status = "partiel",
      reference = "Ordonnance n° 2015-899 du 23 juillet 2015 ; décret n° 2016-360 du 25 mars 2016, art. 28 ; "
        .. "avis relatif aux contrats de la commande publique ayant pour objet des services sociaux et "
        .. "autres services spécifiques (JORF du 27 mars 2016) ; directive 2014/24/UE, annexe XIV",
      note = "Familles confirmées par la revue juridique des règles (décembre 2026) : hôtellerie et "
        .. "restauration 55100000 à 55410000, restauration collective 5552…, recherche d'emploi 79611000, "
        .. "enseignement, santé et action sociale. Le détail des autres rubriques est repris de l'annexe XIV "
        .. "de la directive, non relu code par code dans l'avis : à vérifier sur Légifrance.",
    },
    {
      from = "2019-04-01",
      value = {
        "79611", "79622", "79624", "79625", "85", "982", "985",
        "75000000", "751", "752", "753",
        "79950000", "79951", "79952", "79953", "79954", "79955", "79956", "79995", "80", "92",
        "98000000", "9812", "9813",
        "551", "552", "553", "554", "5551", "5552",
        "791", "7943", "981131", "797", "989",
        "64000000", "64100000", "6411", "64122",
        "50116510", "7155",
      },
      status = "partiel",
      reference = "CCP R2123-1 3° ; avis relatif aux contrats de la commande publique ayant pour objet des "
        .. "services sociaux et autres services spécifiques (annexé au code, JORF du 31 mars 2019) ; "
        .. "directive 2014/24/UE, annexe XIV",
      note = "Mêmes rubriques qu'en 2016 (le détail est commenté dans la valeur de 2016). Familles "
        .. "confirmées par la revue juridique des règles (décembre 2026) ; le détail des autres rubriques "
        .. "reste à relire code par code dans l'avis annexé au code.",
    },
  },
}
