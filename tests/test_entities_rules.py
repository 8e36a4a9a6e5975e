"""Entity rules added for real news (issue 14), each on short French sentences written for it:
names read from the noun before them, possessives, splits, labels by structure, junk."""

from __future__ import annotations

import pandas as pd

from analysis.entities import Mention, _whole_words, doc_entities, entity_frequency
from tests.test_entities import found, make_doc

# --- names read from the noun before them ----------------------------------------------------


def test_a_lowercase_feature_noun_is_part_of_the_place_name():
    text = "Ils ont marché de la place Vendôme au pont Neuf, puis vers le massif du Jura."
    ents = [("Vendôme", "LOC"), ("Neuf", "LOC"), ("Jura", "LOC")]
    assert found(text, ents) == [
        ("place Vendôme", "LOC", "place Vendôme"),
        ("pont Neuf", "LOC", "pont Neuf"),
        ("massif du Jura", "LOC", "massif du Jura"),
    ]


def test_an_event_noun_makes_other_and_a_bare_de_leaves_the_name_alone():
    text = "L'opération Serval a commencé sur l'île de Ré et à l'aéroport international Gandhi."
    ents = [("Serval", "PER"), ("Ré", "LOC"), ("Gandhi", "PER")]
    assert found(text, ents) == [
        ("opération Serval", "MISC", "opération Serval"),
        ("Ré", "LOC", "Ré"),
        ("aéroport international Gandhi", "LOC", "aéroport international Gandhi"),
    ]


def test_a_type_noun_gives_its_label_to_every_mention_of_the_name():
    text = "Le typhon Mawar approche. Mawar a frappé Guam. La banque suisse Vontobel recule."
    ents = [("Mawar", "LOC"), ("Mawar", "PER"), ("Guam", "LOC"), ("Vontobel", "PER")]
    assert found(text, ents) == [
        ("Mawar", "MISC", "Mawar"),
        ("Mawar", "MISC", "Mawar"),
        ("Guam", "LOC", "Guam"),
        ("Vontobel", "ORG", "Vontobel"),
    ]


def test_a_type_noun_with_de_names_only_places():
    text = "Dans la ville de Springfield, la société de Paul Durand a fermé."
    ents = [("Springfield", "PER"), ("Paul Durand", "PER")]
    assert found(text, ents) == [
        ("Springfield", "LOC", "Springfield"),
        ("Paul Durand", "PER", "Paul Durand"),
    ]


def test_an_english_possessive_belongs_to_the_name():
    text = "Selon Sotheby's et Christie’s, les Dupont's... non."
    assert _whole_words(text, Mention(6, 13, "ORG")) == Mention(6, 15, "ORG")
    assert _whole_words(text, Mention(19, 27, "ORG")) == Mention(19, 29, "ORG")
    assert _whole_words(text, Mention(0, 5, "ORG")) == Mention(0, 5, "ORG")


# --- spans that are no names, and what sticks to a name ---------------------------------------


def test_time_zones_cardinal_points_numerals_initials_and_measures_are_no_mentions():
    text = "A 3 h UTC, vers le Nord, au XIXe siècle, Louis XIV, C. et 12mSv/h ou IV."
    ents = [
        ("UTC", "ORG"),
        ("Nord", "LOC"),
        ("XIXe", "MISC"),
        ("C.", "PER"),
        ("12mSv/h", "MISC"),
        ("IV", "MISC"),
    ]
    assert found(text, ents) == [("Louis XIV", "PER", "Louis XIV")]


def test_a_century_glued_after_a_place_is_cut():
    text = "Les Étrusques de la Toscane du Xe siècle."
    assert found(text, [("Toscane du Xe", "LOC")]) == [("Toscane", "LOC", "Toscane")]


def test_the_complement_of_a_department_or_embassy_is_the_entity():
    text = "Dans le département du Gers, l'ambassade de Suède a ouvert."
    ents = [("département du Gers", "LOC"), ("ambassade de Suède", "ORG")]
    assert found(text, ents) == [("Gers", "LOC", "Gers"), ("Suède", "LOC", "Suède")]


