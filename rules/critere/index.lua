return {
  description = "Critère d'attribution « performance en matière d'insertion professionnelle des publics "
    .. "en difficulté » : pondération, sous-critères, secteurs sans lien avec l'insertion",
  reference = "Code de la commande publique, L2152-7 et R2152-7 2° a)",
}
