-- Dernier jour couvert par les seuils européens publiés.
--
-- Les seuils sont révisés tous les deux ans (1er janvier des années paires).
-- Pour un lancement après cette date, les plugins appliquent les derniers
-- seuils connus et avertissent que les nouveaux ne sont pas encore publiés :
-- mettre à jour les seuils (seuils/ue/*.lua) et cette date dès leur parution.
return {
  description = "Dernier jour de validité des seuils européens publiés",
  unit = "date",
  kind = "date",
  reference = "Code de la commande publique, annexe 2 ; révision biennale des seuils par la Commission",
  values = {
    {
      from = "2026-01-01",
      value = "2027-12-31",
      status = "verifie",
      reference = "Règlements délégués (UE) 2025/2150, 2025/2151 et 2025/2152 de la Commission : seuils "
        .. "applicables du 1er janvier 2026 au 31 décembre 2027",
    },
  },
}