def test_a_short_number_after_a_name_belongs_to_it_unless_a_unit_follows():
    text = "La chaîne Canal 9 et Windows 8, puis Lyon 3 heures plus tard."
    ents = [("Canal", "ORG"), ("Windows", "MISC"), ("Lyon", "LOC")]
    assert found(text, ents) == [
        ("Canal 9", "ORG", "Canal 9"),
        ("Windows 8", "MISC", "Windows 8"),
        ("Lyon", "LOC", "Lyon"),
    ]


# --- organisations and events read from their head word ---------------------------------------


def found_tagged(text: str, ents=(), pos=None) -> list[tuple[str, str, str]]:
    """`found`, with the part of speech of the words in `pos` set (others stay X)."""
    doc = make_doc(text, ents)
    for token in doc:
        token.pos_ = (pos or {}).get(token.text, token.pos_)
    return [(r["text"], r["label"], r["entity"]) for r in doc_entities(doc, "t")]


NOUNS_ADJS = {
    "langue": "NOUN",
    "jeunesse": "NOUN",
    "bretonne": "ADJ",
    "mondial": "ADJ",
    "élus": "NOUN",
    "locaux": "ADJ",
    "Tarn": "PROPN",
    "ouvre": "VERB",
}


def test_a_head_word_opens_a_name_over_its_adjectives_and_complements():
    text = "Le Forum mondial de la jeunesse bretonne ouvre. Le Forum durera."
    ents = [("Forum mondial", "LOC"), ("Forum", "LOC")]
    assert found_tagged(text, ents, NOUNS_ADJS) == [
        ("Forum mondial de la jeunesse bretonne", "MISC", "Forum mondial de la jeunesse bretonne"),
        ("Forum", "MISC", "Forum mondial de la jeunesse bretonne"),
    ]


def test_an_organisation_head_takes_a_capitalised_complement_and_stops_at_a_person():
    text = "L'Association des élus locaux du Tarn et l'Université Marie Curie."
    assert found_tagged(text, [("Tarn", "LOC")], NOUNS_ADJS) == [
        ("Association des élus locaux du Tarn", "ORG", "Association des élus locaux du Tarn"),
        ("Marie Curie", "PER", "Marie Curie"),
    ]


def test_a_head_or_english_organisation_word_gives_the_label():
    text = "Le Groupe Danone, la Fondation Abbé Pierre et la Ford Foundation."
    ents = [("Groupe Danone", "PER"), ("Fondation Abbé Pierre", "LOC"), ("Ford Foundation", "MISC")]
    assert found(text, ents) == [
        ("Groupe Danone", "ORG", "Groupe Danone"),
        ("Fondation Abbé Pierre", "ORG", "Fondation Abbé Pierre"),
        ("Ford Foundation", "ORG", "Ford Foundation"),
    ]


# --- glued names cut apart, and the gazetteer ----------------------------------------------------


def test_a_name_glued_to_a_known_place_is_two_mentions_unless_a_head_opens_it():
    text = "Le musée Jalan de Lisbonne, la Galerie Orsi de Turin et l'Université de Lisbonne."
    ents = [
        ("Jalan de Lisbonne", "ORG"),
        ("Galerie Orsi de Turin", "ORG"),
        ("Université de Lisbonne", "ORG"),
    ]
    assert found(text, ents) == [
        ("musée Jalan", "LOC", "musée Jalan"),
        ("Lisbonne", "LOC", "Lisbonne"),
        ("Galerie Orsi", "ORG", "Galerie Orsi"),
        ("Turin", "LOC", "Turin"),
        ("Université de Lisbonne", "ORG", "Université de Lisbonne"),
    ]


def test_a_lowercase_tail_after_a_preposition_is_cut():
    text = "Le Sénat pour les républicains a voté."
    assert found(text, [("Sénat pour les républicains", "ORG")]) == [("Sénat", "ORG", "Sénat")]


def test_gazetteer_labels_win_over_the_model():
    text = "Selon Wikipédia et Moody's, Belfius et Boko Haram ont parlé en Caroline du Nord."
    ents = [
        ("Wikipédia", "MISC"),
        ("Moody's", "PER"),
        ("Belfius", "PER"),
        ("Boko Haram", "PER"),
        ("Caroline du Nord", "PER"),
    ]
    assert found(text, ents) == [
        ("Wikipédia", "ORG", "Wikipédia"),
        ("Moody's", "ORG", "Moody's"),
        ("Belfius", "ORG", "Belfius"),
        ("Boko Haram", "ORG", "Boko Haram"),
        ("Caroline du Nord", "LOC", "Caroline du Nord"),
    ]


