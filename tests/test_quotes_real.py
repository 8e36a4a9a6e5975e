"""Quotes: classes of errors seen on real news, each pinned by short sentences written for it
(exact rows: text, kind, speaker, verb, rule)."""

from __future__ import annotations

import pytest

from analysis.quotes import doc_quotes

CASES: dict[str, list[tuple[str, str, str, str, str]]] = {
    # unmarked speech told by an inverted verb after it, or by an incise
    "Environ 500 postes seront supprimés d'ici à 2014, a indiqué Marie Durand.": [
        ("Environ 500 postes seront supprimés d'ici à 2014", "indirect", "Marie Durand",
         "indiquer", "inverted")],
    "Par ailleurs, poursuit Jean Dupont, une langue n'a pas d'avenir sans économie.": [
        ("Par ailleurs, poursuit Jean Dupont, une langue n'a pas d'avenir sans économie",
         "indirect", "Jean Dupont", "poursuivre", "inverted")],
    # a subject in apposition is no statement
    "Paul Martin, le rapporteur du texte, a reconnu l'importance de cette lutte.": [],
    # a second « que » clause coordinated to a marked one
    "Claire Petit se félicite que « le texte a ouvert un débat » et qu'il a permis une grande "
    "mobilisation.": [
        ("le texte a ouvert un débat", "partial", "Claire Petit", "féliciter", "verb_before"),
        ("il a permis une grande mobilisation", "indirect", "Claire Petit", "féliciter",
         "indirect")],
    # « que » that opens no report: restriction, impersonal passive, relative pronoun
    "Le gouvernement ne prévoit qu'une croissance de 1 % en 2013.": [],
    "Il est prévu que la capsule revienne sur Terre en mai.": [],
    "Le musée dévoile les activités qu'il entend organiser en 2014.": [],
    # quoted words that name a thing: codes, capitalised verbless names and titles, labels
    "L'agence a abaissé la note du pays de « A2 » à « Baa1 ».": [],
    "Les électeurs choisiront un « Conseil national provisoire » de 120 membres.": [],
    "La sculpture « La Grande baigneuse de Cannes » est exposée au musée.": [],
    "Le colloque a pour thème « apprendre dans la diversité des langues ».": [],
    "La loi bloquerait des pages telles que « suicide » ou « drogues douces » sur Internet.": [],
    "Le ministre a dénoncé une réforme « injuste et brutale ».": [
        ("injuste et brutale", "partial", "le ministre", "dénoncer", "verb_before+description")],
    "Le ministre a promis que « Nous tiendrons nos engagements ».": [
        ("Nous tiendrons nos engagements", "partial", "le ministre", "promettre",
         "verb_before+description")],
    # appositions: the person named before a role noun, a « de » complement climbed, « qui »
    "Le porte-parole du Kremlin a déclaré que la Russie ne reculera pas.": [
        ("la Russie ne reculera pas", "indirect", "Kremlin", "déclarer", "indirect")],
    "Pierre Lagarde, député breton, a précisé que les milices ne représentent pas la "
    "population.": [
        ("les milices ne représentent pas la population", "indirect", "Pierre Lagarde",
         "préciser", "indirect")],
    "Marc Dufour le directeur sportif de l'équipe, a affirmé que certains joueurs ne seront "
    "pas de retour.": [
        ("certains joueurs ne seront pas de retour", "indirect", "Marc Dufour", "affirmer",
         "indirect")],
    "Jean Roux, le successeur de Paul Brun, qui lui avait rétorqué : « Je partirai quand vous "
    "partirez. »": [
        ("Je partirai quand vous partirez.", "direct", "Jean Roux", "rétorquer", "verb_before")],
    "Paul Brun a reçu Jean Roux. Arnaud Petit, le ministre de l'Industrie, qui a déclaré au "
    "Sénat que le plan était inacceptable.": [
        ("le plan était inacceptable", "indirect", "Arnaud Petit", "déclarer", "indirect")],
    # no reporting verb: the end of a compound word, a present form after « être »
    "Marie Lenoir a insisté sur les soi-disant erreurs du rapport : « Le rapport contient des "
    "fautes. »": [
        ("Le rapport contient des fautes.", "direct", "Marie Lenoir", "insister", "verb_before")],
    "Louis Garnier a attaqué le juge : « Vous êtes indigne, vous devez partir ! »": [
        ("Vous êtes indigne, vous devez partir !", "direct", "Louis Garnier", "", "colon")],
    # roles: capitalised or prefixed, new role nouns, the person named in the role's sentence
    "Paul Garnier, ancien président du Sénégal, a parlé longuement. « Une langue sans économie "
    "n'a pas d'avenir », a ajouté l'ex-Président sénégalais.": [
        ("Une langue sans économie n'a pas d'avenir", "direct", "Paul Garnier", "ajouter",
         "inverted+role")],
    "Jeanne Morel a publié son étude. « Les résultats sont nets », résume l'universitaire.": [
        ("Les résultats sont nets", "direct", "Jeanne Morel", "résumer", "inverted+role")],
    "Paul Dubois attaque Henri Lefèvre. Pour Paul Dubois, « le problème est connu » : « il "
    "augmentera les impôts », dénonce le Président.": [
        ("le problème est connu", "partial", "Paul Dubois", "dénoncer", "inverted+role"),
        ("il augmentera les impôts", "direct", "Paul Dubois", "dénoncer", "inverted+role")],
    # unnamed sources: the description (possessed, indefinite or plural role, a body)
    "Le chanteur Paul Morin est mort dimanche « des suites d'une longue maladie », a révélé son "
    "avocate.": [
        ("Le chanteur Paul Morin est mort dimanche", "indirect", "son avocate", "révéler",
         "inverted+description"),
        ("des suites d'une longue maladie", "partial", "son avocate", "révéler",
         "inverted+description")],
    "Trois personnes ont été blessées, a indiqué un porte-parole de la police.": [
        ("Trois personnes ont été blessées", "indirect", "un porte-parole de la police",
         "indiquer", "inverted+description")],
    "Le gouvernement malien a dénoncé « la furie destructrice » des islamistes.": [
        ("la furie destructrice", "partial", "le gouvernement malien", "dénoncer",
         "verb_before+description")],
    # « selon / pour » cues: a clause after « ; » is its own; « pour » + verb or a thing is none
    "D'après le ministre Jean Morel, « les comptes sont faux » ; le ministre des finances, Paul "
    "Rey, a pour sa part ajouté : « Nous devons payer. »": [
        ("les comptes sont faux", "partial", "Jean Morel", "", "source_cue"),
        ("Nous devons payer.", "direct", "Paul Rey", "ajouter", "verb_before")],
    "Pour construire ce code, le graphiste Marc Bleu s'est basé sur un principe : « Les enfants "
    "apprennent trois couleurs. »": [
        ("Les enfants apprennent trois couleurs.", "direct", "Marc Bleu", "", "colon")],
    # gerunds and present participles: the subject of the clause they hang from
    "Le patron Paul Rey a précisé que « personne ne sera oublié » en ajoutant : « Nous sommes "
    "responsables. »": [
        ("personne ne sera oublié", "partial", "Paul Rey", "préciser", "verb_before"),
        ("Nous sommes responsables.", "direct", "Paul Rey", "ajouter", "verb_before")],
    "Paul Rey a réfuté l'idée d'un prêt par la banque affirmant : « Nous avons assez "
    "d'argent. »": [
        ("Nous avons assez d'argent.", "direct", "Paul Rey", "affirmer", "verb_before")],
    # the subject on the left, past an insert between commas or a name tagged as an adjective
    "Le gouvernement malien, impuissant, a de son côté dénoncé « la furie destructrice » des "
    "islamistes.": [
        ("la furie destructrice", "partial", "le gouvernement malien", "dénoncer",
         "verb_before+description")],
    "Paul Rey, auteur de l'étude ayant fourni ces résultats, précise que l'interprétation "
    "demande du recul.": [
        ("l'interprétation demande du recul", "indirect", "Paul Rey", "préciser", "indirect")],
    "Submergée par l'émotion, Serena Williams déclare en recevant la coupe que « Je suis "
    "heureuse ».": [
        ("Je suis heureuse", "partial", "Serena Williams", "déclarer", "verb_before")],
    # a pronoun after a long quote: the quoted words do not count in the distance to its subject
    "Le maire de Lyon, Paul Rey, appelle à voter pour Jean Morel. « Notre climat change. Les "
    "tempêtes que nous avons vécues dans la vallée du Rhône et dans le monde peuvent être ou ne "
    "pas être le résultat de ce changement, mais le risque qu'elles le soient, compte tenu des "
    "dégâts de cette semaine, devrait obliger tous les élus à agir vite, très vite, et sans "
    "attendre la prochaine élection ni le prochain budget » déclare-t-il dans une tribune. Il "
    "reconnaît que la tempête a influencé son choix.": [
        ("Notre climat change. Les tempêtes que nous avons vécues dans la vallée du Rhône et "
         "dans le monde peuvent être ou ne pas être le résultat de ce changement, mais le risque "
         "qu'elles le soient, compte tenu des dégâts de cette semaine, devrait obliger tous les "
         "élus à agir vite, très vite, et sans attendre la prochaine élection ni le prochain "
         "budget", "direct", "Paul Rey", "déclarer", "inverted+pronoun"),
        ("la tempête a influencé son choix", "indirect", "Paul Rey", "reconnaître",
         "indirect+pronoun")],
    # « a-t-il précisé » after unmarked speech; a pronoun takes an inverted subject, not the
    # object of « appelle à voter pour »
    "Le texte a été adopté, a annoncé le président de l'Assemblée Claude Bartolone. Sur 544 "
    "votants, 302 ont voté pour, a-t-il précisé.": [
        ("Le texte a été adopté", "indirect", "Claude Bartolone", "annoncer", "inverted"),
        ("Sur 544 votants, 302 ont voté pour", "indirect", "Claude Bartolone", "préciser",
         "inverted+pronoun")],
    "Le maire, Paul Rey, appelle à voter pour Jean Morel. Il affirme que le bilan est bon.": [
        ("le bilan est bon", "indirect", "Paul Rey", "affirmer", "indirect+pronoun")],
    # a participle opening the sentence: the subject of the clause that follows it
    "Le député Antoine Serra a quitté son groupe. Estimant que « le catalan est notre langue », "
    "il vota contre le projet.": [
        ("le catalan est notre langue", "partial", "Antoine Serra", "estimer",
         "verb_before+pronoun")],
    # an inverted verb later in the quote's sentence, after a comma
    "« La perte est bien pire qu'attendu », y compris le montant des amendes imposé à Samsung, "
    "commente Paul Morel, analyste à Séoul.": [
        ("La perte est bien pire qu'attendu", "direct", "Paul Morel", "commenter", "inverted")],
    # a role phrase with an acronym in brackets before its appositive name; an organisation
    # noun whose complement names only a place
    "« Les marges se sont améliorées », explique le président de l'Union française des "
    "industries pétrolières (Ufip), Jean-Louis Martin.": [
        ("Les marges se sont améliorées", "direct", "Jean-Louis Martin", "expliquer",
         "inverted")],
    "Le groupe Canal Bleu a publié ses comptes. La direction de la chaîne de télévision de la "
    "France a condamné les agressions, « qui doivent cesser ».": [
        ("qui doivent cesser", "partial", "Canal Bleu", "condamner", "verb_before+org")],
    # -yer verb forms (« appuie-t-il »); a word mis-tagged as a verb before « que »
    "Contrairement aux discours, appuie-t-il, le français reste une langue des affaires.": [
        ("Contrairement aux discours, appuie-t-il, le français reste une langue des affaires",
         "indirect", "", "appuyer", "inverted")],
    "Malgré tout, des analystes jugent dans la presse coréenne que le jugement pourrait être "
    "une chance.": [
        ("le jugement pourrait être une chance", "indirect", "des analystes", "juger",
         "indirect+description")],
    # a capitalised plural after « les » is a group, described, not a person's name
    "Les Wikipédiens russophones craignent que cet amendement bloque l'accès aux pages.": [
        ("cet amendement bloque l'accès aux pages", "indirect", "les Wikipédiens russophones",
         "craindre", "indirect+description")],
    # a sentence glued to the previous full stop (« ».Pour ») is a sentence of its own
    "Le ministre de la Justice Alberto Ruiz veut interdire l'avortement. Selon lui, « on ne peut "
    "pas interdire de vivre ».Pour le collectif de défense des femmes, il s'agit d'« un pas vers "
    "le franquisme ».": [
        ("on ne peut pas interdire de vivre", "partial", "Alberto Ruiz", "",
         "source_cue+pronoun"),
        ("un pas vers le franquisme", "partial", "le collectif de défense des femmes", "",
         "source_cue+description")],
    # the name right after a role's complement (missed by the tagger) is the role's person
    "Le gouvernement de Mariano Rajoy prépare une loi. En effet, le ministre de la Justice "
    "Alberto Ruiz-Gallardón veut interdire l'avortement. Selon lui, « la vie doit être "
    "protégée ».": [
        ("la vie doit être protégée", "partial", "Alberto Ruiz-Gallardón", "",
         "source_cue+pronoun")],
    # a partial quote in a sentence without a verb of its own goes on with the previous speaker
    "« Il augmente les impôts », dénonce Paul Morel. Et pour la dernière période, « il veut "
    "tout couper » qui plafonnerait les dépenses.": [
        ("Il augmente les impôts", "direct", "Paul Morel", "dénoncer", "inverted"),
        ("il veut tout couper", "partial", "Paul Morel", "dénoncer", "continuation")],
    "« Il augmente les impôts », dénonce Paul Morel. Cette mesure avait provoqué « un scandale "
    "monumental ».": [
        ("Il augmente les impôts", "direct", "Paul Morel", "dénoncer", "inverted"),
        ("un scandale monumental", "partial", "", "provoquer", "governing_verb")],
    # the writer's aside is no report; « -cer » verbs keep their cedilla (« annonçait »)
    "Rappelons que la société a été condamnée à verser un milliard de dollars.": [],
    "La société annonçait samedi qu'elle allait déposer un recours.": [
        ("elle allait déposer un recours", "indirect", "la société", "annoncer",
         "indirect+description")],
    # a verb after its subject's apposition or after a participle's insert is no inverted report
    "Le secrétaire général de l'OTAN, Jens Stoltenberg, a appelé les alliés à augmenter leurs "
    "dépenses.": [],
    "Dans son livre « Le Prince », publié en 2023, l'ancien ministre raconte ses années à "
    "Bercy.": [],
    # one name per person in an article: a surname alone or initials → the full name
    "Barack Obama a parlé à Denver. Pour Obama, « le problème est connu ». Pour B. Obama, les "
    "électeurs « ne gagneront pas ».": [
        ("le problème est connu", "partial", "Barack Obama", "", "source_cue"),
        ("ne gagneront pas", "partial", "Barack Obama", "", "source_cue")],
    # pronouns standing for unnamed sources: a plural group, an indefinite role
    "D'autres orateurs ne cèdent pas au pessimisme. Il est, disent-ils, la langue de l'avenir "
    "et des affaires.": [
        ("Il est, disent-ils, la langue de l'avenir et des affaires", "indirect",
         "d'autres orateurs", "dire", "inverted+pronoun")],
    "Trois personnes ont été blessées, a indiqué un porte-parole de la police. Le feu aurait été "
    "allumé « par un supporter », a-t-il précisé.": [
        ("Trois personnes ont été blessées", "indirect", "un porte-parole de la police",
         "indiquer", "inverted+description"),
        ("Le feu aurait été allumé", "indirect", "un porte-parole de la police", "préciser",
         "inverted+pronoun"),
        ("par un supporter", "partial", "un porte-parole de la police", "préciser",
         "inverted+pronoun")],
    # a role speaking for an organisation noun: the organisation named before
    "La Fédération bancaire a publié un rapport. « Il ne faut pas être inquiet », a répondu la "
    "porte-parole de la fédération.": [
        ("Il ne faut pas être inquiet", "direct", "Fédération bancaire", "répondre",
         "inverted+org")],
    # a quantified plural is a group of unnamed speakers
    "En guise de réponse, certains wikipédiens estiment que la télévision est une machine à "
    "décerveler.": [
        ("la télévision est une machine à décerveler", "indirect", "certains wikipédiens",
         "estimer", "indirect+description")],
    # « il » / « elle » for an organisation: the nearest subject, in this or the previous
    # sentence (a full stop inside a quote ends no sentence of the reporter's), when those
    # sentences name no person
    "Fitch a abaissé la note du Portugal. Elle estime que la dette du pays va encore "
    "augmenter.": [
        ("la dette du pays va encore augmenter", "indirect", "Fitch", "estimer",
         "indirect+pronoun")],
    "Fitch explique dans un communiqué que « la dette augmente. Le pays doit agir ». Malgré "
    "cela, elle estime que la croissance reviendra.": [
        ("la dette augmente. Le pays doit agir", "partial", "Fitch", "expliquer",
         "verb_before"),
        ("la croissance reviendra", "indirect", "Fitch", "estimer", "indirect+pronoun")],
    "Greenpeace a salué la décision. Selon elle, le texte est « un premier pas ».": [
        ("un premier pas", "partial", "Greenpeace", "", "source_cue+pronoun")],
    "La CGT a rencontré Marie Dupont. Elle estime que la réforme est nécessaire.": [
        ("la réforme est nécessaire", "indirect", "Marie Dupont", "estimer",
         "indirect+pronoun")],
    "« Les ventes progressent », explique Paul Martin le directeur de Renault. Il précise que "
    "l'usine ouvrira en mai.": [
        ("Les ventes progressent", "direct", "Paul Martin", "expliquer", "inverted"),
        ("l'usine ouvrira en mai", "indirect", "Paul Martin", "préciser", "indirect+pronoun")],
    # a role that speaks for a body, with its « de » complement, is that body's unnamed voice
    # (a definite role that names one person stays unknown when someone is named)
    "Le porte-parole de la gendarmerie a ajouté que l'enquête se poursuivait.": [
        ("l'enquête se poursuivait", "indirect", "le porte-parole de la gendarmerie",
         "ajouter", "indirect+description")],
    "« Les secours sont sur place », a précisé le porte-parole des pompiers.": [
        ("Les secours sont sur place", "direct", "le porte-parole des pompiers", "préciser",
         "inverted+description")],
    # a partial quote inside an unmarked inverted report (no comma before the verb) is part
    # of that report
    "Trois personnes ont été blessées, a indiqué un porte-parole de la police. Il semblerait "
    "que le feu ait été allumé « par un supporter » a-t-il précisé.": [
        ("Trois personnes ont été blessées", "indirect", "un porte-parole de la police",
         "indiquer", "inverted+description"),
        ("Il semblerait que le feu ait été allumé", "indirect", "un porte-parole de la police",
         "préciser", "inverted+pronoun"),
        ("par un supporter", "partial", "un porte-parole de la police", "préciser",
         "inverted+pronoun")],
    # a definite role in a text that names no person (before it or just after) is described;
    # with a person named, it points back (or forward) at someone and stays unknown
    "Un avion de ligne s'est écrasé dimanche près de l'aéroport. Le chef de la direction de "
    "l'aviation civile nigériane rapporte qu'aucun passager n'a survécu.": [
        ("aucun passager n'a survécu", "indirect",
         "le chef de la direction de l'aviation civile nigériane", "rapporter",
         "indirect+description")],
    "Paul Martin a visité l'usine. La directrice a déclaré que la production reprendra.": [
        ("la production reprendra", "indirect", "", "déclarer", "indirect")],
    "Le ministre a déclaré que le plan était prêt. Paul Martin reconnaît des retards.": [
        ("le plan était prêt", "indirect", "", "déclarer", "indirect")],
    # a partial quote under a participle that modifies a noun naming no speaker: the subject
    # of the noun's clause, when it names someone (never a description found that way)
    "La Fédération bancaire a mis l'accent sur les mesures prises par les banques pour "
    "« sécuriser les paiements ».": [
        ("sécuriser les paiements", "partial", "Fédération bancaire", "mettre",
         "governing_verb")],
    # « selon eux »: the nearest plural subject, a named group or a described one
    "Les Talibans ont visé l'hôtel car selon eux, il abritait « des fêtes sauvages ».": [
        ("des fêtes sauvages", "partial", "Talibans", "", "source_cue+pronoun")],
    "Les rebelles ont attaqué la ville car selon eux, elle abritait « des traîtres ».": [
        ("des traîtres", "partial", "les rebelles", "", "source_cue+pronoun")],
}


