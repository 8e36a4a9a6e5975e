"""Quotes: finding them in every kind of mark, attributing them, scoring them (exact results)."""

from __future__ import annotations

import importlib.util

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.figures.quotes import plot_quote_sentiment, plot_speaker_sentiment
from analysis.paths import PROJECT_DIR
from analysis.quotes import (
    CHARGED_COLUMNS,
    COLUMNS,
    SPEAKER_COLUMNS,
    charged_terms,
    doc_quotes,
    extract_quotes,
    find_marked,
    quote_kind,
    quote_sentiment_by_speaker,
)


def spans(text: str) -> list[str]:
    """The quoted texts find_marked returns, checking that offsets point at them."""
    return [text[q.start : q.end] for q in find_marked(text)]


# ---------------------------------------------------------------- finding quotes (no parse)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a dit « bonjour » hier.", ["bonjour"]),
        ("Il a dit «bonjour» hier.", ["bonjour"]),
        ("“La démocratie est en danger”, a-t-il dit.", ["La démocratie est en danger"]),
        ("„Wir schaffen das“, avait promis Angela Merkel.", ["Wir schaffen das"]),
        ("‹ Le dialogue reste possible ›, a dit Charles Michel.", ["Le dialogue reste possible"]),
        ('"Nous ne paierons pas", a lancé Yanis Varoufakis.', ["Nous ne paierons pas"]),
        # mixed pair, as in the bundled article
        ("“Ils pourraient être améliorés », a déclaré Poutine.", ["Ils pourraient être améliorés"]),
        # English-style comma inside the closing mark is trimmed
        ("“Nous partirons,” a-t-il dit.", ["Nous partirons"]),
        # nested marks stay inside one quote
        ("« Quand on me dit “non”, je réponds oui », a-t-il lancé.",
         ["Quand on me dit “non”, je réponds oui"]),
        # each adjacent quoted word is its own quote
        ("les politiques « agressives », « conflictuelles » et « répulsives » des voisins",
         ["agressives", "conflictuelles", "répulsives"]),
        # scare quotes stay quotes: lowercase after a definite determiner, or indefinite
        ("Ils dénoncent le « greenwashing » et un « État voyou ».",
         ["greenwashing", "État voyou"]),
    ],
)
def test_marks(text, expected):
    assert spans(text) == expected


def test_offsets_exclude_marks_and_spaces():
    text = "Il a parlé de « blocus » hier."
    (quote,) = find_marked(text)
    assert (quote.start, quote.end, quote.opener, quote.closer) == (16, 22, 14, 23)


@pytest.mark.parametrize(
    "text",
    [
        "Le film « Anatomie d'une chute » a remporté la Palme d'or.",
        "Dans son livre « Le Consentement », elle raconte son enfance.",
        "L'opération « Barkhane » a pris fin.",
        "Un rapport intitulé « Climat : l'urgence » sera publié jeudi.",
        "Le journal « Libération » titre sur l'élection.",
        # names after a definite determiner: capitalised, or opening with a naming noun
        "Les manifestants contre la « loi sécurité globale » étaient nombreux.",
        "Le « Roi Soleil » du football a pris sa retraite.",
        "L'« affaire Bygmalion » revient devant la justice.",
        # a title in apposition to a title noun and its complement
        "Le premier roman de Leïla Slimani, « Dans le jardin de l'ogre », est réédité.",
    ],
)
def test_titles_of_works_are_not_quotes(text):
    assert spans(text) == []


def test_stray_opening_mark_never_swallows_the_next_paragraph():
    text = "Le texte « sera examiné en commission.\nLe gouvernement « espère » une adoption."
    assert spans(text) == ["espère"]


def test_stray_closing_mark_is_ignored():
    text = "Les syndicats ont appelé à manifester ». « Nous serons des millions », a-t-elle dit."
    assert spans(text) == ["Nous serons des millions"]


def test_stray_mid_sentence_mark_does_not_run_on_even_before_a_reopened_paragraph():
    text = "Il a parlé de « trahison.\n« Nous agirons vite », a promis Anne Hidalgo."
    assert spans(text) == ["Nous agirons vite"]


def test_quote_continued_over_paragraphs_is_one_quote_per_paragraph():
    text = "Il a déclaré : « Nous sommes en guerre.\n« Je sais ce que je vous demande. »\nFin."
    quotes = find_marked(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "Nous sommes en guerre.", "Je sais ce que je vous demande."]
    assert [q.runs_on for q in quotes] == [True, False]


@pytest.mark.parametrize("text", ["« « »", "»»» «", '"', "« »", "„", "“”", "a « b\n\n» c"])
def test_unbalanced_marks_never_crash(text):
    assert all(q.end > q.start for q in find_marked(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("« Nous partirons », a-t-il dit.", "direct"),
        ("Il a déclaré : « Nous partirons. »", "direct"),
        ("Il est parti. « Nous reviendrons. »", "direct"),
        ("Selon lui, « la guerre est perdue ».", "partial"),
        ("Pour Laurent Berger, « Cette réforme est injuste ».", "direct"),
        ("Il dénonce une politique « agressive ».", "partial"),
        ("La Russie l'a qualifié de “blocus”.", "partial"),
        ("Il a lancé « Nous partirons ».", "direct"),
        ("Il a lancé « un appel ».", "partial"),
    ],
)
def test_kind(text, kind):
    (quote,) = find_marked(text)
    assert quote_kind(text, quote) == kind