# --- acronyms of common nouns, titles, English names -----------------------------------------


def test_an_acronym_of_a_lowercase_common_noun_is_no_mention():
    text = (
        "Il souffre d'une insuffisance rénale chronique (IRC). L'IRC progresse. Le parquet "
        "national antiterroriste (PNAT) enquête."
    )
    ents = [("IRC", "ORG"), ("PNAT", "ORG")]
    assert found(text, ents) == [
        ("parquet national antiterroriste", "ORG", "parquet national antiterroriste"),
        ("PNAT", "ORG", "parquet national antiterroriste"),
    ]


def test_more_titles_are_cut_before_the_name():
    text = (
        "Le Professeur Kenji Sato et Mr Dalton, lauréate du prix Nobel de la paix Wangari Maathai."
    )
    ents = [
        ("Professeur Kenji Sato", "PER"),
        ("Mr Dalton", "PER"),
        ("prix Nobel de la paix Wangari Maathai", "PER"),
    ]
    assert found(text, ents) == [
        ("Kenji Sato", "PER", "Kenji Sato"),
        ("Dalton", "PER", "Dalton"),
        ("Wangari Maathai", "PER", "Wangari Maathai"),
    ]


def test_english_names_cut_at_and_or_before_an_organisation_word_are_joined():
    text = "Selon Smith and Wesson Holdings, The Daily Reporter et Bill & Melinda Gates Foundation."
    ents = [("Smith and", "ORG"), ("The Daily", "ORG"), ("Bill & Melinda", "PER")]
    assert found(text, ents) == [
        ("Smith and Wesson Holdings", "ORG", "Smith and Wesson Holdings"),
        ("The Daily Reporter", "ORG", "The Daily Reporter"),
        ("Bill & Melinda Gates Foundation", "ORG", "Bill & Melinda Gates Foundation"),
    ]


def test_a_place_with_a_number_is_a_channel():
    text = "La chaîne Europe 1 et France 24, en France."
    ents = [("Europe", "LOC"), ("France", "LOC"), ("France", "LOC")]
    assert found(text, ents) == [
        ("Europe 1", "ORG", "Europe 1"),
        ("France 24", "ORG", "France 24"),
        ("France", "LOC", "France"),
    ]


def test_a_complement_takes_any_lowercase_content_word_and_stops_at_an_acronym():
    text = "Le Bureau des affaires maritimes de la CEDEAO et l'Union des leaders paysans du Tchad."
    pos = {
        "leaders": "DET",
        "affaires": "NOUN",
        "maritimes": "ADJ",
        "paysans": "NOUN",
        "Tchad": "PROPN",
        "CEDEAO": "PROPN",
    }
    assert found_tagged(text, [("CEDEAO", "ORG"), ("Tchad", "LOC")], pos) == [
        ("Bureau des affaires maritimes", "ORG", "Bureau des affaires maritimes"),
        ("CEDEAO", "ORG", "CEDEAO"),
        ("Union des leaders paysans du Tchad", "ORG", "Union des leaders paysans du Tchad"),
    ]


def test_a_lowercase_university_with_its_city_is_an_organisation():
    text = "Il enseigne à l'université de Nantes."
    assert found(text, [("Nantes", "LOC")]) == [
        ("université de Nantes", "ORG", "université de Nantes")
    ]


# --- person names -------------------------------------------------------------------------------


def test_a_breton_apostrophe_belongs_to_the_surname_and_more_first_names_are_known():
    text = "Le skipper Yann Le Goff'h devance Elizabeth Moore."
    assert found(text) == [
        ("Yann Le Goff'h", "PER", "Yann Le Goff'h"),
        ("Elizabeth Moore", "PER", "Elizabeth Moore"),
    ]


def test_an_english_and_inside_a_model_span_is_no_description_before_a_name():
    text = "Le Smith and Francine Dupont Art Institute ouvre."
    ents = [("Smith and Francine Dupont", "ORG")]
    assert found(text, ents) == [
        (
            "Smith and Francine Dupont Art Institute",
            "ORG",
            "Smith and Francine Dupont Art Institute",
        )
    ]


