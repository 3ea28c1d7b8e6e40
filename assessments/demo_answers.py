"""What each demo ecosystem's leader writes in Bilaga 1 and Bilaga 3 (assessments/demo.py).

Every ecosystem has its own profile: the facts a leader would write about (activities, partners,
financiers, results), in Swedish. The answers are composed from the profile and the ecosystem's
registry facts, so a number in a text never contradicts the registry. All names are invented.
"""

PROFILES = {
    "Rymdnoden Norr": {
        "issues": "tillgång till testmiljöer för satelliter och nyttolaster, kommersialisering av "
        "satellitdata och kompetensförsörjning till rymdföretagen i Kiruna och Luleå",
        "themes": "satellitdatatjänster för gruv-, skogs- och beredskapssektorn, småsatellit"
        "uppskjutning och markstationstjänster",
        "places": "Kiruna och Luleå, där rymdföretagen och forskningen finns, men medlemmar från "
        "hela länet är välkomna",
        "meeting": "en rymddag per kvartal där medlemmarna visar vad de utvecklar",
        "groups": "tre arbetsgrupper (satellitdata, uppskjutning och kompetens) som leds av "
        "medlemsföretag",
        "learning": "ett månatligt nyhetsbrev, en gemensam kanal för lediga uppdrag och "
        "seminarier där universitetets forskare presenterar nya resultat",
        "joint_project": "Tre medlemsföretag och universitetet driver sedan i höstas ett "
        "gemensamt projekt om satellitövervakning av gruvdammar",
        "outside": "Vi bjuder in företag från gruv- och skogsnäringen till öppna "
        "demonstrationsdagar där rymdföretagen visar vad satellitdata kan göra för dem",
        "system": "Vi är länken mellan rymdbasen, universitetets rymdforskning och företagen. "
        "Vi sitter med i regionens arbetsgrupp för smart specialisering och i det nationella "
        "nätverket för rymdkluster",
        "growth": "Tillväxten ligger i att fler företag utanför rymdsektorn köper "
        "satellitdatatjänster. Vi ser en möjlighet att växa med tio till femton medlemmar på "
        "tre år, främst bland teknikkonsulter i Luleå",
        "international": "Vi deltar i två EU-projekt om rymdtestbäddar och tar med medlemmar på "
        "den årliga rymdkonferensen i Bremen",
        "partners_abroad": "företag och forskningsinstitut i Norge, Finland, Tyskland och "
        "Frankrike",
        "intl_degree": "Hög: flera medlemmar exporterar redan och en av sex har kunder utanför "
        "Europa",
        "outreach": "Vi har en webbplats med medlemsföretagens erbjudanden, en LinkedIn-sida med "
        "omkring 2 000 följare och föreläser på gymnasier i Kiruna om jobb i rymdbranschen",
        "support": "affärsutvecklingsträffar med erfarna rådgivare, hjälp att söka "
        "innovationsstöd och matchning mot investerare",
        "support_examples": "Under året höll vi sex rådgivningsträffar, hjälpte fyra företag att "
        "söka Vinnova-medel (två beviljades) och ordnade en investerardag med tolv pitchar",
        "sme_impact": "Två småföretag har fått sina första exportkunder efter investerardagen, och "
        "de som fick innovationsstöd har kunnat anställa",
        "entrepreneurship": "Vi samarbetar med universitetets inkubator och ger nystartade "
        "rymdföretag ett års gratis medlemskap",
        "sme_work": "De flesta medlemmarna är små företag. Vi anpassar träffarna efter dem: korta "
        "morgonmöten, digitalt deltagande och inga avgifter för aktiviteterna",
        "governance": "Föreningens styrelse har fem ledamöter från näringsliv, akademi, kommun och "
        "civilsamhälle och fastställer verksamhetsplanen varje år. Kansliet leds av "
        "ekosystemsledaren",
        "staff_view": "Kansliet är litet men stabilt. Vi behöver förstärka kompetensen inom "
        "affärsutveckling och planerar en deltidstjänst till hösten",
        "involvement": "Medlemmarna väljer styrelsen på årsstämman, leder arbetsgrupperna och "
        "svarar på en årlig medlemsenkät som styr nästa års prioriteringar",
        "contact": "Ekosystemsledaren träffar varje medlem minst en gång om året, och vi har "
        "löpande kontakt i arbetsgrupperna",
        "planning": "En treårig strategi bryts ner i en årlig verksamhetsplan med mål och "
        "indikatorer som styrelsen följer upp varje kvartal",
        "requests": 14,
        "request_actors": "Rymdföretag och forskningsinstitut som vill testa utrustning, samt "
        "kommuner som vill använda satellitdata",
        "request_places": "Främst Norge, Tyskland och Stockholmsregionen",
        "intl_clusters": "Ja, med rymdklustren i Tromsø och Bremen",
        "intl_clusters_how": "Vi byter erfarenheter två gånger om året och söker EU-projekt "
        "tillsammans; ett gemensamt projekt om testbäddar pågår",
        "media": "Lokal press och Sveriges Radio rapporterade om investerardagen och om "
        "satellitprojektet för gruvdammar",
        "rd_impact": "Fyra nya samarbetsprojekt mellan företag och universitetet har startat "
        "genom arbetsgrupperna",
        "business_impact": "Medlemmarna har gjort gemensamma anbud och två nya tjänster för "
        "satellitövervakning har lanserats",
        "intl_impact": "Tre medlemmar har fått kunder i Norge och Tyskland via våra kontakter",
        "satisfaction": "I medlemsenkäten ger 86 procent betyget nöjd eller mycket nöjd; "
        "investerardagen och arbetsgrupperna får högst betyg",
        "revenue": {
            "medlemsavgifter": 30,
            "Region Norrbotten": 35,
            "EU-projekt": 25,
            "tjänster och evenemang": 10,
        },
        "other_collab": "Medlemmarna delar testutrustning och mätdata i arbetsgruppen för "
        "satellitdata utan extern finansiering",
        "stability": "God. Medlemsavgifterna och avtalet med regionen täcker grundverksamheten; "
        "projekten finansierar utvecklingen",
        "target": "Rymdföretag, teknikkonsulter och forskare i Kiruna och Luleå, och företag "
        "i andra branscher som kan använda satellitdata",
        "firm_phase": "growth",
        "physical": ["kiruna", "lulea"],
        "specialised": {
            "b3-s13b": "Vi hjälper medlemmarna att söka innovationsstöd och ordnar en årlig "
            "investerardag; i år pitchade tolv företag för sju investerare.",
        },
    },
    "Vinterprovning Arjeplog": {
        "issues": "omställningen av vinterprovningen till elektrifierade och självkörande fordon, "
        "laddinfrastruktur på testbanorna och tillgången till provningstekniker",
        "themes": "provning av elbilar och batterier i kyla, sensorer för självkörande fordon "
        "och hållbar användning av sjöisarna",
        "places": "Arjeplog och Arvidsjaur, där testbanorna ligger",
        "meeting": "ett förvintermöte i oktober och ett utvärderingsmöte i april",
        "groups": "arbetsgrupper för laddinfrastruktur, kompetens och miljö som leds av "
        "medlemsföretagen",
        "learning": "en gemensam säsongsrapport och studiebesök hos testbäddar i Finland",
        "joint_project": "Fem medlemmar har byggt en gemensam laddpark på isen som alla "
        "testföretag kan hyra",
        "outside": "Vi marknadsför Arjeplog gemensamt mot nya fordonstillverkare på mässor i "
        "Tyskland och Kina",
        "system": "Vi samarbetar med universitetets forskning om fordonsteknik och med "
        "kommunerna om mark och infrastruktur och ingår i regionens arbete med testverksamhet "
        "i kallt klimat",
        "growth": "Växer vi, gör vi det genom nya kunder inom elfordon och genom att fler lokala "
        "underleverantörer kommer in som medlemmar",
        "international": "Vi är med i ett nordiskt nätverk av kallklimattestbäddar och tar emot "
        "delegationer från fordonsindustrin",
        "partners_abroad": "fordonstillverkare och testföretag i Tyskland, Finland och Kina",
        "intl_degree": "Mycket hög: nästan alla kunder är internationella fordonstillverkare",
        "outreach": "Vi har en gemensam webbplats för provningsorten, en broschyr på engelska och "
        "tyska och en presskontakt under säsongen",
        "support": "hjälp med kompetensförsörjning, gemensam upphandling och rådgivning inför "
        "omställningen till elfordon",
        "support_examples": "Vi ordnade en utbildning för 24 provningstekniker, en gemensam "
        "upphandling av snöröjning och två workshoppar om batterisäkerhet",
        "sme_impact": "De små serviceföretagen har fått längre säsonger och kunnat anställa året "
        "runt",
        "entrepreneurship": "Vi hjälper nya serviceföretag att komma in som leverantörer till "
        "testföretagen, till exempel inom logistik och boende",
        "sme_work": "Småföretagen deltar i arbetsgrupperna och får del av gemensamma "
        "upphandlingar som de inte klarar på egen hand",
        "governance": "Bolagets styrelse med fyra ledamöter från näringsliv, kommun och akademi "
        "beslutar om budget och verksamhetsplan; ekosystemsledaren är vd",
        "staff_view": "Två årsarbetskrafter räcker för samordningen men vi behöver mer kompetens "
        "om elfordon och söker ett samarbete med universitetet",
        "involvement": "Ägarna och medlemmarna leder arbetsgrupperna och prioriterar "
        "gemensamma investeringar på vårmötet",
        "contact": "Tät kontakt under säsongen, med veckomöten för testföretagen från december "
        "till mars",
        "planning": "En strategi för omställningen till 2030 med en årlig handlingsplan som "
        "följs upp på vårmötet",
        "requests": 9,
        "request_actors": "Fordonstillverkare och underleverantörer som vill testa i kyla",
        "request_places": "Tyskland, Kina och Sydkorea",
        "intl_clusters": "Ja, med testbäddsnätverk i Finland och Norge",
        "intl_clusters_how": "Vi samordnar säsongsplanering och delar erfarenheter om säkerhet "
        "på isen",
        "media": "Fackpress inom fordonsindustrin har skrivit om laddparken på isen",
        "rd_impact": "Två medlemmar deltar i forskningsprojekt om batterier i kyla",
        "business_impact": "Laddparken har gett nya kunder och längre bokningar",
        "intl_impact": "Två nya internationella kunder kom via mässorna",
        "satisfaction": "Medlemmarna är överlag nöjda; kompetensutbildningen får högst betyg",
        "revenue": {
            "medlemsavgifter": 45,
            "Region Norrbotten": 25,
            "kommunen": 15,
            "projektmedel": 15,
        },
        "other_collab": "Medlemmarna delar mätdata om isens bärighet och vädret utan extern "
        "finansiering",
        "stability": "Stabil så länge testsäsongerna är fullbokade; vi bygger upp en buffert "
        "inför omställningen",
        "target": "Testföretag, fordonstillverkare och lokala serviceföretag i Arjeplog och "
        "Arvidsjaur",
        "firm_phase": "established",
        "physical": ["arjeplog", "arvidsjaur"],
        "specialised": {
            "b3-s15": "Laddparken på isen gör att elfordon kan provas i Arjeplog; utan den skulle "
            "provningen flytta när fordonsindustrin ställer om.",
        },
    },
    "Malmfältens mineralkluster": {
        "issues": "automation och elektrifiering under jord, tillståndsprocesser och "
        "leverantörernas export",
        "themes": "automation, elektrifierade gruvmaskiner och återvinning av gruvavfall",
        "places": "Gällivare och Kiruna, med medlemmar också i Pajala",
        "meeting": "en leverantörsdag varje halvår med gruvbolagen",
        "groups": "fyra arbetsgrupper: automation, elektrifiering, tillstånd och export",
        "learning": "en kunskapsbank med rapporter från projekten och frukostseminarier",
        "joint_project": "Sex leverantörer och gruvbolaget driver en gemensam testmiljö för "
        "automation under jord",
        "outside": "Vi bjuder in leverantörer från andra gruvregioner till våra leverantörsdagar",
        "system": "Vi förbinder gruvbolagen, leverantörerna, universitetet och kommunerna och "
        "sitter med i Svemins nätverk för innovation",
        "growth": "Vi kan växa genom fler underleverantörer inom elektrifiering och ett "
        "samarbete med stålklustret",
        "international": "Exportresor till Kanada, Chile och Australien tillsammans med Business "
        "Sweden",
        "partners_abroad": "gruvkluster i Finland, Kanada och Australien",
        "intl_degree": "Hög: hälften av medlemmarna exporterar",
        "outreach": "Nyhetsbrev, en årlig konferens i Gällivare och skolbesök om gruvjobb",
        "support": "exportrådgivning, stöd i tillståndsfrågor och hjälp att bilda konsortier",
        "support_examples": "Två exportresor med åtta företag, fyra seminarier om tillstånd och "
        "tre nya konsortier för EU-ansökningar",
        "sme_impact": "Små leverantörer har fått sina första utländska kunder",
        "entrepreneurship": "Vi coachar nystartade teknikföretag i samarbete med inkubatorn i "
        "Luleå",
        "sme_work": "Vi ger småföretag en plats i konsortier de inte kan bilda själva",
        "governance": "Styrelsen med sex ledamöter beslutar om strategi; kansliet under "
        "ekosystemsledaren genomför",
        "staff_view": "Kansliet har bred kompetens; vi vill stärka exportkompetensen",
        "involvement": "Arbetsgrupperna leds av medlemmar, och stämman fastställer "
        "verksamhetsplanen",
        "contact": "Kansliet besöker varje medlem årligen och arbetsgrupperna träffas månadsvis",
        "planning": "En femårig strategi med årliga mål som följs upp på varje styrelsemöte",
        "requests": 21,
        "request_actors": "Gruvbolag, leverantörer och forskningsinstitut",
        "request_places": "Finland, Kanada, Chile och Australien",
        "intl_clusters": "Ja, med gruvkluster i Finland, Kanada och Australien",
        "intl_clusters_how": "Ett formaliserat samarbete med gemensamma exportresor och EU-projekt",
        "media": "Fackpress och lokala medier har rapporterat om testmiljön",
        "rd_impact": "Fem nya forskningssamarbeten har startat via arbetsgrupperna",
        "business_impact": "Medlemmarna har vunnit gemensamma upphandlingar hos gruvbolagen",
        "intl_impact": "Fyra medlemmar har fått exportorder via resorna",
        "satisfaction": "91 procent av medlemmarna är nöjda eller mycket nöjda",
        "revenue": {
            "medlemsavgifter": 35,
            "Region Norrbotten": 20,
            "EU-projekt": 30,
            "gruvbolagens bidrag": 15,
        },
        "other_collab": "Medlemmarna delar testmiljön under jord utan extern finansiering",
        "stability": "Mycket god; gruvbolagens långsiktiga åtagande ger trygghet",
        "target": "Leverantörer till gruv- och mineralnäringen och gruvbolagen i Malmfälten",
        "firm_phase": "established",
        "physical": ["gallivare", "kiruna", "pajala"],
        "specialised": {
            "b3-s15": "Testmiljön under jord påskyndar elektrifieringen av gruvmaskiner; två "
            "medlemmars eldrivna lastare provas där i år.",
        },
    },
    "Fossilfritt Norr": {
        "issues": "att små och medelstora företag ska bli leverantörer till stål-, vätgas- och "
        "energiprojekten, energikartläggning och kompetens för omställningen",
        "themes": "leverantörsutveckling, energieffektivisering och yrkeskompetens",
        "places": "Luleå och Boden, med aktiviteter även i Piteå och Kalix",
        "meeting": "leverantörsdagar med de stora etableringarna fyra gånger om året",
        "groups": "en arbetsgrupp för leverantörer och en för kompetens",
        "learning": "korta kurser om upphandling och ett nyhetsbrev om kommande upphandlingar",
        "joint_project": "Fem elföretag har gått samman för att lämna gemensamma anbud till "
        "vätgasprojektet",
        "outside": "Vi bjuder in företag som ännu inte är medlemmar till leverantörsdagarna",
        "system": "Vi är en bro mellan de stora industriprojekten och småföretagen och samverkar "
        "med kommunernas näringslivskontor och yrkeshögskolan",
        "growth": "Stora möjligheter: efterfrågan från etableringarna ökar och vi behöver fler "
        "medlemmar från akademin och fler småföretag",
        "international": "Vi har börjat samarbeta med ett finskt energikluster om "
        "leverantörsutveckling",
        "partners_abroad": "ett energikluster i Uleåborg",
        "intl_degree": "Låg: få medlemmar har internationella kontakter ännu",
        "outreach": "Leverantörsdagarna, LinkedIn och samarbete med lokalpressen",
        "support": "omställningscheckar för energikartläggning och stöd att lämna anbud",
        "support_examples": "Tolv företag fick omställningscheckar och vi höll tre "
        "anbudsworkshoppar",
        "sme_impact": "Fyra småföretag har fått sina första avtal med etableringarna",
        "entrepreneurship": "Vi lyfter fram lokala förebilder på leverantörsdagarna",
        "sme_work": "Nästan alla medlemmar är små företag; allt vi gör är anpassat för dem",
        "governance": "Föreningens styrelse med fyra ledamöter leder arbetet; ekosystemsledaren "
        "ansvarar för verksamheten",
        "staff_view": "Personalen räcker inte till allt vi vill; ekosystemsledaren har ännu inte "
        "gått regionens utbildning men är anmäld",
        "involvement": "Medlemmarna väljer styrelsen och lämnar förslag till leverantörsdagarna",
        "contact": "Via leverantörsdagarna och en månatlig digital frågestund",
        "planning": "En verksamhetsplan per år; en längre strategi tas fram under året",
        "requests": 6,
        "request_actors": "Industriprojekt och kommuner som söker lokala leverantörer",
        "request_places": "Norrbotten och Västerbotten",
        "intl_clusters": "I liten skala, med energiklustret i Uleåborg",
        "intl_clusters_how": "Ett första erfarenhetsutbyte; ett gemensamt projekt planeras",
        "media": "Lokalpressen har skrivit om leverantörsdagarna",
        "rd_impact": "Begränsad hittills; ett samarbete med universitetet om vätgas har startat",
        "business_impact": "Medlemmar har fått nya uppdrag från etableringarna",
        "intl_impact": "Ännu ingen märkbar",
        "satisfaction": "Medlemmarna är nöjda med leverantörsdagarna men vill ha fler "
        "aktiviteter i Piteå och Kalix",
        "revenue": {
            "medlemsavgifter": 20,
            "Region Norrbotten": 45,
            "kommunerna": 20,
            "projektmedel": 15,
        },
        "other_collab": "Medlemmarna delar kompetens om energikartläggning",
        "stability": "Osäker: vi är beroende av regionens och kommunernas bidrag",
        "target": "Små och medelstora företag som vill bli leverantörer i den gröna omställningen",
        "firm_phase": "all",
        "physical": ["lulea", "boden"],
        "specialised": {
            "b3-s13a": "Omställningscheckar på upp till 50 000 kr för energikartläggning, "
            "finansierade av regionen och kommunerna; tolv företag fick en check i år.",
            "b3-s15": "Leverantörsdagarna och omställningscheckarna hjälper småföretag att "
            "ställa om och bli leverantörer till stål-, vätgas- och energiprojekten.",
        },
    },
    "Datahallsnätverket Boden": {
        "issues": "etablering av datacenter, tillvaratagande av spillvärme och utbildning av "
        "drifttekniker",
        "themes": "energieffektiva datacenter och spillvärme",
        "places": "Boden och Luleå",
        "meeting": "ett nätverksmöte i månaden",
        "groups": "arbetsgrupper för marknad och spillvärme",
        "learning": "studiebesök i medlemmarnas anläggningar och en gemensam utbildning",
        "joint_project": "Tre medlemmar driver ett pilotprojekt där spillvärme värmer ett växthus",
        "outside": "Vi deltar i nordiska datacentermässor för att möta nya etablerare",
        "system": "Vi samverkar med kommunen, energibolaget och yrkesutbildningarna, men saknar "
        "ännu samarbete med akademin",
        "growth": "Vi vill växa med fler underleverantörer och få med forskningen",
        "international": "Gemensam marknadsföring mot internationella etablerare på mässor",
        "partners_abroad": "datacenterbolag i Tyskland och Nederländerna",
        "intl_degree": "Medel: de stora medlemmarna är internationella, de små lokala",
        "outreach": "Mässor, en webbplats på engelska och studiebesök",
        "support": "marknadsföring och matchning mot etablerare",
        "support_examples": "Två mässor och fem studiebesök för potentiella etablerare",
        "sme_impact": "Lokala installationsföretag har fått nya uppdrag",
        "entrepreneurship": "Vi stödjer startups som utvecklar tjänster kring spillvärme",
        "sme_work": "Småföretagen får vara med i den gemensamma marknadsföringen",
        "governance": "Bolagets styrelse med tre ledamöter beslutar; ekosystemsledaren genomför",
        "staff_view": "Små resurser; vi behöver fler personer för att kunna växa",
        "involvement": "Medlemmarna deltar i arbetsgrupperna",
        "contact": "Månadsmöten och löpande kontakt via e-post",
        "planning": "En årlig handlingsplan",
        "requests": 7,
        "request_actors": "Datacenterbolag och energibolag",
        "request_places": "Tyskland, Nederländerna och Stockholm",
        "intl_clusters": "Inte ännu",
        "intl_clusters_how": "",
        "media": "Lokalpressen och en branschtidning har skrivit om växthusprojektet",
        "rd_impact": "Ingen ännu; vi söker samarbete med universitetet",
        "business_impact": "Ny etablering av ett medelstort datacenter 2025",
        "intl_impact": "Begränsad",
        "satisfaction": "Medlemmarna är nöjda med marknadsföringen men vill ha mer om spillvärme",
        "revenue": {"medlemsavgifter": 50, "Region Norrbotten": 30, "kommunen": 20},
        "other_collab": "Medlemmarna delar driftserfarenheter",
        "stability": "Godtagbar; medlemsavgifterna bär hälften av kostnaderna",
        "target": "Datacenterbolag, energibolag och installationsföretag i Boden och Luleå",
        "firm_phase": "growth",
        "physical": ["boden", "lulea"],
        "specialised": {
            "b3-s15": "Pilotprojektet med spillvärme till ett växthus visar hur datacentrens "
            "överskottsvärme kan ersätta fossil uppvärmning.",
        },
    },
    "Skogsnoden Piteå": {
        "issues": "förädling av skogsråvara i länet, nya biobaserade material och "
        "innovationsfinansiering",
        "themes": "biobaserade förpackningar, bioraffinaderi och träbyggande",
        "places": "Piteå och Älvsbyn, med kontakter i hela länet",
        "meeting": "två nodträffar per termin",
        "groups": "projektgrupper kring demonstrationsanläggningen",
        "learning": "en årlig innovationsdag och seminarier med forskningsinstitutet",
        "joint_project": "Fyra medlemmar testar nya förpackningsmaterial i "
        "demonstrationsanläggningen",
        "outside": "Samarbete med ekosystemen för energi och besöksnäring",
        "system": "Vi samarbetar med forskningsinstitutet, universitetet och kommunen och är en "
        "del av den nationella satsningen på bioekonomi",
        "growth": "Växer med fler förädlingsföretag men begränsas av ledarens deltid",
        "international": "Deltar i ett nordiskt projekt om träbyggande",
        "partners_abroad": "träföretag i Finland och Norge",
        "intl_degree": "Medel",
        "outreach": "Innovationsdagen, lokalpressen och en webbplats",
        "support": "hjälp att söka innovationsfinansiering",
        "support_examples": "Fem ansökningar stöttade, tre beviljade",
        "sme_impact": "Småföretag har kunnat testa sina idéer i demonstrationsanläggningen",
        "entrepreneurship": "Vi samarbetar med gymnasiets UF-verksamhet om skogsprodukter",
        "sme_work": "Vi prioriterar småföretagens tester i anläggningen",
        "governance": "Föreningens styrelse med fem ledamöter styr; ekosystemsledaren arbetar "
        "deltid och rapporterar till styrelsen varje månad",
        "staff_view": "Ledarens deltid begränsar arbetet; vi vill öka till heltid",
        "involvement": "Medlemmarna leder projektgrupperna",
        "contact": "Nodträffarna och löpande kontakter",
        "planning": "En treårig strategi med årliga mål",
        "requests": 5,
        "request_actors": "Skogsföretag och forskare",
        "request_places": "Norrland och Finland",
        "intl_clusters": "I det nordiska projektet om träbyggande",
        "intl_clusters_how": "Projektbaserat samarbete",
        "media": "Lokalpressen har skrivit om förpackningstesterna",
        "rd_impact": "Tre nya samarbeten med forskningsinstitutet",
        "business_impact": "Ett medlemsföretag har lanserat en ny förpackning",
        "intl_impact": "Begränsad",
        "satisfaction": "Nöjda med anläggningen, vill ha fler träffar",
        "revenue": {"medlemsavgifter": 25, "Region Norrbotten": 35, "projektmedel": 40},
        "other_collab": "Gemensamma tester i anläggningen",
        "stability": "Beroende av projektmedel; omsättningen under 1 miljon kronor är en svaghet",
        "target": "Skogsföretag, förädlingsföretag och forskare i Piteå och Älvsbyn",
        "firm_phase": "established",
        "physical": ["pitea", "alvsbyn"],
        "specialised": {
            "b3-s13b": "Vi hjälper företag att söka innovationsfinansiering; fem ansökningar "
            "stöttades förra året och tre beviljades.",
            "b3-s15": "Förpackningar av skogsråvara ersätter plast; fyra medlemmar testar nya "
            "material i demonstrationsanläggningen.",
        },
    },
}


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _composition(ecosystem) -> str:
    parts = [
        (ecosystem.members_business, "från näringslivet"),
        (ecosystem.members_public, "från offentlig sektor"),
        (ecosystem.members_academia, "från akademin"),
        (ecosystem.members_civil, "från det civila samhället"),
    ]
    named = [f"{count} {where}" for count, where in parts if count]
    listed = ", ".join(named[:-1]) + f" och {named[-1]}" if len(named) > 1 else "".join(named)
    missing = [where.removeprefix("från ") for count, where in parts if not count]
    text = f"Av {ecosystem.members_total} deltagare kommer {listed}."
    if missing:
        text += f" Vi har ännu inga deltagare från {' eller '.join(missing)}."
    return text


