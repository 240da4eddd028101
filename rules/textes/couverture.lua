-- Depuis quand les règles décrivent le droit de la commande publique : l'entrée
-- en vigueur de l'ordonnance n° 2015-899 et du décret n° 2016-360, le 1er avril
-- 2016. Un lot daté d'avant n'est pas évalué, et le programme le dit à sa ligne,
-- avec la note ci-dessous (ce qui s'appliquait alors). La valeur ne sert pas ;
-- c'est sa date d'entrée en vigueur qui compte.
return {
  description = "Les règles décrivent le droit de la commande publique à cette date",
  unit = "booleen",
  kind = "boolean",
  values = {
    {
      from = "2016-04-01",
      value = true,
      status = "verifie",
      reference = "Ordonnance n° 2015-899 du 23 juillet 2015 et décret n° 2016-360 du 25 mars 2016, en vigueur "
        .. "le 1er avril 2016",
      -- Dite après « où commencent les règles (…) » : « elles » sont les règles.
      note = "un marché d'avant relève du code des marchés publics de 2006, qu'elles ne décrivent pas",
    },
  },
}
