"""The questionnaires the migration loads hold the source's questions (shared/seeds/000, Bilaga 1
and Bilaga 3), typed out here from the seed rather than imported from assessments/content."""

import django.apps
import pytest

from assessments import models
from assessments.content import bilaga1, bilaga3
from assessments.content.loader import load_questionnaire
from assessments.models import Kind, Question, Questionnaire

# (number, Swedish text) of every question and lettered sub-question of Bilaga 1, in order.
BILAGA1_SOURCE = [
    ("1", "Hur gammal är klusterorganisationen?"),
    ("2", "Vilken juridisk form har klusterorganisationen?"),
    (
        "3",
        "Hur stor del av din tid lägger du på klusterorganisationen som klusterledare? "
        "(ska minst vara 50 %)",
    ),
    ("4", "Klusterdeltagare? (exempel på frågor)"),
    ("4a", "Hur många av dessa är från den privata sektorn?"),
    ("4b", "Hur många är från den offentliga sektorn?"),
    ("4c", "Hur många av deltagarna är baserade utanför Sverige?"),
    ("4d", "Vilken internationell kontakt/samverkan har era klusterdeltagare idag?"),
    ("4e", "Hur skulle du bedöma graden av internationalisering av era klusterdeltagare?"),
    ("4f", "Hur ser sammansättningen av deltagare ut i övrigt?"),
    ("4g", "Från vilka geografiska områden kommer era deltagare?"),
    ("5", "Är klusterorganisationen listad på ECCP?"),
    ("6", "Vilka frågor driver klusterorganisationen?"),
    ("7", "Vilka frågor prioriteras?"),
    ("7a", "Tematiskt?"),
    ("7b", "Geografiskt?"),
    ("8", "Hur arbetar ni för att skapa ... mellan deltagare i klusterorganisationen?"),
    ("8a", "samverkan"),
    ("8b", "nätverkande"),
    ("8c", "lärande/informationsdelning"),
    ("9", "Hur ser samarbetet ut mellan klusterdeltagarna?"),
    ("10", "Hur arbetar ni för att skapa nätverksmöjligheter med andra företag utanför klustret?"),
    (
        "11",
        "På vilket sätt är klusterorganisationen en del av det lokala och nationella "
        "innovationssystemet?",
    ),
    ("12", "Hur ser du på klusterorganisationens möjligheter att växa regionalt?"),
    (
        "13",
        "Hur arbetar ni för att öka möjligheterna till internationell kontakt och samarbeten "
        "för era klusterdeltagare?",
    ),
    (
        "14",
        "På vilket sätt arbetar ni för att nå ut med information om och öka intresset för "
        "klustret?",
    ),
    ("15", "På vilket sätt tillhandahåller ni anpassat företagsstöd?"),
    ("15a", "Kan du ge exempel på aktiviteter det senaste året?"),
    (
        "15b",
        "Vilken inverkan har detta företagsstöd specifikt haft för klusterdeltagare inom små "
        "och medelstora företag?",
    ),
    ("16", "Hur arbetar ni för att främja entreprenörskap?"),
    ("17", "På vilket sätt arbetar ni mot små och medelstora företag?"),
    ("18", "Hur styrs klusterorganisationen?"),
    ("19", "Antal klusterdeltagare per anställd (heltid)?"),
    ("20", "Hur ser du på personalresurser, kompetens och utvecklingsmöjligheter?"),
    ("21", "På vilket sätt involveras klusterdeltagarna i styrningen av klusterorganisationen?"),
    ("21a", "Hur ser kontakten med klusterdeltagarna ut?"),
    ("22", "Hur arbetar ni med strategisk planering och implementering?"),
    ("23", "Hur många samverkansförfrågningar från externa parter har ni fått?"),
    ("24", "Från vilken/vilka typer av aktörer kom dessa förfrågningar?"),
    ("24a", "Geografisk placering av dessa aktörer?"),
    ("25", "Samverkar ni med internationella klusterorganisationer?"),
    ("25a", "Hur skulle du beskriva samverkan?"),
    ("26", "Har ni fått någon uppmärksamhet i media? Kan du beskriva den i så fall?"),
    (
        "27",
        "Har ert arbete inom klusterorganisationen haft någon inverkan på klusterdeltagarnas "
        "FoU-aktiviteter/samarbeten?",
    ),
    (
        "28",
        "Har ert arbete inom klusterorganisationen haft någon inverkan på klusterdeltagarnas "
        "företagsaktiviteter?",
    ),
    (
        "29",
        "Har ert arbete inom klusterorganisationen haft en inverkan på klusterdeltagarnas "
        "internationella aktivitet?",
    ),
    (
        "30",
        "Överlag, hur pass tillfredsställda/nöjda är klusterdeltagarna kring det som "
        "klusterorganisationen gör och erbjuder?",
    ),
    ("31", "Hur ser fördelningen av intäkterna ut?"),
    ("32", "Erhåller ni någon finansiering från tredje part?"),
    (
        "33",
        "Annan typ av samarbete för teknikutveckling, teknikdelning eller FoU utan finansiering "
        "från tredje part?",
    ),
    ("34", "Hur bedömer du klustrets finansiella stabilitet/säkerhet?"),
]

