-- Nombre d'heures d'insertion en dessous duquel une clause n'est pas proposée.
--
-- Règle de la filière propreté (PACT Propreté) : en dessous de 150 heures, la
-- clause n'est pas mise en œuvre. Retenue ici comme défaut pour tous les
-- secteurs ; une politique locale peut la changer.
return {
  description = "Nombre minimal d'heures d'insertion pour proposer une clause",
  unit = "heures",
  kind = "number",
  reference = "Inserpropre, PACT Propreté (inserpropre.fr/?p=2353)",
  values = {
    {
      from = "2016-04-01",
      value = 150,
      status = "partiel",
      reference = "Inserpropre, PACT Propreté (inserpropre.fr/?p=2353) : en dessous de 150 heures, pas de clause",
      note = "Vérifié pour la propreté seulement ; appliqué par défaut aux autres secteurs.",
    },
  },
}
