-- Secteurs où des ateliers en établissement pénitentiaire produisent des biens
-- et des services pour des clients extérieurs, par préfixe de code CPV : sert à
-- dire si une réservation de l'article L2113-13-1 est réaliste pour un lot.
--
-- Le marché doit être exécuté dans l'établissement, par des personnes
-- détenues : un chantier de travaux ou une prestation sur le site de l'acheteur
-- ne s'y prête pas.
--
-- Valeurs :
--   "adapte"      activité courante des ateliers (façonnage, conditionnement,
--                 confection, menuiserie, impression, numérisation) ;
--   "peu_adapte"  activité qui existe dans quelques établissements seulement ;
--   "inadapte"    activité qui ne peut pas être exécutée en détention.
-- Le préfixe le plus long l'emporte ; "" vaut pour tous les autres codes.
-- Ni l'un ni l'autre ne rend la réservation plus que possible : l'offre varie
-- d'un établissement à l'autre, elle se vérifie avec l'administration
-- pénitentiaire de la région.
--
-- Ce classement n'est pas une règle de droit (L2113-13-1 ne limite aucun
-- secteur) : ce sont des repères (statut « hypothese »). Une politique locale
-- peut remplacer ce fichier par le sien.
return {
  description = "Adéquation des secteurs (préfixes CPV) à une réservation aux opérateurs du travail pénitentiaire",
  unit = "texte",
  kind = "cpv_table",
  reference = "Repères, sans source publiée",
  values = {
    {
      from = "2016-04-01",
      status = "hypothese",
      reference = "Aucune source publiée : activités des ateliers de production en détention, à confirmer "
        .. "auprès de l'administration pénitentiaire de la région",
      value = {
        [""] = { "inadapte", note = "Activité qu'aucun atelier en détention n'est réputé assurer." },
        ["18"] = { "adapte", note = "18000000 vêtements, articles chaussants et accessoires : confection." },
        ["22"] = { "adapte", note = "22000000 imprimés et produits connexes." },
        ["301"] = { "peu_adapte", note = "30100000 machines, matériel et fournitures de bureau." },
        ["391"] = { "adapte", note = "39100000 mobilier : menuiserie, ameublement." },
        ["395"] = { "adapte", note = "39500000 articles textiles." },
        ["44"] = { "peu_adapte", note = "44000000 structures et matériaux de construction : métallerie." },
        ["45"] = { "inadapte", note = "45000000 travaux de construction : exécutés sur le chantier." },
        ["7223"] = { "peu_adapte", note = "72230000 développement de logiciels personnalisés." },
        ["7231"] = { "adapte", note = "72310000 services de traitement de données : saisie, numérisation." },
        ["7952"] = { "adapte", note = "79520000 services de reprographie." },
        ["798"] = { "adapte", note = "79800000 services d'impression et services connexes." },
        ["7999"] = { "peu_adapte", note = "79990000 services divers aux entreprises : routage, mise sous pli." },
        ["9831"] = { "peu_adapte", note = "98310000 services de blanchisserie et de nettoyage à sec." },
      },
    },
  },
}
