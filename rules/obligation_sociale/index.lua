return {
  description = "Obligation de condition d'exécution sociale au-delà des seuils européens (loi Climat et résilience)",
  reference = "Code de la commande publique, L2112-2-1",
}
