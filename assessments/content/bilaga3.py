"""Bilaga 3 – the self-assessment of the quality model (kvalitetssäkringsmodellen), version 1, as
plain data.

The Swedish criteria and statements are the source's (shared/seeds/000, Bilaga 3, 2.1.2 Generella
kriterier för aktörer and Specialiserade kriterier), with only PDF-extraction glitches fixed; the
English is a translation. Each criterion is a heading (kind "group") over the statements the actor
rates itself against (1–5) with a description of the evidence. Where the extracted source lists a
criterion heading as a bullet ("Arbetar med attitydpåverkan.", "Arbetar med finansiellt stöd"),
it is a heading here, as the criteria list of the model reads.

Not in the source text, and so worded here: the phases offered for "Vilken fas i ett företags
utveckling ...", and the question of the geographic accessibility mapping (the source names the
mapping, "Kartläggning av stödaktörernas geografiska tillgänglighet", but its table is not in the
text). The municipalities are not listed here: they come from ekosystem.choices.Municipality.

The officer's prioritisation framework (2.2) and the financing ladder (2.3) are not questions to
the actor and are not part of this questionnaire.

Answers stay tied to the version they answered: change the content by adding a new version in a
new migration, never by editing version 1 after it has been loaded.
"""

SCALE = {
    "min": 1,
    "max": 5,
    "labels": {
        "1": {"sv": "Uppfylls inte", "en": "Not met"},
        "3": {"sv": "Uppfylls delvis", "en": "Partly met"},
        "5": {"sv": "Uppfylls helt", "en": "Fully met"},
    },
}

_SPECIALISED_HELP_SV = "Besvaras om kriteriet gäller er verksamhet."
_SPECIALISED_HELP_EN = "Answer if the criterion applies to your organisation."


def _q(number, key, kind, text_sv, text_en, **extra):
    """A question with every field the loader reads; `extra` overrides the defaults."""
    question = {
        "number": number,
        "key": key,
        "kind": kind,
        "text_sv": text_sv,
        "text_en": text_en,
        "help_sv": "",
        "help_en": "",
        "required": True,
        "choices": [],
        "scale": {},
        "evidence": False,
        "minimum": None,
        "maximum": None,
        "parts": [],
    }
    unknown = set(extra) - set(question)
    if unknown:
        raise TypeError(f"unknown question fields: {sorted(unknown)}")
    question.update(extra)
    return question


def _criterion(number, key, text_sv, text_en, statements):
    """A criterion heading over the statements rated under it."""
    return _q(number, key, "group", text_sv, text_en, parts=statements)


def _rating(number, key, text_sv, text_en, **extra):
    """A statement the actor rates itself against, with a description of the evidence."""
    return _q(number, key, "rating", text_sv, text_en, scale=SCALE, evidence=True, **extra)


def _specialised(number, key, text_sv, text_en):
    return _rating(
        number,
        key,
        text_sv,
        text_en,
        required=False,
        help_sv=_SPECIALISED_HELP_SV,
        help_en=_SPECIALISED_HELP_EN,
    )


FIRM_PHASES = [
    {"value": "idea", "sv": "Idéfas", "en": "Idea phase"},
    {"value": "start", "sv": "Start- och etableringsfas", "en": "Start-up and establishment phase"},
    {"value": "growth", "sv": "Tillväxtfas", "en": "Growth phase"},
    {
        "value": "established",
        "sv": "Etablerade företag i utveckling eller omställning",
        "en": "Established companies developing or in transition",
    },
    {"value": "all", "sv": "Alla faser", "en": "All phases"},
]