# ---------------------------------------------------------------- attribution rules (parsed)

RULES = {
    # subject + verb before the quote
    "Olaf Scholz a prévenu : « L'Allemagne ne livrera pas de missiles. »": [
        ("L'Allemagne ne livrera pas de missiles.", "direct", "Olaf Scholz", "prévenir",
         "verb_before")],
    # inverted subject after: a name, a clitic, a role noun
    "« Nous avons reçu des assurances claires », a déclaré Antony Blinken.": [
        ("Nous avons reçu des assurances claires", "direct", "Antony Blinken", "déclarer",
         "inverted")],
    "Christine Lagarde a présidé la réunion. « L'inflation reste trop élevée », déclare-t-elle.": [
        ("L'inflation reste trop élevée", "direct", "Christine Lagarde", "déclarer",
         "inverted+pronoun")],
    "Emmanuel Macron était à Kiev. « La France sera aux côtés de l'Ukraine », a-t-il ajouté.": [
        ("La France sera aux côtés de l'Ukraine", "direct", "Emmanuel Macron", "ajouter",
         "inverted+pronoun")],
    "Le ministre de l'Intérieur, Gérald Darmanin, était à Lyon. « Les casseurs seront "
    "sanctionnés », a estimé le ministre.": [
        ("Les casseurs seront sanctionnés", "direct", "Gérald Darmanin", "estimer",
         "inverted+role")],
    "Le président Vladimir Poutine a reçu Alexandre Loukachenko. « Nous renforcerons notre "
    "alliance », a déclaré le président russe.": [
        ("Nous renforcerons notre alliance", "direct", "Vladimir Poutine", "déclarer",
         "inverted+role")],
    "« Jamais ! », a répondu Marine Le Pen.": [
        ("Jamais !", "direct", "Marine Le Pen", "répondre", "inverted")],
    "« Nous avons peur », confie une habitante du quartier.": [
        ("Nous avons peur", "direct", "une habitante du quartier", "confier",
         "inverted+description")],
    # selon / d'après / pour
    "Selon Thierry Breton, « les plateformes devront rendre des comptes ».": [
        ("les plateformes devront rendre des comptes", "partial", "Thierry Breton", "",
         "source_cue")],
    "« Le cessez-le-feu ne tiendra pas », selon Josep Borrell.": [
        ("Le cessez-le-feu ne tiendra pas", "direct", "Josep Borrell", "", "source_cue")],
    "D'après Kristalina Georgieva, « la croissance restera faible ».": [
        ("la croissance restera faible", "partial", "Kristalina Georgieva", "", "source_cue")],
    "Pour Laurent Berger, « cette réforme est injuste ».": [
        ("cette réforme est injuste", "partial", "Laurent Berger", "", "source_cue")],
    # pronouns: nearest compatible person, preferring subjects
    "Angela Merkel a quitté la chancellerie. Elle a déclaré : « Je ne regrette rien. »": [
        ("Je ne regrette rien.", "direct", "Angela Merkel", "déclarer", "verb_before+pronoun")],
    "Recep Tayyip Erdogan a reçu Vladimir Poutine à Sotchi. Il a ensuite affirmé : « La Turquie "
    "restera neutre. »": [
        ("La Turquie restera neutre.", "direct", "Recep Tayyip Erdogan", "affirmer",
         "verb_before+pronoun")],
    # continuation of the previous paragraph's speaker; a quote running over paragraphs
    "« Les prix vont monter », a averti Fatih Birol.\n« Les gouvernements doivent protéger les "
    "ménages. »": [
        ("Les prix vont monter", "direct", "Fatih Birol", "avertir", "inverted"),
        ("Les gouvernements doivent protéger les ménages.", "direct", "Fatih Birol", "avertir",
         "continuation")],
    "António Guterres a lancé un appel : « Le monde ne peut pas se permettre une guerre.\n« Il "
    "faut un cessez-le-feu. »": [
        ("Le monde ne peut pas se permettre une guerre.", "direct", "António Guterres",
         "lancer", "verb_before"),
        ("Il faut un cessez-le-feu.", "direct", "António Guterres", "lancer", "continuation")],
    # partial quotes: the subject of the verb that governs them
    "Sergueï Lavrov a qualifié les sanctions de « guerre économique ».": [
        ("guerre économique", "partial", "Sergueï Lavrov", "qualifier", "verb_before")],
    "Viktor Orban a dénoncé une politique « suicidaire » et « naïve ».": [
        ("suicidaire", "partial", "Viktor Orban", "dénoncer", "verb_before"),
        ("naïve", "partial", "Viktor Orban", "dénoncer", "verb_before")],
    "La Chine a accusé Washington de « jouer avec le feu ».": [
        ("jouer avec le feu", "partial", "Chine", "accuser", "verb_before")],
    "La Lituanie mène une politique « hostile » envers ses voisins.": [
        ("hostile", "partial", "Lituanie", "mener", "governing_verb")],
    "La Lituanie mène une politique « hostile », a dénoncé Vladimir Poutine.": [
        ("La Lituanie mène une politique", "indirect", "Vladimir Poutine", "dénoncer",
         "inverted"),
        ("hostile", "partial", "Vladimir Poutine", "dénoncer", "inverted")],
    # indirect speech, and a partial quote inside it
    "Rishi Sunak a affirmé jeudi que le pays soutiendrait ses alliés.": [
        ("le pays soutiendrait ses alliés", "indirect", "Rishi Sunak", "affirmer", "indirect")],
    "Moscou a allégué que l'OTAN préparait une offensive.": [
        ("l'OTAN préparait une offensive", "indirect", "Moscou", "alléguer", "indirect")],
    "Mahmoud Abbas a rencontré Antony Blinken, ajoutant que les discussions continuaient.": [
        ("les discussions continuaient", "indirect", "Mahmoud Abbas", "ajouter", "indirect")],
    "Le Hamas a fait savoir qu'il examinait la proposition.": [
        ("il examinait la proposition", "indirect", "Hamas", "faire savoir", "indirect")],
    "Vladimir Poutine a déclaré que l'Occident menait une « guerre hybride » contre la Russie.": [
        ("l'Occident menait une « guerre hybride » contre la Russie", "indirect",
         "Vladimir Poutine", "déclarer", "indirect"),
        ("guerre hybride", "partial", "Vladimir Poutine", "déclarer", "indirect")],
    # incise inside the quote; previous sentence; colon without a reporting verb
    "« La Russie, a déclaré Volodymyr Zelensky, ne gagnera jamais. »": [
        ("La Russie, a déclaré Volodymyr Zelensky, ne gagnera jamais.", "direct",
         "Volodymyr Zelensky", "déclarer", "incise")],
    "Emmanuel Macron a été très clair. « Il n'y aura pas d'impunité. »": [
        ("Il n'y aura pas d'impunité.", "direct", "Emmanuel Macron", "", "previous_sentence")],
    "Le message de Sébastien Lecornu est clair : « Nous ne transigerons pas. »": [
        ("Nous ne transigerons pas.", "direct", "Sébastien Lecornu", "", "colon")],
    # a quote split by its attribution; the attribution after it, not inverted
    "« Nous irons jusqu'au bout », a dit Élisabeth Borne, « car le système est en danger ».": [
        ("Nous irons jusqu'au bout", "direct", "Élisabeth Borne", "dire", "inverted"),
        ("car le système est en danger", "partial", "Élisabeth Borne", "dire", "verb_before")],
    "« On ne lâchera rien » : c'est ainsi que Fabien Roussel a résumé la position du PCF.": [
        ("On ne lâchera rien", "direct", "Fabien Roussel", "résumer", "verb_after")],
    "« Nous n'avons rien à cacher » — c'est ce qu'a martelé Elon Musk devant le Congrès.": [
        ("Nous n'avons rien à cacher", "direct", "Elon Musk", "marteler", "verb_after")],
    # relative « qui », « tandis que » opening another clause, coordinated verbs
    "Laurent Berger, qui a déclaré : « La mobilisation continuera », a été reçu à l'Élysée.": [
        ("La mobilisation continuera", "direct", "Laurent Berger", "déclarer", "verb_before")],
    "Emmanuel Macron a répondu. « Je n'ai pas de regret », a-t-il dit, tandis qu'Olivier Véran "
    "assurait que « tout ira bien ».": [
        ("Je n'ai pas de regret", "direct", "Emmanuel Macron", "dire", "inverted+pronoun"),
        ("tout ira bien", "partial", "Olivier Véran", "assurer", "verb_before")],
    "Jean-Luc Mélenchon a estimé que « le pays est au bord de l'explosion » et a appelé à "
    "« bloquer le pays ».": [
        ("le pays est au bord de l'explosion", "partial", "Jean-Luc Mélenchon", "estimer",
         "verb_before"),
        ("bloquer le pays", "partial", "Jean-Luc Mélenchon", "appeler", "verb_before")],
    # « dire que » after falloir / vouloir is the writer's voice, not indirect speech
    "Il faut dire que la situation est compliquée. Cela veut dire que les syndicats devront "
    "se réunir.": [],
    # « elle » skips a nearer man (gender from the first name)
    "Sophie Binet a rencontré Jean-Luc Mélenchon. Elle a jugé les critiques « injustes ».": [
        ("injustes", "partial", "Sophie Binet", "juger", "verb_before+pronoun")],
    # a role with nobody named: no guess at a person, its description
    "« Je ne céderai pas », a déclaré la ministre des Armées.": [
        ("Je ne céderai pas", "direct", "la ministre des Armées", "déclarer",
         "inverted+description")],
    # passive with a « par » agent; a verbless lead-in before a colon
    "Ces propos ont été jugés « scandaleux » par Yaël Braun-Pivet.": [
        ("scandaleux", "partial", "Yaël Braun-Pivet", "juger", "verb_before+passive")],
    "Réaction immédiate de Jordan Bardella : « C'est un aveu d'échec. »": [
        ("C'est un aveu d'échec.", "direct", "Jordan Bardella", "", "colon")],
    # « Et d'ajouter » has no subject: the previous quote's speaker goes on
    "Olaf Scholz a défendu sa coalition. « Nous tiendrons », a-t-il affirmé. Et d'ajouter : "
    "« Les Allemands nous jugeront. »": [
        ("Nous tiendrons", "direct", "Olaf Scholz", "affirmer", "inverted+pronoun"),
        ("Les Allemands nous jugeront.", "direct", "Olaf Scholz", "ajouter",
         "verb_before+previous")],
    # a role with a complement is not given to the only person named; a bare one is, by gender
    # (a role speaking for a body, « le porte-parole du gouvernement », is then described)
    "« C'est une capitulation », a fustigé Éric Zemmour. Le porte-parole du gouvernement a "
    "répliqué que l'accord était « équilibré ».": [
        ("C'est une capitulation", "direct", "Éric Zemmour", "fustiger", "inverted"),
        ("l'accord était « équilibré »", "indirect", "le porte-parole du gouvernement",
         "répliquer", "indirect+description"),
        ("équilibré", "partial", "le porte-parole du gouvernement", "répliquer",
         "indirect+description")],
    "Giorgia Meloni et Emmanuel Macron se sont parlé. « Nous avons eu un échange franc », a "
    "déclaré la présidente.": [
        ("Nous avons eu un échange franc", "direct", "Giorgia Meloni", "déclarer",
         "inverted+role")],
    # titles after a comma, nicknames after « surnommer »
    "Son dernier roman, « Les Choses humaines », a reçu un prix. Celui que ses partisans "
    "surnomment « le Lion » a gagné.": [],
    # an anonymous source stays unknown and keeps the floor for the next quote
    "« Nous manquons de tout », confie un policier de la PAF. « Nous sommes épuisés. »": [
        ("Nous manquons de tout", "direct", "", "confier", "inverted"),
        ("Nous sommes épuisés.", "direct", "", "confier", "continuation")],
    # a person named as a « de » complement is not the speaker
    "« Le dossier est vide », a déclaré l'avocat de Nicolas Sarkozy.": [
        ("Le dossier est vide", "direct", "", "déclarer", "inverted")],
    # a verb linked by the parser across a paragraph break does not borrow that subject
    "Marine Le Pen a parlé sur X.\nLa Défenseure des droits, Claire Hédon, s'est inquiétée "
    "d'« atteintes aux droits ».": [
        ("atteintes aux droits", "partial", "Claire Hédon", "inquiéter", "verb_before")],
    # a bare participle opening the sentence describes the speaker, it is not the reporting act
    "Interrogée sur BFMTV, la maire de Paris, Anne Hidalgo, a été catégorique : « Les Jeux "
    "seront une réussite. »": [
        ("Les Jeux seront une réussite.", "direct", "Anne Hidalgo", "", "colon")],
    # cataphora: nobody named before the pronoun, the next person named takes it
    "« Je n'ai jamais menti », dit-il. Nicolas Sarkozy conteste toutes les accusations.": [
        ("Je n'ai jamais menti", "direct", "Nicolas Sarkozy", "dire", "inverted+pronoun")],
    # « -elle » mis-tagged as a determiner is still a pronoun; gender skips the nearer man
    "Ursula von der Leyen s'est rendue à Kiev. Elle y a rencontré Volodymyr Zelensky. "
    "« L'Europe restera unie », a-t-elle promis.": [
        ("L'Europe restera unie", "direct", "Ursula von der Leyen", "promettre",
         "inverted+pronoun")],
    # an indirect clause stops at « , tandis que »; the partial quote takes the inner clause
    "Le chef de l'État a assuré qu'il respecterait le vote, tandis que Marine Le Pen a estimé "
    "que le scrutin était « joué d'avance ».": [
        ("il respecterait le vote", "indirect", "", "assurer", "indirect"),
        ("le scrutin était « joué d'avance »", "indirect", "Marine Le Pen", "estimer",
         "indirect"),
        ("joué d'avance", "partial", "Marine Le Pen", "estimer", "indirect")],
    # a person's role with an organisation is not the organisation; of two people in an
    # exchange, the role names the one who did not speak just before
    "Gabriel Attal a accusé Jordan Bardella de « mentir ». « C'est vous qui mentez », a "
    "rétorqué le président du RN.": [
        ("mentir", "partial", "Gabriel Attal", "accuser", "verb_before"),
        ("C'est vous qui mentez", "direct", "Jordan Bardella", "rétorquer", "inverted+role")],
    # a capitalised « Maire » is part of a name, not the role noun
    "Bruno Le Maire a reconnu que la dette était « préoccupante ».": [
        ("la dette était « préoccupante »", "indirect", "Bruno Le Maire", "reconnaître",
         "indirect"),
        ("préoccupante", "partial", "Bruno Le Maire", "reconnaître", "indirect")],
    # an indefinite head keeps a name standing next to it (« un sondage Ifop »)
    "Selon un sondage Ifop publié jeudi, 62 % des Français jugent le budget « mauvais ».": [
        ("mauvais", "partial", "Ifop", "", "source_cue")],
    "Le film « Anatomie d'une chute » a remporté la Palme d'or.": [],
    # a pronoun takes the nearest subject naming a person, not a closer object
    "Rachida Dati a croisé Anne Hidalgo à l'Hôtel de Ville. « Je serai candidate », "
    "a-t-elle annoncé.": [
        ("Je serai candidate", "direct", "Rachida Dati", "annoncer", "inverted+pronoun")],
    # a role with a complement, never introduced, is the only person the text is about
    "Gérald Darmanin a visité la prison de Fresnes. « Les cellules sont surpeuplées », "
    "a constaté le ministre de la Justice.": [
        ("Les cellules sont surpeuplées", "direct", "Gérald Darmanin", "constater",
         "inverted+role")],
    # in an exchange between two men, the role names the one who did not just speak
    "Olivier Faure a débattu avec François Ruffin. « Tu as tort », a-t-il lancé. "
    "« Je maintiens tout », a répondu le député de la Somme.": [
        ("Tu as tort", "direct", "Olivier Faure", "lancer", "inverted+pronoun"),
        ("Je maintiens tout", "direct", "François Ruffin", "répondre", "inverted+role")],
    # a definite organisation noun stands for the last organisation named
    "Greenpeace a publié un rapport sur le nucléaire. « Les risques sont sous-estimés », "
    "affirme l'ONG.": [
        ("Les risques sont sous-estimés", "direct", "Greenpeace", "affirmer", "inverted+org")],
    # a place in a « de » complement is a jurisdiction, not the speaker (an institution the
    # entity module names, « le parquet de Lyon », is one)
    "« Une enquête a été ouverte », a indiqué la gendarmerie de Lyon.": [
        ("Une enquête a été ouverte", "direct", "la gendarmerie de Lyon", "indiquer",
         "inverted+description")],
    # of several candidates, a role names the only one of the sentence before
    "Kylian Mbappé a marqué deux buts. Didier Deschamps était satisfait. « L'équipe a répondu "
    "présent », a estimé le sélectionneur.": [
        ("L'équipe a répondu présent", "direct", "Didier Deschamps", "estimer",
         "inverted+role")],
    # two people not in one sentence are no exchange: the role does not switch speakers
    "Ousmane Dembélé a marqué deux fois. « On a été solides », a réagi Luis Enrique. Le "
    "technicien espagnol a salué « l'état d'esprit » du groupe.": [
        ("On a été solides", "direct", "Luis Enrique", "réagir", "inverted"),
        ("l'état d'esprit", "partial", "Luis Enrique", "saluer", "verb_before+previous")],
    # of several organisations, an org noun takes the nearest subject one
    "Le PSG s'est imposé face à l'OM. Le club a annoncé que Marquinhos serait absent.": [
        ("Marquinhos serait absent", "indirect", "Paris Saint-Germain", "annoncer",
         "indirect+org")],
    # a prepositional phrase after the role is skipped, not the appositive name after it
    "« Nous protégerons notre industrie », a déclaré le commissaire européen à l'Industrie, "
    "Stéphane Séjourné.": [
        ("Nous protégerons notre industrie", "direct", "Stéphane Séjourné", "déclarer",
         "inverted")],
    # an indefinite role is nobody named before: its description is the speaker
    "Axel Eggert a salué la mesure. « Nous le demandions depuis des années », confie un "
    "dirigeant d'ArcelorMittal.": [
        ("Nous le demandions depuis des années", "direct", "un dirigeant d'ArcelorMittal",
         "confier", "inverted+description")],
    # a pronoun's subject antecedent: a person's noun phrase counts, a subject inside a
    # quote does not
    "Axel Eggert a salué la mesure. L'économiste Agnès Bénassy-Quéré juge la mesure risquée. "
    "Selon elle, « l'Europe doit se préparer ».": [
        ("l'Europe doit se préparer", "partial", "Agnès Bénassy-Quéré", "",
         "source_cue+pronoun")],
    "Le Premier ministre Sébastien Lecornu a promis « la rupture ». « Les Français attendent "
    "des résultats », a-t-il dit.": [
        ("la rupture", "partial", "Sébastien Lecornu", "promettre", "verb_before"),
        ("Les Français attendent des résultats", "direct", "Sébastien Lecornu", "dire",
         "inverted+pronoun")],
    # a role after a sentence that named nobody takes the speaker of that sentence's quote
    "Édouard Philippe a pris la parole. L'ancien Premier ministre a estimé que le président "
    "avait « tué la majorité ». « Je le regrette », a confié le maire du Havre.": [
        ("le président avait « tué la majorité »", "indirect", "Édouard Philippe", "estimer",
         "indirect+role"),
        ("tué la majorité", "partial", "Édouard Philippe", "estimer", "indirect+role"),
        ("Je le regrette", "direct", "Édouard Philippe", "confier", "inverted+role")],
    # two people named together and no reply verb: the role is not guessed
    "Édouard Philippe et Gérald Darmanin ont pris la parole. « Je le regrette », a confié le "
    "maire du Havre.": [
        ("Je le regrette", "direct", "", "confier", "inverted")],
    # an interview in Q/R form without marks: the labelled person's answers are quotes
    "Le Parisien : Pourquoi partir maintenant ?\nDidier Deschamps : Parce que c'est le bon "
    "moment.\nLe Parisien : Des regrets ?\nDidier Deschamps : Aucun.": [
        ("Parce que c'est le bon moment.", "direct", "Didier Deschamps", "", "interview_label"),
        ("Aucun.", "direct", "Didier Deschamps", "", "interview_label")],
    # labelled headlines ask no question: no quote
    "Paris : un homme interpellé après une agression.\nEmmanuel Macron : le président en "
    "visite à Berlin.": [],
    # a role's adjective names the person introduced with it
    "Le président ukrainien Volodymyr Zelensky a rencontré son homologue américain Donald "
    "Trump. Le dirigeant ukrainien s'est dit « optimiste ».": [
        ("optimiste", "partial", "Volodymyr Zelensky", "dire", "verb_before+role")],
    # « de son côté », « pour sa part » between auxiliary and participle is no subject
    "La Maison Blanche a de son côté évoqué des échanges « productifs ».": [
        ("productifs", "partial", "Maison-Blanche", "évoquer", "verb_before")],
    # professions are roles; « défendre » reports
    "Dans son essai, Esther Duflo décrit la pauvreté. « Les pauvres ne sont pas "
    "irrationnels », résume l'économiste.": [
        ("Les pauvres ne sont pas irrationnels", "direct", "Esther Duflo", "résumer",
         "inverted+role")],
    "Élisabeth Borne a présenté son plan. Les syndicats restent sceptiques. « Ce plan est une "
    "bonne base », a-t-elle défendu.": [
        ("Ce plan est une bonne base", "direct", "Élisabeth Borne", "défendre",
         "inverted+pronoun")],
    # a pronoun continues the speaker of the quote in the previous sentence before an older
    # subject
    "Laurent Wauquiez a dénoncé « un coup d'État ». Pour le constitutionnaliste Dominique "
    "Rousseau, cette réaction est « inquiétante ». « On ne peut pas attaquer le juge », "
    "estime-t-il.": [
        ("un coup d'État", "partial", "Laurent Wauquiez", "dénoncer", "verb_before"),
        ("inquiétante", "partial", "Dominique Rousseau", "", "source_cue"),
        ("On ne peut pas attaquer le juge", "direct", "Dominique Rousseau", "estimer",
         "inverted+pronoun")],
    # the noun phrase opening a sentence is its subject even when the parser missed it
    "Mathilde Panot l'a défendue à la tribune. « Ce gouvernement n'a plus de légitimité », "
    "a-t-elle lancé.\nLa présidente de l'Assemblée, Yaël Braun-Pivet, a dû suspendre la "
    "séance. « Je demande à chacun de garder son calme », a-t-elle exhorté.": [
        ("Ce gouvernement n'a plus de légitimité", "direct", "Mathilde Panot", "lancer",
         "inverted+pronoun"),
        ("Je demande à chacun de garder son calme", "direct", "Yaël Braun-Pivet", "exhorter",
         "inverted+pronoun")],
    # « selon des propos rapportés par … » names a channel: the governing verb's subject
    "Selon des propos rapportés par Le Parisien, le président du club, Florentino Pérez, "
    "reste « confiant ».": [
        ("confiant", "partial", "Florentino Pérez", "reste", "governing_verb+name")],
    # a nationality noun names the person introduced with it, never itself
    "Carlo Ancelotti a défendu son joueur. « On ne lâche rien », a écrit le Français sur X.": [
        ("On ne lâche rien", "direct", "", "écrire", "inverted")],
    "L'attaquant français Kylian Mbappé a marqué. « On ne lâche rien », a écrit le Français "
    "sur X.": [
        ("On ne lâche rien", "direct", "Kylian Mbappé", "écrire", "inverted+role")],
    # a role's complement must match the one its person was introduced with
    "Pour Mathilde Panot, présidente du groupe LFI, le texte est « une purge ». Marine Le Pen "
    "est plus prudente. « Nous verrons », a estimé la présidente du groupe RN.": [
        ("une purge", "partial", "Mathilde Panot", "", "source_cue"),
        ("Nous verrons", "direct", "Marine Le Pen", "estimer", "inverted+role")],
    # the medium after « à » is not the speaker
    "« Le suspect a été relâché », a indiqué une source policière à l'AFP.": [
        ("Le suspect a été relâché", "direct", "une source policière", "indiquer",
         "inverted+description")],
    # a document's author, even tagged as a place
    "Selon un communiqué de Matignon, « la réunion est reportée ».": [
        ("la réunion est reportée", "partial", "Matignon", "", "source_cue")],
    # the next sentence points back at the quote
    "« Je me retire. » C'est par ces mots que Nicolas Hulot a quitté le gouvernement.": [
        ("Je me retire.", "direct", "Nicolas Hulot", "", "next_sentence")],
    # a multi-word reporting verb after the quote
    "« Rien n'est décidé », a fait savoir Matignon.": [
        ("Rien n'est décidé", "direct", "Matignon", "faire savoir", "inverted")],
    # « selon X » in the sentence wins over the subject of a non-reporting verb, resolved or
    # not (the team's failing case, then an anonymous source)
    "Le gouvernement d'Élisabeth Borne a maintenu son calendrier. Selon la Première ministre, "
    "le texte sera voté « dans les prochains jours ».": [
        ("dans les prochains jours", "partial", "Élisabeth Borne", "", "source_cue+role")],
    "Selon une source proche du dossier, le suspect a « reconnu les faits ».": [
        ("reconnu les faits", "partial", "une source proche du dossier", "",
         "source_cue+description")],
}