# The only questions added to Bilaga 1 (the derived figures need them), and where they stand.
BILAGA1_ADDED = [
    ("4+", "Hur många klusterdeltagare har klusterorganisationen totalt?", "4"),
    ("4b+", "Hur många är från akademin?", "4b"),
    ("19+", "Antal anställda (heltidsekvivalenter)?", "19"),
]

# (number, Swedish text) of every criterion and statement of Bilaga 3 (2.1.2), in order.
BILAGA3_SOURCE = [
    ("1", "Är kvalitetssäkrad"),
    (
        "1a",
        "Verksamheten kan visa att den målgrupp som de vänder sig till är nöjda med "
        "verksamheten (t ex vad gäller tillgänglighet, kompetens, bemötande, effekt).",
    ),
    (
        "1b",
        "Verksamheten jämför sig med andra och har en omvärldsbevakning som utvecklar "
        "verksamheten.",
    ),
    ("2", "Arbetar för regionala mål och strategier"),
    (
        "2a",
        "Jobbar för de regionala målen och de regionala strategierna såsom Smart "
        "specialiseringsstrategin.",
    ),
    ("2b", "Verksamhetens mål bidrar till att nå de regionala målen i respektive strategi."),
    ("3", "Andel i grundverksamhet."),
    ("3a", "Verksamheten har en tydlig kärna med ett tydligt syfte."),
    (
        "3b",
        "Det finns en grundverksamhet i organisationen som inte är beroende av "
        "projektfinansiering.",
    ),
    (
        "3c",
        "Verksamheten har en struktur och en långsiktighet i finansiering - fördelning mellan "
        "verksamhetsbidrag/grundfinansiering (tex medlemsavgifter, finansiering), stora "
        "sammanhållna projekt (konkurrensutsatta medel t ex impact innovation).",
    ),
    ("4", "Är digitaliserad."),
    (
        "4a",
        "Är digitaliserad i sin verksamhet och i sitt arbetssätt, även gentemot kund och "
        "intressenter.",
    ),
    ("5", "Arbetar med attitydpåverkan."),
    (
        "5a",
        "Organisationens kan visa hur de arbetar med attitydpåverkan för att få fler "
        "norrbottningar positiva till företagande.",
    ),
    ("6", "Förankring"),
    (
        "6a",
        "Verksamheten förankrar tidigt projektidén och organisationen för att skapa tillit hos "
        "potentiella finansiärer. Förankringen sker på de platser där projektet förväntas vara "
        "aktiv.",
    ),
    ("7", "Samverkar"),
    ("7a", "Samverkar med aktörer i det regionala innovationssystemet på ett relevant sätt."),
    ("7b", "Samverkar med nationella och internationella kontakter och nätverk."),
    ("8", "Är tillgängliga"),
    ("8a", "Verksamheten ska vara tillgänglig i hela Norrbotten både analogt och digitalt"),
    (
        "8b",
        "Verksamheten ska vara tillgänglig utifrån diskrimineringsgrunderna kön, "
        "könsöverskridande identitet eller uttryck, etnisk tillhörighet, religion eller annan "
        "trosuppfattning, funktionsnedsättning, sexuell läggning och ålder.",
    ),
    ("9", "Har strategisk och operativ kompetens"),
    (
        "9a",
        "Organisationen har såväl strategisk som operativ kompetens i ledning och "
        "styrningsfrågor i rätt balans (mål och strategier).",
    ),
    ("10", "Vilken målgrupp som verksamheten når."),
    ("11", "Vilken fas i ett företags utveckling verksamheten riktar sig till?"),
    ("12", "Arbetar med attitydpåverkan."),
    (
        "12a",
        "Organisationen kan visa på hur de arbetar med attitydpåverkan för att få fler i sin "
        "målgrupp eller målgrupper positiva till företagande.",
    ),
    ("13", "Arbetar med finansiellt stöd"),
    ("13a", "Aktören har egna finansiella instrument för företagsstöd."),
    ("13b", "Arbetar med finansiell rådgivning."),
    ("14", "Motverkar digitalt utanförskap."),
    ("15", "Säkrar en snabb omställning mot ett hållbart Norrbotten."),
    ("16", "Profilerar regionen som hållbar internationellt"),
]