def _kr(amount) -> str:
    return f"{amount:,}".replace(",", "\u00a0") + " kr"


def revenue_text(profile, ecosystem) -> str:
    shares = ", ".join(f"{name} {share} %" for name, share in profile["revenue"].items())
    return (
        f"Omsättningen är {_kr(ecosystem.annual_turnover)} om året. Fördelning: {shares}."
        if ecosystem.annual_turnover
        else f"Fördelning: {shares}."
    )


def bilaga1_texts(ecosystem, profile, *, last_year=False) -> dict[str, str]:
    """Question key -> the leader's free-text answer, for this ecosystem."""
    p = profile
    texts = {
        "b1-s1-q4d": f"Våra deltagare samarbetar med {p['partners_abroad']}. "
        + (
            f"{ecosystem.members_abroad} av deltagarna är baserade utanför Sverige."
            if ecosystem.members_abroad
            else "Ingen av deltagarna är ännu baserad utanför Sverige."
        ),
        "b1-s1-q4e": p["intl_degree"] + ".",
        "b1-s1-q4f": _composition(ecosystem),
        "b1-s1-q4g": f"Främst {p['places']}.",
        "b1-s2-q6": f"Vi driver {p['issues']}.",
        "b1-s2-q7a": f"Tematiskt prioriterar vi {p['themes']}.",
        "b1-s2-q7b": f"Geografiskt prioriterar vi {p['places']}.",
        "b1-s2-q8a": f"Genom {p['groups']}.",
        "b1-s2-q8b": f"Vi har {p['meeting']}.",
        "b1-s2-q8c": f"Genom {p['learning']}.",
        "b1-s2-q9": p["joint_project"] + ".",
        "b1-s2-q10": p["outside"] + ".",
        "b1-s2-q11": p["system"] + ".",
        "b1-s2-q12": p["growth"] + ".",
        "b1-s2-q13": p["international"] + ".",
        "b1-s2-q14": p["outreach"] + ".",
        "b1-s2-q15": f"Vi erbjuder {p['support']}.",
        "b1-s2-q15a": p["support_examples"] + ".",
        "b1-s2-q15b": p["sme_impact"] + ".",
        "b1-s2-q16": p["entrepreneurship"] + ".",
        "b1-s2-q17": p["sme_work"] + ".",
        "b1-s3-q18": p["governance"] + ".",
        "b1-s3-q20": p["staff_view"] + ".",
        "b1-s3-q21": p["involvement"] + ".",
        "b1-s3-q21a": p["contact"] + ".",
        "b1-s3-q22": p["planning"] + ".",
        "b1-s4-q24": p["request_actors"] + ".",
        "b1-s4-q24a": p["request_places"] + ".",
        "b1-s4-q25": p["intl_clusters"] + ".",
        "b1-s4-q25a": (p["intl_clusters_how"] + ".") if p["intl_clusters_how"] else "",
        "b1-s4-q26": p["media"] + ".",
        "b1-s4-q27": p["rd_impact"] + ".",
        "b1-s4-q28": p["business_impact"] + ".",
        "b1-s4-q29": p["intl_impact"] + ".",
        "b1-s4-q30": p["satisfaction"] + ".",
        "b1-s5-q31": revenue_text(p, ecosystem),
        "b1-s5-q33": p["other_collab"] + ".",
        "b1-s5-q34": p["stability"] + ".",
    }
    if last_year:
        # A year ago the leader wrote less about results (the first sentence only).
        for key in ("b1-s2-q15a", "b1-s4-q27", "b1-s4-q28", "b1-s4-q30"):
            texts[key] = "Vi har precis börjat följa upp detta och återkommer med resultat."
    return texts