GENERAL = {
    "title_sv": "Generella kriterier för aktörer",
    "title_en": "General criteria for actors",
    "intro_sv": "Det finns ett antal generella kriterier som omfattar aktörer som på något sätt "
    "har en finansiering genom Region Norrbotten.",
    "intro_en": "There are a number of general criteria that cover actors that in some way are "
    "financed through Region Norrbotten.",
    "questions": [
        _criterion(
            "1",
            "b3-g1",
            "Är kvalitetssäkrad",
            "Is quality assured",
            [
                _rating(
                    "1a",
                    "b3-g1a",
                    "Verksamheten kan visa att den målgrupp som de vänder sig till är nöjda med "
                    "verksamheten (t ex vad gäller tillgänglighet, kompetens, bemötande, "
                    "effekt).",
                    "The organisation can show that the target group it addresses is satisfied "
                    "with the organisation (e.g. regarding accessibility, competence, the way "
                    "people are treated, effect).",
                ),
                _rating(
                    "1b",
                    "b3-g1b",
                    "Verksamheten jämför sig med andra och har en omvärldsbevakning som "
                    "utvecklar verksamheten.",
                    "The organisation compares itself with others and keeps a watch on the "
                    "world around it that develops the organisation.",
                ),
            ],
        ),
        _criterion(
            "2",
            "b3-g2",
            "Arbetar för regionala mål och strategier",
            "Works for regional goals and strategies",
            [
                _rating(
                    "2a",
                    "b3-g2a",
                    "Jobbar för de regionala målen och de regionala strategierna såsom Smart "
                    "specialiseringsstrategin.",
                    "Works for the regional goals and the regional strategies, such as the "
                    "smart specialisation strategy.",
                ),
                _rating(
                    "2b",
                    "b3-g2b",
                    "Verksamhetens mål bidrar till att nå de regionala målen i respektive "
                    "strategi.",
                    "The organisation's goals contribute to reaching the regional goals of each "
                    "strategy.",
                ),
            ],
        ),
        _criterion(
            "3",
            "b3-g3",
            "Andel i grundverksamhet.",
            "Share of core activity.",
            [
                _rating(
                    "3a",
                    "b3-g3a",
                    "Verksamheten har en tydlig kärna med ett tydligt syfte.",
                    "The organisation has a clear core with a clear purpose.",
                ),
                _rating(
                    "3b",
                    "b3-g3b",
                    "Det finns en grundverksamhet i organisationen som inte är beroende av "
                    "projektfinansiering.",
                    "There is a core activity in the organisation that does not depend on "
                    "project funding.",
                ),
                _rating(
                    "3c",
                    "b3-g3c",
                    "Verksamheten har en struktur och en långsiktighet i finansiering - "
                    "fördelning mellan verksamhetsbidrag/grundfinansiering (tex "
                    "medlemsavgifter, finansiering), stora sammanhållna projekt "
                    "(konkurrensutsatta medel t ex impact innovation).",
                    "The organisation has a structure and a long-term perspective in its "
                    "funding - a distribution between operating grants/core funding (e.g. "
                    "membership fees, financing) and large coherent projects (competitive "
                    "funding, e.g. Impact Innovation).",
                ),
            ],
        ),
        _criterion(
            "4",
            "b3-g4",
            "Är digitaliserad.",
            "Is digitalised.",
            [
                _rating(
                    "4a",
                    "b3-g4a",
                    "Är digitaliserad i sin verksamhet och i sitt arbetssätt, även gentemot kund "
                    "och intressenter.",
                    "Is digitalised in its operations and in its way of working, also towards "
                    "customers and stakeholders.",
                ),
            ],
        ),
        _criterion(
            "5",
            "b3-g5",
            "Arbetar med attitydpåverkan.",
            "Works to influence attitudes.",
            [
                _rating(
                    "5a",
                    "b3-g5a",
                    "Organisationens kan visa hur de arbetar med attitydpåverkan för att få fler "
                    "norrbottningar positiva till företagande.",
                    "The organisation can show how it works to influence attitudes so that more "
                    "people in Norrbotten become positive towards entrepreneurship.",
                ),
            ],
        ),
        _criterion(
            "6",
            "b3-g6",
            "Förankring",
            "Anchoring",
            [
                _rating(
                    "6a",
                    "b3-g6a",
                    "Verksamheten förankrar tidigt projektidén och organisationen för att skapa "
                    "tillit hos potentiella finansiärer. Förankringen sker på de platser där "
                    "projektet förväntas vara aktiv.",
                    "The organisation anchors the project idea and the organisation early, to "
                    "build trust with potential financiers. The anchoring takes place where the "
                    "project is expected to be active.",
                ),
            ],
        ),
        _criterion(
            "7",
            "b3-g7",
            "Samverkar",
            "Collaborates",
            [
                _rating(
                    "7a",
                    "b3-g7a",
                    "Samverkar med aktörer i det regionala innovationssystemet på ett relevant "
                    "sätt.",
                    "Collaborates with actors in the regional innovation system in a relevant way.",
                ),
                _rating(
                    "7b",
                    "b3-g7b",
                    "Samverkar med nationella och internationella kontakter och nätverk.",
                    "Collaborates with national and international contacts and networks.",
                ),
            ],
        ),
        _criterion(
            "8",
            "b3-g8",
            "Är tillgängliga",
            "Are accessible",
            [
                _rating(
                    "8a",
                    "b3-g8a",
                    "Verksamheten ska vara tillgänglig i hela Norrbotten både analogt och digitalt",
                    "The organisation shall be accessible throughout Norrbotten, both in person "
                    "and digitally",
                ),
                _rating(
                    "8b",
                    "b3-g8b",
                    "Verksamheten ska vara tillgänglig utifrån diskrimineringsgrunderna kön, "
                    "könsöverskridande identitet eller uttryck, etnisk tillhörighet, religion "
                    "eller annan trosuppfattning, funktionsnedsättning, sexuell läggning och "
                    "ålder.",
                    "The organisation shall be accessible with regard to the grounds of "
                    "discrimination: sex, transgender identity or expression, ethnicity, "
                    "religion or other belief, disability, sexual orientation and age.",
                ),
            ],
        ),
        _criterion(
            "9",
            "b3-g9",
            "Har strategisk och operativ kompetens",
            "Has strategic and operational competence",
            [
                _rating(
                    "9a",
                    "b3-g9a",
                    "Organisationen har såväl strategisk som operativ kompetens i ledning och "
                    "styrningsfrågor i rätt balans (mål och strategier).",
                    "The organisation has both strategic and operational competence in "
                    "management and governance matters, in the right balance (goals and "
                    "strategies).",
                ),
            ],
        ),
    ],
}

