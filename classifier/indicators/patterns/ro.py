# ruff: noqa: E501
"""Romanian indicator patterns (diacritics are folded away: "ș/ş" -> "s", "ț/ţ" -> "t", "ă/â" -> "a").

Every risk pattern names the cue together with what makes it a cue:

* identity documents (passport, ID card, "actele", residence / work permit) kept, taken,
  handed over to or "stored for safety" by the employer, agency, coordinator, husband or
  advertiser - not application documents, CVs, copies or privacy notices;
* housing provided or arranged by the employer - not the hotel trade (guests, stays);
* costs taken from pay by the employer, or pay withheld - not tax, social contributions or
  meal vouchers; a repaid advance for the journey is debt_repaid_from_wages;
* pressure to leave or decide (departure in days, the group leaves, last places) - not
  "angajăm urgent", "ASAP", "aplică acum";
* an employer that is hidden ("o firmă mare din Germania", "numele îl aflați la plecare",
  "firma parteneră") - not requirement lists ("experiență în firme mari") nor a company
  describing itself ("suntem o companie mare");
* money the candidate pays - not money paid to the worker;
* travel paid by someone else - not "îmi plătesc singură drumul";
* (taxonomy 2026.12.2) in a marriage advert, a relative or broker who offers the woman or
  answers for her ("fiica mea își caută un soț", "nu vorbește engleza, răspund eu",
  "corespondența o poartă biroul") - not a man describing the woman he is looking for
  ("caut o doamnă ..."), nor a marriage agency speaking of itself; a young, docile wife
  sought ("caut o fată tânără, cuminte", "cu 20 de ani mai tânără") - not a woman describing
  herself; a licence the advert says lapsed or is pending - not an invented accreditation.

``EXCLUDE`` cancels a hit whose sentence shows the keyword means something else (see the
package docstring).  Romanian verbs are matched in every person that can carry the cue:
"păstrăm / păstrează / îl ține / vă ține / se predau / le predați".
"""

from __future__ import annotations

# ------------------------------------------------------------------ shared vocabulary

# Pay the deductions come out of.
_PAY = r"(?:salari\w*|leaf\w*|castig\w*|chenzin\w*|venit\w*|onorari\w*)"
_FROM_PAY = rf"(?:din|de pe|prin)\s(?:\w+\s)?(?:\w+\s)?{_PAY}"
_FROM_FIRST = rf"(?:din|de pe|prin|cu)\s(?:primul|primele|prima|primii)\s(?:\w+\s)?(?:{_PAY}|luni|luna|saptamani|chenzin\w*|colaborari|castiguri|intalniri|clienti|incasari|bani|programari|lucrari|comenzi)"
# Identity documents; "actele" are identity papers in ordinary Romanian, but not
# "actele de studii / necesare" (application documents).
_DOC = (
    r"(?:<~pasaport>\w*|pasapoart\w*|buletin\w*|cart(?:ea|i|ile)? de identitate|act(?:ul|ele)? de identitate"
    r"|<~originalele>|acte(?:le)?\b(?!\s(?:de (?:studii|munca|lucru|angajare|calificare)|necesare|doveditoare|medicale|contabile))"
    r"|actelor\b(?!\s(?:de studii|necesare))|documentel?e? (?:personale|de identitate|de calatorie)|originalel\w*"
    r"|permis\w* de (?:sedere|munca|lucru)|hartiile)"
)
# Someone other than the worker who keeps the documents.
_HOLDER = (
    r"(?:noi|agenti\w*|birou\w*|sediu\w*|coordonat\w*|patron\w*|angajator\w*|firm[aei]\w*|compani\w*|sef\w*"
    r"|manager\w*|administrat\w*|dispecer\w*|supraveghetor\w*|responsabil\w*|intermediar\w*|sofer\w*"
    r"|mire(?:le|lui)?|sot(?:ul|ului)?|barbat(?:ul|ului)?|domn(?:ul|ului)|el|seif\w*|dosarul nostru|omul nostru|oamenii nostri"
    r"|avocat\w*|notar\w*|reprezentant\w*|curator\w*|consultant\w*|traducator\w*|translator\w*|administrati\w*|conducer\w*"
    r"|stapan\w*|proprietar\w*|logodnic\w*|persoana (?:noastra|de incredere)|omul de incredere)"
)
# Who keeps a bride's papers: the broker, its people, or the man.
_BROKER = (
    r"(?:noi|agenti\w*|birou\w*|sediu\w*|dosar(?:ul)?(?: nostru)?|coordonat\w*|consultant\w*|omul nostru|oamenii nostri"
    r"|avocat\w*|notar\w*|reprezentant\w*|curator\w*|intermediar\w*|persoana (?:noastra|de incredere)"
    r"|mire(?:le|lui)|sot(?:ul|ului)|viitorul (?:sot|mire)|barbat(?:ul|ului)|domn(?:ul|ului)|logodnic\w*)"
)
_VOIAJ = r"(?:drum\w*|bilet\w*|calatori\w*|zbor\w*|viz[aei]\w*|transport\w*|autocar\w*|microbuz\w*|avion\w*)"
_TRAVEL_NOT_LOCAL = (
    r"(?:drum\w*|bilet\w*|calatori\w*|zbor\w*|avion\w*|viz[aei]\w*|autocar\w*|microbuz\w*)"
)
_COUNTRY = (
    r"(?:germania|olanda|belgia|italia|spania|anglia|franta|austria|danemarca|suedia|norvegia|finlanda|elvetia"
    r"|irlanda|marea britanie|uk|polonia|cehia|israel|cipru|grecia|turcia|emirate\w*|dubai|qatar|europa|strainatate)"
)
# A company suffix shortly after: the employer IS named.
_NAMED_SOON = r"(?![^.!?\n]{0,70}\b(?:gmbh|s\.?r\.?l|b\.v|bv|ltd|llc|kg|ag|sarl|aps|s\.l|inc|a\.e|oy|ab|nv|spa)\b)"
_FETE = r"(?:fete|fetele|tinere|domnisoare|femei|doamne)"
_MSG = r"(?:telegram|whatsapp|viber|signal|messenger)"
_SOSIRE = r"(?:la sosire|la fata locului|dupa sosire|cand ajungeti|cand ajungi|dupa ce ajungeti|dupa ce ajungi|odata ajuns\w*|acolo|pe loc|pe santier)"
_NUM = r"(?:\d+(?:\s?-\s?\d+)?|o|un|una|doua|doi|trei|patru|cinci|sase|sapte|opt|noua|zece|cateva)"
_SPAN = r"(?:saptamani|saptamana|luni|luna|zile|sapt)"
# Feminine-plural nationalities used as a selling point in escort adverts.
_NATIONS = (
    r"(?:<~moldovence>|ucrainence|ucrainiance|rusoaice|braziliance|columbience|cubaneze|thailandeze|filipineze"
    r"|chinezoaice|japoneze|asiatice|africane|latine|latino|mulatre|slave|orientale|araboaice|unguroaice"
    r"|bulgaroaice|sarboaice|cehoaice|poloneze|italience|frantuzoaice|venezuelence|dominicane)"
)
_ORIGIN = r"(?:republica moldova|moldova|ucraina|rusia|asia|africa|brazilia|thailanda|filipine|america latina|columbia|cuba|venezuela|orient)"

# "<money>" also reads amounts written with "de" ("50 de euro", "3.000 de lei").
_BANI = r"(?:<money>|\d{1,3}(?:[.,' ]\d{3}){0,2}\s(?:de\s)?(?:euro|eur|lei|ron|dolari|lire(?: sterline)?|franci)\b)"
# A monthly wage abroad that is high for unskilled work: 1 000 or more in euro, pounds or
# dollars, alone or as a range ("3000-4500 euro", "€2.500"); lei amounts are local wages.
_BIG_SYM = r"(?:€|\$|£)\s?(?:[1-9][.,' ]?\d{3}|[1-9]\d[.,' ]?\d{3})"
_BIG_NUM = (
    r"(?<![\d.,])\d{1,2}(?:[.,' ]?\d{3}\s?[-–]\s?\d{1,2})?[.,' ]?\d{3}"
    r"\s?(?:de\s)?(?:€|eur\w*|lire\w*|£|\$|dolari|usd|gbp)(?!\w)"
)
_BIG = rf"(?:{_BIG_SYM}|{_BIG_NUM})"
# "No experience needed" in its usual wordings.
_NOEXP = (
    r"(?:fara (?:nicio\s)?experient\w*"
    r"|nu\s(?:(?:e|este|-i|ai|aveti|va|iti)\s)?(?:nevoie de|trebuie|se cere|se cer|cerem|necesar\w*)\s(?:nicio\s)?experient\w*"
    r"|experient\w*\snu\s(?:(?:e|este|-i)\s(?:necesar\w*|obligatori\w*|o problema)|trebuie|conteaza|se cere)\b"
    r"|nu conteaza (?:daca (?:ai|aveti)\s)?experient\w*|fara sa (?:ai|aveti) (?:nicio\s)?experient\w*"
    r"|zero experienta|nicio experienta (?:necesara|ceruta)|(?:te|va) invatam (?:noi\s)?tot)"
)