def test_a_capitalised_common_word_opening_a_sentence_is_no_mention():
    text = "Rappelons, le vote. Submergée par l'eau, Lyon attend. Paris a voté. Vite, Nadia part."
    ents = [
        ("Rappelons", "MISC"),
        ("Submergée", "LOC"),
        ("Lyon", "LOC"),
        ("Paris", "LOC"),
        ("Vite", "ORG"),
        ("Nadia", "PER"),
    ]
    pos = {"Paris": "PROPN", "Vite": "ADV", "Nadia": "PROPN"}
    assert found_tagged(text, ents, pos) == [
        ("Lyon", "LOC", "Lyon"),
        ("Paris", "LOC", "Paris"),
        ("Nadia", "PER", "Nadia"),
    ]


def test_a_name_nested_in_a_longer_name_counts_only_for_the_longer_one():
    text = "Le Festival interceltique de Brest attire. Brest est en fête, comme France 24."
    doc = make_doc(text, [("Brest", "LOC"), ("Brest", "LOC"), ("France", "LOC")])
    for token in doc:
        token.pos_ = {"interceltique": "ADJ", "Brest": "PROPN"}.get(token.text, token.pos_)
    rows = pd.DataFrame(doc_entities(doc, "t"))
    table = entity_frequency(rows)
    assert [tuple(r) for r in table[["entity", "label", "count"]].values] == [
        ("Brest", "LOC", 1),
        ("Festival interceltique de Brest", "MISC", 1),
        ("France 24", "ORG", 1),
    ]


def test_a_standalone_institution_head_and_an_acronym_are_no_places():
    text = "Le Congrès a voté. La région Centre et l'OPEP aussi."
    ents = [("Congrès", "LOC"), ("Centre", "LOC"), ("OPEP", "LOC")]
    assert found(text, ents) == [
        ("Congrès", "ORG", "Congrès"),
        ("Centre", "LOC", "Centre"),
        ("OPEP", "ORG", "OPEP"),
    ]


def test_a_plural_type_noun_types_the_name():
    text = "Les fusées Ariane 5 et le ferry Pascal Paoli sont prêts."
    ents = [("Ariane", "PER"), ("Pascal Paoli", "PER")]
    assert found(text, ents) == [
        ("Ariane 5", "MISC", "Ariane 5"),
        ("Pascal Paoli", "MISC", "Pascal Paoli"),
    ]


def test_a_known_name_then_de_and_a_city_is_two_mentions_but_not_with_du():
    text = "Les Jeux olympiques de Tokyo et l'Assemblée nationale du Québec, selon Météo France."
    ents = [
        ("Jeux olympiques de Tokyo", "MISC"),
        ("Assemblée nationale du Québec", "ORG"),
        ("Météo", "ORG"),
    ]
    assert found(text, ents) == [
        ("Jeux olympiques", "MISC", "Jeux olympiques"),
        ("Tokyo", "LOC", "Tokyo"),
        ("Assemblée nationale du Québec", "ORG", "Assemblée nationale du Québec"),
        ("Météo France", "ORG", "Météo-France"),
    ]


def test_a_plural_kinship_noun_and_a_surname_name_the_family():
    text = "Les sœurs Durand ont gagné ; Marie Durand aussi."
    assert found(text, [("Durand", "PER"), ("Marie Durand", "PER")]) == [
        ("sœurs Durand", "PER", "sœurs Durand"),
        ("Marie Durand", "PER", "Marie Durand"),
    ]


def test_the_place_of_a_dateline_is_no_mention():
    text = "2 juillet 2012. - Lyon - Le maire de Lyon parle.\nSuite à cela, rien."
    assert found(text, [("Lyon", "LOC"), ("Lyon", "LOC")]) == [("Lyon", "LOC", "Lyon")]


def test_a_participle_opening_a_sentence_is_no_mention_whatever_follows():
    text = "Baptisée Nova, l'étoile brille."
    assert found(text, [("Baptisée", "LOC"), ("Nova", "MISC")]) == [("Nova", "MISC", "Nova")]


