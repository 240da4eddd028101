-- Codes CPV des services sociaux et autres services spécifiques.
--
-- Ces services suivent un régime allégé : procédure adaptée quel que soit le
-- montant (CCP R2123-1 3°), seuil européen propre (seuils/ue/services_sociaux.lua),
-- marchés réservés aux entreprises de l'ESS (L2113-15).
--
-- Les codes sont des PRÉFIXES : un code CPV est hiérarchique, et un code qui
-- se termine par des zéros désigne toute sa branche. Les zéros de fin sont donc
-- retirés (80110000 → "8011" couvre 80110000 et tous les codes 8011xxxx).
-- Une exception : 85000000 à 85323000 est toute la division 85, écrite "85".
-- 98133110 est couvert par "98133" (98133000) et n'est pas répété.
return {
  description = "Codes CPV des services sociaux et autres services spécifiques (préfixes)",
  unit = "code",
  kind = "cpv_list",
  reference = "Liste eForms « cpv_social-service-cpv » (OP-TED/eForms-SDK) ; CCP R2123-1 3° et avis "
    .. "annexé au code (services sociaux et autres services spécifiques)",
  values = {
    {
      from = "2019-04-01",
      value = {
        "75121", -- 75121000 services administratifs de l'enseignement
        "75122", -- 75122000 services administratifs de la santé
        "75123", -- 75123000 services administratifs du logement
        "79622", -- 79622000 mise à disposition de personnel d'aide à domicile
        "79624", -- 79624000 mise à disposition de personnel infirmier
        "79625", -- 79625000 mise à disposition de personnel médical
        "8011", -- 80110000 enseignement préscolaire
        "803", -- 80300000 enseignement supérieur
        "8042", -- 80420000 services d'apprentissage en ligne (e-learning)
        "8043", -- 80430000 enseignement pour adultes de niveau universitaire
        "80511", -- 80511000 formation du personnel
        "8052", -- 80520000 installations de formation
        "8059", -- 80590000 services de tutorat
        "85", -- 85000000 à 85323000 services de santé et services sociaux
        "925", -- 92500000 bibliothèques, archives, musées et autres services culturels
        "926", -- 92600000 services sportifs
        "98133", -- 98133000 services fournis par des organisations sociales (et 98133110)
      },
      status = "partiel",
      reference = "Liste eForms « cpv_social-service-cpv » (OP-TED/eForms-SDK, codelists)",
      note = "Liste européenne (eForms) seulement : la liste française de l'avis annexé au code est "
        .. "plus large (par exemple services d'hôtellerie et de restauration 55xxxxxx), non relue ; "
        .. "à compléter après vérification.",
    },
  },
}
