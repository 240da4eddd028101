-- L'obligation de condition d'exécution sociale est-elle en vigueur ?
--
-- La loi « Climat et résilience » (loi n° 2021-1104, art. 35) a créé l'article
-- L2112-2-1 du code ; sa date d'entrée en vigueur est fixée par le décret
-- n° 2022-767 du 2 mai 2022 (l'article 9 de ce décret modifie R3131-3 : ce n'est
-- pas lui qui fonde l'obligation). Selon L2112-2-1 :
-- pour un marché dont la valeur estimée atteint les seuils européens, l'acheteur
-- doit prévoir des conditions d'exécution qui prennent en compte des
-- considérations relatives au domaine social ou à l'emploi (sauf exceptions
-- motivées). Avant cette date, ces conditions sont facultatives (L2112-2).
--
-- La date s'apprécie pour les consultations engagées (avis d'appel public à la
-- concurrence envoyé) à partir du 21 août 2026. Voir aussi
-- obligation_sociale/date_incertaine.lua pour les 21 et 22 août 2026.
return {
  description = "Obligation de condition d'exécution sociale pour les marchés atteignant les seuils européens",
  unit = "booleen",
  kind = "boolean",
  reference = "Code de la commande publique, L2112-2 et L2112-2-1",
  values = {
    {
      from = "2016-04-01",
      value = false,
      status = "partiel",
      reference = "Ordonnance n° 2015-899 du 23 juillet 2015, art. 38 : conditions d'exécution sociales "
        .. "facultatives",
      note = "Règles antérieures au code de la commande publique : article 38 de l'ordonnance, repris à "
        .. "L2112-2 au 1er avril 2019.",
    },
    {
      from = "2019-04-01",
      value = false,
      status = "verifie",
      reference = "Code de la commande publique (en vigueur le 1er avril 2019), L2112-2 : conditions "
        .. "d'exécution sociales facultatives",
    },
    {
      from = "2026-08-21",
      value = true,
      status = "partiel",
      reference = "CCP L2112-2-1, créé par la loi n° 2021-1104 du 22 août 2021, art. 35 ; date d'entrée en "
        .. "vigueur fixée par le décret n° 2022-767 du 2 mai 2022",
      note = "Le décret n° 2022-767, Atexo, la FNCCR et reponses-marches-publics retiennent le "
        .. "21 août 2026 ; marche-public.fr, code-commande-publique.com et les versions à venir de "
        .. "Légifrance écrivent « au plus tard le 22 août 2026 ». Le 21 est retenu ; les consultations "
        .. "lancées les 21 et 22 août 2026 sont signalées (obligation_sociale.date_incertaine).",
    },
  },
}