@pytest.fixture(scope="module")
def results():
    from analysis.entities import doc_entities
    from analysis.nlp import iter_docs

    texts = list(CASES)
    return {text: doc_quotes(doc, "t", doc_entities(doc, "t"))
            for text, doc in zip(texts, iter_docs(texts), strict=True)}


@pytest.mark.parametrize("text", list(CASES))
def test_real_news_classes(results, text):
    got = [(r["text"], r["kind"], r["speaker"], r["verb"], r["rule"]) for r in results[text]]
    assert got == CASES[text]


@pytest.mark.parametrize(
    ("speaker", "names", "expected"),
    [
        ("Obama", ["Barack Obama"], "Barack Obama"),
        ("B. Obama", ["Barack Obama"], "Barack Obama"),
        ("J-M Ayrault", ["Jean-Marc Ayrault"], "Jean-Marc Ayrault"),
        ("M.Houdré", ["Houdré"], "Houdré"),
        ("Fatoumata Maïga", ["Oumar Maïga"], "Fatoumata Maïga"),  # another person
        ("Martin", ["Paul Martin", "Jean Martin"], "Martin"),  # two people fit: left alone
        ("son avocate", ["Paul Avocate"], "son avocate"),  # descriptions are left alone
    ],
)
def test_canonical_speakers(speaker, names, expected):
    from analysis.quotes.canonical import canonical_speakers

    rows = [{"speaker": speaker}]
    canonical_speakers(rows, [{"entity": n, "label": "PER"} for n in names])
    assert rows[0]["speaker"] == expected