def test_a_comma_a_reference_mark_or_an_adjective_after_a_known_name_ends_the_span():
    text = (
        "Lu dans Le Journal des Sports, de la Revue Verte et le Parti vert[2. La Francophonie "
        "institutionnelle et l'État fédéral parlent."
    )
    ents = [
        ("Journal des Sports, de la Revue Verte", "ORG"),
        ("Parti vert[2", "ORG"),
        ("Francophonie institutionnelle", "ORG"),
        ("État fédéral", "LOC"),
    ]
    assert found(text, ents) == [
        ("Journal des Sports", "ORG", "Journal des Sports"),
        ("Revue Verte", "ORG", "Revue Verte"),
        ("Parti vert", "ORG", "Parti vert"),
        ("Francophonie", "ORG", "Organisation internationale de la Francophonie"),
    ]


def test_an_english_place_word_makes_a_place():
    text = "Au Garfield Arena puis à Breezy Point."
    ents = [("Garfield", "PER"), ("Breezy Point", "ORG")]
    assert found(text, ents) == [
        ("Garfield Arena", "LOC", "Garfield Arena"),
        ("Breezy Point", "LOC", "Breezy Point"),
    ]


def test_a_first_name_alone_is_the_only_person_it_opens():
    text = (
        "Kateri Tekakwitha est née ici. Kateri a prié. Marie Curie et Marie Durand aussi ; Marie."
    )
    ents = [
        ("Kateri Tekakwitha", "PER"),
        ("Kateri", "LOC"),
        ("Marie Curie", "PER"),
        ("Marie Durand", "PER"),
        ("Marie", "PER"),
    ]
    assert found(text, ents) == [
        ("Kateri Tekakwitha", "PER", "Kateri Tekakwitha"),
        ("Kateri", "PER", "Kateri Tekakwitha"),
        ("Marie Curie", "PER", "Marie Curie"),
        ("Marie Durand", "PER", "Marie Durand"),
        ("Marie", "PER", "Marie"),
    ]


def test_an_acronym_is_counted_under_the_only_name_its_initials_spell():
    text = "Le BRGM, le Bureau de recherches géologiques et minières, conclut. Le BRGM et la SNCF."
    ents = [
        ("BRGM", "MISC"),
        ("Bureau de recherches géologiques et minières", "ORG"),
        ("BRGM", "MISC"),
        ("SNCF", "ORG"),
    ]
    assert found(text, ents) == [
        ("BRGM", "ORG", "Bureau de recherches géologiques et minières"),
        (
            "Bureau de recherches géologiques et minières",
            "ORG",
            "Bureau de recherches géologiques et minières",
        ),
        ("BRGM", "ORG", "Bureau de recherches géologiques et minières"),
        ("SNCF", "ORG", "SNCF"),
    ]


def test_a_one_word_name_in_a_list_of_people_is_a_person():
    text = "Avec Jean Roux, Pelé, Marc Dubois ou encore Zizou. Avec Jean Roux, Lyon gagne."
    ents = [
        ("Jean Roux", "PER"),
        ("Pelé", "LOC"),
        ("Marc Dubois", "PER"),
        ("Zizou", "MISC"),
        ("Jean Roux", "PER"),
        ("Lyon", "ORG"),
    ]
    assert found(text, ents) == [
        ("Jean Roux", "PER", "Jean Roux"),
        ("Pelé", "PER", "Pelé"),
        ("Marc Dubois", "PER", "Marc Dubois"),
        ("Zizou", "PER", "Zizou"),
        ("Jean Roux", "PER", "Jean Roux"),
        ("Lyon", "ORG", "Lyon"),
    ]


def test_a_thing_named_after_someone_is_no_mention_of_that_person():
    text = "Le boson de Higgs et la maladie d'Alzheimer. Peter Higgs sourit."
    ents = [("Higgs", "PER"), ("Alzheimer", "PER"), ("Peter Higgs", "PER")]
    assert found(text, ents) == [
        ("boson de Higgs", "MISC", "boson de Higgs"),
        ("maladie d'Alzheimer", "MISC", "maladie d'Alzheimer"),
        ("Peter Higgs", "PER", "Peter Higgs"),
    ]


def test_historical_peoples_are_demonyms():
    text = "Les Étrusques et les Gaulois commerçaient."
    assert found(text, [("Étrusques", "LOC"), ("Gaulois", "MISC")]) == []