def bilaga1_numbers(profile) -> dict[str, str]:
    """Answers Bilaga 1 asks as numbers that the registry does not hold."""
    return {"b1-s4-q23": str(profile["requests"]), "b1-s5-q32": "yes"}


# Bilaga 3: the evidence for each criterion, composed from the profile.
EVIDENCE = {
    "b3-g1a": lambda p, e: p["satisfaction"] + ".",
    "b3-g1b": lambda p, e: (
        f"Vi jämför oss med {p['partners_abroad']} och följer omvärlden "
        "genom våra internationella kontakter."
    ),
    "b3-g2a": lambda p, e: (
        "Verksamheten ligger inom "
        + " och ".join(s.name for s in e.specialisations.all())
        + " i den regionala strategin för smart specialisering."
    ),
    "b3-g2b": lambda p, e: (
        f"Våra mål ({p['themes']}) följer de regionala målen; "
        "verksamhetsplanen hänvisar till strategin."
    ),
    "b3-g3a": lambda p, e: f"Kärnan är {p['issues']}.",
    "b3-g3b": lambda p, e: (
        "Grundverksamheten bärs av "
        + ", ".join(f"{name} ({share} %)" for name, share in p["revenue"].items())
        + "."
    ),
    "b3-g3c": lambda p, e: p["stability"] + ".",
    "b3-g4a": lambda p, e: (
        "Alla möten går att följa digitalt, anmälningar och medlemsregister sköts i ett "
        "gemensamt system och vi når ut genom " + _first_lower(p["outreach"]) + "."
    ),
    "b3-g5a": lambda p, e: p["outreach"] + ".",
    "b3-g6a": lambda p, e: (
        "Nya projekt förankras i styrelsen och arbetsgrupperna innan vi "
        "söker finansiering. Planeringen: " + _first_lower(p["planning"]) + "."
    ),
    "b3-g7a": lambda p, e: p["system"] + ".",
    "b3-g7b": lambda p, e: p["international"] + ".",
    "b3-g8a": lambda p, e: f"Fysiskt i {p['places']}; alla träffar går också att följa digitalt.",
    "b3-g8b": lambda p, e: (
        "Lokalerna är tillgängliga, material finns på lätt svenska och "
        "styrelsen följer upp könsfördelningen bland deltagarna."
    ),
    "b3-g9a": lambda p, e: p["governance"] + ".",
    "b3-firm-phase": lambda p, e: f"Vi riktar oss till {_first_lower(p['target'])}.",
    "b3-s12a": lambda p, e: p["entrepreneurship"] + ".",
    "b3-s16": lambda p, e: p["international"] + ".",
}

# How each ecosystem rates itself (1–5), by phase: the more mature, the higher.
PHASE_LEVEL = {"innovation": 4, "renewal": 3, "sustainable_development": 3, "network": 2}


def rating(key: str, ecosystem, profile) -> int:
    """A plausible self-rating: the phase's level, one up where the profile is strong and one
    down where it is weak."""
    level = PHASE_LEVEL.get(ecosystem.phase, 3)
    if key in ("b3-g7b", "b3-s16") and ecosystem.members_abroad >= 9:
        level += 1
    if key in ("b3-g3b", "b3-g3c") and profile["revenue"].get("projektmedel", 0) >= 40:
        level -= 1
    if key == "b3-g9a" and (ecosystem.leader_time_share or 0) < 50:
        level -= 1
    return max(1, min(5, level))
