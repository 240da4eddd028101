-- Quels acheteurs peuvent réserver un marché aux entreprises de l'économie
-- sociale et solidaire (L2113-15) : l'avertissement donné pour une entité
-- adjudicatrice, tel que le plugin le reprend.
return {
  description = "Acheteurs pouvant recourir à la réservation aux entreprises de l'économie sociale et solidaire",
  unit = "texte",
  kind = "text",
  reference = "Code de la commande publique, L2113-15 ; directive 2014/24/UE, art. 77",
  values = {
    {
      from = "2016-04-01",
      value = "La réservation de l'article L2113-15 est ouverte aux pouvoirs adjudicateurs, y compris lorsqu'ils "
        .. "agissent comme entité adjudicatrice : une entité adjudicatrice qui n'est pas un pouvoir "
        .. "adjudicateur (entreprise publique, organisme de droit privé titulaire de droits spéciaux ou "
        .. "exclusifs) ne peut pas y recourir.",
      status = "partiel",
      reference = "CCP L2113-15 (directive 2014/24/UE, art. 77 : pouvoirs adjudicateurs)",
      note = "Relu dans la directive ; application aux entités adjudicatrices du code à vérifier sur Légifrance.",
    },
  },
}
