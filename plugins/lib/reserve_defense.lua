-- Shared by the reservation plugins (reserve-handicap, reserve-siae,
-- reserve-penitentiaire, reserve-ess): the warning for a defence or security
-- contract (lot.marche_defense), whose own provisions the analysis does not
-- follow, or nil.
return function(lot)
  if lot.marche_defense then
    return "Marché de défense ou de sécurité : vérifiez la possibilité de réserver dans les dispositions propres "
      .. "à ces marchés ; l'analyse suit les règles des marchés publics de droit commun."
  end
end
