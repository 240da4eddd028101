-- Un marché d'insertion dont la valeur atteint le seuil européen des services
-- sociaux et autres services spécifiques (seuils/ue/services_sociaux.lua)
-- reste-t-il soumis à une publicité européenne ?
--
-- Le marché se passe en procédure adaptée quel que soit son montant (R2123-1
-- 3°), mais, au-delà du seuil, le régime allégé des directives impose de
-- publier un avis au Journal officiel de l'Union européenne. Règle citée de
-- mémoire : à vérifier.
return {
  description = "Publicité européenne d'un marché d'insertion au-delà du seuil des services sociaux",
  unit = "booleen",
  kind = "boolean",
  reference = "Directive 2014/24/UE, art. 74 et 75 (services sociaux et autres services spécifiques) ; "
    .. "CCP, R2123-1 3°",
  values = {
    {
      from = "2016-04-01",
      value = true,
      status = "a-verifier",
      reference = "De mémoire : directive 2014/24/UE, art. 74 et 75 ; dispositions du code sur la "
        .. "publicité des marchés de services sociaux et spécifiques, à relire sur Légifrance",
      note = "À vérifier : forme de l'avis (avis de marché ou de préinformation) et article du code "
        .. "qui le prévoit.",
    },
  },
}