@pytest.fixture(scope="module")
def rule_results():
    from analysis.entities import doc_entities
    from analysis.nlp import iter_docs

    texts = list(RULES)
    results = {}
    for text, doc in zip(texts, iter_docs(texts), strict=True):
        rows = doc_quotes(doc, "t", doc_entities(doc, "t"))
        results[text] = rows
    return results


@pytest.mark.parametrize("text", list(RULES))
def test_attribution_rules(rule_results, text):
    got = [(r["text"], r["kind"], r["speaker"], r["verb"], r["rule"]) for r in rule_results[text]]
    assert got == RULES[text]


def test_rows_point_into_the_text(rule_results):
    for text, rows in rule_results.items():
        for row in rows:
            assert text[row["start"] : row["end"]] == row["text"]
            if row["speaker_start"] >= 0:
                assert text[row["speaker_start"] : row["speaker_end"]]


# ---------------------------------------------------------------- the bundled article

BUNDLED = [
    ("Dans les mois à venir, nous transférerons au Bélarus les systèmes de missiles tactiques "
     "Iskander-M, qui peuvent utiliser des missiles balistiques ou de croisière, dans leurs "
     "versions conventionnelles et nucléaires", "direct", "Vladimir Poutine", "déclarer",
     "inverted"),
    ("agressives", "partial", "Alexandre Loukachenko", "dire", "verb_before"),
    ("conflictuelles", "partial", "Alexandre Loukachenko", "dire", "verb_before"),
    ("répulsives", "partial", "Alexandre Loukachenko", "dire", "verb_before"),
    ("réponse symétrique", "partial", "Alexandre Loukachenko", "demander",
     "verb_before+pronoun"),
    ("son pays avait acheté des missiles à capacité nucléaire Iskander et des systèmes "
     "anti-missiles anti-aériens S-400 à la Russie", "indirect", "Alexandre Loukachenko",
     "déclarer", "indirect"),
    ("Beaucoup de Su-25 [aircraft] sont au service de l'armée biélorusse. Ils pourraient être "
     "améliorés de manière appropriée", "direct", "Vladimir Poutine", "déclarer", "inverted"),
    ("Cette modernisation devrait être effectuée dans les usines aéronautiques en Russie et la "
     "formation du personnel devrait commencer en conséquence. Nous nous mettrons d'accord sur "
     "la manière d'y parvenir.", "direct", "Vladimir Poutine", "déclarer", "continuation"),
    ("l'OTAN prévoyait d'admettre l'Ukraine et de l'utiliser comme plate-forme pour menacer la "
     "Russie", "indirect", "Moscou", "alléguer", "indirect"),
    ("blocus", "partial", "Russie", "qualifier", "verb_before"),
    ("il n'affectait que 1% du transit normal des marchandises sur la route et que le trafic "
     "de passagers n'était pas affecté", "indirect", "Lituanie", "déclarer", "indirect"),
]


