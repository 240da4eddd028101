-- Part minimale de travailleurs handicapés qu'une EA, un ESAT ou une structure
-- équivalente doit employer pour se porter candidat à un marché réservé
-- (L2113-12 renvoie au règlement, R2113-7 la fixe).
return {
  description = "Part minimale de travailleurs handicapés des candidats à un marché réservé aux EA et ESAT",
  unit = "ratio",
  kind = "number",
  reference = "Code de la commande publique, R2113-7",
  values = {
    {
      from = "2016-04-01",
      value = 0.5,
      status = "a-verifier",
      reference = "Ordonnance n° 2015-899 du 23 juillet 2015, art. 36, I (proportion minimale de 50 %)",
      note = "Règles antérieures au code (repris à L2113-12 à L2113-13 et R2113-7 au 1er avril 2019) ; "
        .. "proportion citée de mémoire pour cette période, à vérifier sur Légifrance.",
    },
    {
      from = "2019-04-01",
      value = 0.5,
      status = "verifie",
      reference = "CCP R2113-7 : proportion minimale de 50 % (code-commande-publique.com, réservation de "
        .. "marchés L2113-12 s., R2113-7)",
    },
  },
}
