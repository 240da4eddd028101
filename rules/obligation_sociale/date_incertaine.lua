-- La date d'entrée en vigueur de l'obligation sociale est-elle incertaine ?
--
-- Vrai les 21 et 22 août 2026 seulement : les sources ne s'accordent pas sur le
-- premier jour de l'obligation (L2112-2-1). Une consultation lancée ces jours-là
-- est traitée comme soumise à l'obligation, avec un avertissement.
return {
  description = "Date d'entrée en vigueur de l'obligation sociale incertaine (21 ou 22 août 2026)",
  unit = "booleen",
  kind = "boolean",
  reference = "Loi n° 2021-1104 du 22 août 2021, art. 35 (crée L2112-2-1) ; décret n° 2022-767 du 2 mai 2022 "
    .. "(date d'entrée en vigueur)",
  values = {
    {
      from = "2016-04-01",
      value = false,
      status = "partiel",
      reference = "Ordonnance n° 2015-899 du 23 juillet 2015 : pas d'obligation sociale",
    },
    {
      from = "2019-04-01",
      value = false,
      status = "verifie",
      reference = "Code de la commande publique (en vigueur le 1er avril 2019) : pas d'obligation sociale",
    },
    {
      from = "2026-08-21",
      value = true,
      status = "partiel",
      note = "Le décret n° 2022-767 et plusieurs commentateurs (Atexo, FNCCR, "
        .. "reponses-marches-publics) donnent le 21 août 2026 ; d'autres sources (marche-public.fr, "
        .. "code-commande-publique.com, versions à venir de Légifrance) écrivent « au plus tard le "
        .. "22 août 2026 », cinq ans après la promulgation de la loi. À vérifier sur Légifrance.",
    },
    {
      from = "2026-08-23",
      value = false,
      status = "partiel",
      note = "À partir du 23 août 2026, l'obligation est en vigueur selon toutes les sources.",
    },
  },
}