def test_initials_with_a_surname_are_the_person_they_abbreviate():
    text = "Barack Obama parle. B. Obama et J.-M. Ayrault, Jean-Marc Ayrault, puis P. Ayrault."
    ents = [
        ("Barack Obama", "PER"),
        ("B. Obama", "PER"),
        ("J.-M. Ayrault", "PER"),
        ("Jean-Marc Ayrault", "PER"),
        ("P. Ayrault", "PER"),
    ]
    assert found(text, ents) == [
        ("Barack Obama", "PER", "Barack Obama"),
        ("B. Obama", "PER", "Barack Obama"),
        ("J.-M. Ayrault", "PER", "Jean-Marc Ayrault"),
        ("Jean-Marc Ayrault", "PER", "Jean-Marc Ayrault"),
        ("P. Ayrault", "PER", "P. Ayrault"),
    ]


def test_a_name_ending_with_a_model_designator_is_other():
    text = "Un appareil Boeing Douglas KC-46 s'est posé."
    assert found(text, [("Boeing Douglas KC-46", "PER")]) == [
        ("Boeing Douglas KC-46", "MISC", "Boeing Douglas KC-46")
    ]


def test_a_name_in_a_list_of_media_takes_their_label():
    text = "Lu dans Libération, de Télérama, de Zazie Hebdo et du Figaro."
    ents = [("Libération", "ORG"), ("Télérama", "ORG"), ("Zazie Hebdo", "LOC"), ("Figaro", "ORG")]
    assert found(text, ents) == [
        ("Libération", "ORG", "Libération"),
        ("Télérama", "ORG", "Télérama"),
        ("Zazie Hebdo", "ORG", "Zazie Hebdo"),
        ("Figaro", "ORG", "Figaro"),
    ]


def test_an_event_noun_with_an_adjective_and_its_place_is_one_name():
    text = "Le festival interceltique de Brest et l'aéroport international de Lyon."
    ents = [("Brest", "LOC"), ("Lyon", "LOC")]
    assert found(text, ents) == [
        ("festival interceltique de Brest", "MISC", "festival interceltique de Brest"),
        ("Lyon", "LOC", "Lyon"),
    ]


def test_tuareg_and_breton_particles_are_name_parts():
    text = "Yann Ar Gall et Mohamed Ag Najim ont parlé."
    assert found(text) == [
        ("Yann Ar Gall", "PER", "Yann Ar Gall"),
        ("Mohamed Ag Najim", "PER", "Mohamed Ag Najim"),
    ]


def test_credit_ratings_are_no_names_and_club_prefixes_make_clubs():
    text = "La note passe à Baa2. L'AS Monaco bat le RC Lens (Fixes et portables)."
    ents = [("Baa2", "MISC"), ("Monaco", "LOC"), ("Lens", "LOC"), ("Fixes", "ORG")]
    pos = {"Fixes": "ADJ"}
    assert found_tagged(text, ents, pos) == [
        ("AS Monaco", "ORG", "AS Monaco"),
        ("RC Lens", "ORG", "RC Lens"),
    ]


def test_an_acronym_inside_a_longer_name_counts_for_the_longer_one():
    text = "Le groupe Dupont-Martin (DM) réduit ses effectifs. Le PDG de DM France parle. DM perd."
    ents = [("Dupont-Martin", "ORG"), ("DM France", "ORG"), ("DM", "ORG")]
    assert found(text, ents) == [
        ("Dupont-Martin", "ORG", "Dupont-Martin"),
        ("DM", "ORG", "Dupont-Martin"),
        ("DM France", "ORG", "DM France"),
        ("DM", "ORG", "Dupont-Martin"),
    ]


def test_a_test_named_after_someone_is_no_mention_of_that_person():
    text = "Alan Turing a conçu le test de Turing."
    assert found(text, [("Alan Turing", "PER"), ("Turing", "PER")]) == [
        ("Alan Turing", "PER", "Alan Turing"),
        ("test de Turing", "MISC", "test de Turing"),
    ]


def test_a_line_break_ends_a_span_and_a_year_with_de_is_cut():
    text = "Voir X.\nD'autre part, le tournoi 2010 de Roland-Garros."
    ents = [("X.\nD'autre part", "PER"), ("2010 de Roland-Garros", "MISC")]
    assert found(text, ents) == [("Roland-Garros", "MISC", "Roland-Garros")]