@pytest.fixture(scope="module")
def bundled_quotes(bundled_corpus):
    return extract_quotes(bundled_corpus)


def test_bundled_article_quotes(bundled_quotes, bundled_corpus):
    assert list(bundled_quotes.columns) == COLUMNS
    got = list(bundled_quotes[["text", "kind", "speaker", "verb", "rule"]].itertuples(
        index=False, name=None))
    assert got == BUNDLED
    text = bundled_corpus["text"].iloc[0]
    for row in bundled_quotes.itertuples():
        assert text[row.start : row.end] == row.text


def test_bundled_article_sentiment(bundled_quotes):
    by_text = bundled_quotes.set_index("text")
    assert by_text.loc["agressives", "sentiment"] == -0.8
    assert by_text.loc["agressives", "sentiment_terms"] == "agressif:-0.80"
    assert by_text.loc["conflictuelles", "sentiment_terms"] == "conflictuel:-0.60"
    assert by_text.loc["répulsives", "sentiment_terms"] == "répulsif:-0.70"
    assert by_text.loc["blocus", "sentiment"] == -0.6
    assert by_text.loc["réponse symétrique", "sentiment"] == 0.0
    direct = bundled_quotes[bundled_quotes["kind"] == "direct"]
    assert direct["sentiment"].abs().max() <= 0.2  # Putin's technical quotes are ≈ neutral
    # « Le mois dernier » opens the sentence of the first indirect quote: never counted
    assert bundled_quotes.iloc[5]["sentiment_terms"] == ""


