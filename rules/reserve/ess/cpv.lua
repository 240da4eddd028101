-- Codes CPV des services qu'un marché réservé aux entreprises de l'économie
-- sociale et solidaire peut viser : la LISTE COURTE de l'article 77 de la
-- directive 2014/24/UE (services de santé, sociaux et culturels), celle de la
-- liste eForms « cpv_social-service-cpv ».
--
-- Ne pas confondre avec la liste longue des services sociaux et autres
-- services spécifiques (services_sociaux/cpv.lua), qui décide du seuil de
-- 750 000 € et de la procédure adaptée : la restauration scolaire (55524000)
-- ou la recherche d'emploi (79611000) sont dans la liste longue, pas ici.
--
-- Les codes sont des PRÉFIXES (zéros de fin retirés : 80110000 → "8011").
-- 85000000 à 85323000 est toute la division 85, écrite "85" ; 98133110 est
-- couvert par "98133".
return {
  description = "Codes CPV des services qu'un marché réservé ESS peut viser (liste courte de l'article 77 "
    .. "de la directive 2014/24/UE)",
  unit = "code",
  kind = "cpv_list",
  reference = "Directive 2014/24/UE, art. 77 ; CCP L2113-15 ; liste eForms « cpv_social-service-cpv »",
  values = {
    {
      from = "2016-04-01",
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
      reference = "Ordonnance n° 2015-899 du 23 juillet 2015, art. 37 ; directive 2014/24/UE, art. 77 ; "
        .. "liste eForms « cpv_social-service-cpv » (OP-TED/eForms-SDK, codelists)",
      note = "Codes relevés dans la liste eForms ; leur identité avec l'article 77 de la directive est "
        .. "confirmée par la revue juridique des règles (décembre 2026), texte de la directive non relu.",
    },
    {
      from = "2019-04-01",
      value = {
        "75121", "75122", "75123", "79622", "79624", "79625", "8011", "803", "8042", "8043", "80511",
        "8052", "8059", "85", "925", "926", "98133",
      },
      status = "partiel",
      reference = "CCP L2113-15 ; directive 2014/24/UE, art. 77 ; liste eForms « cpv_social-service-cpv » "
        .. "(OP-TED/eForms-SDK, codelists)",
      note = "Mêmes codes qu'en 2016 (détail commenté dans la valeur de 2016).",
    },
  },
}
