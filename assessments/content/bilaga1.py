"""Bilaga 1 – Förslag till Klusterbedömning (ekosystemet), version 1, as plain data.

The Swedish texts are the source's (shared/seeds/000, Bilaga 1), with only PDF-extraction glitches
fixed; the English is a translation. The lines of the source are unnumbered: the numbers here run
through the questionnaire (1–34), lettered sub-questions keep the source's letters.

Additions that are not in the source, each marked by a help text beginning "Tilläggsfråga":
4+ (participants in total), 4b+ (participants from academia) and 19+ (staff in full-time
equivalents): the derived figures (assessments/figures.py) need them.

Loaded by migration 0002 through assessments/content/loader.py. Answers stay tied to the version
they answered: change the content by adding a new version in a new migration, never by editing
version 1 after it has been loaded.
"""

_ADDED_SV = "Tilläggsfråga (finns inte i Bilaga 1): "
_ADDED_EN = "Additional question (not in Bilaga 1): "


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


def _text(number, key, text_sv, text_en, **extra):
    return _q(number, key, "text", text_sv, text_en, **extra)


def _section(title_sv, title_en, questions, intro_sv="", intro_en=""):
    return {
        "title_sv": title_sv,
        "title_en": title_en,
        "intro_sv": intro_sv,
        "intro_en": intro_en,
        "questions": questions,
    }


LEGAL_FORMS = [
    {"value": "economic_association", "sv": "Ekonomisk förening", "en": "Economic association"},
    {"value": "non_profit_association", "sv": "Ideell förening", "en": "Non-profit association"},
    {"value": "limited_company", "sv": "Aktiebolag", "en": "Limited company"},
    {"value": "foundation", "sv": "Stiftelse", "en": "Foundation"},
    {"value": "other", "sv": "Annan", "en": "Other"},
]

BACKGROUND = _section(
    "Bakgrundsfrågor/klusterorganisationens struktur/organisering",
    "Background questions/the cluster organisation's structure/organisation",
    [
        _q(
            "1",
            "b1-age",
            "integer",
            "Hur gammal är klusterorganisationen?",
            "How old is the cluster organisation?",
            help_sv="Ange antal år sedan klusterorganisationen bildades.",
            help_en="Give the number of years since the cluster organisation was founded.",
            minimum=0,
        ),
        _q(
            "2",
            "b1-legal-form",
            "choice",
            "Vilken juridisk form har klusterorganisationen?",
            "What legal form does the cluster organisation have?",
            choices=LEGAL_FORMS,
        ),
        _q(
            "3",
            "b1-leader-time-share",
            "percent",
            "Hur stor del av din tid lägger du på klusterorganisationen som klusterledare? "
            "(ska minst vara 50 %)",
            "How much of your time do you spend on the cluster organisation as cluster leader? "
            "(must be at least 50 %)",
            help_sv="Ange andelen av din arbetstid i procent. Kravet är att klusterledaren lägger "
            "minst 50 % av sin tid på klusterorganisationen.",
            help_en="Give the share of your working time in percent. The requirement is that the "
            "cluster leader spends at least 50 % of their time on the cluster organisation.",
            minimum=0,
            maximum=100,
        ),
        _q(
            "4",
            "b1-s1-q4",
            "group",
            "Klusterdeltagare? (exempel på frågor)",
            "Cluster participants? (example questions)",
            parts=[
                _q(
                    "4+",
                    "b1-participants-total",
                    "integer",
                    "Hur många klusterdeltagare har klusterorganisationen totalt?",
                    "How many cluster participants does the cluster organisation have in total?",
                    help_sv=_ADDED_SV + "behövs för att beräkna antal klusterdeltagare per "
                    "anställd (heltid) och andelen deltagare per sektor.",
                    help_en=_ADDED_EN + "needed to compute the number of cluster participants "
                    "per full-time employee and the share of participants per sector.",
                    minimum=0,
                ),
                _q(
                    "4a",
                    "b1-participants-private",
                    "integer",
                    "Hur många av dessa är från den privata sektorn?",
                    "How many of these are from the private sector?",
                    minimum=0,
                ),
                _q(
                    "4b",
                    "b1-participants-public",
                    "integer",
                    "Hur många är från den offentliga sektorn?",
                    "How many are from the public sector?",
                    minimum=0,
                ),
                _q(
                    "4b+",
                    "b1-participants-academia",
                    "integer",
                    "Hur många är från akademin?",
                    "How many are from academia?",
                    help_sv=_ADDED_SV + "behövs för att beräkna andelen deltagare per sektor, "
                    "tillsammans med antalet klusterdeltagare totalt (som också ger antal "
                    "klusterdeltagare per anställd).",
                    help_en=_ADDED_EN + "needed to compute the share of participants per sector, "
                    "together with the total number of cluster participants (which also gives "
                    "the number of participants per full-time employee).",
                    minimum=0,
                ),
                _q(
                    "4c",
                    "b1-participants-abroad",
                    "integer",
                    "Hur många av deltagarna är baserade utanför Sverige?",
                    "How many of the participants are based outside Sweden?",
                    minimum=0,
                ),
                _text(
                    "4d",
                    "b1-s1-q4d",
                    "Vilken internationell kontakt/samverkan har era klusterdeltagare idag?",
                    "What international contact/cooperation do your cluster participants have "
                    "today?",
                ),
                _text(
                    "4e",
                    "b1-s1-q4e",
                    "Hur skulle du bedöma graden av internationalisering av era klusterdeltagare?",
                    "How would you assess the degree of internationalisation of your cluster "
                    "participants?",
                ),
                _text(
                    "4f",
                    "b1-s1-q4f",
                    "Hur ser sammansättningen av deltagare ut i övrigt?",
                    "What does the composition of participants look like otherwise?",
                ),
                _text(
                    "4g",
                    "b1-s1-q4g",
                    "Från vilka geografiska områden kommer era deltagare?",
                    "From which geographical areas do your participants come?",
                ),
            ],
        ),
        _q(
            "5",
            "b1-s1-q5",
            "yes_no",
            "Är klusterorganisationen listad på ECCP?",
            "Is the cluster organisation listed on the ECCP?",
            help_sv="ECCP är European Cluster Collaboration Platform.",
            help_en="The ECCP is the European Cluster Collaboration Platform.",
        ),
    ],
)

