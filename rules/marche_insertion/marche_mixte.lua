-- Règle des marchés mixtes : un marché qui a pour objet à la fois des services
-- sociaux et autres services spécifiques (dont les services de qualification
-- et d'insertion professionnelle) et d'autres prestations suit les règles de
-- celle dont la valeur estimée est la plus élevée.
--
-- Pour un marché d'insertion dont la prestation (espaces verts, nettoyage,
-- second œuvre) est le « support », c'est donc le service d'insertion (accueil,
-- encadrement, formation des personnes) qui doit porter la plus grande part de
-- la valeur ; sinon le marché est un marché de travaux ou de services
-- ordinaire, et la procédure adaptée de R2123-1 3° ne s'applique pas. La valeur
-- est la phrase citée dans les motifs du plugin marche-insertion.
return {
  description = "Marché mixte : règles de la prestation de plus grande valeur (services sociaux et autres)",
  unit = "texte",
  kind = "text",
  reference = "Code de la commande publique, R2123-2",
  values = {
    {
      from = "2016-04-01",
      value = "un marché qui a pour objet à la fois des services sociaux et autres services spécifiques et "
        .. "d'autres prestations suit les règles applicables à celle de ces prestations dont la valeur "
        .. "estimée est la plus élevée",
      status = "partiel",
      reference = "CCP R2123-2 (décret n° 2016-360 du 25 mars 2016 avant le 1er avril 2019), tel que le "
        .. "résume la revue juridique des règles (décembre 2026)",
      note = "Texte de l'article à relire sur Légifrance ; l'article de l'époque (décret n° 2016-360) "
        .. "n'est pas identifié.",
    },
  },
}