SPECIALISED = {
    "title_sv": "Specialiserade kriterier",
    "title_en": "Specialised criteria",
    "intro_sv": "Utöver de generella kriterierna finns det även specialiserade kriterier för att "
    "säkerställa att det finns aktörer som kan ge stöd till företag oavsett målgrupp och "
    "oberoende av vilken fas ett företag befinner sig i. Det behöver också säkerställas att det "
    "finns aktörer som kan ge finansiell rådgivning och har egna finansiella stöd och "
    "instrument.",
    "intro_en": "Besides the general criteria there are also specialised criteria, to ensure "
    "that there are actors that can support companies whatever their target group and whatever "
    "phase a company is in. It also needs to be ensured that there are actors that can give "
    "financial advice and have their own financial support and instruments.",
    "questions": [
        _q(
            "10",
            "b3-target-group",
            "text",
            "Vilken målgrupp som verksamheten når.",
            "Which target group the organisation reaches.",
            help_sv="Beskriv målgruppen eller målgrupperna, till exempel idébärare, "
            "entreprenörer, innovatörer, företagare eller organisationer.",
            help_en="Describe the target group or groups, for example people with ideas, "
            "entrepreneurs, innovators, business owners or organisations.",
        ),
        _q(
            "11",
            "b3-firm-phase",
            "choice",
            "Vilken fas i ett företags utveckling verksamheten riktar sig till?",
            "Which phase of a company's development does the organisation address?",
            help_sv="Välj den fas verksamheten främst riktar sig till och beskriv i underlaget "
            "hur verksamheten möter företag i den fasen.",
            help_en="Choose the phase the organisation mainly addresses and describe in the "
            "evidence how it meets companies in that phase.",
            choices=FIRM_PHASES,
            evidence=True,
        ),
        _criterion(
            "12",
            "b3-s12",
            "Arbetar med attitydpåverkan.",
            "Works to influence attitudes.",
            [
                _specialised(
                    "12a",
                    "b3-s12a",
                    "Organisationen kan visa på hur de arbetar med attitydpåverkan för att få "
                    "fler i sin målgrupp eller målgrupper positiva till företagande.",
                    "The organisation can show how it works to influence attitudes so that more "
                    "people in its target group or groups become positive towards "
                    "entrepreneurship.",
                ),
            ],
        ),
        _criterion(
            "13",
            "b3-s13",
            "Arbetar med finansiellt stöd",
            "Works with financial support",
            [
                _specialised(
                    "13a",
                    "b3-s13a",
                    "Aktören har egna finansiella instrument för företagsstöd.",
                    "The actor has its own financial instruments for business support.",
                ),
                _specialised(
                    "13b",
                    "b3-s13b",
                    "Arbetar med finansiell rådgivning.",
                    "Works with financial advice.",
                ),
            ],
        ),
        _specialised(
            "14",
            "b3-s14",
            "Motverkar digitalt utanförskap.",
            "Counteracts digital exclusion.",
        ),
        _specialised(
            "15",
            "b3-s15",
            "Säkrar en snabb omställning mot ett hållbart Norrbotten.",
            "Secures a fast transition towards a sustainable Norrbotten.",
        ),
        _specialised(
            "16",
            "b3-s16",
            "Profilerar regionen som hållbar internationellt",
            "Profiles the region internationally as sustainable",
        ),
    ],
}