# The geographic accessibility mapping: named by the source, its wording is ours.
BILAGA3_ADDED = [
    (
        "17",
        "I vilka kommuner i Norrbotten är verksamheten tillgänglig, fysiskt och digitalt?",
        "16",
    ),
]

BILAGA1_SECTIONS = [
    "Bakgrundsfrågor/klusterorganisationens struktur/organisering",
    "Fokus för klusterorganisationen",
    "Styrning/kontakt med klusterdeltagare",
    "Uppmärksamhet/erkännande",
    "Finansiering",
]

NUMERIC_KINDS = {
    "b1-age": Kind.INTEGER,
    "b1-leader-time-share": Kind.PERCENT,
    "b1-participants-total": Kind.INTEGER,
    "b1-participants-private": Kind.INTEGER,
    "b1-participants-public": Kind.INTEGER,
    "b1-participants-academia": Kind.INTEGER,
    "b1-participants-abroad": Kind.INTEGER,
    "b1-staff-fte": Kind.DECIMAL,
    "b1-s3-q19": Kind.DECIMAL,
    "b1-s4-q23": Kind.INTEGER,
}


def _loaded(code):
    return Questionnaire.objects.get(code=code, version=1)


def _questions(code):
    return Question.objects.filter(section__questionnaire=_loaded(code)).order_by(
        "section__order", "order"
    )


def _with_additions(source, added):
    """The source list with each added question placed right after the one it follows."""
    texts = list(source)
    for number, text, after in added:
        at = next(i for i, (n, _) in enumerate(texts) if n == after) + 1
        texts.insert(at, (number, text))
    return texts


@pytest.mark.parametrize(
    ("code", "source", "added"),
    [("bilaga1", BILAGA1_SOURCE, BILAGA1_ADDED), ("bilaga3", BILAGA3_SOURCE, BILAGA3_ADDED)],
)
def test_the_loaded_questionnaire_holds_exactly_the_source_texts(db, code, source, added):
    loaded = [(q.number, q.text_sv) for q in _questions(code)]
    assert loaded == _with_additions(source, added)


def test_the_additions_to_bilaga1_say_so_in_their_help_text(db):
    for number, _text, _after in BILAGA1_ADDED:
        question = _questions("bilaga1").get(number=number)
        assert question.help_sv.startswith("Tilläggsfråga (finns inte i Bilaga 1)")
        assert question.help_en.startswith("Additional question (not in Bilaga 1)")


@pytest.mark.parametrize("code", ["bilaga1", "bilaga3"])
def test_every_question_and_section_has_an_english_text(db, code):
    questionnaire = _loaded(code)
    assert questionnaire.title_en
    assert all(section.title_en for section in questionnaire.sections.all())
    missing = [q.number for q in _questions(code) if not q.text_en.strip()]
    assert missing == []
    missing_help = [q.number for q in _questions(code) if bool(q.help_sv) != bool(q.help_en)]
    assert missing_help == []


@pytest.mark.parametrize("code", ["bilaga1", "bilaga3"])
def test_keys_are_unique_per_questionnaire(db, code):
    keys = list(_questions(code).values_list("key", flat=True))
    assert len(keys) == len(set(keys))


def test_bilaga1_has_its_five_sections(db):
    sections = _loaded("bilaga1").sections.order_by("order")
    assert [s.title_sv for s in sections] == BILAGA1_SECTIONS
    assert [s.order for s in sections] == [1, 2, 3, 4, 5]


def test_lettered_parts_follow_their_parent(db):
    for code in ("bilaga1", "bilaga3"):
        for question in _questions(code).filter(parent__isnull=False).select_related("parent"):
            assert question.section_id == question.parent.section_id
            assert question.number.startswith(question.parent.number)
            assert question.order > question.parent.order