def test_bundled_speakers_point_at_their_mentions(bundled_quotes, bundled_corpus):
    text = bundled_corpus["text"].iloc[0]
    surfaces = {text[r.speaker_start : r.speaker_end] for r in bundled_quotes.itertuples()}
    assert surfaces == {"Poutine", "Loukachenko", "Moscou", "Russie", "Lituanie"}


def test_empty_corpus_result_has_all_columns():
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["Il pleut sur Paris depuis lundi."]})
    table = extract_quotes(corpus)
    assert list(table.columns) == COLUMNS and table.empty


# ---------------------------------------------------------------- summaries and plots


def small_quotes() -> pd.DataFrame:
    rows = [
        ("d", 0, 5, "agressives", "Loukachenko", -0.8, "agressif:-0.80"),
        ("d", 10, 20, "conflictuelles", "Loukachenko", -0.6, "conflictuel:-0.60"),
        ("d", 30, 40, "une paix durable", "Macron", 0.6, "paix:0.60"),
        ("d", 50, 60, "nous verrons", "", 0.0, ""),
    ]
    table = pd.DataFrame(rows, columns=["doc_id", "start", "end", "text", "speaker",
                                        "sentiment", "sentiment_terms"])
    for column in COLUMNS:
        if column not in table:
            table[column] = ""
    return table[COLUMNS]


