return {
  description = "Reprise du personnel (propreté) : heures d'insertion calculées sur la seule part non reprise "
    .. "(méthode PACT Propreté)",
  reference = "Inserpropre, PACT Propreté (inserpropre.fr/?p=2353)",
}