def test_numeric_questions_have_numeric_kinds_and_bounds(db):
    questions = {q.key: q for q in _questions("bilaga1")}
    assert {key: questions[key].kind for key in NUMERIC_KINDS} == NUMERIC_KINDS
    assert all(questions[key].minimum == 0 for key in NUMERIC_KINDS)
    time_share = questions["b1-leader-time-share"]
    assert time_share.maximum == 100
    assert "50 %" in time_share.help_sv and "50 %" in time_share.help_en


def test_participants_are_a_group_answered_through_its_parts(db):
    group = _questions("bilaga1").get(number="4")
    assert group.kind == Kind.GROUP
    assert [p.number for p in group.parts.order_by("order")] == [
        "4+",
        "4a",
        "4b",
        "4b+",
        "4c",
        "4d",
        "4e",
        "4f",
        "4g",
    ]


def test_bilaga1_choices_and_yes_no(db):
    questions = {q.key: q for q in _questions("bilaga1")}
    legal_form = questions["b1-legal-form"]
    assert legal_form.kind == Kind.CHOICE
    assert [c["sv"] for c in legal_form.choices] == [
        "Ekonomisk förening",
        "Ideell förening",
        "Aktiebolag",
        "Stiftelse",
        "Annan",
    ]
    assert all(c["en"] for c in legal_form.choices)
    assert questions["b1-s1-q5"].kind == Kind.YES_NO  # ECCP
    assert questions["b1-s5-q32"].kind == Kind.YES_NO  # third-party financing


def test_bilaga3_statements_are_rated_with_evidence(db):
    for question in _questions("bilaga3").filter(parent__isnull=False):
        assert question.kind == Kind.RATING
        assert question.evidence
        assert question.scale["min"] == 1 and question.scale["max"] == 5
        assert question.scale["labels"]["1"] == {"sv": "Uppfylls inte", "en": "Not met"}
        assert question.scale["labels"]["3"] == {"sv": "Uppfylls delvis", "en": "Partly met"}
        assert question.scale["labels"]["5"] == {"sv": "Uppfylls helt", "en": "Fully met"}
    phase = _questions("bilaga3").get(key="b3-firm-phase")
    assert phase.kind == Kind.CHOICE and phase.evidence and phase.choices


def test_bilaga3_has_one_municipality_mapping(db):
    mapping = _questions("bilaga3").filter(kind=Kind.MUNICIPALITIES)
    assert [q.key for q in mapping] == ["b3-municipalities"]
    assert mapping.get().required


def test_bilaga3_general_criteria_are_required(db):
    general = _questions("bilaga3").filter(section__order=1)
    assert general.count() == 24
    assert all(q.required for q in general)


@pytest.mark.parametrize("registry", [django.apps.apps, models], ids=["apps", "models"])
def test_loading_again_creates_nothing(db, registry):
    counts = (Questionnaire.objects.count(), Question.objects.count())
    for data in (bilaga1.QUESTIONNAIRE, bilaga3.QUESTIONNAIRE):
        assert load_questionnaire(registry, data) == _loaded(data["code"])
    assert (Questionnaire.objects.count(), Question.objects.count()) == counts


def test_loading_into_an_empty_database_twice_creates_one_copy(db):
    Questionnaire.objects.filter(code="bilaga3", version=1).delete()
    first = load_questionnaire(django.apps.apps, bilaga3.QUESTIONNAIRE)
    count = Question.objects.count()
    second = load_questionnaire(django.apps.apps, bilaga3.QUESTIONNAIRE)
    assert first == second
    assert Question.objects.count() == count
    loaded = [(q.number, q.text_sv) for q in _questions("bilaga3")]
    assert loaded == _with_additions(BILAGA3_SOURCE, BILAGA3_ADDED)


def test_duplicate_keys_are_refused(db):
    data = {
        "code": "broken",
        "version": 1,
        "title_sv": "Trasig",
        "sections": [
            {
                "title_sv": "A",
                "questions": [
                    {"number": "1", "key": "k", "kind": "text", "text_sv": "Ett?"},
                    {"number": "2", "key": "k", "kind": "text", "text_sv": "Två?"},
                ],
            }
        ],
    }
    with pytest.raises(ValueError, match="keys used twice"):
        load_questionnaire(django.apps.apps, data)
    assert not Questionnaire.objects.filter(code="broken").exists()