def test_a_plural_type_noun_with_a_comma_and_regions_of_the_gazetteer():
    text = "Deux télescopes, HUBBLE et VLT, observent la Toscane."
    ents = [("HUBBLE", "ORG"), ("VLT", "ORG"), ("Toscane", "MISC")]
    assert found(text, ents) == [
        ("HUBBLE", "MISC", "HUBBLE"),
        ("VLT", "ORG", "VLT"),
        ("Toscane", "LOC", "Toscane"),
    ]


def test_a_name_before_a_known_place_in_parentheses_is_a_place():
    text = "Il est attendu à Springfield (Californie) puis à Paris (France)."
    ents = [("Springfield", "PER"), ("Californie", "LOC"), ("Paris", "LOC"), ("France", "LOC")]
    assert found(text, ents) == [
        ("Springfield", "LOC", "Springfield"),
        ("Californie", "LOC", "Californie"),
        ("Paris", "LOC", "Paris"),
        ("France", "LOC", "France"),
    ]


def test_a_known_name_before_a_first_name_is_still_found():
    text = "Le président de l'Assemblée Claude Durand parle."
    assert found(text, [("Claude Durand", "PER")]) == [
        ("Assemblée", "ORG", "Assemblée nationale"),
        ("Claude Durand", "PER", "Claude Durand"),
    ]


def test_a_two_word_name_in_a_list_of_places_is_a_place_unless_it_opens_with_a_first_name():
    text = "Elle a vu Milan, Gênes, Bad Ems et Londres, puis Lyon, Nice, Paul Martin et Rome."
    ents = [
        ("Milan", "LOC"),
        ("Gênes", "LOC"),
        ("Bad Ems", "PER"),
        ("Londres", "LOC"),
        ("Lyon", "LOC"),
        ("Nice", "LOC"),
        ("Paul Martin", "PER"),
        ("Rome", "LOC"),
    ]
    labels = [(surface, label) for surface, label, _ in found(text, ents)]
    assert labels == [
        ("Milan", "LOC"),
        ("Gênes", "LOC"),
        ("Bad Ems", "LOC"),
        ("Londres", "LOC"),
        ("Lyon", "LOC"),
        ("Nice", "LOC"),
        ("Paul Martin", "PER"),
        ("Rome", "LOC"),
    ]


def test_a_lowercase_verb_glued_at_the_end_of_a_model_span_is_cut():
    text = "Le Salon dure trois jours."
    pos = {"dure": "VERB"}
    assert found_tagged(text, [("Salon dure", "ORG")], pos) == [("Salon", "ORG", "Salon")]


def test_a_government_numbered_after_a_person_of_the_article_is_that_person():
    text = "Jean Dupont forme son gouvernement (Dupont 2). Canal 9 diffuse."
    ents = [("Jean Dupont", "PER"), ("Dupont", "MISC"), ("Canal", "ORG")]
    assert found(text, ents) == [
        ("Jean Dupont", "PER", "Jean Dupont"),
        ("Dupont", "PER", "Jean Dupont"),
        ("Canal 9", "ORG", "Canal 9"),
    ]


def test_a_known_organisation_written_lowercase_is_found():
    text = "L'assemblée nationale a voté ; la banque mondiale aussi, pas la banque du coin."
    assert found(text) == [
        ("assemblée nationale", "ORG", "Assemblée nationale"),
        ("banque mondiale", "ORG", "Banque mondiale"),
    ]


def test_a_name_ending_like_a_verb_opening_a_sentence_stays_when_tagged_a_name():
    text = "Sánchez, le Premier ministre, a parlé. Baptisée Kepler, la planète tourne."
    ents = [("Sánchez", "PER"), ("Baptisée", "PER"), ("Kepler", "LOC")]
    assert found(text, ents, propn=("Sánchez", "Baptisée", "Kepler")) == [
        ("Sánchez", "PER", "Sánchez"), ("Kepler", "LOC", "Kepler")]
    assert found("Notons, enfin, que rien ne change.", [("Notons", "PER")]) == []


def test_non_prose_needles_skip_rules_without_changing_spans():
    from analysis.entities.spans import _non_prose

    text = "Écrire à presse@example.org ou voir www.example.org aujourd'hui."
    assert _non_prose(text) == [(36, 51), (9, 27)]  # the URL rule, then the e-mail rule
    assert _non_prose(text.replace("@", " chez ")) == [(41, 56)]  # no « @ »: no e-mail