PATTERNS: dict[str, tuple[str, ...]] = {
    # ------------------------------------------------------------ risk
    "high_pay_no_experience": (
        r"\b(?:castig\w*|salari\w*|venit\w*|plata)\b[^.!?\n]{0,40}?<money>[^.!?\n]{0,60}?"
        r"\b(?:fara experienta|experienta nu (?:este necesara|conteaza)|nu (?:este|e) nevoie de experienta|va invatam tot|pentru incepatori)",
        r"\bfara (?:nicio\s)?(?:experient\w*|calificare)\b[^.!?\n]{0,60}?<money>",
        r"\b(?:nu (?:ai|aveti|e|este) nevoie de|nu (?:trebuie|se cere|se cer))\s(?:nicio\s)?experient\w*\b[^.!?\n]{0,60}?<money>",
        r"\b(?:castigi|castigati|faci|scoti)\s(?:chiar\s)?(?:si\s)?(?:peste\s|pana la\s)?<money>\b<g3>(?:fara (?:nicio\s)?experient\w*|chiar daca n-ai)",
        r"\b(?:salari\w*|plata|castig\w*|venit\w*|faci|primesti|bani)\b<g4><money>[^.!?\n]{0,60}?\b(?:te invatam|va invatam|fara (?:nicio\s)?experient\w*|nu se cer|incepator\w*)",
        # the wage line and the "no experience" line of an emoji list
        r"<money>[^.!?]{0,40}?\n[^.!?\n]{0,6}\bfara (?:nicio\s)?experient\w*",
        r"\bbani usori\b",
        r"\bcastig\w* (?:foarte )?(?:mari|mare|uriase|garantat\w*)\b",
        r"\b(?:castig\w*|venit\w*)\s(?:de\s)?(?:pana la\s|de la\s)?<money>\s?(?:pe|/|la)\s?(?:zi|noapte|tura)\b",
        r"\b(?:incepatori\w*|fetele noi|noii veniti|noile venite|cei noi|cele noi)\s(?:castiga|primesc|fac|scot)\b",
        r"\bfara (?:nicio\s)?experient\w*\W{1,4}(?:nicio problema|nu conteaza)\b",
        r"\bexperienta nu conteaza\b",
        r"\b(?:castig\w*|plata|venit\w*)\b<g2>(?:mult peste medie|foarte bun\w*|mult mai bun\w*)",
        r"\bse castiga foarte bine\b",
        r"\bcastigi cat acasa\b",
        r"\bbani buni din prima\b",
        r"\bincepatorii (?:sunt\s)?bineveniti\b",
        # a high wage abroad and "no experience" on one line, in either order
        rf"{_BIG_SYM}[^.!?\n]{{0,60}}?\b{_NOEXP}",
        rf"{_BIG_NUM}[^.!?\n]{{0,60}}?\b{_NOEXP}",
        rf"\b{_NOEXP}[^.!?\n]{{0,60}}?{_BIG}",
        # a day / night rate, also as a range ("100-150 euro pe zi")
        r"\b(?:castig\w*|venit\w*|plat[ai]\w*|salari\w*|primesti|primiti|faci|scoti)\s?:?\s(?:de\s)?(?:pana la\s|de la\s|intre\s)?(?:\d{2,4}\s?[-–]\s?)?<money>\s?(?:pe|/|la|pentru)\s?(?:zi|noapte|tura|seara)\b",
    ),
    "travel_paid": (
        # the journey paid / arranged, never "îmi plătesc singură drumul"
        rf"\b{_VOIAJ}\b<g4>(?:sunt\s|este\s|e\s|va fi\s|vor fi\s)?(?:platit\w*|achitat\w*|acoperit\w*|organizat\w*|asigurat\w*|inclus[ae]?|incluse|gratuit\w*|gratis)\b",
        rf"\b{_VOIAJ}\b<g9>(?:sunt|este|e|vor fi|va fi)\s(?:platit\w*|achitat\w*|organizat\w*|asigurat\w*|suportat\w*|acoperit\w*)\s(?:integral\s)?de\s(?:catre\s)?(?:noi|firma|angajator\w*|agenti\w*|compani\w*|patron\w*|mire\w*|sot\w*|barbat\w*|domn\w*|el)\b",
        rf"\b{_VOIAJ}\b<g4>(?:il|o|le|ii|i-l)\s(?:platim|achitam|cumparam|organizam|acoperim|asiguram|avansam|facem|platesc|plateste|acopera|cumpara|asigura|avanseaza|organizeaza)\b",
        r"\b(?:angajatorul|firma|compania|agentia|noi|mirele|barbatul|domnul|el)\s(?:va\s)?(?:plateste|platim|achita|achitam|acopera|suporta|cumpara|cumparam|asigura|asiguram|organizeaza|organizam|avanseaza|avansam)\s"
        r"(?:si\s\w+\s)?(?:tot\s|toate\s)?(?:cheltuielile de\s)?(?:biletul|biletele|transportul|drumul|calatoria|viza|zborul)",
        rf"\b(?<!isi )(?:platim|achitam|organizam|cumparam|acoperim|asiguram|avansam|plateste|(?<!imi )(?<!mi )platesc|acopera)\b(?!\s(?:singur\w*|propri\w*|pe cont propriu|fiecare|separat))<g3>{_VOIAJ}",
        r"\b(?:transport|drum|bilet\w*|calatorie)\s(?:gratuit\w*|gratis|platit\w*)\b",
        rf"\b{_VOIAJ}\b<g3>(?:pe cheltuiala|pe banii|pe costul|pe contul)\s(?:firmei|angajatorului|noastra|nostru|agentiei|lui|companiei|patronului|mirelui)\b",
        r"\b(?:va|te)\s(?:luam|ducem|transportam|aducem)\b<g3>cu\s(?:microbuz\w*|autocar\w*|masina|duba|avionul)\s(?:firmei|nostru|noastra|agentiei|companiei)\b",
        rf"\b(?:iti|va|ii|ti|vi)\s(?:va|vom|vor|o sa)\s(?:plati|achita|cumpara|acoperi|suporta|rezerva|trimite)\b<g2>{_VOIAJ}",
        rf"\b(?:ne ocupam|se ocupa)\b<g2>(?:de|cu)\s{_VOIAJ}",
        rf"\b(?:de|cu)\s{_VOIAJ}\s(?:se ocupa|ne ocupam|se vor ocupa)\b",
        rf"\bnu plate\w* (?:nimic\s)?(?:pentru\s)?{_VOIAJ}",
        rf"\bnu vei avea nevoie de bani pentru {_VOIAJ}",
        rf"\b(?:partea cu\s)?{_VOIAJ}\s(?:e|este)\spe noi\b",
        rf"\b{_VOIAJ}\b<g3>se poate aranja\b",
        r"\bnu\W{1,3}ti face griji (?:pentru|de) drum\b",
        r"\bva (?:luam|asteptam) de la (?:aeroport|autogara)\b",
        r"\bte (?:ia|luam|asteapta)\b<g3>(?:aeroport|autogara|la loc|si te duce)\b",
        r"\b(?:va|te)\s(?:asteapta|asteptam)\sla aeroport\b",
        r"\bsa aranjeze totul\b",
        # "biletul și viza achităm noi", without the clitic
        rf"\b{_VOIAJ}\b<g4>(?<!\bil )(?<!\bo )(?<!\ble )(?<!\bii )(?:platim|achitam|acoperim|asiguram|suportam|cumparam|organizam|avansam|rezervam)\s(?:noi|integral|complet|tot)\b",
        rf"\b{_VOIAJ}\b<g4>(?:il|o|le|ii|i-l)\s(?:achita|suporta|ia|iau)\s(?:el|ea|ei|mirele|sotul|domnul|barbatul|patron\w*|angajator\w*|firma|agentia|compania|noi)\b",
        # list lines: "Transport: îl asigurăm noi", "Bilet – plătit de firmă"
        r"\b(?:transport\w*|drum\w*|bilet\w*|calatori\w*|zbor\w*|viz[aei]\w*)\s?[:\-–]\s?(?:(?:il|o|le)\s)?(?:asiguram|platim|achitam|acoperim|suportam|organizam|cumparam|avansam|asigurat\w*|platit\w*|achitat\w*|inclus\w*|gratuit\w*|gratis|de la (?:noi|firma|angajator|patron|agentie)|din partea (?:noastra|firmei|angajatorului|agentiei))\b",
        # money sent for the journey: "îi trimit eu bani de drum"
        r"\b(?:ii|iti|va|le|ti|vi)\s(?:trimit|trimite|trimitem|dau|da|dam|ofer|ofera|oferim)\s(?:eu\s|el\s|noi\s)?(?:si\s)?(?:bani\w*|suma)\s(?:de|pentru|pt)\s(?:drum|bilet\w*|calatori\w*|viza|avion|zbor|transport)\b",
        # "te ajutăm cu tot ca să ajungi acolo", "vă aducem noi până acolo"
        r"\b(?:te|va)\s(?:ajutam|ajuta)\s(?:cu tot|cu toate|in tot)\b<g2>(?:sa|ca sa)\s(?:ajungi|ajungeti|pleci|plecati)\b",
        r"\b(?:te|va)\s(?:aducem|ducem|luam)\snoi\b<g2>(?:pana\s)?(?:acolo|la destinatie|in strainatate|peste hotare)\b",
        # "we take girls abroad"
        rf"\b(?:ducem|luam|trimitem|scoatem|plasam|aducem)\s(?:\w+\s)?(?:fete|domnisoare|tinere|doamne|insotitoare|modele|hostese)\b<g3>(?:in|la|peste|spre)\s(?:strainatate|hotare|afara|{_COUNTRY})\b",
    ),
    "accommodation_by_employer": (
        r"\bcamer(?:a|ele|e)\s(?:este\s|e\s|sunt\s)?(?:asigurat\w*|gratuit\w*|gratis|oferit\w*|inclus\w*)\b",
        r"\b(?:cazare\w*|locuint\w*|garsonier\w*|un loc de (?:trai|dormit))\b<g2>(?:este\s|e\s|sunt\s)?(?:asigurat\w*|gratuit\w*|gratis|oferit\w*|inclus\w*|de la angajator|de la firma|organizat\w*)\b",
        r"\b(?:cazare\w*|locuint\w*|camer\w*|chiri\w*)\b<g2>(?:este\s|e\s|sunt\s)?(?:platit\w*|suportat\w*|acoperit\w*|achitat\w*)\s(?:integral\s)?de\s(?:catre\s)?(?:angajator\w*|firm\w*|noi|patron\w*|compani\w*|ferm\w*|agenti\w*)\b",
        r"\b(?:cazat\w*|cazam|cazeaza)\s(?:gratuit\s)?(?:in|la)\s(?:vila|casa|case|apartament\w*|container\w*|camin\w*|hostel\w*|barac\w*|camere|garsonier\w*|cladire\w*|locul de munca|ferma|firma|santier\w*)\b",
        r"\b(?:va|te|ii|le|vi)\s(?:cazam|cazeaza|vom caza|va caza)\b",
        r"\b(?:sunteti|esti|sunt|veti fi|vei fi)\scazat\w*\s(?:de|la|gratuit)\b",
        r"\b(?:oferim|asiguram|dam|avem|punem la dispozitie|va oferim|iti oferim|va dam|iti dam|va asiguram|iti asiguram)\s(?:si\s|gratuit\s)?(?:cazare|locuinta|camer\w*|garsonier\w*|un loc de cazare)\b",
        r"\b(?:angajatorul|firma|ferma|patronul|compania|agentia|familia)\s(?:va\s|iti\s)?(?:ofera|asigura|da|pune la dispozitie)\s(?:si\s|gratuit\s)?(?:cazare|cazarea|locuinta|camer\w*|casa)\b",
        r"\bse (?:asigura|ofera|da)\s(?:si\s|gratuit\s)?(?:cazare|cazarea|locuinta|masa si cazare|casa si masa)\b",
        r"\bcazare\w*\s(?:optional\w*\s|gratuit\w*\s)?(?:in|la)\s(?:vila|vile|casa|case|casele|apartament\w*|container\w*|camin\w*|hostel\w*|barac\w*|locul de munca|ferma|firma|santier\w*|camere|camera|garsonier\w*)\b",
        r"\bcazare\w*\b<g2>(?:firmei|angajatorului|patronului|fermei|companiei|agentiei|personalului|familiei)\b",
        r"\bcazare\s?(?:\+|si)\s?mas[ae]\b|\bmasa\s?(?:\+|si)\s?cazare\b|\bcasa si masa\b",
        r"\bcazare\w*\s?[:\-–]\s?(?:da\b|asigurat\w*|gratuit\w*|gratis|inclus\w*|oferit\w*|de la (?:firma|angajator))",
        r"\bcazare\s?(?:\+|si)\s?transport\b|\btransport\s?(?:\+|si)\s?cazare\b",
        r"\b(?:dormitor\w*|barac\w*|container\w*)\s(?:comun\w*\s)?(?:in|la|de la|ale|al)\s(?:hala\s)?(?:firm|ferm|fabric|angajator|patron|santier)\w*",
        r"\b(?:se sta|se locuieste|se doarme|veti sta|vei sta|veti locui|vei locui|stati|stai|locuiti|dormiti|dormi)\s(?:\w+\s)?(?:in|la)\s(?:container\w*|barac\w*|camin\w*|hostel\w*|dormitor\w*)\b",
        r"\b(?:locuiti|locuiesti|locuiesc|locuieste|stati|stai)\s(?:la|langa|pe)\s(?:locul de munca|ferma|fabrica|angajator\w*|santier|ei|familie)\b",
        r"\b(?:locuiti|locuiesti|locuiesc|locuieste|stati|stai)\s(?:in|la)\s(?:casa|vila|apartamentul|containerele)\s(?:angajatorului|patronului|familiei|firmei|fermei|lor)\b",
        r"\b(?:aveti|ai|veti avea|vei avea|primiti|primesti)\s(?:si\s)?(?:o\s)?camer\w*\s(?:voastra|ta|proprie|separata|personala|dvs|dumneavoastra)\b",
        r"\b(?:garsonier\w*|apartament\w*|camer\w*|locuint\w*)\s(?:de serviciu|pentru (?:angajati|colegi|personal|lucratori|muncitori))\b",
        r"\bavem\s(?:si\s)?(?:o\s)?(?:garsonier\w*|locuint\w* de serviciu)\b",
        r"\bcamer\w*\s(?:de|cu|pentru)\s\d(?:\s?-\s?\d)?\s(?:persoane|locuri|paturi)\b",
        r"\b\d\s(?:persoane|oameni)\s(?:in|pe)\s(?:camera|odaie)\b",
        r"\bcazare\w*\s\d\s(?:persoane\s)?in camera\b",
        r"\bcate \d in camera\b",
        r"\b(?:iti|va)\s(?:dam|oferim|asiguram|gasim)\s(?:un loc\s)?unde sa (?:stai|stati|locuiesti)\b",
        r"\blocuie\w* (?:in|la) (?:casa|containere\w*|ferma|firma|cazarea)\b",
        r"\b(?:vei\s)?locui\w* (?:cu ceilalti|impreuna cu|unde lucr\w*|aproape de lucru)\b",
        r"\bunde (?:vei sta|sa stai|stai)\b<g4>(?:rezolvat|asigurat|aranjat)\b",
        r"\bun loc unde sa stai\b",
        r"\bcazarea o (?:aranjeaza|asigura|ofera)\b",
        # "cazarea e la fermă, în container", "cazarea va fi în vila patronului"
        r"\bcazare\w*\s(?:e|este|va fi|se face|o sa fie)\s(?:\w+\s)?(?:la|in)\s(?:ferma|firma|fabrica|patron\w*|angajator\w*|familie|container\w*|barac\w*|camin\w*|hostel\w*|vila|casa|apartament\w*|santier\w*|noi)\b",
        # live-in work: "locuire la familie", "stai în casa bătrânei", "masă și casă"
        r"\b(?:locuire|locuinta|cazare\w*|stai|stati|locuiesti|locuiti|dormi|dormiti)\s(?:\w+\s)?(?:la|in)\s(?:familie|familia (?:angajatoare|respectiva|gazda)|casa (?:familiei|batran\w*|bunic\w*|pacient\w*|angajator\w*|patron\w*|clientului|doamnei|domnului)|batran\w*|bunic\w*|pacient\w*)\b",
        r"\bmasa si casa\b|\bcasa\s?\+\s?masa\b|\bcu casa si masa\b",
        # "locuiți la patron, deasupra barului"
        r"\b(?:locuiti|locuiesti|locuiesc|locuieste|stati|stai)\s(?:la|in|langa)\s(?:patron\w*|sef\w*|stapan\w*|local|localul|bar|barul|club|clubul|restaurant|restaurantul)\b",
        r"\b(?:locuiti|locuiesti|locuiesc|locuieste|stati|stai|dormiti|dormi|cazare\w*)\b<g3>(?:deasupra|in spatele|in incinta)\s(?:barului|localului|clubului|restaurantului|fabricii|fermei|magazinului|atelierului|halei|depozitului)\b",
    ),
    "debt_repaid_from_wages": (
        # the journey or an advance repaid from pay
        rf"\b(?:{_TRAVEL_NOT_LOCAL}|avans\w*|imprumut\w*|datori\w*|cheltuiel\w* de (?:drum|calatorie|transport|viza))\b<g6>(?:se\s)?(?:(?:il|o|le|ii|i-l|i-le)\s)?"
        rf"(?:retin\w*|scad\w*|scaz\w*|deduc\w*|dedus\w*|recupera\w*|returna\w*|returnezi|rambursa\w*|ramburs\w*|intoarce|intorc|intors\w*|achita\w*|plates\w*|platit\w*|da inapoi|dai inapoi|dati inapoi|socot\w*|regl\w*|ia)\b<g3>(?:{_FROM_PAY}|{_FROM_FIRST}|din munca|prin munca)",
        # any cost taken from the FIRST wages
        rf"\b(?:cheltuiel\w*|costu\w*|transport\w*|suma|sumele|banii|totul|toate)\b<g6>(?:se\s)?(?:(?:il|o|le|ii)\s)?(?:retin\w*|scad\w*|scaz\w*|deduc\w*|recupera\w*|returna\w*|intoarce|intorc|da inapoi|dati inapoi|regl\w*|acoper\w*|compens\w*|deconta\w*|acopera)\b<g3>{_FROM_FIRST}",
        # repay verbs: the worker gives money back out of pay
        rf"\b(?:se|le|il|o|i-l|i-le|ii|ne|mi|ni-i)\s(?:recupereaza|returneaza|returnezi|returnati|rambursea\w*|da inapoi|dai inapoi|dati inapoi|intoarce|intorc|intoarceti)\b<g3>(?:{_FROM_PAY}|{_FROM_FIRST}|din munca)",
        rf"\b(?:returnati|returnezi|dati inapoi|dai inapoi|rambursati|achitati|platiti)\b<g3>(?:din|cu)\s(?:primul\s|primele\s|prima\s)?(?:\w+\s)?(?:{_PAY}|munca)",
        rf"\b(?:din|prin)\s(?:primul\s|primele\s)?(?:{_PAY}|castig)\b<g4>(?:cheltuiel\w* de drum|avans\w*|biletul|drumul)",
        r"\b(?:lucrati|muncesti|lucrezi|munciti)\b<g4>(?:ca sa|pentru a)\s(?:achitati|acoperiti|platiti|returnati|achiti|acoperi|platesti|returnezi|scoti)\s(?:datoria|costurile|drumul|avansul|biletul|zborul|viza|cheltuielile|banii)\b",
        r"\b(?:drum\w*|bilet\w*|calatori\w*)\s(?:pe datorie|in credit|in avans de la noi)\b",
        r"\b(?:drum\w*|bilet\w*|calatori\w*)\b<g2>(?:e|este)\sun imprumut\b",
        r"\b(?:lucrezi|lucrati|muncesti|munciti|lucreaza)\spana\s(?:(?:il|o|le|se)\s)?(?:acoperi|achiti|platesti|returnezi|acoperiti|achitati|platiti|returnati|achita|acopera|scoti|scoateti)\b",
        r"\b(?:datorez|datorezi|datorati|datoreaza|datoram)\b<g2>(?:biletul|drumul|banii|avansul|chiria|calatoria|zborul|viza|cazarea|transportul)\b",
        r"\bne socotim\b",
        r"\b(?:dau|dam|da|dati|dai)\sinapoi\s(?:banii|bani)\s(?:de|pentru)\s(?:drum|bilet|calatorie|viza|avion|transport|zbor)\b",
        rf"\b{_TRAVEL_NOT_LOCAL}\b<g9>(?:il|o|le|ii)\s(?:dau|dam|dati|dai)\sinapoi\b",
        r"\btermin\w* de platit\s(?:drumul|biletul|datoria|avansul|calatoria|zborul)\b",
        r"\bpana (?:platesc|achit|returnez|platesti|achiti|returnezi|platiti|achitati)\s(?:drumul|biletul|datoria|avansul|banii|calatoria|zborul)\b",
        r"\b(?:le|il|o) reglam dupa\b",
        r"\bne dai banii inapoi\b",
        r"\brezolvi dupa ce (?:incepi|ajungi)\b",
        r"\bpana se (?:achita|intorc|returneaza|acopera)\b<g3>(?:avans\w*|cheltuiel\w*|datori\w*|costu\w*|drum\w*)",
        r"\bavans\w*\b<g4>(?:se\s)?(?:intoarce|retine|scade|returneaza)\b",
    ),
    "documents_held": (
        # document first: kept / handed over BY or TO someone else
        rf"\b{_DOC}\b<g4>(?:(?:il|o|le|ii|i)\s)?(?:se\s)?(?:va\s|vor\s|vom\s|o sa\s)?(?:fi\s)?(?:pastram|pastrez|pastreaza|pastra|pastreze|pastrat[ae]?|tin|tine|tinem|tinut[ae]?|retinem|retine|retin|retinut[ae]?|raman\w*|<~ramane>|sta|stau|stocat[ae]?|stocheaza|depozitat[ae]?|depoziteaza|colectat[ae]?|colecteaza|pred\w*|luat[ae]?|iau|ia|strange|strangem|strans[ae]?|lasa|lasat[ae]?)\b<g3>"
        rf"(?:(?:la|de|de catre|catre|in pastrarea|in grija|pe mana|pe maini bune la|in seiful|in dosarul)\s)?{_HOLDER}\b",
        # keeper first: "păstrăm / îți voi păstra / vă ține / îl ține patronul"
        rf"\b(?<!pentru )(?<!cu )(?<!de )(?<!la )(?<!pe )(?<!isi )(?<!imi )(?<!iti )(?<!ne )(?<!va )(?:(?:iti|va|ii|le|ti|vi|il|o)\s)?(?:(?:voi|vom|vor|o sa)\s)?(?:pastram|pastrez|pastreaza|pastra|retinem|retin|retine|tinem|tin|tine|colectam|colecteaza|strangem)\b(?![^.!?\n]{{0,25}}\b(?:copi|xerox|scan))<g2>{_DOC}",
        rf"\b(?:pred\w*|lasati|lasi|dati|dai|incredintati|incredintezi)\b<g2>{_DOC}\b<g3>(?:la sosire|la plecare|la angajare|la semnare|la inceput|la noi|noua|la birou|pentru pastrare|(?:la\s)?(?:coordonat|sef|patron|angajator|manager|administrat|sofer|mire|sot|agenti|dispecer)\w*)",
        rf"\b(?:ne|ni|ni-l|ni-le)\s(?:dati|dai|lasati|lasi|predati|predai)\b(?![^.!?\n]{{0,25}}\b(?:copi|xerox|scan|poz))<g2>{_DOC}",
        rf"\b(?:lasa-ne|lasati-ne|lasa ne|dati-ne|da-ne|adu-ne|adu ne|aduceti-ne)\b<g2>(?:toate\s)?{_DOC}",
        rf"\b{_DOC}\b<g3>(?:pe maini bune|in siguranta|pe mana) la\s{_HOLDER}\b",
        rf"\b{_DOC}(?!\s(?:meu|mea|mele|mei))\b<g3>(?:il|o|le)\s(?:voi pastra|voi tine|o sa (?:il |o |le )?pastrez|o sa tin|pastrez|tin)\seu\b",
        rf"\b(?:va|iti|ti|le|ii|vi)\s(?:ia|iau|luam|strange|strangem|colecteaza|colectam)\b(?![^.!?\n]{{0,25}}\b(?:copi|xerox|scan))<g2>{_DOC}",
        rf"\b{_DOC}\b<g8>(?:vi-l|ti-l|vi-le|ti-le|vi-o|ti-o|vi l|ti l|vi le|ti le)\s(?:restituim|returnam|dam inapoi|inapoiem|restituie|returneaza|da inapoi)\b",
        rf"\b{_DOC}\b<g8>(?:il|o|le)\s(?:primesti|primiti|primeste|primesc)\sinapoi\b",
        rf"\b{_DOC}\b<g8>(?:se|vi|ti|il|o|le|vi-l|ti-l|vi-le|ti-le)\s(?:da|dau|restituie|returneaza|inapoiaza)\s(?:inapoi\s)?(?:la (?:plecare|final|sfarsit|terminarea)|dupa)\b",
        rf"\b(?:va|iti|le|ii)\s(?:cere|cer|cerem|solicita|solicitam)\b<g2>{_DOC}\b<g3>(?:la sosire|pentru pastrare|pe durata|pana la (?:plecare|final|terminare|plata))",
        rf"\b(?:are|au|avem|va avea|vor avea|vom avea|voi avea)\sgrija\s(?:noi\s|el\s)?de\s(?:toate\s)?{_DOC}",
        # someone else keeps MY documents: "agenția îmi păstrează pașaportul"
        rf"\b(?:imi|mi|mi-l|mi-le)\s(?:pastreaza|tine|retine|pastreaza|au luat|a luat)\b<g2>{_DOC}",
        rf"\b{_DOC}\b<g3>(?:vor fi|va fi)\b<g3>la\s{_HOLDER}\b",
        rf"\b{_DOC}\b<g2>(?:sunt|e|este)\s(?:deja\s|deocamdata\s|acum\s)?la\s(?:agenti\w*|birou\w*|coordonat\w*|patron\w*|angajator\w*|firma|manager\w*|sef\w*|noi)\b",
        rf"\b(?:se ocupa|ne ocupam|se vor ocupa)\s(?:noi\s)?de\s(?:toate\s)?{_DOC}\s(?:tale|voastre|dumneavoastra|dvs)\b",
        rf"\b{_DOC}\b<g2>(?:le facem noi|sunt treaba noastra)\b",
        r"\b(?:tu\s)?le predai\b",
        rf"\b(?:ai|am|ati)\sdat\s{_DOC}\s(?:agenti\w*|coordonat\w*|patron\w*|manager\w*|sef\w*)",
        # handed in and kept "until": "se depun la agenție și rămân la dosar până la plecare"
        rf"\b{_DOC}\b[^.!?\n]{{0,60}}?\b(?:se depun|se predau|se lasa|raman|stau|se pastreaza|se tin)\b<g2>(?:la|in)\s{_HOLDER}\b<g3>pana (?:la|cand|se)\b",
        # "nu trebuie să porți pașaportul, rămâne la birou"
        rf"\bnu trebuie sa (?:port|porti|purtati|aveti|ai|tii|tineti|iei|luati)\s(?:la (?:mine|tine|voi)\s|cu (?:mine|tine|voi)\s)?{_DOC}\b<g2>(?:ramane|raman|sta|stau|e|este|sunt)\s(?:la|in)\s",
        # "de acte ne ocupăm noi", "de hârtiile mele au grijă oamenii cu care lucrez"
        rf"\bde\s(?:toate\s)?{_DOC}(?:\s(?:tale|voastre|mele|ei|lor|dvs))?\s(?:ne ocupam noi|se ocupa (?:agenti|coordonat|manager|sef|patron|firma|biroul)\w*|au grija (?:oamenii|ei|cei)|are grija (?:agenti|coordonat|manager|sef|patron|firma|biroul)\w*)",
    ),
    "agency_keeps_documents": (
        rf"\b{_DOC}\b<g4>(?:(?:il|o|le|ii)\s)?(?:se\s)?(?:va\s|vor\s|vom\s|o sa\s)?(?:fi\s)?(?:pastr\w*|tin|tine|tinem|tinut\w*|retin\w*|raman\w*|<~ramane>|sta|stau|pred\w*|depozit\w*)\b<g3>"
        rf"(?:(?:la|de|de catre|catre|in pastrarea|in grija|in dosarul)\s)?{_BROKER}\b",
        rf"\b(?<!pentru )(?<!cu )(?<!de )(?<!la )(?<!pe )(?:(?:iti|va|ii|le|vi|ti)\s)?(?:(?:vom|o sa)\s)?(?:pastram|retinem|tinem)\b(?![^.!?\n]{{0,25}}\b(?:copi|xerox|scan))<g2>{_DOC}",
        rf"\b(?:agentia|biroul|agentie|coordonat\w*|consultant\w*|omul nostru|oamenii nostri)\b<g8>(?:(?:va|iti|ii|le|ti|vi|imi|mi)\s)?(?:pastreaza|retine|tine|pastra)\b(?![^.!?\n]{{0,25}}\b(?:copi|xerox|scan))<g2>{_DOC}",
        rf"\b(?:lasati|lasa|lasi|predati|predai)\b<g2>{_DOC}\s(?:la noi|la agentie|la birou|agentiei|coordonat\w*)\b",
        rf"\b(?:lasa-ne|lasati-ne|lasa ne|adu-ne|adu ne)\b<g2>(?:toate\s)?{_DOC}",
        rf"\b(?:ne ocupam|se ocupa)\b<g2>de\s(?:toate\s)?{_DOC}\b<g4>(?:adu|aduci|aduceti|predai|predati|lasi|lasati)",
        rf"\b{_DOC}\b<g2>(?:sunt treaba noastra|in siguranta la noi)\b",
        rf"\b{_DOC}\b<g3>in siguranta la noi\b",
        rf"\b(?:agentia|agentie|noi|biroul)\b<g2>(?:are|avem|va avea|vom avea)\sgrija\s(?:noi\s)?de\s(?:toate\s)?{_DOC}",
        rf"\b{_DOC}\b<g2>(?:sunt|e|este)\s(?:deja\s|deocamdata\s|acum\s)?la\s(?:agenti\w*|birou\w*|noi)\b",
        rf"\b(?:am|ai|ati|a)\sdat\s{_DOC}\s(?:agentiei|coordonat\w*|biroului)\b",
        r"\b(?:tu\s)?le predai\b",
        # handed in and kept until the wedding / the visa / the departure
        rf"\b{_DOC}\b[^.!?\n]{{0,60}}?\b(?:se depun|se predau|se lasa|raman|stau|se pastreaza|se tin)\b<g2>(?:la|in)\s{_BROKER}\b<g3>pana (?:la|cand|se)\b",
        # the man keeps them: "pașaportul îl ține mirele până la nuntă", "el îți păstrează actele"
        rf"\b(?:mirele|sotul|viitorul (?:sot|mire)|barbatul|domnul|logodnicul|el)\s(?:(?:iti|va|ii|le|vi|ti)\s)?(?:pastreaza|tine|retine|ia|va pastra|va tine|o sa pastreze|o sa tina)\b(?![^.!?\n]{{0,25}}\b(?:copi|xerox|scan))<g2>{_DOC}",
    ),
    "recruitment_fee": (
        r"\btax[aei]\w*\s(?:de\s)?(?:inregistrare|inscriere|procesare|intermediere|plasare|angajare|participare|dosar|perfectare|serviciu|intrare|profil|deschidere)\b",
        r"\bcomision\w*\s(?:de\s)?(?:<money>|intermediere|plasare|angajare|agentie)",
        r"\b(?:platiti|achitati|platesti|achiti)\s(?:doar\s|numai\s|o suma de\s)?<money><g4>(?:pentru|ca sa|ca)\b",
        r"\bcomision\w*\b<g3>(?:este\s)?(?:de\s)?<money>",
        r"\bavans\w*\b<g3>(?:la|pentru)\s(?:inscriere|semnare|rezervare|dosar|deschiderea dosarului)\b",
        r"\b(?:candidatii|candidatele|miresele|dvs|tu|voi|fiecare candidat)\s(?:trebuie sa\s)?(?:platesc|achita|platiti|achitati|platesti|achiti)\s<money>",
        r"\b(?:garantie|depozit de garantie|cautiune|taxa)\s(?:de\s)?<money>",
        r"\b(?:plata|achitare) (?:in avans|anticipat\w*)\b(?!\sa\s(?:salariului|lefii))",
        r"\b(?:taxa|plata) unica\b",
        r"\bse\s(?:achita|percepe|cere)\s(?:o\s)?(?:suma de\s)?<money>",
        r"\bse percep\w*\s(?:o\s)?(?:mica\s)?(?:taxa|tax\w*|comision\w*|suma|plata)\b",
        r"\bpentru\s(?:inscriere\w*|inregistrare\w*|deschiderea dosarului|dosar\w*|rezervarea locului|plasare|intrarea in catalog)\b<g4>(?:se\s)?(?:achita|plateste|platiti|achitati|percepe|cere)\b",
        r"\b(?:tax[aei]\w*|plat[aei]\w*)\s(?:de\s)?(?:serviciu|intrare|inregistrare|profil)\b",
        r"\b(?:abonament\w*|inregistrare|inscriere\w*|taxa)\b\s?(?:costa\s|este de\s|de\s)?:?\s?(?=[1-9€$£])<money>",
        r"\b(?:inscrier\w*|abonament\w*|pachet\w*)\b[^.!?\n]{0,60}?<money>\s(?:pentru|pe)\s(?:\d+|o|un|sase|trei|doua|douasprezece)\s(?:luni|luna|an|ani)\b",
        r"\b(?:profil|traducere)\w*\b(?:\s(?:si|cu)\s\w+)?\s?:?\s?<money>",
        r"<money>\s?(?:pe|/)\s?(?:luna|an)\s(?:abonament\w*|taxa|inscrierea)\b",
        r"\b(?:am|ai)\splatit\s(?:\w+\s)?(?:o\s)?(?:mica\s)?(?:taxa|suma|comision)\b",
        r"\b(?:am|ai)\splatit\s(?:agentiei\s)?<money>",
        r"\b(?:cost\w*|pret\w*|tarif\w*)\s(?:\w+\s)?(?:serviciului|serviciilor|de plasare|de intermediere|dosarului|inscrierii|de inscriere|plasarii|intermedierii)\b<g3><money>",
        r"\b(?:platiti|achitati|platesti|achiti|trebuie sa platiti|trebuie sa achitati)\s(?:un\s|o\s)?(?:avans|garantie|cautiune|taxa|comision|depozit|suma de)\b",
        r"\bse\s(?:achita|plateste|percepe)\s(?:o\s)?(?:taxa|garantie|cautiune|comision)\b",
        # "tu plătești doar înscrierea", "achitați dosarul și traducerile"
        r"\b(?:platesti|platiti|achiti|achitati)\s(?:doar\s|numai\s|tu\s|voi\s)?(?:inscrierea|taxa|dosarul|profilul|abonamentul|traducerile|traducerea|comisionul|avansul|garantia|perfectarea)\b",
    ),
    "vague_employer": (
        # "o firmă mare", but not "suntem o firmă mare" nor "experiență în firme mari"
        r"\b(?<!suntem o )(?<!suntem )(?<!este o )(?<!e o )(?<!experienta in )(?<!experienta la )(?<!experienta intr-o )(?<!lucrat in )(?<!lucrat la )(?<!lucrat la o )(?<!lucrat intr-o )(?<!experienta la o )"
        r"(?:firma|firme|companie|companii|angajator\w*|hoteluri|depozite|fabrici|ferme|restaurante|cluburi|complex\w* hotelier\w*)\s(?:foarte\s)?"
        rf"(?:cunoscut\w*|mari|mare|de renume|de top|de lux|prestigioas\w*|renumit\w*|serioas\w*|international\w*|strain[ae]|de incredere)\b{_NAMED_SOON}",
        r"\bnumele (?:firmei|companiei|angajatorului|clientului|fabricii|fermei)\b<g3>(?:dupa|la (?:interviu|intalnire|plecare|semnare|sosire)|mai tarziu|personal|la cerere)\b",
        r"\bnumele\b<g3>(?:il\s|o\s|le\s)?(?:aflati|afli|afla|veti afla|vei afla|spunem|comunicam|comunica|dezvaluim|primiti|primesti|se comunica|se afla|se dezvaluie|oferim)\b",
        rf"\b(?:firma|compania|fabrica|ferma|angajatorul)\s(?:partener\w*|colaborato\w*)\b{_NAMED_SOON}",
        rf"\b(?:partenerul|partenerii|un partener)\s(?:nostru|nostri)\b{_NAMED_SOON}",
        r"\bpartener de incredere\b|\bmai multi angajatori\b",
        r"\b(?:lucru|munca|de lucru|locuri de munca|posturi)\s(?:in|prin)\s(?:europa|ue|tarile ue|tari din ue|diverse tari|mai multe tari|vestul europei|tari europene)\b",
        r"\b(?<!experienta in )(?<!experienta la )(?<!lucrat in )(?<!lucrat la )(?<!lucrat la mai )(?:diverse|diferite|multe)\s(?:locuri de munca|posturi|tari|angajatori|firme|companii|ferme|fabrici)\b",
        r"\bangajator\s?:\s?(?:o\s)?(?:firma|companie)\s(?:mare|cunoscuta|straina|europeana)\b",
        rf"\bcolabor\w*\b<g4>cu\s(?:mai multi\s|mai multe\s|diferit\w*\s|divers\w*\s|numero\w*\s)?(?:angajatori|firme|companii|hoteluri|ferme|fabrici|constructori|depozite|restaurante|familii|santiere)\b{_NAMED_SOON}",
        rf"\b(?:firma|firme|companie|compania|fabrica|ferma|constructori|hoteluri)\s(?:german\w*|italian\w*|olandez\w*|belgian\w*|spaniol\w*|englez\w*|britanic\w*|francez\w*|austriac\w*|danez\w*|straine?|din\s{_COUNTRY})\b{_NAMED_SOON}",
        rf"\b(?:angajam|recrutam|cautam|selectam|lucru|munca)\b<g4>(?:pt|pentru|in)\s{_COUNTRY}\s?(?:/|si|sau|,)\s?{_COUNTRY}\b{_NAMED_SOON}",
        r"\b(?:angajam|recrutam|cautam|selectam)\b<g4>(?:pt|pentru|la)\s(?:o\s|un\s)?(?:fabrica|ferma|depozit\w*|santier\w*|hotel\w*|restaurant\w*|bar|baruri|club|cluburi|sere|sera|abator\w*|camin\w*)\b"
        rf"[^.!?\n]{{0,40}}?\b(?:in|din)\s{_COUNTRY}\b{_NAMED_SOON}",
        r"\bvedem ce (?:ti|va) se potriveste\b",
        rf"\b(?:intr-o|la o|o|cu o|pentru o)\s(?:fabrica|ferma|firma|companie|hala|sera|sere|depozit|hotel|restaurant|santier)\s(?:\w+\s){{0,2}}din\s{_COUNTRY}\b{_NAMED_SOON}",
        r"\bangajator\w*\b<g3>(?:comunicat|dezvaluit|anuntat|spus)\w*\s(?:la|dupa|ulterior|mai tarziu|personal)\b",
        rf"\bangajator\w*\b<g2>(?:este|e)\s(?:un|o|unul dintre|una dintre)\s(?:client\w*|partener\w*|firm\w*|compani\w*)\b{_NAMED_SOON}",
        rf"\b(?:client\w*|partener\w*) (?:de-al|al) nostru\b{_NAMED_SOON}",
        r"\bdetalii\s(?:despre|privind|legate de)\s(?:angajator\w*|firm\w*|compani\w*)\b<g3>(?:doar|numai|la telefon|la interviu|in privat|personal|la cerere|dupa)\b",
        # a person, not a company: "omul la care lucrez", "un patron de-al nostru de acolo"
        rf"\b(?:omul|patronul|seful|un om|un patron|un cunoscut|o cunostinta|niste oameni)\s(?:la care (?:lucrez|lucram|lucreaza|lucrati)|(?:meu|nostru)\s(?:de acolo|din \w+)|de acolo|de-al (?:meu|nostru)|(?:din|de la)\s{_COUNTRY})\b",
        # a family abroad described, not named: "familie f. bună și liniștită"
        r"\b(?<!suntem o )(?<!suntem )(?<!avem o )(?<!sunt o )(?:o\s|la o\s|pentru o\s|pt o\s|intr-o\s|cu o\s)?famili[ea]\s(?:f\.?\s|foarte\s)?(?:buna|serioasa|linistita|instarita|de treaba|cumsecade|bogata|de incredere)\b(?!\s(?:din|de)\s(?:romania|cluj|iasi|bucuresti|brasov|timisoara|chisinau))",
        rf"\b(?<!suntem )(?:o|la o|pentru o|pt o|intr-o|cu o)\sfamili[ea]\s(?:\w+\s){{0,2}}(?:din|in)\s{_COUNTRY}\b{_NAMED_SOON}",
        # "Firmă angajează ...": an unnamed company opens the advert
        rf"(?<![\w,] )(?<!\w\s\s)\b(?:o\s)?firma\s(?:angajeaza|recruteaza|cauta|selecteaza|are nevoie)\b{_NAMED_SOON}",
    ),
    "contract_on_arrival": (
        rf"\bcontract\w*\b<g3>(?:se\s)?(?:semneaza|semnat|face|fac|da|primiti|incheie|incheiat)\w*\b<g3>{_SOSIRE}",
        rf"\bcontract\w*\s{_SOSIRE}",
        r"\bfara contract\w*(?:\sscris|\sde munca)?\b",
        r"\bnu (?:este|e) nevoie de contract\b",
        r"\bcontract\w*\s(?:nu (?:e|este) nevoie|nu (?:facem|semnam|dam))\b",
        rf"\bsemnarea contractului\b<g3>(?:are loc|se face)\s(?:in|la)\s(?:{_COUNTRY}|sosire|destinatie)\b",
        rf"\b(?:acte\w*|hartiile|formalitatile|totul|documentele)\b<g3>(?:se\s)?(?:fac|face|rezolva|aranjeaza|pregatesc)\w*\b<g2>{_SOSIRE}",
        r"\bsemnati contractul\b<g3>(?:la sosire|acolo|dupa ce ajungeti)",
        r"\bsemne\w* contract\w*\b<g4>(?:dupa ce ajungi|la sosire|acolo)\b",
        r"\bsemn\w*\s(?:\w+\s)?(?:actele|contract\w*|hartiile)\b<g2>(?:acolo|la sosire|dupa ce ajung\w*|cand ajung\w*)\b",
        r"\bcontract\w*\b<g3>(?:il\s|o\s|vi\s|vi se\s|ti se\s|se\s)?(?:facem|face|faceti|semnam|semnati|semneaza|incheiem|incheie|primiti|primesti|da|dam)\s(?:abia\s|doar\s|numai\s)?(?:dupa|cand)\b<g4>(?:vedem|ajung\w*|sosi\w*|proba|prima luna|incep\w*|lucr\w*|va intelegeti"
        rf"|acomod\w*|adapt\w*|obisnu\w*|(?:{_NUM}|cateva)\s(?:luni|luna|saptamani)\b)",
        # list lines: "Contract: se semnează acolo", "Contract – la sosire"
        rf"\bcontract\w*(?:\sde munca)?\s?[:\-–]\s?(?:(?:se\s)?(?:semneaza|face|fac|incheie|da|primiti)\s)?(?:{_SOSIRE}|la destinatie)\b",
        # a longer subject: "contractul de muncă cu angajatorul se semnează la sosire"
        rf"\bcontract\w*\b<g5>(?:se\s)?(?:semneaza|semnat|face|incheie|incheiat)\w*\b<g3>(?:{_SOSIRE}|la destinatie)\b",
    ),
    "messenger_only_contact": (
        rf"\b(?:doar|numai|exclusiv)\s(?:pe|prin|in|la)?\s?{_MSG}\b",
        rf"\b(?:doar|numai|exclusiv)\b<g3>(?:pe|prin|in)\s{_MSG}\b",
        rf"\b{_MSG}\s(?:doar|numai)\b",
        rf"\b{_MSG}\b[^.!?\n]{{0,40}}?\b(?:fara apeluri|nu (?:sunati|suna)|nu (?:raspundem|raspund|raspunde) la (?:apeluri|telefon)|apelurile nu (?:sunt preluate|se preiau)|(?:doar|numai) (?:mesaje|mesaj|sms))",
        rf"\b(?:scrieti|scrie|scrieti-ne|contactati-ne|contact)\w*\s(?:ne\s)?(?:doar|numai)\s(?:pe|prin|in)\s{_MSG}",
        r"\b(?:doar|numai)\s(?:prin\s)?(?:mesaje|mesaj|sms)\b(?!\s(?:serioase|serios|decente|politicoase))",
        r"\bla telefon nu raspund\w*\b",
        rf"\bnu (?:raspundem|raspund|raspunde) la (?:telefon|apeluri)\b<g4>{_MSG}\b",
        # the refusal of calls a sentence later: "pe Telegram @nume. NU răspundem la apeluri"
        rf"\b{_MSG}\s?:?\s?@[\w.]{{2,30}}\W{{1,4}}(?:nu (?:raspundem|raspund|raspunde|preluam) la (?:apeluri|telefon)|nu (?:sunam|sunati|suna)\b|fara apeluri)",
    ),
    "young_women_only": (
        rf"\b(?:doar\s|numai\s)?{_FETE}\s?,?\s(?:de\s|intre\s|cu varsta(?: intre)?\s)?(?:1[89]|2[0-2])\s?(?:-|si|pana la)\s?(?:2\d|3[0-5])\b",
        r"\b(?:aspect|infatisare|exterior|fizic)\s(?:fizic\s)?(?:placut|atragator|frumos|ingrijit)\b",
        r"\bsilueta\s(?:zvelta|frumoasa|suple|supla)\b",
        r"\binaltime\w*\s(?:de la|minim\w*|peste)\s1[5-8]\d\b",
        r"\b(?:inaltime\w*|minim\w*)\s(?:de la\s|minim\w*\s|peste\s)?1[.,][5-8]\d\s?m\b",
        r"\b(?:doar|numai)\s(?:fete|tinere|domnisoare)\b",
        r"\b(?:fete|tinere|doamne|domnisoare|sotie|sotia|mireasa|partenera)\b<g6>(?:sub|pana la|pana in|nu mai mare de|maxim(?:um)?)\s(?:2\d|30)\s(?:de\s)?ani\b",
        r"\bnu mai (?:mari|in varsta) de (?:2\d|30)\b",
        r"\b(?:fete|fetele|tinere|domnisoare)\s(?:frumoase|slabe|slabute|zvelte|atragatoare|dragute|suple)\b",
        r"\b(?:o\s)?soti[ae]\s(?:\w+\s)?tanar[ae]\b|\bsoti[ae] tinerica\b",
        r"\bsex feminin\b",
        r"\b(?:1[89]|2[0-2])\s?[-–]\s?(?:2\d|3[0-5]) de ani\b",
        r"\baspect\w* placut\b",
        r"\bdomnisoar\w* tinere\b|\bfetele care au grija\b|\btinerele (?:carora|care)\b|\btinerele au\b<g3>(?:sanse|prioritate|avantaj)|\bprefera\w* (?:domnisoarele|fetele) tinere\b",
        # an age range after a singular or plural woman noun, a few words later
        r"\b(?:fete|fata|domnisoar\w*|doamn\w*|femei\w*|tinere|tanara|sotie|sotii|mireasa|mirese|partenera|candidate)\b<g4>(?:de\s|intre\s|cu varsta(?: intre)?\s|varsta\s)?(?:1[89]|2[0-2])\s?(?:-|–|si|pana la)\s?(?:2\d|3[0-5])\b",
        # a young, docile wife sought: "caut o fată tânără", "vrea soție cuminte, ascultătoare"
        r"\b(?:caut\w*|vrea|vor|vreau|vrem|doreste|doresc|dorim|isi doreste|isi doresc|prefera|preferam)\b<g3>(?:fata|fete|mireasa|mirese|partenera|domnisoara|domnisoare|nevasta|neveste)\s(?:foarte\s|mai\s|mult mai\s)?(?:tanara|tinere|tinerica|tinerele)\b",
        r"\b(?:caut\w*|vrea|vor|vreau|vrem|doreste|doresc|dorim|isi doreste|isi doresc|prefera|preferam)\b<g4>(?:fata|fete|tanara|tinere|tinerica|sotie|sotii|nevasta|neveste|mireasa|mirese|partenera|domnisoara|domnisoare)\b<g5>(?:cuminte|cuminti|ascultatoare|supus[ae]|docil[ae]|fara pretentii|modest[ae]|simpl[ae] si (?:muncitoare|harnic[ae]|gospodin[ae]|ascultatoare)|harnic[ae] si (?:cuminte|cuminti|ascultatoare|supus[ae])|care (?:asculta|stie sa asculte))\b",
        r"\b(?:sotie|sotii|nevasta|mireasa|mirese|fata|fete)\s(?:\w+\s)?(?:ascultatoare|supus[ae]|docil[ae])\b",
        # "much younger": "mult mai tânără", "cu 20 de ani mai tânără"
        r"\b(?:mult|cu\s(?:cel putin\s|minim\s|macar\s|peste\s)?\d+\s(?:de\s)?ani)\smai\s(?:tanara|tinere)\b|\bmai tanar[ae] cu\s(?:cel putin\s|minim\s|peste\s)?\d+\s(?:de\s)?ani\b",
    ),
    "send_photos": (
        r"\b(?<!cereau )(?<!cerut )(?:trimite\w*|atasa\w*|expedia\w*|necesar\w*|obligatori\w*)\b[^.!?\n]{0,60}?\b(?:costum de baie|bikini|lenjerie|in picioare|in intregime|din cap pana|in rochie|full|corp intreg|tot corpul)",
        r"\b(?<!cereau )(?<!cerut )(?:poze|fotografii|foto)\s(?:in|cu)\s(?:costum de baie|bikini|lenjerie|picioare|intregime)\b",
        r"\btrimite(?:ti)?\s(?:\d+\s)?(?:poze|fotografii|foto)\b",
        r"\bfara (?:poze|fotografii)\b<g2>nu (?:se\s)?(?:iau|analizeaza|considera)",
        r"\b(?:trimit\w*|atasa\w*|adu\w*|e nevoie de|ne trebuie|necesar\w*|obligatori\w*)\b<g3>(?:\d+\s)?(?:poz\w*|fotografi\w*|portret\w*|portofoliu\w*)",
        r"\b(?:poz\w*|fotografi\w*)\b<g3>(?:obligatori\w*|necesar\w*|importante|cu tot corpul|recente)\b",
        r"\bfara poze\b",
        r"\b(?:cateva|doua|o) poz[ae]\w*\b",
        r"\bcu\s(?:\d|doua|trei|patru|cinci|cateva)\s(?:poze|fotografii)\b",
        # one photo too: "poza în costum de baie obligatoriu"
        r"\b(?<!cereau )(?<!cerut )(?<!cer )(?:poz[ae]|fotografi[ae]|foto)\s(?:\w+\s)?(?:in|cu)\s(?:costum de baie|bikini|lenjerie|picioare|intregime|corp intreg|tot corpul)\b",
    ),
    "urgency": (
        # pressure to LEAVE or DECIDE; "angajăm urgent", "ASAP", "aplică acum" are not this
        r"\bplecare\w*\s(?:urgent\w*|imediat\w*|de urgenta|chiar maine|maine|poimaine|in aceasta|saptamana|luna (?:asta|aceasta)|luni|marti|miercuri|joi|vineri|sambata|duminica)\b",
        r"\burgent\w*\W{1,3}plecare\b",
        r"\b(?:plecam|plecarea|plecare|pleaca|pleci|plecati)\s(?:in|peste)\s(?:\d+|cateva|doua|trei)\s(?:zile|saptamani)\b",
        r"\b(?:pleaca|plecam|pleci|plecati)\b<g3>(?:vineri|luni|marti|miercuri|joi|sambata|duminica|maine|poimaine|imediat|saptamana)\b",
        r"\b(?:grupa|grupul|grupa urmatoare|urmatoarea grupa|urmatorul grup|primul grup|autocarul|microbuzul|cursa)\b<g2>(?:pleaca|pleca|porneste)\b",
        r"\blocuri\w*\s(?:sunt\s)?(?:limitate|putine)\b",
        r"\blocuri\w*\b<g4>limitate\b",
        r"\bnumar limitat de locuri\b",
        r"\bultimele\s(?:\d+\s)?(?:locuri|zile|bilete)\b(?!\s(?:ale|din|de)\b)",
        r"\b(?:mai avem|mai sunt|au mai ramas|a mai ramas)\s(?:doar\s|numai\s)?(?:\d+|cateva|putine|doua|trei|un)\s(?:locuri|loc|bilete)\b",
        r"\bnu mai sunt multe locuri\b|\blocuri\w* se (?:ocupa|termina|epuizeaza) (?:repede|rapid)\b",
        r"\blocuri\w*\b<g4>se (?:ocupa|termina|epuizeaza) (?:repede|rapid)\b",
        r"\bgrabiti-va\b|\bgrabiti va\b|\bgrabeste-te\b|\bgrabeste te\b",
        r"\bdoar pana (?:duminica|luni|marti|miercuri|joi|vineri|sambata|maine)\b",
        r"\b(?:decide|decideti|hotaraste|hotarati)\w*(?:-te|-va|-ti)?\s(?:chiar\s)?(?:azi|astazi|acum|pana (?:maine|diseara|deseara|la noapte|luni|marti|miercuri|joi|vineri|sambata|duminica))\b",
        r"\b(?:raspuns|raspunsul|raspunzi|raspundeti|confirma|confirmati|confirmi)\w*\s(?:chiar\s)?(?:azi|astazi|pana (?:maine|diseara|deseara|la noapte))\b",
        r"\bloc(?:ul|urile)\b<g3>(?:dat|luat|ocupat)\w* (?:altcuiva|de altcineva|de altii|altora)\b",
        r"\boferta\b<g3>(?:valabil\w*|expira)\s(?:doar\s)?(?:azi|astazi|pana (?:maine|diseara|vineri|duminica)|\d+ zile)\b",
        r"\bbilet\w*\b<g3>(?:sunt\s)?(?:gata|deja (?:luate|cumparate|rezervate))\b",
        r"\bnu astepta prea mult\b",
        r"\bse inchid\b<g2>(?:vineri|luni|marti|miercuri|joi|sambata|duminica|maine)\b",
        r"\brepede\W{1,3}grupul\b",
        r"\bplecare\w*\s(?:cat mai (?:curand|repede)|imediata|rapida)\b",
    ),
    "third_person_voice": (
        r"\b(?:rezervar\w*|programar\w*|intalnir\w*)\b<g2>(?:doar\s|numai\s|exclusiv\s)?(?:prin|la)\s(?:manager\w*|administrat\w*|agenti\w*|sofer\w*|operator\w*|dispecer\w*|coordonat\w*|prieten\w*|asistent\w*|secretar\w*)",
        r"\b(?:rezervar\w*|programar\w*|intalnir\w*)\s(?:doar\s|numai\s|exclusiv\s)?cu\s(?:manager\w*|administrat\w*|dispecer\w*|coordonat\w*|prieten\w*|asistent\w*|secretar\w*)",
        r"\b(?:sunati|suna|contactati|intrebati|scrieti)\s(?:la\s|pe\s)?(?:manager\w*|administrator\w*|operator\w*|dispecer\w*)\b",
        r"\b(?:managerul|administratorul|administratoarea|operatorul|dispecerul)\s(?:nostru\s|noastra\s)?(?:va|o sa|poate)\b",
        r"\bfetele noastre\b|\bdomnisoarele noastre\b",
        r"\bea (?:este|e|iubeste|vorbeste|ofera|vine|va|are|poate|nu raspunde|doar|raspunde|te)\b",
        r"\b(?:intalnire|totul|detalii|programul)\s(?:cu|despre)\sea\b",
        r"\b(?:cu|despre|pentru) ea\b",
        r"\b(?:programul|asistenta|numarul|poze\w*|disponibilitatea|prietenul|prietena|iubitul|fratele|sora|verisorul|asistentul|managerul|secretara) ei\b",
        r"\braspunde ea\b",
        r"\b(?:va|te)\s(?:ajuta|raspunde|serveste)\s(?:managerul|administrator\w*|operatorul|dispecerul|asistent\w*|biroul|agentia)\b",
        r"\b(?:managerul|administrator\w*|operatorul|dispecerul|prietenul|prietena|soferul|agentia|biroul)\s(?:meu|mea|nostru|noastra|ei)?\s?(?:imi\s|ii\s|le\s)?(?:aranjeaza|stabileste|organizeaza|programeaza|face programul|rezerva|se ocupa)\b",
        r"\bse ocupa\s(?:managerul|administrat\w*|agentia|dispecer\w*|coordonat\w*|prieten\w*|sofer\w*|biroul)\b",
        r"\bla telefon raspunde\s(?:biroul|managerul|agentia|operatorul|dispecerul|asistent\w*|administrat\w*)\b",
        r"\b(?:rezervar\w*|programar\w*)\s(?:trec|se fac|sunt facute)\sprin\s(?:biroul|agenti\w*|manager\w*|administrat\w*|dispecer\w*|noi)\b",
        r"\b(?:e|este)\s(?:roscat[ae]|bruneta|blonda|satena|inalta|supla|sportiva|studenta)\b",
        r"\b(?<!care )(?:se imbraca|adora|iubeste|danseaza|stie sa)\b",
        r"\bel\s(?:programeaza|stabileste|aranjeaza|se ocupa|va spune|face programar\w*)\b",
        r"\b(?:stabileste|aranjeaza|organizeaza)\b<g2>(?:managerul|administratorul|agentia|operatorul)\b",
        # (a marriage agency speaking of itself, or a man "looking for a lady", is not this)
        r"\bagenti\w* (?:noastra|aranjeaza)\b(?![^.!?\n]{0,100}\b(?:matrimonial\w*|casator\w*|sot|soti|sotie|mire\w*|partener\w*|cunostint\w*|femeile|relati\w*))",
        r"\b(?<!caruia )(?<!careia )(?<!carora )(?:ii|îi) plac\w*\b",
        r"\b(?:doamne|domnisoare)\s(?:elegante|noi|fermecatoare)\b|\b(?<!sunt )(?<!caut )(?<!cautam )(?<!cauta )(?<!cunosc )(?<!cunoaste )(?<!gasesc )o doamna\b(?!\s(?:intre|de \d|\d))",
        r"\bva va insoti\b",
        r"\b(?:aduc|aducem|va aducem|va aduc)\s(?:\w+\s)?(?:domnisoare|fete|doamne|tinere|fata|domnisoara)\b",
        r"\bplata se (?:face|da|lasa|achita)\s(?:la\s)?(?:mine|sofer\w*|manager\w*|administrat\w*|dispecer\w*|noi|agenti\w*)\b(?![^.!?\n]{0,40}\b(?:chitanta|bon|factura|contract))",
        r"\b(?:fetele|domnisoarele|doamnele)\snu\s(?:vorbesc|raspund)\sla telefon\b",
        r"\b(?:are|avea)\s(?:doar\s)?(?:1[89]|2\d)\s(?:de\s)?ani\b",
        # a relative offers the bride: "fiica mea caută un soț în străinătate", "căutăm ginere"
        r"\b(?:fiica|fata|nepoata|sora|verisoara|fina|cumnata|finuta)\s(?:mea|noastra)\b<g3>(?:cauta|isi cauta|doreste|isi doreste|vrea|ar vrea|ar dori|s-ar marita|s-ar casatori|se marita|e gata|este gata|e pregatita|e dispusa|este dispusa|asteapta|merita)\b",
        r"\b(?:sot|mire|barbat|partener|ginere)\w*\b<g4>(?:pentru|pt)\s(?:fiica|fata|nepoata|sora|verisoara|fina|cumnata)\s(?:mea|noastra)\b(?!\s(?:un tata|o familie|un model))",
        r"\b(?:caut|cautam|cauta|cautati)\s(?:un\s)?ginere\b|\bo (?:marit|maritam|dam)\b<g3>(?:dupa|cu)\s(?:un\s)?(?:strain|barbat|domn)\w*",
        # someone answers for her: "nu vorbește engleza, răspund eu", "scriu în numele ei"
        r"\bnu\s(?:vorbeste|stie|cunoaste|intelege|scrie)\s(?:\w+\s)?(?:engleza|limba\w*|limbi|germana|italiana|franceza|spaniola|turca|araba|greaca|ebraica|olandeza|straina|rusa)\b<g6>(?:raspund|raspundem|traduc|traducem|scriu|scriem|vorbesc|vorbim|comunic|comunicam|corespondez|corespondam)\s(?:eu|noi)\b",
        r"\b(?:raspund|raspundem|vorbesc|vorbim|scriu|scriem|corespondez|corespondam|decid|decidem|hotarasc|hotaram)\s(?:eu|noi)\s(?:in locul|in numele|pentru)\s(?:ei|fetei|fetelor|miresei|lor)\b",
        r"\bin (?:locul|numele) (?:ei|fetei|fetelor|miresei|domnisoarei|doamnei|candidatei|candidatelor)\b",
        r"\b(?:fetele|domnisoarele|doamnele|ea|fata|mireasa)\snu\s(?:vorbesc|vorbeste|stiu|stie|inteleg|intelege|cunosc|cunoaste)\s(?:\w+\s)?(?:engleza|limba\w*|limbi|romana|germana|italiana|franceza|spaniola|turca|araba|greaca|rusa|straina)\b",
        # contact through her family or the broker: "contact prin mama ei", "corespondența o poartă biroul"
        r"\b(?:prin|la|cu)\s(?:mama|tatal|tata|fratele|parintii|familia|matusa|unchiul|bunica)\s(?:ei|fetei|fetelor|miresei|domnisoarei)\b",
        r"\b(?:contact\w*|legatura|corespondenta|scrisorile|mesajele|comunicarea|discutiile)\s(?:cu\s(?:ea|fetele|domnisoarele|doamnele|candidatele|miresele)\s)?(?:se face\s|se fac\s|sunt\s|este\s|e\s|trec\s)?(?:doar|numai|exclusiv)\s(?:prin|cu|la)\s(?:manager\w*|administrat\w*|agenti\w*|birou\w*|coordonat\w*|consultant\w*|curator\w*|noi|mama|tatal|familia|parintii|reprezentant\w*|intermediar\w*)\b",
        r"\b(?:biroul|agentia|agentie|managerul|administrat\w*|consultant\w*|coordonat\w*|curator\w*|noi)\b<g2>(?:se ocupa|ne ocupam|raspunde|raspundem|gestioneaza|gestionam|citeste|citim|scrie|scriem|preia|preluam|poarta|purtam)\s(?:noi\s)?(?:de\s)?(?:toata\s|toate\s)?(?:corespondenta|scrisorile|mesajele|conversatiile|comunicarea)\b",
        r"\b(?:corespondenta|scrisorile|mesajele|comunicarea)\s(?:ei|fetei|fetelor|doamnelor|domnisoarelor|miresei|cu ea|cu fetele)\s(?:(?:o|le)\s)?(?:gestioneaza|poarta|preia|face|citeste|scrie|trec prin|se face prin)\s(?:biroul|agentia|noi|managerul|consultant\w*|coordonat\w*)\b",
        r"\b(?:mesajele|apelurile|telefonul|programarile|rezervarile)\s(?:mele\s|ei\s)?(?:le|il)\s(?:citeste|preia|face|gestioneaza|tine)\s(?:prietenul|managerul|sotul|iubitul|fratele|soferul|el|administrat\w*|agenti\w*|curator\w*)\b",
        # a manager / administrator / "curator" takes the calls and the money
        r"\b(?:managerul|administratorul|administratoarea|curatorul|curatoarea|coordonatorul|coordonatoarea|dispecerul|operatorul|soferul)\b<g3>(?:preia|raspunde la|gestioneaza|incaseaza|primeste|ia|colecteaza)\s(?:toate\s)?(?:apelurile|telefoanele|telefonul|platile|plata|banii|rezervarile|programarile|mesajele)\b",
        r"\bplat(?:a|ile)\b<g3>(?:(?:se\s)?(?:face|fac|da|dau|lasa|achita|primeste|incaseaza)\s)?(?:doar\s|numai\s|exclusiv\s)?(?:la|catre|prin|direct la|in mana)\s(?:manager\w*|administrat\w*|curator\w*|coordonat\w*|sofer\w*|dispecer\w*)\b",
        r"\b(?:banii|plata|onorariul|tariful)\s(?:il\s|o\s|ii\s)?(?:incaseaza|ia|primeste|colecteaza|tine)\s(?:managerul|administrat\w*|curator\w*|soferul|agentia|coordonat\w*)\b",
        r"\b(?:rezervar\w*|programar\w*|intalnir\w*)\b<g2>(?:doar\s|numai\s|exclusiv\s)?(?:prin|la|cu)\s(?:curator\w*|impresar\w*|peste\b|protector\w*)",
        # a man named for the bookings: "programări doar prin Mihai"
        r"\b(?:rezervar\w*|programar\w*|intalnir\w*)\s(?:se fac\s)?(?:doar|numai|exclusiv)\sprin\s(?!(?:telefon|sms|mesaj|msg|whatsapp|telegram|viber|signal|messenger|e-?mail|mail|apel|site|aplicati|formular|mine|noi|pagina|cont|dm|privat|inbox|chat|instagram|facebook|link|numar|intermediul|programare|rezervare)\w*\b)[a-z]{3,}\b",
        # the women housed by the advertiser, escorted by "our person"
        r"\b(?:fetele|domnisoarele|doamnele|insotitoarele|modelele)\b<g2>(?:locuiesc|stau|dorm|sunt cazate|traiesc)\s(?:impreuna\s)?(?:la noi|in apartament\w*\s(?:nostru|noastre|agentiei|firmei)|in casa (?:agentiei|noastra)|la agenti\w*)\b",
        # presented by someone else: "vă prezint pe prietena mea", "faceți cunoștință cu"
        r"\b(?:va|iti)\s(?:prezint|prezentam|recomand|recomandam)\spe\b|\bvi-o\s(?:prezint|prezentam|recomand|recomandam)\b|\b(?:faceti|fa)\scunostinta cu\b",
        # a relative introduces herself as such: "sunt mama ei", "suntem părinții fetei"
        r"\b(?:sunt|suntem)\s(?:mama|tatal|sora|fratele|matusa|unchiul|bunica|parintii|nasa|nasul)\s(?:ei|fetei|fetelor|miresei|domnisoarei)\b",
        # the broker presents "its" women
        r"\b(?:miresele|candidatele|doamnele|domnisoarele|clientele)\snoastre\b",
    ),
    "multiple_workers_one_contact": (
        r"\b(?:fete|domnisoare)\snoi\s(?:in\s)?(?:fiecare|in fiecare)\s(?:saptamana|zi|luna)\b",
        r"\b(?:avem nevoie de|angajam|cautam|luam|recrutam|cauta)\s(?:\d{1,3}|mai multe|multe|zece|douazeci|cinci)\s(?:de\s)?(?:fete|tinere|femei|domnisoare|colege|insotitoare)\b",
        r"\b(?:un singur|acelasi)\s(?:numar|telefon|manager|coordonator|contact)\b",
        r"\bgrupuri de fete\b|\bgrupe noi\b",
        r"\b(?:selectie|alegere)\s(?:mare|larga)\sde\s(?:fete|domnisoare)\b",
        r"\b(?:mai multe|cateva|\d{1,3})\s(?:fete|domnisoare)\s(?:disponibile|necesare)\b",
        r"\b(?:doua|trei|patru|cinci|sase|\d{1,2})\s(?:domnisoare|fete|doamne|tinere)\s(?:noi|disponibile)\b",
        r"\bavem\b<g4>(?:fete|doamne|domnisoare|tinere|insotitoare)\b",
        r"\b(?:grupuri|fete|doamne|domnisoare)\s(?:noi|diferite)\s(?:in\s)?fiecare\b",
        r"\b(?:doamne|doamnele|fete) noi\b<g3>(?:alatur\w*|alatura)\b|\bni s-?\s?au alaturat\b|\bni se alatura\b",
        r"\b(?:alte|celelalte)\s(?:insotitoare|doamne|fete)\b",
        # an agency offering "ladies" or "girls": "Agenție de companie: doamne frumoase din ..."
        r"\bagenti\w*\s(?:de\s)?(?:companie|escort\w*|insotitoare|insotire|dame de companie)\b[^.!?\n]{0,40}?\b(?:doamne|fete|domnisoare|modele|insotitoare|tinere)\b",
        # "we take girls abroad"
        rf"\b(?:ducem|luam|trimitem|scoatem|plasam|aducem)\s(?:\w+\s)?(?:fete|domnisoare|tinere|doamne|insotitoare|modele|hostese)\b<g3>(?:in|la|peste|spre)\s(?:strainatate|hotare|afara|{_COUNTRY})\b",
    ),
    "new_in_town": (
        r"\bnou[aă]? in (?:oras|orasul)\b",
        r"\b(?:tocmai|abia)\s(?:am|a)\s(?:sosit|venit|ajuns)\b",
        r"\b(?:doar|numai)\s(?:cateva zile|aceasta saptamana|saptamana aceasta)\b",
        r"\bpentru prima data in\b",
        r"\bin turneu\b",
        r"\bproaspat\w*\s(?:sosit\w*|venit\w*|ajuns\w*)\b",
        r"\bproaspat sosit\w*\b",
        r"\b(?:noua|nou|o fata noua) in\b",
        r"\babia\s(?:s-a\s|m-am\s|am\s|a\s)?(?:venit\w*|sosit\w*|ajuns\w*|mutat\w*)\b|\bsosit\w* de curand\b",
        r"\b(?:venit\w*|mutat\w*|ajuns\w*)\s(?:de curand|recent)\b",
        r"\b(?:fete|domnisoare|doamne)\snoi\W{1,3}(?:venite|sosite|aduse)\b",
        r"\bprima (?:data|oara) in\b",
        r"\b(?:in|o) vizita in\b|\bsunt in vizita\b|\be in vizita\b",
        r"\b(?:doar|numai)\b<g3>(?:saptamana asta|pentru scurt timp|pentru cateva zile|pana (?:luni|marti|miercuri|joi|vineri|sambata|duminica))\b",
        r"\bpentru (?:cateva zile|scurt timp)\b",
        r"\btocmai m-?\s?am mutat\b",
        r"\b(?<!sa )calatoresc\b",
        r"\bsunt in\b<g2>pana (?:luni|marti|miercuri|joi|vineri|sambata|duminica)\b",
        # "tocmai au sosit", "abia venite", "venite acum în București"
        r"\b(?:tocmai|abia|recent|proaspat)\s(?:(?:am|a|au|s-au|s-a|ne-au|ne-am|m-am)\s)?(?:sosit|venit|ajuns|aterizat|mutat|adus)\w*",
        r"\b(?:venit\w*|sosit\w*|ajuns\w*|aduse|mutat\w*)\s(?:acum(?!\s(?:\d+|o|un|doi|doua|trei|patru|cinci|cativa|cateva|multi|multe)\s)|azi|ieri|aseara|de ieri|de azi|chiar acum|saptamana (?:asta|aceasta|trecuta)|in aceasta saptamana)\b",
        # touring: "în fiecare săptămână alt oraș", "mă mută în alt oraș"
        r"\b(?:in fiecare|la fiecare|la cateva)\s(?:saptamana|zile|luna)\s(?:alt|in alt|intr-un alt)\s?oras\b",
        r"\b(?:ma|o|le|te|ne)\s(?:muta|mut|mutam|trimit|trimite)\s(?:\w+\s)?(?:in|intr-un)\s(?:alt|alte|fiecare)\s(?:oras|orase|localitate)\b",
    ),
    "available_24_7": (
        r"\b24\s?/\s?7\b",
        r"\bnon[- ]?stop\b",
        r"\bzi si noapte\b|\bzi sau noapte\b",
        r"\b(?<!poate )(?<!pot )(?<!poti )(?<!puteti )oricand\b(?!\s(?:sa\s)?(?:refuz|renunt|anul|opri|pleca))",
        r"\b(?:la|in) orice ora\b",
        r"\bfara zile libere\b",
        r"\b7 zile din 7\b|\b7 zile pe saptamana\b|\bsapte zile din sapte\b",
        r"\b24 (?:de\s)?ore\b",
        r"\b(?:mereu|tot timpul) la telefon\b",
        r"\bserile tarzii\b|\bdiminetile devreme\b",
        r"\bcand va convine\b",
        # "disponibilă toată ziua", "târziu sau devreme, sunt aici"
        r"\bdisponibil\w*\s(?:\w+\s)?(?:toata ziua|toata noaptea|permanent|mereu|non-?stop|la orice ora|in orice zi|in fiecare zi|tot timpul|zilnic)\b",
        r"\b(?:tarziu sau devreme|devreme sau tarziu|ziua si noaptea|noapte si zi|ziua sau noaptea)\b",
    ),
    "restricted_movement": (
        r"\bnu (?:aveti|ai|au|are|am|avem) voie sa (?:iesiti|iesi|iasa|ies|iesim|plecati|pleci|plec|plecam|parasiti|parasesti|parasesc|umbl\w*)\b",
        r"\b(?:ma|o|le)\s(?:duce|duc|ducem|aduce)\s(?:\w+\s)?(?:la fiecare|peste tot|la toate|la cine|la intalniri|la clienti)\b",
        r"\b(?:te|va)\s(?:ducem|duce)\s(?:\w+\s)?(?:peste tot|la fiecare)\b",
        r"\b(?:ma|o|te|le|va|ne)\s(?:duce|duc|ducem)\b<g3>si inapoi\b",
        r"\b(?:ma|o|le)\s(?:duc|duce)\s(?:ei|el|ea)\b",
        r"\b(?:mereu|intotdeauna|tot timpul)\s(?:vine|merge|e|este)\s(?:cineva|soferul|managerul)\scu\s(?:mine|ea|ele|tine|voi)\b",
        r"\bnu (?:se iese|iese|ies|iesiti)\b<g2>(?:singur\w*|din|afara|seara)",
        r"\bnu\s(?:umblati|umbli|umbla|mergeti|mergi|merge)\b<g2>singur\w*\b",
        r"\b(?:iesirile|iesirea|iesiri|iesitul|deplasarile|plimbarile)\b<g5>(?:doar|numai|exclusiv)\s(?:impreuna\s)?(?:cu|insotit\w*)\b",
        r"\b(?:iesirile|iesirea|iesiri|iesitul|deplasarile)\b<g5>(?:se anunta|se aproba|cu aprobare\w*|cu permisiune\w*|cu acordul|interzis\w*|le organizeaza|doar cu permisiune\w*|doar cu acordul|doar cu aprobare\w*)\b",
        r"\b(?:doar|numai|mereu|intotdeauna)\s(?:cu|insotit\w* de)\s(?:soferul|supraveghetorul|sef\w*|coordonat\w*|paznic\w*|managerul)\b",
        r"\b(?:sunt|e|este|vor fi|esti|sunteti|mereu)\s(?:mereu\s|tot timpul\s|permanent\s)?insotit\w*\s(?:de|la)\b<g3>(?:personal\w*|sofer\w*|coordonat\w*|manager\w*|supraveghetor\w*|paznic\w*|oameni\w*|cineva|agenti\w*|noi)\b",
        r"\b(?:le|o|va|te|ii|vi)\s(?:duc|ducem|duce)\s(?:si|,)\s(?:le|o|va|te|ii|vi)\s(?:iau|luam|ia|aduc|aducem|aduce)\b",
        r"\btelefo\w*\b<g4>(?:se\s)?(?:predau|preda|iau|ia|strang|colecteaza|raman\w*|ramane)\b<g2>(?:la\s)?(?:manager\w*|sef\w*|coordonat\w*|patron\w*|noi|administrat\w*|sofer\w*|birou)\b",
        r"\btelefoanele\s(?:se\s)?(?:predau|iau|strang|colecteaza)\b",
        r"\bfara iesiri\b",
        r"\bsoferul nostru\s(?:o\s|va\s|te\s)?(?:insoteste|aduce|duce)\b|\bo duce soferul\b",
        r"\b(?:sta|stau|locuieste|locuiesc|locuiti|locuiesti)\s(?:la noi|in apartament\w* (?:nostru|noastre|agentiei))\b",
        r"\binchis\w* (?:in|cu cheia)\b",
        r"\bnu se poate <~parasi>\b",
        r"\bnu (?:va|te|ii|le|o|ne|ma) (?:lasa|lasam|lasa nimeni) sa (?:iesi|iesiti|iasa|plecati|pleci|plece|parasiti|mergi|mergeti)\b",
        r"\bnu (?:e|este) nevoie sa (?:iesi|iesiti|pleci|plecati|mergi|mergeti)\b",
        r"\btelefonul\b<g2>(?:se\s)?(?:preda|ia|lasa)\b<g2>(?:la\s)?(?:manager\w*|sef\w*|coordonat\w*|patron\w*|noi|administrat\w*|sofer\w*|birou|intrare)",
        r"\bnu (?:trebuie sa mergi nicaieri|e nevoie sa iesi)\b",
        r"\bpreferam ca oamenii sa stea\b",
        r"\bte ducem la lucru si inapoi\b",
        # the driver brings them and takes them back: "le aduce la hotel și le ia înapoi"
        r"\b(?:le|o|te|va|ii)\s(?:aduce|aducem|duce|ducem|lasa|lasam)\b(?![^.!?\n]{0,30}\b(?:aeroport|autogara|gara)\b)<g3>(?:si|,)\s(?:le|o|te|va|ii)\s(?:ia|iau|luam|recupereaza|recuperam|asteapta|asteptam)\b",
        r"\bsofer(?:ul|ii)\s(?:nostru\s|nostri\s|agentiei\s)?(?:o|le|va|te|ii|vi)\s(?:insoteste|insotesc|aduce|aduc|duce|duc|ia|iau|livreaza|transporta)\b",
        # outings only with the family or the boss: "ieși cu familia duminica la biserică"
        r"\b(?:iesi|iesiti|iese|ies|iesim)\s(?:\w+\s)?(?:doar|numai|exclusiv)\s(?:impreuna\s)?(?:cu|insotit\w*)\s",
        r"\b(?:iesi|iesiti|iese)\s(?:doar\s|numai\s)?(?:cu|impreuna cu)\s(?:familia|noi|unul dintre noi|patron\w*|sef\w*|sofer\w*|angajator\w*|stapan\w*)\b<g3>(?:duminica|sambata|o data|o zi|o dupa-amiaza|o dupa amiaza|la biserica)\b",
        r"\binsotit\w*\s(?:mereu\s|tot timpul\s|permanent\s)?de\s(?:persoana|omul|oamenii)\s(?:noastra|nostru|nostri|de incredere)\b",
    ),
    "marriage_abroad_fast": (
        rf"\b(?:casator\w*|nunt\w*|marit\w*|cunun\w*|logodn\w*)\b<g3>(?:in|timp de|peste|dupa)\s(?:cel mult\s|maxim(?:um)?\s|doar\s|numai\s)?{_NUM}\s(?:de\s)?{_SPAN}\b",
        rf"\b(?:plecati|plecare|plecarea|mutati-va|mutare|plecam|calatori\w*)\b<g6>(?:in|peste)\s(?:cel mult\s|maxim(?:um)?\s)?{_NUM}\s(?:de\s)?{_SPAN}\b",
        rf"\b(?:plec\w*|pleaca|pleci|mut\w*|mergi|merge|mergeti)\s(?:in\s)?(?:strainatate|peste hotare|afara|in tara lui|la el)\b<g3>(?:in|peste|dupa|timp de)\s(?:cel mult\s|maxim(?:um)?\s|doar\s)?{_NUM}\s(?:de\s)?{_SPAN}\b",
        r"\b(?:casatorie|nunta|viza)\s(?:rapida|rapid|expres|garantata)\b",
        r"\b(?:nunta|casator\w*|cunun\w*|marit\w*|ne luam)\b<g3>(?:cat mai repede|cat mai curand|cat de repede|cat de curand|imediat|repede|rapid|urgent|in curand|in scurt timp|fara amanare|fara intarziere|fara sa mai asteptam)\b",
        r"\b(?:casator\w*|nunt\w*|marit\w*|cunun\w*)\b<g4>(?:pana la (?:vara|toamna|iarna|primavara|craciun|anul nou|pasti|sfarsitul (?:anului|verii|lunii|sezonului))|luna viitoare|anul acesta"
        r"|luna (?:asta|aceasta)|sezonul (?:acesta|asta|urmator)|(?:in\s)?vara (?:asta|aceasta)|(?:in\s)?toamna (?:asta|aceasta)|saptamana (?:asta|viitoare))\b",
        rf"\bnunta\b<g4>la\s{_NUM}\s(?:de\s)?{_SPAN}\sdupa\b",
        rf"\bin\s{_NUM}\s(?:de\s)?{_SPAN}\s(?:e|este|totul e|totul este)\sgata\b",
        rf"\b(?:procedura|totul|procesul|dosarul)\b<g2>dureaza\s(?:cam\s|doar\s|aproximativ\s|maxim\s)?{_NUM}\s(?:de\s)?{_SPAN}\b",
        r"\bplecati imediat\b",
        r"\b(?:plec\w*|mut\w*)\b<g4>imediat dupa\s(?:cununie|nunta|casatorie|logodna)\b",
        rf"\bviz[aei]\w*\b<g4>(?:in|timp de)\s(?:doar\s|numai\s)?{_NUM}\s(?:de\s)?{_SPAN}\b",
        r"\bcasator\w* cu un strain si (?:plecati|pleaca|mutati)\b",
        r"\b(?:nunta|casatoria)\b<g2>garantat\w*\b",
        r"\bgata sa (?:ma mut|plec) (?:in tara (?:ta|dumneavoastra)|in strainatate)\b",
        r"\bvreau sa ma marit\b<g3>(?:anul acesta|curand|repede)\b",
        r"\bcasator\w*\b<g3>(?:si\s)?(?:pleaca|pleci|locuieste|locuiesti|muta)\b",
        r"\b(?:pleaca|plec|pleci|incepe|incep)\b<g3>(?:repede|curand|mai devreme)\b",
        r"\b(?:curand|repede)\b<g3>(?:o viata noua|peste hotare|in strainatate)\b",
        r"\bo viata noua\b<g3>(?:in strainatate|peste hotare)\b",
        r"\b(?:deja\s)?casatorit\w* dupa (?:cateva|doua|trei|\d+) (?:luni|saptamani)\b",
        r"\b(?:lucrurile|totul) (?:pot|poate) (?:sa )?merg\w* (?:foarte )?(?:repede|rapid)\b",
        r"\bsa ma marit curand\b",
        # departure "as soon as possible"
        r"\bplecarea?\b<g2>(?:cat mai (?:curand|repede)|imediat\w*|rapid\w*|in curand|urgent\w*)\b",
        # a husband found within a stated time: "vă găsim soț în Germania în maxim 2 luni"
        rf"\b(?:sot|mire|barbat|partener|perechea|jumatatea)\w*\b<g6>in\s(?:cel mult|maxim(?:um)?|doar|numai|sub|mai putin de)\s{_NUM}\s(?:de\s)?{_SPAN}\b",
        rf"\b(?:gasim|gaseste|gasiti|gasesti)\b<g6>(?:in|sub|timp de)\s(?:cel mult\s|maxim(?:um)?\s|doar\s|numai\s)?{_NUM}\s(?:de\s)?{_SPAN}\b",
        # a stay of days or weeks until the wedding: "stai acolo doar 2-3 săptămâni până la cununie"
        rf"\b{_NUM}\s(?:de\s)?{_SPAN}\s(?:pana la|pana se face|si se face|si urmeaza)\s(?:cunun\w*|nunta|casatori\w*|logodn\w*|semnarea actelor)\b",
        # the papers done in days or weeks: "dosarul se face în 2 săpt."
        rf"\b(?:dosarul|actele|totul|procedura|procesul|viza|hartiile|formalitatile)\b<g2>(?:se face|se fac|se rezolva|e gata|este gata|sunt gata|se termina|se finalizeaza|dureaza)\s(?:doar\s|numai\s|cam\s|in\s|in doar\s|in maxim\s|in cel mult\s){{0,2}}{_NUM}\s(?:de\s)?{_SPAN}\b",
        # "în câteva săptămâni ești la el"
        rf"\bin\s(?:doar\s|numai\s|maxim\s)?{_NUM}\s(?:de\s)?{_SPAN}\s(?:esti|vei fi|veti fi|sunteti|plecati|pleci|te muti|va mutati|ajungi|ajungeti)\b",
    ),
    "agency_pays_travel": (
        r"\b(?:mirele|barbatul|barbatii|sotul|agentia|domnul|noi|viitorul sot|el)\s(?:va\s)?(?:plateste|platesc|achita|acopera|suporta|platim|achitam|cumpara|cumparam)\s(?:tot\s|toate\s)?(?:cheltuielile\s(?:de\s)?)?(?:drum\w*|bilet\w*|calatori\w*|viz\w*|zbor\w*|transport\w*)",
        r"\b(?:bilet\w*|drum\w*|calatori\w*|viz[aei]\w*|zbor\w*)\b<g3>(?:sunt\s|este\s)?(?:platit\w*|achitat\w*|acoperit\w*)\s(?:integral\s)?(?:de\s)?(?:catre\s)?(?:agentie|agentia|mire|barbat|barbati|noi|sot|viitorul sot|domn)\w*",
        rf"\b{_VOIAJ}\b<g6>(?:sunt\s|este\s|e\s)?(?:platit\w*|achitat\w*|acoperit\w*|organizat\w*|asigurat\w*|gratuit\w*)\b",
        rf"\b{_VOIAJ}\b<g4>(?:il|o|le|ii|i-l)\s(?:platim|achitam|platesc|plateste|acopera|acoperim|cumpara|cumparam)\b",
        rf"\b(?:ne ocupam|se ocupa)\b<g2>(?:de|cu)\s{_VOIAJ}",
        rf"\b(?:mirele|barbat\w*|sotul|viitorul sot|el|noi|agentia)\b<g2>(?:plat\w*|achit\w*|acoper\w*|suport\w*|cumpar\w*|organiz\w*|aranj\w*|asigur\w*)\b(?!\s(?:singur\w*|propri\w*))<g3>{_VOIAJ}",
        rf"\b(?:el|ea|mirele|domnul|barbatul)\s(?:i-a|ti-a|v-a|mi-a)\s(?:platit|achitat|cumparat)\s{_VOIAJ}",
        rf"\b(?:iti|va|ii|ti|vi)\s(?:va|vom|vor|o sa)\s(?:plati|achita|cumpara|acoperi|suporta|rezerva|trimite)\b<g2>{_VOIAJ}",
        rf"\b{_VOIAJ}\b<g3>(?:pe cheltuiala|pe banii|pe costul)\s(?:agentiei|lui|mirelui|noastra|domnului|sotului)\b",
        rf"\bnu plate\w* (?:nimic\s)?(?:pentru\s)?{_VOIAJ}",
        rf"\bnu vei avea nevoie de bani pentru {_VOIAJ}",
        rf"\b{_VOIAJ}\s(?:e|este)\spe noi\b",
        rf"\b(?:platim|achitam|acoperim|cumparam|suportam)\b<g3>{_VOIAJ}",
        rf"\b(?:iti|va|ti|vi)\s(?:platesc|achit|cumpar|acopar|suport|trimit)\b<g2>{_VOIAJ}",
        rf"\b(?:de|cu)\s{_VOIAJ}\s(?:se ocupa|ne ocupam|se vor ocupa)\b",
        r"\bsa te invite si sa aranjeze\b",
        # the man or the broker pays, in any word order: "drumul și viza le achită mirele"
        rf"\b{_VOIAJ}\b<g4>(?:il|o|le|ii|i-l)\s(?:achita|suporta|asigura|organizeaza|ia|iau|acopera|plateste|platesc|cumpara)\s(?:el|mirele|sotul|viitorul sot|domnul|barbatul|logodnicul|fratele|agentia|noi)\b",
        rf"\b(?:mirele|barbat\w*|sotul|viitorul sot|el|agentia|domnul|logodnicul)\b<g5>(?:plat\w*|achit\w*|acoper\w*|suport\w*|cumpar\w*|ia|iau)\b(?!\s(?:singur\w*|propri\w*))<g3>{_VOIAJ}",
        rf"\b{_VOIAJ}\b<g4>(?<!\bil )(?<!\bo )(?<!\ble )(?<!\bii )(?:achitam|platim|acoperim|suportam|cumparam|asiguram)\s(?:noi|integral|tot)\b",
        # money sent for the journey: "îi trimit eu bani de drum"
        r"\b(?:ii|iti|va|le|ti|vi)\s(?:trimit|trimite|trimitem|dau|da|dam|ofer|ofera|oferim)\s(?:eu\s|el\s|noi\s)?(?:si\s)?(?:bani\w*|suma)\s(?:de|pentru|pt)\s(?:drum|bilet\w*|calatori\w*|viza|avion|zbor|transport)\b",
        r"\b(?:bilet\w*|drum\w*|calatori\w*|viz[aei]\w*|zbor\w*)\s?[:\-–]\s?(?:(?:il|o|le)\s)?(?:platit\w*|achitat\w*|suportat\w*|asigurat\w*|inclus\w*|gratuit\w*|de la (?:mire|sot|domn|agentie|noi))",
        r"\b(?:el|mirele|domnul|sotul|viitorul sot|barbatul|logodnicul)\s(?:va\s|iti\s|va va\s)?(?:acopera|plateste|suporta|achita)\s(?:tot|totul|toate cheltuielile)\b(?!\s(?:casei|gospodariei|lunare|familiei|lui))",
    ),
    "unlicensed_agency": (
        # explicit cues only; an agency without a checked licence is agency_unverified
        r"\blicent\w*\b<g3>(?:in curs de|in proces de|se) (?:reinnoire|prelungire|obtinere|perfectare|reinnoieste)\b",
        r"\bnu (?:avem|ne trebuie)\s(?:nevoie de\s)?(?:o\s)?licent\w*\b",
        r"\b(?:lucram|lucreaza|activam|activeaza|functionam|functioneaza|recrutam|plasam|agenti\w*)\b<g3>(?:fara|nu avem|nu are|nu ne trebuie)\s(?:o\s)?licent\w*\b",
        r"\b(?:lucram|lucreaza|activam|activeaza|lucrez)\s(?:neoficial|la negru|fara acte|fara contracte|fara forme legale)\b",
        r"\b(?:lucru|munca|angajare|plasare)\s(?:in strainatate\s)?(?:neoficial\w*|la negru|fara forme legale)\b",
        r"\b(?:lucru|de lucru|plasare|angajare|casator\w*)\b<g4>fara birocratie\b",
        r"\bprin (?:cunostinte|contacte personale|contacte private|relatii personale)\b",
        r"\bnelicentiat\w*\b",
        r"\bfara birou\b<g2>ne vedem\b",
        # a licence that lapsed or is pending: "licența nr. 1187/2019, în curs de reînnoire"
        r"\b(?:licent\w*|autorizati\w*)(?:\s(?:nr\.?|numarul)\s?[a-z0-9/\-]{1,20})?<g3>(?:in curs de|in proces(?:ul)? de|in procedura de|in asteptarea)\s(?:reinnoire|prelungire|obtinere|perfectare|eliberare|autorizare|aprobare|reautorizare|emitere)\b",
        r"\b(?:licent\w*|autorizati\w*)(?:\s(?:nr\.?|numarul)\s?[a-z0-9/\-]{1,20})?<g3>(?:(?:a|au|e|este)\s)?(?:expirat\w*|suspendat\w*|retras\w*|anulat\w*)\b",
        r"\b(?:licent\w*|autorizati\w*)\b<g2>(?:se\s)?(?:reinnoieste|prelungeste|urmeaza sa fie (?:reinnoit|prelungit|emis|eliberat)\w*|(?:e|este)\s(?:in lucru|in asteptare|in pregatire|in analiza))\b",
        r"\b(?:asteptam|urmeaza sa (?:primim|obtinem)|(?:obtinem|primim) (?:in curand|luna viitoare))\s(?:\w+\s)?(?:licent\w*|autorizati\w*)\b",
        r"\b(?:lucram|lucreaza|activam|activeaza|functionam|functioneaza|recrutam|plasam)\b<g3>fara\s(?:o\s)?(?:licent\w*|autorizati\w*|acreditar\w*)\b",
        r"\b(?:agenti\w*|firma|suntem)\s(?:\w+\s)?fara\s(?:o\s)?(?:licent\w*|autorizati\w*)\b",
    ),
    "wages_cut_for_costs": (
        r"\b(?:mancare\w*|masa|mesele|cazare\w*|chiri\w*|transport\w*|camer\w*|uniform\w*|echipament\w*|haine\w*|amen[dz]\w*|utilitat\w*|scule\w*|unelte\w*|garderob\w*|publicitat\w*|costu\w*|cheltuiel\w*)\b<g8>"
        rf"(?:se\s)?(?:(?:le|il|o)\s)?(?:retin\w*|scad\w*|scaz\w*|deduc\w*|dedus\w*|opres\w*|oprit\w*|taie|taiat\w*|ia|iau|socot\w*|rezolva|plateste|platesc)\b<g3>(?!(?:din|de pe|prin)\s(?:primul|primele|prima)\b){_FROM_PAY}",
        r"\bse\s(?:retin|retine|scad|scade|deduc|deduce|opresc|opreste|taie)\s(?:\w+\s)?(?:cazarea|masa|mancarea|chiria|amenzile|transportul|utilitatile|uniforma|echipamentul|garderoba|publicitatea|camera|\d{1,2}\s?%)",
        r"\bse\s(?:retin|retine|scad|scade|opreste|opresc|ia|iau|taie|deduc|deduce)\s<money>\s?(?:/|pe)\s?(?:saptamana|luna|zi)\b",
        rf"\bse\s(?:retin|retine|scad|scade|opreste|opresc|ia|iau|taie|deduc|deduce)\s(?:cate\s)?<money>[^.!?\n]{{0,30}}?\b(?:din|de pe)\s(?:\w+\s)?(?:{_PAY}|banii tai|banii vostri|castig\w*)",
        # "cazarea ... se scade și ea din bani"
        r"\b(?:mancare\w*|masa|mesele|cazare\w*|chiri\w*|transport\w*|camer\w*|uniform\w*|echipament\w*|utilitat\w*|amen[dz]\w*|costu\w*|cheltuiel\w*)\b<g8>(?:se\s)?(?:(?:le|il|o)\s)?(?:retin\w*|scad\w*|scaz\w*|deduc\w*|opres\w*|oprit\w*|taie|taiat\w*)\b<g3>(?:din|de pe)\s(?:banii|bani)\b(?!\s(?:firmei|angajatorului|patronului|nostri|agentiei))",
        r"\bse\s(?:retin|retine|scad|scade|opresc|opreste|taie|deduc|deduce)\b<g3>(?:pentru|de)\s(?:cazare|masa|mancare|chirie|transport|uniform\w*|echipament\w*|amenzi|utilitati|haine|fiecare greseal\w*|greseli|intarzier\w*)",
        rf"\bse\s(?:taie|scade|opreste|retine|ia)\s(?:din|de pe)\s(?:\w+\s)?{_PAY}\b<g4>(?:pentru|la)\s(?:fiecare\s)?(?:greseal\w*|intarzier\w*|abater\w*|cazare|masa|mancare|chirie|transport|uniform\w*|echipament\w*|refuz\w*)",
        r"\b(?:plata|banii|leafa)\b<g2>se\s(?:face|da|primeste|plateste)\s(?:doar\s|numai\s|abia\s|integral\s)?la (?:sfarsitul|finalul|terminarea) (?:sezonului|contractului|perioadei)\b",
        r"\b(?:primesti|primiti|primeste|primesc)\s(?:banii|salariul|leafa|plata)\s(?:doar\s|numai\s|abia\s)(?:la (?:final|sfarsit|plecare)|cand se termina|dupa terminarea|la terminarea|la sfarsitul)\b",
        r"\bretineri\w*\s(?:din salariu\s)?(?:pentru|de)\b<g2>(?:cazare|mancare|masa|transport|uniforma|echipament|amenzi|haine)",
        rf"\bamen[dz]\w*\b<g4>{_FROM_PAY}",
        r"\bamen[dz]\w*\s(?:pentru|la)\s(?:intarzier\w*|greseli|abateri|refuz\w*)\b",
        r"\bplatesti amenzi\b",
        r"\bsalari\w*\b<g3>se\s(?:plateste|da|primeste|achita|elibereaza)\s(?:doar\s|numai\s|abia\s|impreuna\s|integral\s)?(?:la (?:sfarsitul|finalul|terminarea) (?:contractului|sezonului|perioadei|lunii a (?:doua|treia))|dupa (?:\d+|doua|trei|sase) luni|dupa (?:terminarea|incheierea|finalul|sfarsitul) (?:sezonului|contractului)|la plecare)",
        r"\bsalari\w*\b<g3>se\s(?:plateste|da|primeste)\s(?:doar|numai|abia|impreuna)\sla (?:sfarsitul|finalul)\b",
        r"\bca garantie (?:ca|sa)\s(?:ramai|ramaneti|nu pleci|nu plecati|stai|stati|termini|terminati)\b",
        r"\b(?:banii|salariul|plata)\s(?:(?:ii|il|o)\s)?(?:primiti|primesti|primeste|primesc|luati|iei)\s(?:doar\s|numai\s|abia\s|tot\s)?(?:la (?:final|sfarsit|plecare|terminarea)|cand plecati|cand pleci|dupa (?:terminarea|incheierea))\b",
        r"\b(?:retinem|pastram|oprim)\s(?:primul salariu|prima (?:luna|chenzina)|o parte din salariu|salariul primei luni)\b",
    ),
    "ethnicity_emphasis": (
        r"\bexotic\w*\b",
        r"\b(?:asiatic\w*|latino|latina|brazilian\w*|thailandez\w*|filipinez\w*|african\w*|slav\w*|rusoaic\w*|ucrainean\w*|moldovenc\w*|orientale?|araboaic\w*|mulatr\w*|cubanez\w*|columbian\w*)\s(?:si\s\w+\s)?(?:fete|fata|frumusete|frumuseti|domnisoar\w*|femei|femeie|papusa|printesa)\b",
        r"\b(?:fete|frumusete|frumuseti|femei)\s(?:asiatic\w*|exotic\w*|latino|slav\w*|brazilien\w*|orientale|din thailanda|din asia|din brazilia|din africa)\b",
        rf"\b(?:fete|doamne|domnisoare|tinere|femei|frumuseti|insotitoare)\b<g2>din\s{_ORIGIN}\b",
        rf"\b(?:venit\w*|aduse|sosit\w*)\b<g3>din\s{_ORIGIN}\b",
        rf"\b{_NATIONS}\b",
        # the origin a few words after the women: "fete tinere, 18-21 ani, proaspete, din Moldova"
        rf"\b(?:fete|domnisoare|tinere|doamne|femei|insotitoare|frumuseti)\b<g6>din\s{_ORIGIN}\b",
    ),
    "youth_emphasis": (
        r"\bfoarte (?:tanara|tinere|tinerica|tanar)\b",
        r"\bproaspat\w*\b<g2>(?:tanar\w*|tiner\w*|fete|fata|fete noi|18)\b",
        r"\b(?:tinere|fete|fata|tanara|domnisoare)\b<g3>proaspe(?:te|ta)\b",
        r"\b(?:minion\w*|mignon\w*|micut\w*|micuta|tinerica|tinerele)\b",
        r"\babia (?:a\s)?(?:implinit|facut) 18\b",
        r"\b(?:aspect|arata)\s(?:foarte\s)?tanar\w*\b",
        r"\binocent\w*\b",
        r"\btimid\w*\b",
        r"\bmica de statura\b",
        r"\b(?:eleva|scolarit\w*|adolescent\w*)\b",
        r"\b18\s?[-–]\s?(?:19|20)\s(?:de\s)?ani\w*\b",
        r"\banisori\b",
        r"\b(?:are|avea)\s(?:doar\s)?(?:18|19)\s(?:de\s)?ani\b",
    ),
    "deployment_unnamed_employer": (
        # people (not a CV) sent to an employer the recruiter does not name
        r"\b(?:(?:vor|veti|vei|vom|sunteti|esti|sunt|va)\s(?:fi\s)?(?:trimis|plasat|repartizat|detasat|distribuit|redistribuit)\w*|(?:va|te|ii|le|vi)\s(?:trimitem|plasam|repartizam|detasam|distribuim|trimite|plaseaza|repartizeaza|vom trimite|vom repartiza)"
        r"|(?:repartizam|detasam|plasam|trimitem)\s(?:muncitori\w*|oameni\w*|candidat\w*|lucratori\w*|personal\w*))\b<g4>"
        rf"(?:la|catre|in|pentru)\s(?:unul dintre\s|una dintre\s|unii dintre\s|un\s|o\s)?(?:client\w*|partener\w*|angajator\w*|beneficiar\w*|firm\w*|compani\w*|ferm\w*|fabric\w*|santier\w*)\b{_NAMED_SOON}",
        r"\b(?:repartizare\w*|distribuire\w*|plasare\w*)\b<g4>(?:se face|se fac|se stabileste|se decide)\s(?:abia\s|doar\s)?(?:la sosire|dupa sosire|acolo|pe loc|in functie de cerere)\b",
        r"\b(?:vei afla|veti afla|aflati|afli)\s(?:abia\s|doar\s)?(?:la sosire|acolo|dupa sosire|la destinatie)\b<g3>(?:la ce|unde|pentru cine|firma|angajator\w*)\b",
        r"\b(?:vei afla|veti afla|aflati|afli)\s(?:la ce firma|unde lucr\w*|pentru cine lucr\w*|angajatorul)\b<g3>(?:la sosire|acolo|dupa sosire|la destinatie|la plecare)\b",
        r"\b(?:vei fi|veti fi|sunteti|esti)\s(?:trimis\w*|repartizat\w*|plasat\w*|detasat\w*)\s(?:acolo\s)?unde (?:e|este) nevoie\b",
    ),
    "tourist_visa_work": (
        r"\b(?:plec\w*|mergeti|mergi|calatori\w*|intrati|intri|intra|venit\w*|ajungeti)\s(?:ca|cu viza de|pe viza de)\s(?:turist\w*|student\w*|vizitator\w*)\b",
        r"\bviz[aei]\w*\s(?:de\s)?(?:turist\w*|turistic\w*|student|studii|vizita|schengen)\b<g6>(?:lucru|munca|lucrati|lucrezi|muncesti|angaj\w*)\b",
        r"\b(?:lucru|munca|lucrati|lucrezi)\b<g6>(?:cu|pe)\sviz[aei]\w*\s(?:de\s)?(?:turist\w*|turistic\w*|student|studii|vizita)\b",
        r"\b(?:acte\w*|permis\w*|autorizati\w*|hartiile)\sde\s(?:munca|lucru|sedere)\b<g3>(?:le\s|il\s|o\s)?(?:se\s)?(?:fac\w*|face|rezolva\w*|aranjeaza|obtin\w*|primiti|primesti|scoatem)\b<g2>(?:acolo|la fata locului|dupa sosire|ulterior|pe loc|dupa ce ajung\w*|cand ajung\w*)\b",
        r"\brestul actelor\b<g2>(?:se\s)?(?:fac\w*|rezolva\w*|aranjeaza)\b<g2>(?:acolo|la fata locului|dupa sosire|pe loc)\b",
        r"\bnu (?:e|este|aveti|ai|va|iti) (?:nevoie de|trebuie)\s(?:permis|viza|autorizatie)\w* de (?:munca|lucru)\b(?![^.!?\n]{0,50}\b(?:cetatenii (?:ue|romani|europeni)|cetatenie (?:romana|europeana)|pasaport romanesc|buletin romanesc))",
        r"\bfara (?:permis|viza|autorizatie)\w* de (?:munca|lucru)\b(?![^.!?\n]{0,50}\b(?:cetatenii (?:ue|romani|europeni)|cetatenie (?:romana|europeana)|pasaport romanesc|buletin romanesc))",
        r"\b(?:lucru|munca|lucrati|lucrezi)\b<g4>fara viza\b|\bfara viza\b<g4>(?:lucru|munca|lucrati|lucrezi)\b",
    ),
    "bride_catalogue": (
        r"\bcatalog\w*\b<g3>(?:de\s|cu\s)?(?:mirese|fete|doamne|domnisoare|femei|profil\w*|candidate)\b",
        r"\b(?:mirese|fete|doamne|domnisoare|femei|profil\w*|poz\w*)\b<g3>(?:in|din)\scatalog\w*\b(?!\s(?:de\s)?(?:rochii|produse|haine|bijuterii|preturi|flori|decoratiuni))",
        r"\b(?:in|din)\scatalogul\s(?:nostru|agentiei|lor|online|international)\b(?!\s(?:de\s)?(?:rochii|produse|haine|bijuterii|preturi))",
        r"\bcatalog\w*\s(?:nostru\s)?(?:online\s)?(?:international|matrimonial)\b",
        r"\b(?:alegeti|alege|alegeti-va|alege-ti)\s(?:\w+\s)?(?:mireasa|sotia|o sotie|fata|domnisoara)\b",
        r"\b(?:dupa ce|daca|cand)\s(?:un|vreun)\s(?:domn|barbat|client)\s(?:va\s|te\s|o\s)?(?:alege|selecteaza|place)\b",
        r"\b(?:rasfoi\w*|vizualiz\w*)\b<g3>(?:mirese|fete|profilurile|domnisoare)\b",
        r"\b(?:domnii|barbatii|clientii|strainii)\b<g5>(?:va|te|o|le|isi)\s(?:aleg|alege|selecteaza|selecteza)\b",
    ),
    "payment_to_family": (
        r"\b(?:familia|familiei|parintii|parintilor|rudele)\s(?:miresei|fetei|ei|ta|tale|voastra|dumneavoastra|sotiei|viitoarei sotii)\b<g4>(?:primeste|primesc|va primi|vor primi|ajutat\w*|recompens\w*|cadou\w*|bani|dar\w*|suma|<money>)",
        r"\b(?:cadou|recompens\w*|dar|bani|suma)\b<g4>(?:pentru|catre)\s(?:familia|parintii)\s(?:miresei|fetei|ei|ta|voastra)\b",
        r"\b(?:pretul|pret pe) mires\w*\b",
        r"\b(?:platim|plateste|platesc|ofer\w*|dam|da|trimitem|trimite)\b<g2>(?:familiei|parintilor)\s(?:miresei|fetei|ei|tale|voastre)\b",
    ),
    "sham_marriage": (
        r"\b(?:casator\w*|cununi\w*|nunt\w*)\b\W{1,3}(?:\w+\W{1,3})?(?:de forma|de conventie|de convenienta|fictiv\w*|pe hartie|de fatada|alba)\b",
        r"\b(?:casator\w*|cununi\w*)\s(?:pentru|pt)\s(?:acte|buletin|cetatenie|rezidenta|viza|hartii|sedere)\b",
        r"\b(?:are|au)\snevoie de\s(?:acte|rezidenta|drept de sedere|sedere|cetatenie)\b",
        r"\bnu (?:trebuie sa )?locuiti impreuna\b",
        r"\b(?:primiti|primesti|castigi|onorariu\w*|recompens\w*)\b<g3><money><g3>(?:dupa|la)\s(?:ce se face\s)?(?:cununi\w*|casator\w*|nunta|semnarea actelor|primarie)\b",
        r"\bdupa\s(?:cununi\w*|casator\w*|nunta|semnarea actelor)\b<g2>(?:primiti|primesti|castigi|se platesc|se plateste)\b<g2><money>",
        r"\bcolaborare discreta\b<g6>(?:casator\w*|cununi\w*)",
        # "căsătorie pe acte", "să se căsătorească ... doar pe acte"
        r"\b(?:casator\w*|cunun\w*|marit\w*|nunt\w*)\s(?:(?:doar|numai|strict)\s)?(?:pe|pentru|pt)\s(?:acte|hartie|hartii)\b",
        r"\b(?:casator\w*|cunun\w*|marit\w*)\b[^.!?\n]{0,80}?\b(?:doar|numai|strict)\s(?:pe|pentru|pt)\s(?:acte|hartie|hartii)\b",
        r"\bca\s(?:sa\s?-\s?(?:si|isi)\s|sa isi\s|sa\s|isi\s)(?:poata\s)?(?:faca|obtina|ia|primeasca)\s(?:rezidenta|cetatenia|drept de sedere|permisul de sedere)\b",
    ),
    "language_not_needed": (
        r"\b(?:cunoasterea|cunostinte\w*)\s(?:unei\s|de\s)?limb(?:a|i|ile|ii|ilor)\b(?:\s\w+)?\b<g2>nu\s(?:este|e|sunt)\s(?:necesar\w*|obligatori\w*)",
        r"\bnu\s(?:este|e|sunt)\s(?:necesar\w*|obligatori\w*)\b<g4>(?:cunoasterea\s)?(?:unei\s)?limb(?:a|i|ile|ii|ilor)\b\b",
        r"\bfara\s(?:\w+\s)?(?:cunoasterea\s|cunostinte de\s)?(?:unei\s|vreunei\s)?limb(?:a|i|ile|ii|ilor)\b\b",
        r"\bnu trebuie\s(?:sa\s(?:stii|stiti|cunosti|cunoasteti|vorbesti|vorbiti)\s)?(?:nicio\s)?(?:limba|limbi|italiana|germana|engleza|franceza|spaniola|olandeza|turca|araba|greaca)\b",
        r"\bnu (?:ai|aveti) nevoie de\s(?:nicio\s)?(?:limba|limbi|italiana|germana|engleza|franceza|spaniola|olandeza)\b",
        r"\bnu (?:e|este) nevoie sa\s(?:stii|stiti|cunosti|cunoasteti|vorbesti|vorbiti|inveti|invatati)\s(?:nicio\s)?(?:limba|limbi|italiana|germana|engleza|franceza|spaniola|olandeza|turca|araba|greaca)\b",
        r"\blimb(?:a|ile)\b<g2>nu conteaza\b",
        r"\bnu (?:cerem|se cere|se cer|solicitam|pretindem)\s(?:\w+\s)?limb(?:a|i|ile|ii|ilor)\b",
        r"\bnu conteaza\s(?:daca|ca)\snu\s(?:stii|stiti|stie|vorbesti|vorbeste|vorbiti|cunoaste\w*)\b",
        r"\b(?:limba|italiana|germana|engleza|olandeza|franceza|spaniola)\s(?:o\s)?(?:inveti|invata|invatati|se invata)\s(?:acolo|din mers|pe loc|pe parcurs)\b",
        r"\b(?:traducem|va traducem|iti traducem)\s(?:noi\s)?(?:tot|totul)\b|\bva traducem noi\b",
        # she / he need not know it: "nu trebuie să știe italiana", "nu trebuie experiență nici engleză"
        r"\bnu trebuie\s(?:sa\s(?:stie|stii|stiti|cunoasca|cunosti|cunoasteti|vorbeasca|vorbesti|vorbiti|inveti|invete|invatati)\s)?(?:\w+\s(?:sau|si|nici)\s)?(?:nicio\s)?(?:limba|limbi|italiana|germana|engleza|franceza|spaniola|olandeza|turca|araba|greaca|ebraica|straina|limba straina)\b",
        r"\bnu\s(?:e|este|-i|ai|aveti)\snevoie (?:de|sa)\s(?:\w+\s(?:sau|si|nici)\s)?(?:cunoasterea\s|cunostinte de\s|stii\s|stiti\s|vorbesti\s|vorbiti\s)?(?:nicio\s)?(?:limba|limbi|italiana|germana|engleza|franceza|spaniola|olandeza|turca|araba|greaca|ebraica|straina)\b",
        r"\bnu conteaza\s(?:\w+\s)?(?:limba|limbile|cunoasterea limbii|daca (?:stie|stii|vorbeste|vorbesti|stiti|vorbiti) (?:limba|engleza|italiana|germana))\b",
        r"\b(?:limba|limbile|engleza|italiana|germana|franceza|spaniola|turca)\s(?:o\s)?(?:invata|inveti|invatati|va invata|o sa invete)\s(?:ea|acolo|dupa|pe loc|din mers|usor|repede)\b",
        r"\blimb(?:a|ile)\s(?:straina\s|straine\s)?nu\s(?:e|este|sunt|va fi)\s(?:o\s)?problem\w*",
    ),
    # ------------------------------------------------------------ mitigating
    "named_employer_registration": (
        r"\b(?:cui|cif|idno|cod fiscal)\b\.?\s?:?\s?(?:ro)?\s?\d{5,}",  # "C.U.I." is joined to "cui."
        r"\b(?:nr\.?\s?(?:de\s)?(?:inregistrare|reg\.?\s?com\.?|ord\.?\s?reg\.?\s?com\.?)|reg\.?\s?com\.?)\s?:?\s?j?\s?\d{1,2}\s?/\s?\d+",
        r"\bj\d{2}\s?/\s?\d{2,}\s?/\s?\d{4}\b",
        r"\b(?:verificati|verifica)\w*\b<g3>(?:registrul|registru)\b",
        r"\b(?:agentie|firma)\s(?:licentiata|autorizata|inregistrata)\b",
        r"\binregistrat\w* la (?:anofm|registrul comertului|anof|itm)\b",
        r"\bnr\.?\s?(?:de\s)?(?:inregistrare|reg\.?)?\s?:?\s?\d{4,}",
        r"\binregistrat\w* in\b<g3>nr\.?\s?\d{4,}",
        r"\b(?:certificat\w*|licent\w*|autorizati\w*)\b<g3>nr\.?\s?\d{1,6}\s?/\s?\d{2,4}\b",
    ),
    "written_contract_before_departure": (
        r"\bcontract\w*\b<g4>(?:se\s)?(?:semneaza|semnat|primiti|primit|trimis|trimitem)\w*\b<g4>(?:inainte de plecare|acasa|in biroul nostru|la birou|inainte de a pleca)\b",
        r"\bsemnati contractul\b<g3>(?:inainte|acasa|la birou|in birou)\b",
        r"\bcontract\w*\b<g4>in limba (?:romana|dumneavoastra|ta|materna)\b",
        r"\b(?:primiti|primesti|ramane la dvs|pastrati)\b<g2>o copie\b|\bcopie a contractului\b",
        r"\b(?:primiti|primesti|primeste|cu|iti ramane|va ramane)\s(?:si\s)?(?:un|o)\s(?:exemplar|copie)\b",
        r"\bfara contract semnat nu (?:plecam|pleaca nimeni|se pleaca)\b",
        r"\binainte de plecare\b<g3>(?:semnati|contract)\w*",
        r"\bsemn\w*\b[^.!?\n]{0,60}?\binainte de (?:plecare|a pleca|sa pleci|sa plecati)\b",
        r"\bsemne\w* contract\w*\b<g4>(?:acasa|inainte)\b",
        r"\bcontract\w*\b<g4>(?:inainte (?:sa|de a) pleci|inainte de plecare|la biroul nostru inainte)\b",
        r"\b(?:iti|va) ramane o copie\b",
        r"\bnicio plecare fara contract\b",
    ),
    "realistic_wage": (
        r"<money>\s?(?:brut\s?|net\s?)?(?:/\s?|pe\s|la\s)(?:ora|h)\b[^.!?\n]{0,60}?\b\d{2}\s?(?:de\s)?(?:ore|h)\b",
        r"\b(?:salariu(?:l)?\s(?:brut|orar)|tarif(?:ul)?\s orar|plata)\s?:?\s?<money>[^.!?\n]{0,60}?\b\d{2}\s?(?:de\s)?(?:ore|h)\b",
        r"<money>\s?(?:brut|net)\s(?:pe|/)\s?luna\b[^.!?\n]{0,40}?\b\d{2}\s?(?:de\s)?ore\s(?:pe|/)\s?saptamana",
        # an hourly rate in a realistic range, with or without the weekly hours
        r"(?<![\d.,])\d{1,2}(?:[.,]\d{1,2})?\s?(?:€|eur\w*|euro|lire|£|chf)\s?(?:brut\s?|net\s?)?(?:/\s?|pe\s|la\s)(?:ora|h)\b(?:\s(?:brut|net)\b)?",
        r"(?<![\d.,])\d{1,3}(?:[.,]\d{1,2})?\s?(?:lei|ron|mdl)\s?(?:brut\s?|net\s?)?(?:/\s?|pe\s|la\s)(?:ora|h)\b(?:\s(?:brut|net)\b)?",
        r"\b(?:salariu(?:l)?\s(?:brut\s|net\s)?orar|tarif(?:ul)?\s orar)\s?:?\s?(?:de\s)?\d{1,2}(?:[.,]\d{1,2})?\s?(?:€|eur\w*|euro|lire|£)",
        # "3.200 lei net", "5.200 lei net + bonus": lei / ron / mdl with net or gross
        r"(?<![\d.,])\d{1,3}(?:[.,' ]?\d{3}){0,3}\s?(?:lei|ron|mdl)\s?(?:brut|net)\b",
        # euro / pound amounts up to 2 999 a month with net or gross
        r"(?<![\d.,\-–])(?:[12][.,' ]?\d{3}|\d{3})\s?(?:€|eur\w*|euro|lire\w*|£)\s?(?:brut|net)\b",
        r"(?<![\d.,\-–])(?:[12][.,' ]?\d{3}|\d{3})\s?(?:€|eur\w*|euro|lire\w*|£)\s?(?:/|pe)\s?luna\W{0,3}(?:brut|net)\b",
        # "salariu brut între 14.000 și 18.000 lei", "salariu net 3400 lei"
        r"\bsalari\w*\s(?:de\s)?(?:baza\s)?(?:brut|net|lunar brut|lunar net)\s?:?\s?(?:intre\s|de la\s|de\s)?\d[\d.,' ]{0,9}(?:\s?(?:-|–|si|pana la)\s?\d[\d.,' ]{0,9})?\s?(?:lei|ron|mdl|€|eur\w*|euro)\b",
        r"\bsalari\w*\s(?:de\s)?(?:\d[\d.,' ]{0,9}\s?(?:-|–|si|pana la)\s?)?\d[\d.,' ]{0,9}\s?(?:lei|ron|mdl)\s?(?:brut|net|/\s?luna|pe luna|lunar)\b",
        r"\b(?:salari\w*|plata|remuneratie)\s?:?\s(?:de\s)?(?:de la\s|intre\s)?(?<![\d.,\-–])(?:[12][.,' ]?\d{3}|\d{3})\s?(?:€|eur\w*|euro|lire\w*|£)\s?(?:brut\s|net\s)?(?:/\s?|pe\s|lunar)(?:luna)?\b",
        r"(?<![\d.,])\d{1,3}(?:[.,' ]?\d{3}){0,3}\s?(?:lei|ron|mdl|€|eur\w*|euro)\s?(?:brut\s|net\s)?(?:/|pe)\s?an\b",
        # a gross range ("2.900–3.200 € brut/lună"); a range "net" is as often a lure
        r"(?<![\d.,\-–])(?:[12][.,' ]?\d{3}|\d{3})\s?[-–]\s?(?:[1-3][.,' ]?\d{3})\s?(?:€|eur\w*|euro)\s?brut\b",
        # Nordic hourly rates: "140 DKK/oră brut"
        r"(?<![\d.,])\d{2,3}(?:[.,]\d{1,2})?\s?(?:dkk|sek|nok)\s?(?:brut\s?|net\s?)?(?:/\s?|pe\s)(?:ora|h)\b",
        # a local monthly wage in lei: "7000 lei/lună + premii"
        r"(?<![\d.,])\d{1,2}[.,' ]?\d{3}\s?(?:lei|ron|mdl)\s?(?:/|pe)\s?luna\b",
    ),
    "contract_terms_stated": (
        r"\bcontract\w*\s(?:individual\s)?(?:de munca\s)?(?:pe\s)?(?:durata|perioada)\s(?:ne)?determinata\b",
        r"\b(?:angajare|cim|post|job)\b<g3>(?:pe\s)?(?:durata|perioada)\s(?:ne)?determinata\b",
        r"\bcontract\w*\b<g5>pe\s(?:\d{1,2}|sase|douasprezece|un an|doi ani)\s?(?:luni|ani|an)\b",
        r"\bcontract\w* individual de munca\b",
        r"\bcontract\w*\s(?:\w+\s)?(?:de|pe|pentru)\s(?:\d{1,2}|sase|trei|patru|cinci|doua|noua|un an|doi ani)\s?(?:luni|ani|an)\b",
        r"\bcarte(?:a)? de munca\b",
        r"\b(?:angajare|angajat\w*|forme)\s(?:legal[ae]|oficial[ae]?|cu forme legale|cu carte de munca)\b|\bcu forme legale\b",
        r"\bnorma intreaga\b|\bjumatate de norma\b|\bfull[- ]time\b|\bpart[- ]time\b",
        r"\b(?:\d{2}|douazeci\w*)\s(?:de\s)?zile de concediu\b|\bconcediu\w*\s(?:de odihna\s)?platit\w*\b",
        r"\b(?:asigurare|asigurari|contributii)\s(?:sociale|de sanatate)\b",
        r"\bcodul muncii\b",
    ),
    "transparent_deductions": (
        r"\b(?:chiri\w*|cazare\w*|camer\w*|garsonier\w*|apartament\w*|locuint\w*)\b[^.!?\n]{0,60}?<money>\s?(?:pe|/)\s?(?:luna|saptamana)\b[^.!?\n]{0,60}?\b(?:optional\w*|contract (?:de inchiriere\s)?separat|contract de inchiriere|apare pe fluturas|facultativ\w*|la alegere|doar daca (?:vrei|doriti|vreti)|daca (?:vrei|doriti|vreti)|o puteti refuza|nu e obligatori\w*)",
        r"\bcontract de inchiriere separat\b",
        r"\bfara alte retineri\b",
        r"\bcazare\w*\s(?:optional\w*|facultativ\w*|la alegere)\b",
        # per day or per week, or in Nordic crowns, then "optional"
        r"\b(?:chiri\w*|cazare\w*|camer\w*|garsonier\w*|apartament\w*|locuint\w*|container\w*)\b[^.!?\n]{0,60}?(?:<money>|\d+(?:[.,' ]\d{3})?\s?(?:dkk|sek|nok))\s?(?:pe|/)\s?(?:luna|saptamana|sapt|zi|noapte)\b[^.!?\n]{0,40}?\b(?:optional\w*|facultativ\w*|la alegere|o puteti refuza|o poti refuza|nu e obligatori\w*|daca (?:vrei|doriti|vreti))",
    ),
    "independent_adult": (
        r"\bfara (?:agentie|agentii|intermediari|manager|impresar|peste|sofer)\b",
        r"\blucrez\s(?:pentru mine|independent|singura|pe cont propriu)\b",
        r"\bsunt (?:independenta|propriul meu sef|pe cont propriu)\b",
        r"\b(?:propriile mele|regulile mele|conditiile mele|programul meu)\b",
        r"\braspund (?:eu|personal|singura)\b|\beu raspund\b",
        r"\b(?:sunati|scrieti|contactati|suna|scrie|suni)-ma direct\b|\b(?:scrie|scrieti|suna|sunati)-mi direct\b|\bdirect cu mine\b",
        r"\bma (?:contactati|contactezi|suni|sunati|gasesti|gasiti)\s(?:direct|personal)\b",
        r"\bma (?:puteti|poti) (?:contacta|suna|gasi)\s(?:direct|personal)\b",
        r"\b(?:decid|aleg|stabilesc) (?:eu|singura)\b",
        r"\b(?:anuntul|anunt) (?:meu|personal)\b",
        r"\bnu lucrez cu agentii\b|\bnu prin agentii\b|\bnu am (?:manager|agent|sofer|pe nimeni)\b",
        r"\bimi platesc singura\b",
        r"\b(?:hotarasc|decid|aleg)\b<g3>(?:singura|eu)\b|\beu (?:aleg|hotarasc|decid)\b",
        r"\bdin alegerea mea\b",
        r"\bnimeni altcineva\b",
        r"\b(?<!agentie )(?<!agentia )(?<!firma )(?<!agentii )independent[ae]\b",
        r"\bimi (?:fac|stabilesc|aleg|organizez|rezerv)\s(?:singura\s)?(?:programul|tarifele|orele|zilele|serile|hotelurile)\b",
        r"\b(?:programul|tarifele|orele)\s(?:mi-l|il|le|mi-le|mi le|mi l)\s(?:fac|stabilesc|aleg)\s(?:eu|singura)\b",
        r"\bnumarul meu (?:personal|privat)\b",
        r"\bofer (?:companie|servicii)\b",
    ),
    "registered_agency_office": (
        r"\b(?:interviu\w*|intalnir\w*|consultat\w*|consultanta|discuti\w*)\b<g5>(?:la|in)\s(?:biroul|sediul|salonul)\s(?:nostru|agentiei|firmei)\b",
        r"\b(?:veniti|va asteptam|vizitati-ne)\b<g2>(?:la|in)\s(?:biroul|sediul)\s(?:nostru|agentiei)\b",
        r"\bva asteptam\b<g2>(?:la|in)\s(?:birou|sediu|biroul|sediul)\b(?:\s?:|\s(?:nostru|agentiei|din))",
        r"\bsediu(?:l)? (?:social|inregistrat)\b",
        r"\b(?:biroul|sediul)\s(?:nostru\s)?(?:se afla\s)?(?:pe|la|in|:)\s?(?:str\.?|strada|bd\.?|bulevardul|calea|sos\.?|soseaua)\s",
        r"\bsediu\w*\s?:\s?\w+\W{1,3}(?:str\.?|strada|bd\.?|bulevardul|calea)\s",
        r"\bne gasiti\b<g3>(?:la birou|la sediu|la adresa|l-v|de luni|luni|intre)\b",
        r"\bne intalnim\b<g2>(?:la|in)\s(?:birou|sediu|biroul|sediul)\b",
        r"\b(?:au loc|are loc)\b<g2>(?:la|in)\s(?:biroul|sediul|salonul|birou|sediu)\b",
        r"\binterviu\w*\b<g3>la birou\b",
        r"\b(?:birou\w*|sediu\w*)\b<g3>(?:str\.?|strada|bd\.?|bulevardul|calea)\s",
        r"\b(?:vino|veniti|ne (?:puteti|poti) vizita)\b<g3>(?:birou\w*|sediu\w*)\b",
        r"\bconsultatii la birou\b",
        # "oficiu" is the Moldovan word for the office
        r"\boficiu(?:l)?\s?(?:nostru\s?)?:?\s?(?:str\.?|strada|bd\.?|bulevardul|calea|sos\.?)\s",
        r"\b(?:la|in)\s(?:oficiul|oficiu)\s(?:nostru|agentiei)\b|\b(?:la noi\s)?in oficiu\b",
    ),
}

