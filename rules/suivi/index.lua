return {
  description = "Suivi de la clause d'insertion : délais que le CCAP fixe au titulaire (prise de contact "
    .. "avec le facilitateur, réunion de lancement, état mensuel des heures), publics éligibles, règles de "
    .. "décompte des heures réalisées, pénalités, conservation des données des participants",
  reference = "CCAG 2021, article 16.1 « Clause d'insertion sociale » (il renvoie ces délais aux documents "
    .. "particuliers du marché, sans les fixer)",
}