FOCUS = _section(
    "Fokus för klusterorganisationen",
    "Focus of the cluster organisation",
    [
        _text(
            "6",
            "b1-s2-q6",
            "Vilka frågor driver klusterorganisationen?",
            "Which issues does the cluster organisation pursue?",
        ),
        _q(
            "7",
            "b1-s2-q7",
            "group",
            "Vilka frågor prioriteras?",
            "Which issues are prioritised?",
            parts=[
                _text("7a", "b1-s2-q7a", "Tematiskt?", "Thematically?"),
                _text("7b", "b1-s2-q7b", "Geografiskt?", "Geographically?"),
            ],
        ),
        _q(
            "8",
            "b1-s2-q8",
            "group",
            "Hur arbetar ni för att skapa ... mellan deltagare i klusterorganisationen?",
            "How do you work to create ... between participants in the cluster organisation?",
            parts=[
                _text("8a", "b1-s2-q8a", "samverkan", "cooperation"),
                _text("8b", "b1-s2-q8b", "nätverkande", "networking"),
                _text(
                    "8c",
                    "b1-s2-q8c",
                    "lärande/informationsdelning",
                    "learning/information sharing",
                ),
            ],
        ),
        _text(
            "9",
            "b1-s2-q9",
            "Hur ser samarbetet ut mellan klusterdeltagarna?",
            "What does the cooperation between the cluster participants look like?",
        ),
        _text(
            "10",
            "b1-s2-q10",
            "Hur arbetar ni för att skapa nätverksmöjligheter med andra företag utanför klustret?",
            "How do you work to create networking opportunities with other companies outside "
            "the cluster?",
        ),
        _text(
            "11",
            "b1-s2-q11",
            "På vilket sätt är klusterorganisationen en del av det lokala och nationella "
            "innovationssystemet?",
            "In what way is the cluster organisation part of the local and national innovation "
            "system?",
        ),
        _text(
            "12",
            "b1-s2-q12",
            "Hur ser du på klusterorganisationens möjligheter att växa regionalt?",
            "How do you view the cluster organisation's opportunities to grow regionally?",
        ),
        _text(
            "13",
            "b1-s2-q13",
            "Hur arbetar ni för att öka möjligheterna till internationell kontakt och "
            "samarbeten för era klusterdeltagare?",
            "How do you work to increase the opportunities for international contacts and "
            "collaborations for your cluster participants?",
        ),
        _text(
            "14",
            "b1-s2-q14",
            "På vilket sätt arbetar ni för att nå ut med information om och öka intresset för "
            "klustret?",
            "In what way do you work to spread information about the cluster and increase "
            "interest in it?",
        ),
        _text(
            "15",
            "b1-s2-q15",
            "På vilket sätt tillhandahåller ni anpassat företagsstöd?",
            "In what way do you provide tailored business support?",
            parts=[
                _text(
                    "15a",
                    "b1-s2-q15a",
                    "Kan du ge exempel på aktiviteter det senaste året?",
                    "Can you give examples of activities during the past year?",
                ),
                _text(
                    "15b",
                    "b1-s2-q15b",
                    "Vilken inverkan har detta företagsstöd specifikt haft för klusterdeltagare "
                    "inom små och medelstora företag?",
                    "What impact has this business support specifically had for cluster "
                    "participants among small and medium-sized enterprises?",
                ),
            ],
        ),
        _text(
            "16",
            "b1-s2-q16",
            "Hur arbetar ni för att främja entreprenörskap?",
            "How do you work to promote entrepreneurship?",
        ),
        _text(
            "17",
            "b1-s2-q17",
            "På vilket sätt arbetar ni mot små och medelstora företag?",
            "In what way do you work with small and medium-sized enterprises?",
        ),
    ],
)