# Sentences in which a keyword means something else; see the package docstring.
EXCLUDE: dict[str, tuple[str, ...]] = {
    "accommodation_by_employer": (
        # the hotel trade (guests' stays), disability adjustments, help to find a flat
        r"\boaspet\w*|\bsejur\w*|\bpe noapte\b|\bcheck-?in\b|\bmic(?:ul)? dejun\b|\ball inclusive\b|\bturistii\b",
        r"\bdizabilit\w*|\bhandicap\w*|\badaptari rezonabile\b",
        r"\b(?:va|te) ajutam sa (?:gasiti|gasesti)\b|\bajutor (?:la|in) gasirea\b",
    ),
    "high_pay_no_experience": (
        # an ordinary local wage stated net or gross ("3.800 lei net") is not high pay
        r"(?<![\d.,])[1-5][.,' ]?\d{3}\s?(?:lei|ron)\s?(?:net|brut)\b",
    ),
    "wages_cut_for_costs": (
        r"\bimpozit\w*|\bcontributi\w*|\bcass?\b|\bpensi[ae]\b|\bpilon\w*|\btichet\w*|\bdeductibil\w*|\bsanatate\b",
        r"\boptional\w*|\bfacultativ\w*|\bla alegere\b|\bdaca (?:vrei|doriti|vreti)\b|\bcontract (?:de inchiriere\s)?separat\b",
    ),
    "documents_held": (
        r"\bcandidatur\w*|\baplicar\w*|\bcv\b|\bcv-?ul\w*|\bdiplom\w*|\bcertificat\w* de studii\b|\bdate(?:le)? personale\b|\bgdpr\b|\bconfidential\w*|\bcopi[ae]\b|\bcopii\b|\bcopier\w*|\bxerox\b|\bscanar\w*|\bverificar\w*",
    ),
    "agency_keeps_documents": (
        r"\bcandidatur\w*|\bcv\b|\bdate(?:le)? personale\b|\bgdpr\b|\bcopi[ae]\b|\bcopii\b|\bxerox\b",
    ),
    "travel_paid": (
        # business travel, team events, reimbursed work trips, someone paying her own way
        r"\bdeplasar\w* (?:in interes de serviciu|de serviciu)\b|\bteambuilding\w*|\bteam[- ]building\w*|\bconferint\w*|\bdecont\w*|\brambursar\w* (?:a\s)?(?:cheltuielilor|deplasarilor)\b",
        r"\b(?:imi|isi|ne|va)\s(?:plateste|platesc|platim|platiti)\s(?:singur\w*|propri\w*)|\bpe cheltuiala (?:mea|proprie)\b|\bfiecare (?:isi|plateste)\b",
        # the worker pays: "transport organizat de agenție, 90 €, plătiți de voi"
        r"\bplatit\w* de (?:voi|dumneavoastra|dvs|candidat\w*|lucrator\w*|muncitor\w*)\b|\b(?:il|o|le) platiti (?:voi|singuri)\b|\bpe cheltuiala (?:voastra|dumneavoastra|dvs|candidatului|lucratorului)\b",
        # the daily commute to a local workplace
        r"\bnavet\w*|\b(?:de la|spre|pana la) domiciliu\b|\btransport\w* (?:local|urban|in comun)\b|\b(?:microbuz|autobuz)\w* firmei din\b",
    ),
    "agency_pays_travel": (
        r"\b(?:imi|isi|ne|va)\s(?:plateste|platesc|platim|platiti)\s(?:singur\w*|propri\w*)|\bpe cheltuiala (?:mea|proprie)\b|\bfiecare (?:isi|plateste)\b",
    ),
    "recruitment_fee": (
        # money paid TO the worker
        r"\bbonus\w*|\bprim[ae] de\b|\bindemniza\w*|\bdiurn\w*|\bpachet de relocare\b|\bdecont\w*|\bva platim\b|\biti platim\b|\b(?:primiti|primesti)\s(?:un\s|o\s)?<money>|\brecomandare\b|\b(?:salari\w*|fix)\s?\+\s?comision\b|\bcomision\w* (?:din|la) vanzari\b|\babonament\w* (?:medical|la sala|de transport|la transport)\b",
    ),
    "vague_employer": (
        r"\bconstituie (?:un )?avantaj\b|\breprezinta un avantaj\b|\beste un plus\b|\bcerint\w*",
    ),
    "sham_marriage": (r"\bfamili\w*|\bparinti\w*",),
    "young_women_only": (
        # women and men alike: "fete și băieți 18-25", "femei sau bărbați"
        r"\b(?:fete|femei|doamne|domnisoare)\s(?:si|sau|,)\s(?:baieti|barbati|domni)\b|\b(?:baieti|barbati|domni)\s(?:si|sau|,)\s(?:fete|femei|doamne|domnisoare)\b",
    ),
    "contract_on_arrival": (r"\b(?:la|in) (?:biroul|sediul) nostru\b",),
    "bride_catalogue": (
        r"\brochi\w*|\bproduse\b|\bbijuter\w*|\bbuchet\w*|\bflori\b|\bdecoratiun\w*|\btort\w*|\bverighet\w*",
    ),
    "contract_terms_stated": (
        r"\bla sosire\b|\bdupa ce ajung\w*|\bcand ajung\w*|\bla fata locului\b|\bneoficial\w*|\bla negru\b",
    ),
    "unlicensed_agency": (
        # "licență" is also a university degree
        r"\bstudii\b|\bfacultat\w*|\bdiplom\w*|\buniversit\w*|\babsolvent\w*|\bstudent\w*|\bbacalaureat\w*|\bmaster\w*",
        # a warning about other agencies
        r"\bferi\w*-va\b|\bferiti\b|\batentie la\b|\bevitati\b|\bnu va lasati\b|\bescroc\w*|\bfrauduloas\w*|\bagentiile (?:care|fara)\b",
    ),
    "registered_agency_office": (r"\bde acasa\b|\bremote\b|\bhibrid\b|\bhome office\b",),
    "named_employer_registration": (
        # a licence the advert itself says has lapsed or is pending
        r"\b(?:in curs de|in proces(?:ul)? de|in asteptarea)\s(?:reinnoire|prelungire|obtinere|reautorizare)\b|\b(?:licent\w*|autorizati\w*)\b[^.!?\n]{0,30}\b(?:expirat\w*|suspendat\w*|retras\w*|anulat\w*)",
    ),
    "independent_adult": (
        # someone answering for a woman who "does not speak the language"
        r"\bnu (?:vorbeste|stie|intelege|scrie)\b|\bin (?:numele|locul) (?:ei|fetei|fetelor|miresei)\b",
    ),
    "urgency": (r"\bstart imediat\b|\binterviu\w* (?:chiar )?maine\b|\bparcare\b",),
    "third_person_voice": (
        # a man describing the woman he is looking for speaks of "her" in his own voice
        r"\b(?:caut|cautam|doresc|vreau|imi doresc)\s(?:sa cunosc\s)?(?:o|un)\s(?:femeie|doamna|domnisoara|partenera|sotie|prietena|fata)\b(?![^.!?\n]{0,100}\b(?:pentru|pt) (?:fiica|nepoata|sora|fata) (?:mea|noastra))",
        # "sunt Ioana, o doamnă elegantă": her own introduction
        r"\bsunt\s[a-z]+\W{1,3}o doamna\b",
    ),
}

PATTERNS = {k: tuple(p.replace("<money>", _BANI) for p in v) for k, v in PATTERNS.items()}
EXCLUDE = {k: tuple(p.replace("<money>", _BANI) for p in v) for k, v in EXCLUDE.items()}