def test_quote_sentiment_by_speaker():
    by = quote_sentiment_by_speaker(small_quotes())
    assert list(by.columns) == SPEAKER_COLUMNS
    assert by.values.tolist() == [
        ["Loukachenko", 2, -0.7, -0.8, "agressif:-0.80; conflictuel:-0.60"],
        ["", 1, 0.0, 0.0, ""],
        ["Macron", 1, 0.6, 0.6, "paix:0.60"],
    ]


def test_charged_terms_most_charged_first():
    terms = charged_terms(small_quotes())
    assert list(terms.columns) == CHARGED_COLUMNS
    assert terms[["speaker", "term", "value", "start"]].values.tolist() == [
        ["Loukachenko", "agressif", -0.8, 0],
        ["Loukachenko", "conflictuel", -0.6, 10],
        ["Macron", "paix", 0.6, 30],
    ]
    assert list(charged_terms(pd.DataFrame(columns=COLUMNS)).columns) == CHARGED_COLUMNS


def test_bundled_charged_terms(bundled_quotes):
    terms = charged_terms(bundled_quotes)
    assert terms["term"].tolist() == [
        "agressif", "répulsif", "conflictuel", "menacer", "blocus", "améliorer", "accord"]
    assert (terms["value"].head(5) < 0).all()