GOVERNANCE = _section(
    "Styrning/kontakt med klusterdeltagare",
    "Governance/contact with cluster participants",
    [
        _text(
            "18",
            "b1-s3-q18",
            "Hur styrs klusterorganisationen?",
            "How is the cluster organisation governed?",
        ),
        _q(
            "19",
            "b1-s3-q19",
            "decimal",
            "Antal klusterdeltagare per anställd (heltid)?",
            "Number of cluster participants per employee (full-time)?",
            help_sv="Antal klusterdeltagare delat med antal anställda räknat i "
            "heltidsekvivalenter.",
            help_en="The number of cluster participants divided by the number of employees in "
            "full-time equivalents.",
            minimum=0,
        ),
        _q(
            "19+",
            "b1-staff-fte",
            "decimal",
            "Antal anställda (heltidsekvivalenter)?",
            "Number of employees (full-time equivalents)?",
            help_sv=_ADDED_SV + "behövs för att beräkna antal klusterdeltagare per anställd "
            "(heltid). Räkna med egen personal och personal som ställs till förfogande av andra.",
            help_en=_ADDED_EN + "needed to compute the number of cluster participants per "
            "full-time employee. Count your own staff and staff provided in kind by others.",
            minimum=0,
        ),
        _text(
            "20",
            "b1-s3-q20",
            "Hur ser du på personalresurser, kompetens och utvecklingsmöjligheter?",
            "How do you view staff resources, competence and development opportunities?",
        ),
        _text(
            "21",
            "b1-s3-q21",
            "På vilket sätt involveras klusterdeltagarna i styrningen av klusterorganisationen?",
            "In what way are the cluster participants involved in the governance of the "
            "cluster organisation?",
            parts=[
                _text(
                    "21a",
                    "b1-s3-q21a",
                    "Hur ser kontakten med klusterdeltagarna ut?",
                    "What does the contact with the cluster participants look like?",
                ),
            ],
        ),
        _text(
            "22",
            "b1-s3-q22",
            "Hur arbetar ni med strategisk planering och implementering?",
            "How do you work with strategic planning and implementation?",
        ),
    ],
)

