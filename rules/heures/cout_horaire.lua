-- Coût horaire chargé d'un salarié en insertion, par famille de codes CPV.
--
-- Divise la part de main-d'œuvre consacrée à l'insertion pour obtenir des
-- heures (heures = montant × part × taux / coût horaire). Le préfixe CPV le
-- plus long l'emporte ; "" est la valeur par défaut.
return {
  description = "Coût horaire chargé retenu pour convertir un montant de main-d'œuvre en heures",
  unit = "EUR/h",
  kind = "cpv_table",
  reference = "Pratique des facilitateurs de la clause sociale (source indiquée pour chaque famille)",
  values = {
    {
      from = "2016-04-01",
      status = "verifie",
      reference = "MEF Sud 77 (mefsud77.fr/?page_id=28) ; Inserpropre (inserpropre.fr/?p=2353)",
      value = {
        [""] = {
          30,
          status = "partiel",
          reference = "MEF Sud 77 (mefsud77.fr/?page_id=28) : 25 à 30 € de l'heure chargée en bâtiment, "
            .. "30 €/h dans l'exemple publié",
          note = "Chiffre du bâtiment, appliqué par défaut aux autres secteurs faute de source ; à "
            .. "calibrer avec les facilitateurs.",
        },
        ["45"] = {
          30,
          status = "verifie",
          reference = "MEF Sud 77 (mefsud77.fr/?page_id=28) : 25 à 30 € de l'heure chargée en bâtiment, "
            .. "30 €/h dans l'exemple publié (1 000 000 € → 833 heures)",
        },
        ["909"] = {
          20,
          status = "verifie",
          reference = "Inserpropre, PACT Propreté (inserpropre.fr/?p=2353) : 20 € de l'heure chargée",
        },
      },
    },
  },
}
