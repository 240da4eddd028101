return {
  description = "Critère d'attribution environnemental obligatoire (loi Climat et résilience)",
  reference = "Code de la commande publique, L2152-7 et R2152-7",
}