ATTENTION = _section(
    "Uppmärksamhet/erkännande",
    "Attention/recognition",
    [
        _q(
            "23",
            "b1-s4-q23",
            "integer",
            "Hur många samverkansförfrågningar från externa parter har ni fått?",
            "How many requests for cooperation from external parties have you received?",
            help_sv="Ange antalet under det senaste året.",
            help_en="Give the number for the past year.",
            minimum=0,
        ),
        _text(
            "24",
            "b1-s4-q24",
            "Från vilken/vilka typer av aktörer kom dessa förfrågningar?",
            "From which type(s) of actors did these requests come?",
            help_sv="Besvaras om ni har fått förfrågningar.",
            help_en="Answer if you have received requests.",
            required=False,
            parts=[
                _text(
                    "24a",
                    "b1-s4-q24a",
                    "Geografisk placering av dessa aktörer?",
                    "Geographical location of these actors?",
                    help_sv="Besvaras om ni har fått förfrågningar.",
                    help_en="Answer if you have received requests.",
                    required=False,
                ),
            ],
        ),
        _text(
            "25",
            "b1-s4-q25",
            "Samverkar ni med internationella klusterorganisationer?",
            "Do you cooperate with international cluster organisations?",
            parts=[
                _text(
                    "25a",
                    "b1-s4-q25a",
                    "Hur skulle du beskriva samverkan?",
                    "How would you describe the cooperation?",
                    help_sv="Besvaras om ni samverkar med internationella klusterorganisationer.",
                    help_en="Answer if you cooperate with international cluster organisations.",
                    required=False,
                ),
            ],
        ),
        _text(
            "26",
            "b1-s4-q26",
            "Har ni fått någon uppmärksamhet i media? Kan du beskriva den i så fall?",
            "Have you received any attention in the media? If so, can you describe it?",
        ),
        _text(
            "27",
            "b1-s4-q27",
            "Har ert arbete inom klusterorganisationen haft någon inverkan på "
            "klusterdeltagarnas FoU-aktiviteter/samarbeten?",
            "Has your work in the cluster organisation had any impact on the cluster "
            "participants' R&D activities/collaborations?",
        ),
        _text(
            "28",
            "b1-s4-q28",
            "Har ert arbete inom klusterorganisationen haft någon inverkan på "
            "klusterdeltagarnas företagsaktiviteter?",
            "Has your work in the cluster organisation had any impact on the cluster "
            "participants' business activities?",
        ),
        _text(
            "29",
            "b1-s4-q29",
            "Har ert arbete inom klusterorganisationen haft en inverkan på klusterdeltagarnas "
            "internationella aktivitet?",
            "Has your work in the cluster organisation had an impact on the cluster "
            "participants' international activity?",
        ),
        _text(
            "30",
            "b1-s4-q30",
            "Överlag, hur pass tillfredsställda/nöjda är klusterdeltagarna kring det som "
            "klusterorganisationen gör och erbjuder?",
            "Overall, how satisfied are the cluster participants with what the cluster "
            "organisation does and offers?",
        ),
    ],
)

FINANCING = _section(
    "Finansiering",
    "Financing",
    [
        _text(
            "31",
            "b1-s5-q31",
            "Hur ser fördelningen av intäkterna ut?",
            "What does the distribution of revenue look like?",
        ),
        _q(
            "32",
            "b1-s5-q32",
            "yes_no",
            "Erhåller ni någon finansiering från tredje part?",
            "Do you receive any financing from third parties?",
        ),
        _text(
            "33",
            "b1-s5-q33",
            "Annan typ av samarbete för teknikutveckling, teknikdelning eller FoU utan "
            "finansiering från tredje part?",
            "Other types of collaboration on technology development, technology sharing or R&D "
            "without financing from third parties?",
        ),
        _text(
            "34",
            "b1-s5-q34",
            "Hur bedömer du klustrets finansiella stabilitet/säkerhet?",
            "How do you assess the cluster's financial stability/security?",
        ),
    ],
)

QUESTIONNAIRE = {
    "code": "bilaga1",
    "version": 1,
    "title_sv": "Bilaga 1 – Klusterbedömning (ekosystemet)",
    "title_en": "Appendix 1 – Cluster assessment (the ecosystem)",
    "intro_sv": "Klusterbedömningen beskriver klusterorganisationen i fem avsnitt. Svara med "
    "egna ord på frågorna i fritext; ange antal och andelar som tal, så att de kan "
    "kontrolleras och jämföras mellan åren.",
    "intro_en": "The cluster assessment describes the cluster organisation in five sections. "
    "Answer the free-text questions in your own words; give counts and shares as numbers, so "
    "that they can be checked and compared between years.",
    "sections": [BACKGROUND, FOCUS, GOVERNANCE, ATTENTION, FINANCING],
}