ACCESSIBILITY = {
    "title_sv": "Kartläggning av stödaktörernas geografiska tillgänglighet",
    "title_en": "Mapping of the support actors' geographic accessibility",
    "intro_sv": "Markera för varje kommun i Norrbotten om verksamheten är tillgänglig fysiskt "
    "(på plats) och digitalt.",
    "intro_en": "Mark for each municipality of Norrbotten whether the organisation is available "
    "physically (on site) and digitally.",
    "questions": [
        _q(
            "17",
            "b3-municipalities",
            "municipalities",
            "I vilka kommuner i Norrbotten är verksamheten tillgänglig, fysiskt och digitalt?",
            "In which municipalities of Norrbotten is the organisation available, physically "
            "and digitally?",
        ),
    ],
}

QUESTIONNAIRE = {
    "code": "bilaga3",
    "version": 1,
    "title_sv": "Bilaga 3 – Kvalitetssäkring: självskattning och geografisk tillgänglighet",
    "title_en": "Appendix 3 – Quality assurance: self-assessment and geographic accessibility",
    "intro_sv": "Kvalitetssäkringsmodellen bygger på att Region Norrbotten regelbundet följer "
    "upp respektive aktör via en enkät med självskattning utifrån ett antal kvalitetsparametrar. "
    "I samband med detta ska också uppföljningsamtal mellan aktören och Region Norrbotten "
    "genomföras. Skatta för varje påstående i vilken grad det uppfylls, från 1 (uppfylls inte) "
    "till 5 (uppfylls helt), och beskriv underlaget för skattningen.",
    "intro_en": "The quality assurance model means that Region Norrbotten regularly follows up "
    "each actor through a survey with a self-assessment against a number of quality "
    "parameters. A follow-up conversation between the actor and Region Norrbotten is also held "
    "in connection with it. For each statement, rate how far it is met, from 1 (not met) to 5 "
    "(fully met), and describe the evidence for your rating.",
    "sections": [GENERAL, SPECIALISED, ACCESSIBILITY],
}