def test_plots_are_diverging_bars_labelled_by_speaker_and_snippet():
    fig = plot_quote_sentiment(small_quotes())
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Loukachenko: « agressives »"
    assert "unknown: « nous verrons »" in labels
    widths = sorted(round(p.get_width(), 2) for p in ax.patches)
    assert widths == [-0.8, -0.6, 0.0, 0.6]
    assert ax.get_xlim() == (-1.15, 1.15)
    assert [t.get_text() for t in ax.texts][:2] == ["-0.80", "-0.60"]
    fig2 = plot_speaker_sentiment(quote_sentiment_by_speaker(small_quotes()))
    labels2 = [t.get_text() for t in fig2.axes[0].get_yticklabels()]
    assert labels2 == ["Loukachenko (2 quotes)", "unknown (1 quote)", "Macron (1 quote)"]


def test_empty_plots_say_so():
    empty = pd.DataFrame(columns=COLUMNS)
    fig = plot_quote_sentiment(empty)
    assert [t.get_text() for t in fig.axes[0].texts] == ["No quotes found"]
    fig = plot_speaker_sentiment(quote_sentiment_by_speaker(empty))
    assert [t.get_text() for t in fig.axes[0].texts] == ["No quotes found"]


# ---------------------------------------------------------------- evaluation set


def test_evaluation_set_recall_and_speaker_accuracy():
    spec = importlib.util.spec_from_file_location(
        "quote_eval", PROJECT_DIR / "benchmarks" / "quote_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.evaluate()
    assert result["passages"] >= 60
    assert result["recall"] >= 0.9
    assert result["speaker_accuracy"] >= 0.9
    assert result["precision"] >= 0.9


def test_title_cue_needs_a_capital_when_the_data_says_so():
    assert spans("Il a dénoncé un plan « irresponsable ».") == ["irresponsable"]
    assert spans("Le plan « France 2030 » est lancé.") == []
    assert spans("Une note intitulée « urgence climatique » circule.") == []


def test_doc_quotes_works_on_a_doc_alone():
    from analysis.nlp import iter_docs

    doc = next(iter_docs(["« Nous partirons », a déclaré Antony Blinken."]))
    (row,) = doc_quotes(doc, "x")
    assert (row["doc_id"], row["start"], row["end"], row["speaker"]) == (
        "x", 2, 16, "Antony Blinken")


def test_colon_at_the_end_of_the_previous_paragraph():
    from analysis.entities import doc_entities
    from analysis.nlp import iter_docs

    text = ("Emmanuel Macron a reçu les syndicats. Il a déclaré :\n« Nous trouverons un accord. »\n"
            "Faut-il croire que la crise est finie ?")
    doc = next(iter_docs([text]))
    rows = doc_quotes(doc, "t", doc_entities(doc, "t"))
    assert [(r["text"], r["speaker"], r["verb"], r["rule"]) for r in rows] == [
        ("Nous trouverons un accord.", "Emmanuel Macron", "déclarer", "verb_before+pronoun")]


def test_speakers_take_corpus_wide_names_like_the_entity_table():
    """A surname alone in one article is the full name given in another, for quotes too."""
    from analysis.pipeline import analyze_corpus

    corpus = pd.DataFrame({
        "doc_id": ["a", "b"], "title": ["", ""], "url": ["", ""],
        "published": [pd.Timestamp("2022-06-25")] * 2, "duplicate_paragraphs": [0, 0],
        "text": ["Vladimir Poutine a déclaré : « Nous gagnerons. »",
                 "« Rien ne change », a affirmé Poutine devant la presse."],
    })
    quotes = extract_quotes(corpus)
    assert quotes[["doc_id", "speaker"]].values.tolist() == [
        ["a", "Vladimir Poutine"], ["b", "Vladimir Poutine"]]
    pd.testing.assert_frame_equal(analyze_corpus(corpus, use_cache=False)["quotes"], quotes)
    by_speaker = quote_sentiment_by_speaker(quotes)
    assert by_speaker[["speaker", "quotes"]].values.tolist() == [["Vladimir Poutine", 2]]
