# ruff: noqa: E501
"""English indicator patterns (see the package docstring for the macros).

Every risk pattern names the cue together with what makes it a cue: identity documents
(not application documents) held by someone else, housing (not disability "accommodation")
provided by the employer, costs taken from pay (not pre-tax benefits), pressure to leave (not
"apply now").  ``EXCLUDE`` cancels a hit whose sentence shows it means something else.
"""

from __future__ import annotations

_GIRLS = r"(?:girls|young women|young ladies|ladies|women|females?)"
_SALARY = r"(?:salary|salaries|wages?|pay|earnings|paycheck|payslip|paycheque|income)"
_PHOTO = r"(?:photos?|pictures?|pics|images|selfies?)"
_MSG = r"(?:telegram|whatsapp|viber|signal|wechat|tg|dm|direct messages?|private messages?|inbox)"
_ID = r"(?:<~passport>s?|id cards?|identity cards?|identity documents?|ids|id documents?|travel documents?|residence (?:papers|permits?|cards?)|work permits?)"
_PASSPORT = r"(?:<~passport>s?|id cards?|identity cards?|identity documents?|ids|id documents?)"
_DOC = rf"(?:{_ID}|documents?|papers|originals)"
_HOLDER_NOUN = r"(?:employer|agency|office|management|coordinator|company|boss|manager|sponsor|owner|family|husband|groom|broker|driver|supervisor|recruiter|matchmaker|administrator|agent|team leader)"
_HOLDER = (
    rf"(?:us|me|him|them|(?:the|our|my|your|his|their)\s(?:\w+\s)?{_HOLDER_NOUN}|{_HOLDER_NOUN})"
)
_PLACES = (
    r"(?:europe|the eu|western europe|the gulf|gulf countries|the gulf region|the middle east|asia|germany|poland"
    r"|the czech republic|czechia|the netherlands|holland|italy|spain|the uk|britain|england|ireland|israel|turkey"
    r"|the uae|dubai|qatar|saudi arabia|kuwait|cyprus|greece|japan|korea|canada|the usa|france|belgium|austria"
    r"|switzerland|norway|sweden|denmark|finland|portugal)"
)
_KEEPER = r"(?:we|i|he|they|employer|the employer|agency|the agency|coordinator|our coordinator|the coordinator|company|management|office|boss|manager|sponsor|owner|husband|your husband|the groom|broker|supervisor|the family|our team|the team|madam)"
_TRAVEL = (
    r"(?:tickets?|travel|flights?|airfare|journey|trip|visas?|transport|bus|transfer|relocation)"
)
_PAYER = r"(?:we|i|he|employer|the employer|company|agency|the agency|groom|the groom|man|the man|men|fiance|husband|your husband|gentleman|gentlemen|sponsor|our partners?|they|the family)"
_ARRIVAL = r"(?:on arrival|upon arrival|at arrival|on the spot|on site|on-site|once you arrive|when you arrive|after you arrive|after arrival|there|at the (?:farm|factory|site|hotel|workplace)|on (?:day one|the first day|your first day)|with the (?:client|employer) on site)"
_ABROAD = (
    r"(?:abroad|overseas|in europe|in the gulf|in the middle east|in the eu|to europe|to the gulf)"
)
_NATION = (
    r"(?:asian|latina|latin|brazilian|thai|filipina|african|ebony|slavic|russian|ukrainian"
    r"|moldovan|romanian|oriental|arab|arabian|indian|chinese|japanese|korean|czech|polish"
    r"|colombian|cuban|venezuelan|dominican|mulatto|mulatta|italian|spanish|turkish|balkan|eastern european)"
)

PATTERNS: dict[str, tuple[str, ...]] = {
    "high_pay_no_experience": (
        r"\b(?:earn|earnings|salary|pay|income|make|wages?)\b[^.!?\n]{0,40}?<money>[^.!?\n]{0,80}?"
        r"(?:\b(?:no|zero|without)\s(?:previous\s|prior\s|any\s)?(?:<~experience>|qualifications?|skills)"
        r"|\bwe (?:teach|train) you|\b(?:even\s)?for beginners)",
        r"\b(?:no|zero|without)\s(?:previous\s|prior\s|any\s)?<~experience>\b[^.!?\n]{0,80}?<money>",
        r"\b<~experience>\s(?:is\s)?not (?:needed|required|necessary|important)\b[^.!?\n]{0,60}?<money>",
        r"\beasy money\b",
        r"\bno <~experience>\?\s?no problem\b",
        r"\bbeginners?\s(?:earn|make|get)\b",
        r"\b(?:very high|huge|big|high|excellent|great|good)\s(?:earnings|income|salary|pay|money)\b[^.!?\n]{0,60}?"
        r"\b(?:beginners|no <~experience>|without <~experience>|no skills)",
        r"\b(?:no|without)\s(?:previous\s|any\s)?<~experience>\b[^.!?\n]{0,60}?\b(?:very high|huge|big|high|excellent|great|good)\s(?:earnings|income|salary|pay|money)\b",
        r"\b(?:earn|make|income)\w*\s(?:up to\s|from\s)?<money>\s?(?:a|per|/|each)\s?(?:day|night|shift|evening)\b",
        r"\b(?:earn|make)\s(?:up to\s)?<money>\s(?:or more\s)?(?:a|per|in a)\s(?:week|month)\b[^.!?\n]{0,40}?\b(?:easy|easily|no <~experience>|from day one)",
    ),
    "travel_paid": (
        rf"\b{_TRAVEL}\b<g3>(?:are\s|is\s|will be\s)?(?:paid|covered|included|arranged|organi[sz]ed|booked|bought|sorted|handled)"
        r"\s(?:for\s)?(?:by\s(?:the\s|our\s|your\s)?(?:employer|company|us|agency|groom|man|men|team|sponsor|partner|him|family|programme|program)|by us)",
        rf"\b{_TRAVEL}\s(?:are\s|is\s)?(?:paid|covered|included|free)\b",
        rf"\b{_PAYER}\s(?:will\s)?(?:pay|cover|buy|book|organi[sz]e and pay for|sort|handle|arrange)s?\s(?:for\s)?(?:all\s)?"
        rf"(?:of\s)?(?:your\s|the\s|their\s|her\s)?(?:bus or\s|plane\s|air\s|bus\s)?{_TRAVEL}",
        r"\bfree\s(?:travel|transport|tickets?|flights?|visa|transfer)\b",
        r"\b(?:we|employer|company|agency|they|he)\s(?:will\s)?(?:arrange|organi[sz]e|handle|sort out|take care of)s?\s"
        r"(?:the\s|your\s|all the\s)?(?:visa|tickets?|travel|trip|journey|flights?)",
        r"\b(?:arranged|organi[sz]ed|paid|booked) by us\b",
        r"\byou (?:don't|do not) pay for the (?:trip|ticket|travel|flight|journey)",
        r"\byou pay nothing for the (?:trip|travel|ticket|flight|journey)",
        r"\b(?:travel|trip|journey) (?:is\s)?(?:on us|at our expense|at the employer's expense)",
        r"\b(?:we|they|he)\s(?:take|bring|drive|fly)\s(?:you|the group|everyone)\s(?:there\s)?(?:by|in|with)\s(?:our|their|his)\s(?:own\s)?(?:minibus|bus|van|car)\b",
        rf"\b(?:the\s)?{_TRAVEL}\b<g2>(?:we|they|he|i)\s(?:buy|pay|book|cover)\b",
        rf"\b(?:we|our partners|they)\s(?:will\s)?take care of (?:the\s|your\s)?{_TRAVEL}",
        rf"\b(?:the\s)?{_TRAVEL}\b<g3>(?:can be arranged|is organi[sz]ed|side is on us|is on us)",
        rf"\b(?:won't|will not) need money for the {_TRAVEL}",
        r"\bworry about the (?:journey|trip|travel)\b",
        r"\b(?:pick you up|meet you at the (?:airport|bus station))\b",
        r"\b(?:we|they|he|the family|your sponsor|the sponsor|employer)\s(?:can\s|will\s|'ll\s)?(?:book|buy|pay for|cover|sort|arrange|organi[sz]e|look after|take care of)\s(?:\w+\s){0,3}(?:flights?|tickets?|visa|travel|bus ticket|journey)\b",
        r"\bwe\s(?:look after|take care of|sort|arrange)\s(?:everything|it all)\s?[:\-–]\s?(?:\w+,?\s){0,2}(?:visa|flights?|tickets?|bus ticket|travel)\b",
    ),
    "accommodation_by_employer": (
        r"\b(?:<~accommodation>|housing|lodging|a room|rooms|a place to (?:live|stay)|a bed|board)\b<g2>"
        r"(?:is\s|are\s)?(?:provided|included|offered|arranged|guaranteed|free|ready|given)\b",
        r"\b(?:free|company|employer'?s?|staff|shared staff|worker|workers'?|on-site|onsite)\s(?:food and\s|meals and\s)?(?:<~accommodation>|housing|lodging|house|houses|containers?|rooms?|hostel|dormitory|dorms?|barracks|caravans?|quarters)\b",
        r"\b(?:we|employer|company|the farm|the family|they|he|the owner)\s(?:will\s)?(?:give|provide|offer|arrange|find)s?\s(?:you\s)?(?:with\s)?(?:a\s)?(?:free\s)?"
        r"(?:place to (?:live|stay)|<~accommodation>|housing|room|rooms|bed|apartment|flat)\b",
        r"\b<~accommodation>\s(?:by|from|with|in|at)\s(?:the\s)?(?:employer'?s?|company|agency|farm|factory)\b",
        r"\b(?:you\s|workers\s|girls\s|ladies\s)?(?:live|living|stay|staying)\s(?:together\s)?(?:on site|on the farm|where you work|at the (?:farm|factory|hotel|site)|in the employer'?s?|in (?:our|the|their) (?:company|staff|shared)\s(?:house|flat|apartment|apartments))\b",
        r"\bliving is (?:inside|in|at) the (?:property|house|farm|premises)\b",
        r"\b(?:housing|rooms?|caravans?|containers?|barracks)\s(?:next to|beside|at|on|near)\s(?:the\s)?(?:factory|farm|site|plant|warehouse)\b",
        r"\b(?:room and board|board and lodging|bed and board|plus board|food and <~accommodation>|meals and <~accommodation>)\b",
        r"\b\d\s?(?:-\s?\d\s)?(?:people|persons|workers|beds)\s(?:per|in a|to a)\sroom\b",
        r"\brooms? for \d(?:\s?-\s?\d)? (?:people|persons|workers)\b",
        r"\b(?:your own|a private|a shared|shared)\s(?:room|apartment|flat|bedroom)\s(?:with us|in (?:the|our)\s(?:family\s)?(?:villa|house|home|apartment|flat))\b",
        r"\b(?:everyone|all|the girls|the ladies|workers|we all)\s(?:lives?|stays?)\s(?:together\s)?in\s(?:our|the company'?s?|the employer'?s?)\s(?:house|flat|apartment|hostel)\b",
        r"\b(?:plus|with)\s(?:board|keep|room and board|full board)\b",
    ),
    "debt_repaid_from_wages": (
        rf"\b(?:costs?|tickets?|travel|advance|visa|loan|debt|trip|flights?|bus|expenses|journey|it|them|everything)\b<g8>"
        rf"(?:deducted|repaid|paid back|taken|withheld|recovered|settled|taken out|returned|given back|covered)\s(?:it\s)?(?:with you\s)?(?:gradually\s|slowly\s|bit by bit\s|little by little\s)?(?:out of|from|against|through|via|with)\s"
        rf"(?:your\s|the\s|convenient\s)?(?:first\s|monthly\s)?(?:\w+\s)?{_SALARY}",
        rf"\b(?:repay|pay back|pay (?:it|them|us|this|that|him) back|give (?:it|them|the money) back|return|work off|settle)\b<g4>(?:from|out of|with|through)\s"
        rf"(?:your\s|the\s)?(?:first\s)?(?:\w+\s)?(?:{_SALARY}|work)",
        r"\b(?:work|working)\s(?:it|them|this|that|the debt|the costs?)\soff\b",
        r"\bwork off\b<g2>(?:debt|costs?|loan|advance|ticket|flight|travel)",
        r"\buntil (?:the\s|your\s)?(?:advance|debt|loan|costs?|travel costs|ticket|flight)\b<g2>(?:is\s|are\s)?(?:repaid|paid (?:back|off)|covered)",
        r"\b(?:repay|pay off|pay back)\s(?:the\s|your\s)?(?:debt|loan|advance)\b",
        r"\b(?:travel|trip|tickets?|flights?)\s(?:on credit|as a loan|is a loan)\b",
        r"\b(?:costs|flights?|tickets?|travel)\b<g3>(?:are\s|is\s)?advanced\b",
        rf"\b(?:taken|deducted)\s(?:slowly|gradually|bit by bit|little by little)\s(?:from|out of)\s(?:your\s|the\s)?{_SALARY}",
        r"\bpay\s(?:us\s|him\s|them\s|the agency\s)?back\s(?:for\s)?(?:my|your|the|her)\s(?:trip|ticket|flight|travel|debt|visa)\b",
        r"\bpay\s(?:us|him|them)\sback\b<g3>(?:once|when|after)\s(?:you're|you are|you start|i'm|i am)\s(?:earning|working)",
        r"\b(?:costs?|tickets?|flights?|trip)\b<g4>(?:settled|repaid|paid back|deducted)\s(?:after|from|with)\s(?:the\s|your\s)?(?:first\s)?(?:month|salary|wages|pay)\b",
        r"\buntil\s(?:i've|i have|you've|you have|she has)\spaid\s(?:for|off|back)\s(?:the|my|your|her)\s(?:trip|ticket|flight|debt|travel)\b",
        r"\b(?:these|they|this|that|which|costs?|flights?|tickets?|visa)\b<g3>(?:settled|repaid|paid back|covered|recovered|deducted)\s(?:\w+\s){0,2}(?:through|via|with|in)\s(?:small\s|monthly\s|weekly\s|easy\s|little\s)*(?:amounts|instalments|installments|payments|parts|deductions)\b<g3>(?:from|out of|off)\s(?:your\s|the\s)?(?:salary|wages?|pay)",
        r"\b(?:amount|part|bit|sum)\s(?:comes?|is taken|goes)\s(?:off|out of|from)\s(?:the\s|your\s)?(?:first\s)?(?:\d+\s|few\s|two\s|three\s)?(?:pays|payslips|salaries|wages|pay|paychecks)\b",
        r"\b(?:costs?|flights?|tickets?|visa|it|everything)\b<g3>(?:covered|repaid|paid back|settled|deducted)\s(?:simply\s)?(?:from|out of|with)\s(?:your\s|the\s)?(?:first\s)?(?:bookings|earnings|shifts|clients|appointments)\b",
    ),
    "documents_held": (
        rf"\b{_DOC}\b<g4>(?:kept|held|stored|retained|collected|taken|stays?|remains?|left|surrendered|handed|deposited|safe|looked after)\b<g3>"
        rf"(?:by|with|at|in|to)\s(?:{_HOLDER})\b",
        rf"\b{_KEEPER}\s(?:will\s|would\s)?(?:keeps?|holds?|stores?|collects?|retains?|looks? after|safeguards?|holds? on to|confiscates?)\b<g2>(?:your\s|the\s|all\s|their\s|her\s|my\s)?(?:originals of (?:all\s)?(?:your\s)?)?{_DOC}",
        rf"\b{_KEEPER}\s(?:will\s|would\s)?(?:take|takes|take care of|takes care of)\s(?:your\s|the\s|all\s|their\s|her\s){_PASSPORT}",
        rf"\b(?:hand(?:ed)?\s(?:over|in)|surrender(?:ed)?|give up|deposit)\s(?:your\s|the\s|all\s|their\s)?{_ID}",
        rf"\b{_ID}\b<g2>(?:to be|must be|will be|are|is)\s(?:surrendered|handed (?:over|in)|deposited)\b",
        rf"\b(?:give|leave|hand|gave|left|handed)\s(?:us|them|him|me)\s(?:your\s|the\s|my\s)?{_ID}\b",
        rf"\b(?:gave|give|handed|hand|left|leave)\s(?:my|your|her|the)\s{_ID}\s(?:to|with)\s(?:the|our|my|him|them|us)\b",
        rf"\bleave\s(?:your\s|the\s)?{_ID}\swith\s(?:us|the|our|me|him)\b",
        rf"\b{_DOC}\b<g4>(?:for safe ?keeping|for safety|safer this way|so (?:nothing|it) (?:gets|doesn't get) lost|in safe hands|safe with us)",
        rf"\b{_DOC}\s(?:are|is)\s(?:kept|held)\s(?:until|during|while)\b",
        rf"\b(?:my|your|her|their|the)\s{_DOC}\s(?:are|is|stay|stays|remain|remains)\s(?:still\s)?with\s(?:the|our|my|his)\s(?:agency|employer|coordinator|manager|boss|office|company|husband|broker|sponsor|recruiter)\b",
        rf"\bhand(?:s|ed)?\s(?:their|your|her|the)\s(?:original\s)?{_ID}\s(?:over\s)?to\b",
        rf"\bsafe-?\s?keeping of (?:your\s|her\s|the\s|their\s)?{_PASSPORT}",
        rf"\b(?:handles?|manages?)\s(?:the\s)?(?:ladies'?|girls'?|women'?s|workers'?|her|their|your)\s{_PASSPORT}",
    ),
    "recruitment_fee": (
        r"\b(?:registration|processing|placement|recruitment|service|agency|application|administration|admin"
        r"|entry|booking|visa|job search|documents?|translation|profile|catalogue|invitation|membership|medical|paperwork|introduction)\s"
        r"(?:fee|fees|charge|charges|payment|tax|deposit)\b",
        r"\b(?:processing|medical|training)\s?\+\s?(?:medical|processing|training)\s(?:fee|fees)\b",
        r"\b(?:one-time|one time|small|upfront|up-front|advance|non-refundable|refundable)\s(?:processing\s)?(?:fee|payment|deposit|contribution)\b",
        r"\bpay\s<money><g4>(?:for|to)\s(?:the\s|a\s|your\s)?(?:work|job|visa|invitation|registration|documents|paperwork|"
        r"place|placement|catalogue|contract|introduction|profile|service|be included|be registered|secure|reserve)",
        r"\b(?:candidates|applicants|brides|you|workers|women|ladies)\s(?:must\s|have to\s|need to\s|should\s|will\s)?pay\s(?:a\s)?(?:fee\s)?(?:of\s)?<money>",
        r"\b(?:deposit|fee|prepayment)\s(?:of\s)?<money>",
        r"<money>\s(?:fee|deposit|prepayment|registration fee|for (?:the\s)?(?:paperwork|documents|visa|registration|processing|medical))\b",
        r"\b(?:prepayment|advance payment|paid in advance|pay in advance|payment in advance)\b",
        r"\b(?:paid|payable|pay)\s(?:in cash\s)?(?:before (?:departure|the flight|flight|you leave|travel)|upon selection|on selection)\b",
        r"\b(?:anketa|profile|questionnaire|form)?\s?registration\s(?:is\s)?(?:only\s)?<money>",
        r"\bregistration\s(?:only|just)\s<money>",
    ),
    "vague_employer": (
        r"\b(?<!we are )(?<!we're )(?<!\bis )(?<!join )(?<!\bat )\b(?:a|an|one)\s(?:very\s)?(?:well-known|well known|large|big|reputable|respectable|leading|reliable|prestigious|serious|famous|good|major|trusted|renowned|esteemed)\s"
        r"(?:international\s|foreign\s|european\s|western\s|local\s|private\s)?(?:\w+\s)?(?:company|firm|employer|factory|farm|business|chain|hotel|family)\b",
        r"\bour\s(?:esteemed|valued|respectable|foreign|overseas|international|private|vip)\s(?:\w+\s)?(?:clients?|principals?|employers?)\b",
        rf"\b(?:our|a|an)\s(?:\w+\s)?(?:clients?|partner companies|partner families|partner employers?|partners?)\s(?:abroad|overseas|(?:in|across|from)\s{_PLACES})\b",
        rf"\bfor\s(?:our|a|an)\s(?:\w+\s)?(?:clients?|partners?)\s(?:events?\s)?(?:abroad|overseas|in\s{_PLACES})\b",
        r"\b(?:company|employer|firm|client)(?:'s)?\s(?:name\s)?(?:will be\s|is\s)?(?:given|revealed|disclosed|provided|told|shared)"
        r"\s(?:after|at|on|upon|later|in person)",
        r"\b(?:name|details) (?:of the (?:company|employer|client)\s)?(?:will be\s)?(?:given|revealed|disclosed|shared)\s(?:after|at|on|upon|later|only)",
        r"\b(?:can't|cannot|can not|won't)\s(?:write|say|give|tell|disclose|reveal)\s(?:the|their|its)\sname\b",
        r"\bwork in (?:europe|the eu|eu countries|various countries|different countries|abroad|the gulf|gulf countries|the middle east)\b",
        r"\b(?:various|different|many|several)\s(?:jobs|positions|vacancies|countries|employers|companies|clients|families)\s(?:in|across|abroad|overseas)\b",
        r"\bemployer\s?:\s?(?:a\s)?(?:big|large|well-known|good|foreign|european|private|confidential)\s(?:company|firm|client)",
        r"\b(?:employers?|clients?|families)\s(?:abroad|overseas)\b",
        rf"\b(?:leading|reputable|respectable|trusted|partner|selected|top)\s(?:\w+\s)?(?:hotels?|partners|companies|employers|families|factories|farms|clubs|restaurants)\s(?:abroad|overseas|(?:in|across)\s(?:\w+\s)?{_PLACES})\b",
        r"\b(?:her|his|my|our)\s(?:family|cousin|friend|uncle|brother|aunt)\s(?:runs|owns|has)\s(?:a\s)?(?:\w+\s)?(?:business|company|firm|homes?|farm|restaurant|hotel|factory)\b",
        r"\bemployer\s?:\s?(?:a\s)?(?:respected|reputable|private|respectable|well-known|big|large|good|foreign)\s(?:\w+\s)?(?:family|company|firm|client|household)\b",
        r"\blocation\s?:\s?(?:the\s)?(?:gulf(?: region| countries)?|middle east|europe|abroad|eu|western europe)\b",
    ),
    "deployment_unnamed_employer": (
        r"\b(?:candidates?|applicants?|workers?|you|girls|women|ladies|staff|helpers|maids|housemaids|nannies|caregivers|people|hires)\b<g3>(?:will be|are|get|can be|to be)\s(?:deployed|sent|dispatched|flown|placed)\b",
        r"\b(?:deploy|send|dispatch)\w*\s(?:you|workers|candidates|applicants|girls|women|ladies|people|staff)\s(?:abroad|overseas|to work (?:in|abroad)|to (?:our|the|an?)\s(?:\w+\s)?(?:employers?|clients?|partners?|families))\b",
        r"\bdeploy(?:ed|ment)\s(?:within|in)\s(?:\d+|a few|two|three|one)\s(?:to\s\d+\s)?(?:days|weeks)\b",
        r"\b(?:fast|quick|immediate|direct|ready)\s(?:deployment|departure abroad)\b",
        r"\b(?:after|before|until)\s(?:your\s)?deployment\b",
    ),
    "tourist_visa_work": (
        r"\b(?:tourist|visitor|visit|student|guest|travel|schengen)\s(?:visas?|basis|entry)\b<g5>(?:work|job|working|employment|papers)\b",
        r"\b(?:work|job|working)\b<g4>(?:on|with)\s(?:a\s)?(?:tourist|visitor|student)\s(?:visa|entry)\b",
        r"\b(?:come|enter|travel|go)\s(?:in\s)?as\s(?:a\s)?tourists?\b",
        r"\bno work (?:permit|visa) (?:needed|required|necessary)\b",
        r"\b(?:work\s)?(?:papers|permit|documents for work|residence)\b<g2>(?:will be\s|are\s|get\s)?(?:arranged|sorted|made|done|legali[sz]ed)\s(?:there|later|on site|after (?:arrival|you arrive))\b",
    ),
    "contract_on_arrival": (
        rf"\b(?:contracts?|papers of work|work papers|engagement terms|terms|paperwork)\b<g3>(?:signed|given|made|concluded|provided|issued|done|prepared|finali[sz]ed|arranged)\s{_ARRIVAL}",
        rf"\bsign\w*\s(?:the\s|a\s|your\s)?(?:employment\s|work\s)?contract\b<g4>{_ARRIVAL}",
        rf"\bcontract\b<g3>(?:you\s|we\s)?sign\s{_ARRIVAL}",
        r"\bno\s(?:written\s|official\s)?(?:contract|paperwork)\b<g3>(?:before|needed|required|until)",
        r"\bwithout (?:a\s)?(?:written\s|official\s)?contract\b",
        rf"\b(?:paperwork|formalities|documents for work|everything)\b<g2>(?:is\s|are\s)?(?:done|arranged|handled|sorted)\s{_ARRIVAL}",
        r"\bcontract\s(?:only\s)?(?:on|upon|after)\s(?:arrival|arriving)\b",
        rf"\b(?:papers|contract|permit)\b<g4>(?:the owner|the employer|he|they|we)\s(?:will\s)?(?:make|do|sign|arrange)\b<g3>{_ARRIVAL}",
    ),
    "messenger_only_contact": (
        rf"\bonly\s(?:via|on|in|through|by|over)?\s?{_MSG}\b",
        rf"\b{_MSG}\s(?:messages?\s|chat\s)?only\b",
        rf"\b{_MSG}\b[^.!?\n]{{0,40}}?\b(?:no (?:phone\s)?calls|calls (?:are\s)?not answered|(?:we|i) (?:don't|do not) "
        rf"(?:answer|take|pick up) (?:calls|the phone)|no e-?mails|no walk-ins)",
        rf"\b(?:contact|write|message|text|reply|apply)\w*\s(?:us\s|me\s)?only\s(?:via|on|in|through|by)\s{_MSG}\b",
        r"\b(?:dm|pm|inbox)\s(?:me|us)\b",
        r"\bwrite (?:to\s)?(?:me|us) in (?:dm|direct|private|pm)\b",
        rf"\b(?:only|exclusively|solely)\b<g4>(?:via|on|in|through|by|over)\s{_MSG}\b",
        r"\b(?:we\s|i\s)?(?:do not|don't)\s(?:accept|take|answer)\s(?:any\s)?(?:phone\s)?calls\b",
    ),
    "young_women_only": (
        r"\b(?:only\s)?(?:girls|young women|young ladies|ladies|female|females|women)\s?,?\s(?:aged\s|from\s|of\s)?"
        r"(?:1[89]|2[0-2])\s?(?:-|to)\s?(?:2\d|3[0-5])\b",
        r"\b(?:pleasant|nice|attractive|good|beautiful|neat)\s(?:appearance|looks|figure)\b",
        r"\bheight\s(?:from|min\.?|minimum|at least|over)\s?1[5-8]\d\s?(?:cm)?",
        r"\b(?:only|just)\s(?:young\s|pretty\s|attractive\s|beautiful\s|slim\s)*(?:girls|young women|young ladies)\b",
        r"\b(?:girls|young women|young ladies|women|females?)\sonly\b",
        r"\bgirls\s(?:up to|under|not older than|no older than)\s(?:2\d|30)\b",
        r"\bno older than\s(?:2\d|30)\b",
        r"\b1[89]\s?(?:-|to)\s?2\d\b<g2>(?:slim|slender|pretty|attractive|feminine|nice figure)",
        rf"\b(?:slim|slender|pretty|attractive|good-looking)\s(?:and\s\w+\s)?{_GIRLS}\b",
        r"\b(?:seeking|looking for|want|need|wants|needs)\s(?:a\s)?(?:young|younger|very young)\s(?:wife|bride|woman|girl|lady)\b",
        r"\b(?:wife|bride|woman|girl|lady)\s(?:aged\s)?(?:1[89]|2\d)\s?(?:-|to)\s?(?:2\d|3[0-5])\b",
        r"\b(?:women|girls|ladies)\s(?:aged\s)?(?:1[89]|2[0-2])\s?(?:-|–|to)\s?(?:2\d|3[0-5])\b",
        r"\b(?:wife|bride|woman|girl|lady)\s(?:under|below|not older than|up to)\s(?:2\d|30)\b",
        r"\b(?:ladies|women|girls)\s(?:between|from)\s(?:1[89]|2\d)\s(?:and|to|-)\s(?:2\d|3\d)\b",
        r"\b(?:if you are|aged|you should be)\s(?:between\s)?(?:1[89]|2[0-5])\s(?:and|to|-)\s(?:2\d|3[0-5])\b",
        r"\b(?:young|younger),?\s(?:simple|pretty|slim|beautiful|hardworking)?,?\s?(?:\w+\s)?(?:woman|wife|girl|lady)\b",
        r"\b(?<!i am a )(?<!i'm a )(?<!i am )(?<!i'm )\b(?:obedient|submissive|docile|modest|simple|traditional|hard-?working|quiet)\s(?:,?\s?\w+\s)?(?:young\s)?(?:wife|bride|girl|woman|lady)\b",
    ),
    "send_photos": (
        r"\b(?:send|attach|e-?mail|upload|include|required|need)\w*\b(?![^.!?\n]{0,80}?\b(?:headshot|portfolio|casting))[^.!?\n]{0,60}?"
        r"\b(?:full[- ]?(?:length|height|body|size)|swimsuit|bikini|lingerie|underwear|swimwear)",
        rf"\b(?:full[- ]?(?:length|height|body)|swimsuit|bikini)\s{_PHOTO}\b<g2>(?:required|needed|mandatory|obligatory)",
        rf"\bwithout\s(?:full[- ]?(?:length|height)\s)?{_PHOTO}\s(?:will not|won't) be considered",
        r"\bsend\s(?:us\s|me\s)?(?:your\s)?(?:\d+\s|a few\s|some\s|two\s|three\s)?(?:recent\s|best\s|nice\s)?(?:photos|pictures|pics|photo|picture)\b",
        rf"\b{_PHOTO}\s(?:in|wearing)\s(?:a\s)?(?:swimsuit|bikini|lingerie|underwear)",
        rf"\b(?:send|attach|bring)\b<g4>{_PHOTO}",
        rf"\b(?:a few|a couple of|some|two|three|2|3)\s(?:recent\s)?{_PHOTO}\b",
        rf"\b{_PHOTO}\s(?:are|is)\s(?:important|needed|required)\b",
    ),
    "urgency": (
        r"\b(?:departure|leaving|we leave|group leaves|bus leaves|flight|fly|leave|travel)\s(?:is\s)?(?:this|next|on)\s(?:week|weekend|monday|tuesday|wednesday"
        r"|thursday|friday|saturday|sunday)\b",
        r"\b(?:places|spots|seats|vacancies|time)\s(?:are\s|is\s)?(?:very\s)?limited\b",
        r"\blimited\s(?:places|spots|seats|time|number of places)\b",
        r"\b(?:only\s)?(?:a\s)?few\s(?:places|spots|seats)\s(?:left|remaining)\b",
        r"\blast\s(?:places|spots|seats|chance)\b",
        r"\b(?:leave|leaving|departure|depart|travel|fly|flying|start abroad)\w*\s(?:in|within)\s(?:\d+|a few|few|two|three|2|3)\s(?:days|weeks)\b",
        r"\bgroup leaves\s(?:on|this|next|in)\b",
        r"\bdeparture\s(?:immediately|tomorrow|right away|asap)\b",
        r"\b(?:leave|fly|travel)\s(?:tomorrow|immediately|right away)\b",
        r"\bonly until\s(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|tomorrow|the end of the week)\b",
        r"\b(?:decide|decision|answer)\s(?:today|now|quickly|by tomorrow)\b",
        r"\b(?:offer|this offer)\s(?:is\s)?valid\s(?:only\s)?(?:until|till|today|for \d+ days)\b",
        r"\b(?:tickets?|flights?)\s(?:are\s)?(?:ready|booked)\b<g3>(?:leave|departure|this week|tomorrow)",
        r"\b(?:hurry|don't wait|dont wait|do not wait)\b<g3>(?:places|spots|seats|leave|departure|friday|week)",
        r"\bnot many places left\b|\bplaces fill up\b|\bnot to wait too long\b",
        r"\b(?:this|next)\s(?:week|month|weekend)\sonly\b",
        r"\bhurry\b",
        r"\b(?:leave|leaving|depart|fly|flying|travel)\s(?:abroad\s)?(?:immediately|right away|at once|asap|straight away|the same week)\b",
        r"\b(?:nearly|almost)\s(?:full|booked|gone)\b",
        r"\breserve your (?:place|spot|seat)\b",
        r"\b(?:write|call|answer|reply)\s(?:me|us)\s(?:fast|quickly|today)\b",
    ),
    "third_person_voice": (
        r"\b(?:booking|bookings|appointments?|meetings?|reservations?|arrangements)\s(?:are\s)?(?:only\s)?(?:through|via|with|by|handled by)\s"
        r"(?:the\s|our\s|her\s)?(?:manager|administrator|admin|agency|driver|assistant|operator|coordinator|receptionist)",
        r"\b(?:call|contact|ask|text|write to)\s(?:the\s|our\s|her\s)?(?:manager|administrator|admin|operator|assistant|coordinator|receptionist)\b",
        r"\b(?:our|the|her)\s(?:manager|administrator|admin|operator|assistant|coordinator|receptionist)\s(?:will|can|answers|handles|takes|arranges)\b",
        r"\bshe\s(?:doesn't|does not|don't)\s(?:answer|take|pick up)\b",
        r"\b(?:meeting|everything|details|schedule|rates|photos|more)\s(?:with|about|for|of)\sher\b",
        r"\bour\s(?:girls|ladies|models|companions|beauties)\b",
        r"\bshe\s(?:is|will|loves|speaks|offers|provides|works|comes|has|dresses|can|likes|enjoys)\b",
        r"\bthe agency (?:arranges|organi[sz]es)\b",
        r"\b(?:arranged|organi[sz]ed|handled) by (?:our|the|her)\s(?:manager|administrator|admin|agency|operator|assistant|coordinator)\b",
        r"\b(?:do not|don't|please do not)\s(?:contact|call|text)\s(?:the\s)?(?:ladies|girls|models|her)\s(?:directly|personally)\b",
        r"\b(?:the\s)?(?:ladies|girls|models)\s(?:do not|don't)\s(?:take|give|have)\s(?:personal\s)?(?:numbers|calls|phones)\b",
        r"\b(?:fee|payment|money)\s(?:is\s)?(?:paid|goes)\sto\s(?:the\s|our\s)?(?:administrator|manager|agency|driver|coordinator)\b",
        r"\bmy\s(?:manager|agent|driver|boss|administrator|admin)\s(?:takes|arranges|decides|handles|keeps|books|answers|sets)\b",
        r"\b(?:bookings?|appointments?|meetings?)\s(?:only\s)?(?:through|via|with|by)\smy\s(?:manager|agent|administrator|admin|driver)\b",
        r"\b(?:profile|advert|ad|page)\s(?:filled in|written|managed|posted|run)\sby\s(?:her|the|our)\s(?:\w+'?s?\s)?(?:manager|agent|coordinator|mother|family|office|agency)\b",
        r"\b(?:letters|messages|correspondence|texts|calls)\s(?:go|goes|are|is)\s(?:answered\s)?(?:through|via|by)\s(?:our|the|her)\s(?:office|manager|agency|coordinator|receptionist|mother|family)\b",
        r"\b(?:contact|write|letters|messages)\s?:?\s(?:only\s)?(?:through|via)\s(?:the\s|our\s|her\s)?(?:manager|agency|office|coordinator|mother|father|brother|aunt|family)\b",
        r"\bon (?:her|[a-z]+'s) behalf\b",
        r"\b(?:texts|messages|calls)\s(?:are\s)?answered\sby\s(?!me\b|myself\b|her\b|herself\b)[a-z]+",
        r"\b(?:payment|money|the fee)\s(?:is\s)?(?:made|paid|given)\sto\s(?:the|our)\s(?:coordinator|manager|administrator|agency|driver)\b",
        r"\bmy\s(?:daughter|niece|sister|cousin|granddaughter|goddaughter)\b<g4>(?:husband|man|groom|marr\w*|wife)\b",
    ),
    "multiple_workers_one_contact": (
        r"\bnew\s(?:girls|ladies|models|faces)\s(?:every|each)\s(?:week|day|month|monday)\b",
        r"\b(?:need|take|taking|hire|hiring|looking for|recruit\w*|find)\s(?:\d{1,3}|several|many|ten|twenty|fifteen|five|six|four|\d+ more)\s(?:more\s)?(?:caring\s|young\s)?"
        rf"{_GIRLS}\b",
        rf"\b(?:several|many|\d{{1,3}})\s(?:new\s)?{_GIRLS}\s(?:needed|wanted|available)\b",
        r"\bone\s(?:number|phone|contact|manager|coordinator)\s(?:for\s)?(?:all|everyone|everybody|the whole group)\b",
        r"\b(?:one number only|call one number|one manager handles|all through one (?:manager|coordinator|number))\b",
        r"\b(?:groups? of girls|new groups? every)\b",
        rf"\b(?:large|big|wide)\s(?:selection|choice)\sof\s{_GIRLS}",
        r"\bdifferent\s(?:girls|ladies)\s(?:every|each)\b",
        r"\bchoose from our (?:girls|ladies|models)\b",
        r"\b(?:many|several|all the)\s(?:girls|ladies),?\sone (?:call|phone|number)\b",
        r"\b(?:currently|now)\s\d{1,2}\s(?:new\s)?(?:ladies|girls|models|companions)\s(?:available|on duty|working)\b",
        r"\b(?:five|four|six|seven|eight|ten|\d{1,2})\s(?:brand-new|new)\s(?:\w+\s){0,3}(?:beauties|girls|ladies)\b",
        r"\bour other (?:girls|ladies|models|companions)\b",
    ),
    "new_in_town": (
        r"\bnew in (?:town|the city|your city)\b",
        r"\bnew in (?!the\b|a\b|our\b|this\b)[a-z]+(?=\s?[!.,\n]|$)",
        r"\b(?:just|recently)\s(?:arrived|landed|moved here)\b",
        r"\b(?:recent|new)\s(?:arrivals?|arrived)\b",
        r"\bfirst time in\b",
        r"\bon tour\b",
        r"\b(?:only|just)\s(?:this|for a few)\s(?:week|days|weekend)\b",
        r"\bonly this week in\b",
        r"\bvisiting\b<g2>(?:for a (?:few|couple of) days|this week|until)\b",
        r"\bthis week only\b",
        r"\b(?:here|in town|in the city)\s(?:only\s)?for\s(?:a\s)?(?:short time|few days|couple of days|short visit|limited time)\b",
        r"\b(?:arrived|came)\s(?:from\s\w+\s)?(?:last week|yesterday|this week|recently|a few days ago)\b",
        r"\b(?:touring|tour dates|on my (?:\w+\s)?tour)\b",
    ),
    "available_24_7": (
        r"\b24\s?/\s?7\b",
        r"\b24\s?(?:hours|h|hrs)\b",
        r"\b(?:a)?round the clock\b",
        r"\bany\s?time\b",
        r"\bday (?:and|or) night\b",
        r"\bno days off\b",
        r"\b(?:seven|7) days a week\b",
        r"\bat any hour\b",
        r"\bnon-?stop\b",
    ),
    "restricted_movement": (
        r"\b(?:do not|don't|cannot|can't|can not|not allowed to|are not allowed to|may not|must not|forbidden to)\s"
        r"(?:go out|leave)\b",
        r"\bno going out\b",
        r"\b(?:doesn't|does not|don't|never)\s(?:go|goes)\sout alone\b",
        r"\b(?:only|always)\s(?:with|accompanied by|escorted by)\s(?:our\s|the\s)?(?:driver|supervisor|team leader|"
        r"manager|coordinator|escort|security|chauffeur|owner|boss)\b",
        r"\b(?:accompanied|escorted|driven)\s(?:to and from|everywhere|to (?:every|all|each))\b",
        r"\b(?:is|are)\s(?:always\s)?(?:accompanied|escorted)\s(?:to|by)\b",
        r"\bphones?\s(?:are\s|is\s)?(?:handed in|taken away|collected|kept)\b",
        r"\bphone (?:use|usage)\s(?:as per|at|only with|according to|decided by|restricted)\b",
        r"\bday off\b<g3>(?:as per|at the|decided by|according to)\s(?:the\s)?(?:employer|owner|family|manager|boss)\b",
        r"\bouting?s?\s(?:are\s)?(?:organi[sz]ed|only)\b<g3>(?:by|with)\b",
        r"\beverything (?:you need\s)?is brought to you\b",
        r"\b(?:our|their|his|the)\s(?:own\s)?(?:driver|chauffeur)\s(?:always\s)?(?:accompanies|brings|takes|drives|collects)\s(?:her|you|them|the (?:girls|ladies|staff|workers)|(?:your|the)\s(?:companion|lady|model|date))\b",
        r"\b(?:takes?|drives?|brings?)\s(?:you|the staff|the girls|the ladies|the workers|them)\s(?:together\s)?(?:to town|shopping|to the shops|everywhere)\b",
        r"\bstays? (?:at|in) our (?:place|apartment|flat|house)\b",
        r"\b(?:the\s)?(?:girls|ladies|companions)\s(?:live|stay)\s(?:in|at)\s(?:our|the company'?s?)\s(?:\w+\s)?(?:apartments?|flats?|house)\b",
        r"\b(?:locked|lock)\s(?:in|up)\b",
        r"\bnot (?:free|allowed) to (?:leave|go out)\b",
        r"\b(?:won't|will not|don't|do not)\s(?:really\s)?need to\s(?:go|leave)\s(?:\w+\s){0,3}on your own\b",
        r"\bwe(?:'d| would)\s(?:want|need|like)\syou\s(?:to stay\s)?in the house\b",
        r"\bdays? off\b<g3>(?:agreed with|at the discretion of|decided by|as per|at)\s(?:the\s)?(?:madam|employer'?s?|family'?s?|owner'?s?|sponsor'?s?|boss'?s?)\b",
    ),
    "marriage_abroad_fast": (
        r"\b(?:wedding|marriage|married|marry)\b<g3>(?:within|in)\s(?:\d+|a few|few|two|three|one|a|six)\s(?:weeks?|months?|days)\b",
        r"\b(?:move|moving|leave|leaving|go|live|relocate|fly|come|join him)\s(?:abroad|to \w+|to him|to his country|with him)\b<g3>(?:in|within)\s(?:\d+|a few|few|a|one|"
        r"two|three)\s(?:weeks?|months?|days)\b",
        r"\b(?:quick|fast|rapid|speedy|express|short)\s(?:marriage|wedding|visa|engagement)\b",
        r"\bget married\b<g4>(?:this year|soon|quickly|fast|this month|before)\b",
        r"\bmarry (?:soon|quickly|fast|this year)\b",
        r"\bready to (?:move to your country|start a new life abroad|move abroad|relocate|leave)\b",
        r"\bmarry a foreigner and (?:move|leave|go)\b",
        r"\b(?:wedding|marriage)\b<g2>guaranteed\b",
        r"\bguaranteed\s(?:wedding|marriage|husband)\b",
        r"\b(?:fianc[eé]e?|k-?1|spouse) visa\b<g3>(?:in|within)\s(?:\d+|a few|two|three)\s(?:weeks|months)\b",
        r"\b(?:wedding|ceremony|marriage)\b<g4>soon after\b",
        r"\b(?:wedding|marriage|married)\b<g4>within (?:the|this|one) (?:season|year|month)\b",
        r"\b(?:ready|willing|wants?)\sto\s(?:move|relocate|leave|go)\s(?:to\s)?(?:\w+\s){0,3}(?:country|abroad)\s(?:soon|quickly|fast|at once|immediately)\b",
        r"\bmove to (?:her|his|your) (?:future\s)?husband'?s? country\b",
    ),
    "agency_pays_travel": (
        r"\b(?:groom|man|men|fiance|husband|gentleman|gentlemen|agency|we|he|i|sponsor|your future husband|my client)\s(?:will\s)?(?:pays?|covers?|buys?|sends?|books?|arranges?)\s(?:for\s)?(?:you\s)?"
        r"(?:all\s)?(?:your\s|the\s|her\s|a\s)?(?:travel|tickets?|flights?|trip|visa|expenses|journey|plane ticket|air ticket|money for (?:the\s)?tickets?)",
        r"\b(?:tickets?|travel|flights?|visa|trip|journey)\b<g3>(?:are\s|is\s|will be\s)?(?:paid|covered|bought|booked|sent)\s(?:for\s)?by\s(?:the\s|our\s|your\s)?"
        r"(?:agency|groom|man|men|husband|us|gentlemen|him|me|fiance|future husband|sponsor)\b",
        r"\byou pay nothing for the (?:trip|travel|ticket|flight|journey)",
        r"\bwe organi[sz]e and pay for\b",
        r"\b(?:flights?|tickets?)\s(?:and\s)?(?:visa\s)?(?:are\s)?covered\b",
        rf"\b(?:we|our partners|they|he)\s(?:will\s)?take care of (?:the\s|your\s)?{_TRAVEL}",
        rf"\b(?:the\s)?{_TRAVEL}\b<g3>(?:side is on us|is on us|is on him)",
        rf"\b(?:won't|will not) need money for the {_TRAVEL}",
        r"\bready to invite you and arrange\b",
        r"\b(?:he|i|the man|your future husband)\s(?:will\s)?(?:invite|bring|fly)\s(?:you|her)\b<g3>(?:pay|at (?:his|my) expense|expenses)",
        r"\b(?:he|she|they|we|i|[a-z]+|your gentleman|the gentleman|the groom|our gentlemen|the man)\s(?:will\s)?(?:pays?|covers?|sponsors?|arranges?|takes? care of)\s(?:for\s)?(?:all\s|everything\s?:?\s?|the rest\s?:?\s?)?(?:of\s)?(?:your\s|her\s|the\s)?(?:flights?|tickets?|visa|trip|travel|journey)\b",
        r"\b(?:flights?|tickets?|travel|trip|journey|visa)\b<g4>(?:are\s|is\s)?(?:completely\s|fully\s)?(?:covered|paid|sponsored|taken care of)\s(?:for\s)?by\s(?:our\s|the\s|your\s)?(?:gentlem[ae]n|groom|man|men|him|husband|fianc[eé]|sponsor)\b",
        r"\b(?:free\s(?:trip|flight|ticket|travel)|(?:ladies|women|girls|brides)\stravel free)\b",
        r"\btravel arrangements\b<g4>(?:taken care of|paid|covered|arranged)\b",
        r"\b(?:we|they|he)\sarrange\b<g4>(?:her|your)\s(?:visa|ticket|flight|trip)",
        r"\b(?:tickets?|flights?|visa)\b<g3>pays?\s(?:the\s)?(?:groom|man|husband|gentleman)\b",
    ),
    "agency_keeps_documents": (
        rf"\b{_ID}\b<g4>(?:kept|held|stored|retained|stays?|remains?|left|looked after|safe)\b<g3>(?:by|with|at|in)\s"
        r"(?:the agency|our agency|our office|the office|us|me|him|the manager|our manager|the matchmaker|your husband|the groom)\b",
        rf"\b(?:we|agency|the agency|office|i|he|the man|your husband|the groom|the matchmaker)\s(?:will\s)?(?:keeps?|holds?|stores?|retains?|looks? after|takes? care of|safeguards?)\b<g2>(?:your\s|the\s|all\s|her\s)?{_PASSPORT}",
        rf"\bleave\s(?:your\s|the\s)?{_ID}\swith\s(?:us|the agency|our office|me|him)\b",
        rf"\b{_ID}\b<g2>(?:stay|stays|remain|remains)\s(?:in|with)\s(?:our|the|me|him)\s?(?:file|office|safe|agency)?\b",
        rf"\b{_ID}\b<g3>(?:safe with us|in safe hands)\b",
        rf"\b{_DOC}\b<g4>(?:kept|held|stored|retained|stays?|remains?)\b<g3>(?:by|with|at|in)\s(?:our|the|a|your)\s(?:local\s)?(?:matchmaker|coordinator|manager|office|agency|broker)\b",
        rf"\b(?:our|the|a|your)\s(?:local\s)?(?:matchmaker|coordinator|manager|broker)\s(?:will\s)?(?:keeps?|holds?|stores?|looks? after)\b<g2>(?:your\s|her\s|the\s)?{_DOC}",
        rf"\bsafe-?\s?keeping of (?:your\s|her\s|the\s)?{_PASSPORT}",
        rf"\b(?:my|your|her)\s{_DOC}\s(?:are|is)\s(?:still\s)?with\s(?:the|our)\s(?:agency|office|manager|matchmaker|coordinator)\b",
        rf"\b(?:the\s)?agency\s(?:keeps|holds|looks after|takes care of)\b<g3>{_DOC}",
        rf"\b(?:gave|give|handed|hand|left|leave)\s(?:my|your|her)\s{_ID}\s(?:to|with)\s(?:the|our)\s(?:agency|office|matchmaker|manager|coordinator)\b",
    ),
    "unlicensed_agency": (
        r"\blicen[cs]e\b<g2>(?:is\s)?(?:being\s)?(?:renewed|in process|in progress|pending|being processed|expired|"
        r"suspended|applied for)",
        r"\b(?:work|working|operate|operating)\s(?:without|with no)\s(?:a\s)?licen[cs]e\b",
        r"\bno licen[cs]e (?:needed|required|necessary)\b",
        r"\bunlicen[cs]ed\b",
        r"\b(?:we\s)?(?:work|working|operate)\s(?:unofficially|informally|off the books)\b",
    ),
    "wages_cut_for_costs": (
        r"\b(?:food|meals|housing|<~accommodation>|rent|room|transport|bus|lodging|uniform|work clothes|equipment|tools|caravans?|beds?"
        rf"|fines|utilities|bed|insurance)\b<g7>(?:deducted|taken|cut|withheld|subtracted|kept|comes? off|coming off)\b<g2>(?:from|out of|off)\s"
        rf"(?:your\s|the\s)?(?:weekly\s|monthly\s)?{_SALARY}",
        r"\b(?:rent|housing|food|caravans?|room|<~accommodation>)\b<g4>(?:just\s)?(?:comes?|coming)\soff\s(?:your\s|the\s)?(?:salary|wages?|pay)",
        r"\bdeductions?\s(?:for|from)\b<g2>(?:accommodation|food|meals|housing|transport|uniform|work clothes|"
        r"equipment|fines|rent)",
        r"<money>\s?(?:/|per|a)\s?(?:week|month)\s(?:is\s)?(?:taken|deducted)\s(?:from|off|out of)\s(?:your\s|the\s)?(?:pay|wages?|salary)",
        rf"\bfines?\b<g4>(?:from|out of)\s(?:your\s|the\s)?{_SALARY}",
        rf"\b{_SALARY}\s(?:is\s|are\s)?(?:withheld|held back|kept back|paid only at the end|kept as (?:a\s)?(?:guarantee|deposit))\b",
        rf"\b(?:first|last)\s(?:month'?s?|two months'?|week'?s?)\s{_SALARY}\s(?:is\s|are\s)?(?:kept|held|withheld)\b",
        r"\b(?:fines|penalties)\sfor\s(?:lateness|being late|mistakes|breaking|complaints|refusing)",
        r"\bminus the (?:agency|manager'?s?|house|company)\s(?:share|cut|percentage)\b",
    ),
    "ethnicity_emphasis": (
        r"\bexotic\b",
        rf"\b{_NATION}\s(?:and\s{_NATION}\s)?(?:girls?|beauty|beauties|ladies|lady|women|woman|babe|models?|doll|princess"
        r"|look|blood)\b",
        r"\bgirls from (?:thailand|the philippines|asia|africa|brazil|latin america|ukraine|russia|moldova|romania|"
        r"eastern europe|the east)\b",
        rf"\b(?:half|100%|pure|real|genuine)\s{_NATION}\b",
        r"(?<=\w )by origin\b",
        r"\bmediterranean look\b",
        r"\b(?:arrivals?|arrived|girls|ladies|beauties)\s(?:just\s)?from\s(?:eastern europe|asia|africa|latin america|the east|vietnam|thailand|the philippines|ukraine|russia|moldova|romania|brazil)\b",
        r"\b(?:young|fresh|new|sweet)\s(?:\w+\s)?(?:asian|slavic|latina|ebony|oriental|eastern european)\b",
    ),
    "youth_emphasis": (
        r"\bvery young\b",
        r"\bfresh\b<g2>(?:young|girls?|faces?|teen)\b",
        r"\bfreshest faces\b",
        r"\byoung and fresh\b",
        r"\bpetite\b",
        r"\bjust turned 1[89]\b",
        r"\bbarely (?:legal|18)\b",
        r"\bteens?\b",
        r"\b(?:young|innocent)[- ]looking\b",
        r"\binnocent\b",
        r"\btiny\b",
        r"\bschool ?girl\b",
        r"\byouthful\b",
        r"\b(?:sweet|cute|little|shy)\s[a-z]+,?\s(?:18|19|20)\b",
        r"\b(?:young|fresh)\s?(?:&|and)\s?(?:fresh|young|sweet)\b",
        r"\b(?:fresh|young)\s(?:young\s)?(?:ladies|girls)\s1[89]\b",
    ),
    "bride_catalogue": (
        r"\b(?:catalogue|catalog|gallery|database)s?\s(?:of\s)?(?:our\s)?(?:\d+\s)?(?:brides|girls|women|ladies|profiles|wives)\b",
        r"\b(?:brides?|girls|ladies|women)\s(?:catalogue|catalog|gallery)\b",
        r"\b(?:browse|choose|select|pick)\b<g3>(?:brides?|girls|ladies|women|wife|wives)\b<g3>(?:from|in)\s(?:our|the)\s(?:catalogue|catalog|database|gallery|selection|base|files)",
        r"\b(?:choose|pick|select)\s(?:your|a)\s(?:future\s)?(?:bride|wife)\b",
        r"\bmail[- ]order\s(?:brides?|wives)\b",
        r"\b(?:photos|profiles|contacts)\s(?:of\s)?(?:our\s)?(?:girls|brides|ladies|women)\s(?:are\s)?(?:available|sent|shown)\s(?:to|for)\s(?:members|men|clients|gentlemen)\b",
    ),
    "payment_to_family": (
        r"\b(?:pay|paid|give|gives|money|gift|gifts|compensation|payment|support)\b<g4>(?:to|for)\s(?:her|your|the bride'?s?|the girl'?s?|the woman'?s?)\s(?:family|parents|mother|father|relatives)\b",
        r"\b(?:bride ?price|dowry)\b",
        r"\b(?:her|your|the bride'?s?|the girl'?s?)\s(?:family|parents)\s(?:will\s)?(?:receive|get|be paid|be compensated|is paid)\b",
    ),
    "sham_marriage": (
        r"\b(?:fictitious|fictional|sham|fake|paper|contract|paid|business|formal)\s(?:marriage|wedding)\b",
        r"\bmarriage\s(?:of convenience|for (?:the\s)?(?:papers|documents|residence|a visa|citizenship|a passport|a residence permit|money))\b",
        r"\bmarry\w*\s(?:for|to get)\s(?:the\s)?(?:papers|documents|residence|a visa|citizenship|a passport|a residence permit)\b",
        r"\b(?:papers|residence|citizenship|visa|passport)\s(?:through|via|by)\s(?:a\s)?marriage\b",
    ),
    "language_not_needed": (
        r"\bno\s(?:\w+\s)?language\s(?:skills\s)?(?:needed|required|necessary)\b",
        r"\b(?:english|german|italian|french|dutch|spanish|language|languages)\s(?:is\s|are\s)?not\s(?:needed|required|necessary)\b",
        r"\bno\s(?:english|german|italian|french|dutch|spanish)\s(?:needed|required|necessary)\b",
        r"\bno need to (?:speak|know)\s(?:the\s|any\s)?(?:language|english|german|italian)\b",
        r"\b(?:we|the agency|i|he)\s(?:will\s)?translate\s(?:everything|for you)\b",
        r"\bwithout (?:knowing\s)?(?:the\s|any\s)?(?:language|english|german)\b",
    ),
    # ------------------------------------------------------------ mitigating
    "named_employer_registration": (
        r"\b(?:company\s)?(?:reg(?:istration)?\.?\s?(?:no|number|nr|#)\.?|company (?:number|no\.?)|registration number)"
        r"\s?:?\s?(?:[a-z]{1,5}[-/ ]?){0,2}\d[\d\-/ ]{2,}",
        r"\bregistered\s(?:in\s\w+(?:\s\w+)?(?:\s?&\s?\w+)?\s?,?\s?)?(?:under\s)?(?:no|number|nr)\.?\s?\d",
        r"\b(?:cui|cif|idno|vat (?:no|number)|kvk|hrb|crn|ein|abn|nip|krs|regon|cvr)\s?:?\s?(?:ro)?\d{5,}",
        r"\bcheck us in the (?:company |public |official )?register\b",
        r"\blisted in the (?:public |official )?register\b",
        r"\blicensed (?:marriage |recruitment |employment )?agency\b",
        r"\b(?:sponsor|licence|license)\s(?:ref|reference|no|number)\.?\s?:?\s?[a-z]{0,5}-?\d{3,}",
        r"\b(?:designated|approved|licensed)\s(?:sponsor|gangmaster|labour provider)\b",
    ),
    "written_contract_before_departure": (
        r"\b(?:written\s)?(?:employment\s|work\s)?contract\b<g3>(?:signed|sent|given|received)\b<g4>"
        r"(?:before\s(?:departure|leaving|you (?:leave|travel|go|fly|arrive))|at home|in (?:our|the) office|online|in advance)",
        r"\bsign\w*\s(?:the\s|a\s)?(?:written\s)?(?:employment\s)?contract\b<g3>(?:before|at home|prior to|in our office|online)\b",
        r"\bcontract\b<g4>in your (?:own\s|native\s)?language\b",
        r"\b(?:keep|get|gets|receive|receives)\s(?:a\s|your\s)?(?:own\s)?copy\b",
        r"\bcopy (?:of the contract\s)?(?:for|to) (?:you|the worker|every worker|each worker)\b",
        r"\bno departure without a signed contract\b",
        r"\bbefore (?:departure|you leave|leaving|you travel)\b<g3>(?:sign|contract)",
        r"\b(?:certificate of sponsorship|cos|work permit)\b<g3>(?:issued|granted|obtained)\s(?:before|prior to)\b",
    ),
    "realistic_wage": (
        r"<money>\s?(?:gross\s|brutto\s|net\s|before tax\s)?(?:/\s?|per\s|an\s|a\s)(?:hour|h\b|hr)[^.!?\n]{0,60}?"
        r"\b\d{2}\s?(?:hours|h|hrs)\b",
        r"\b(?:hourly rate|gross wage|hourly wage|pay|wage|rate)\s?:?\s?<money>\s?(?:gross\s)?(?:an|a|per|/)?\s?(?:hour|h\b)?"
        r"[^.!?\n]{0,60}?\b\d{2}\s?(?:hours|h|hrs)\b",
        r"<money>\s?(?:gross|brutto|net)\s(?:per|a|/)\s?month\b[^.!?\n]{0,40}?\b\d{2}\s?(?:hours|h)\s?(?:/|per|a)\s?week",
        r"\bhourly rate\b[^.!?\n]{0,30}?<money>\s?(?:gross|before tax|brutto)",
        r"(?:€|\$|£)\s?\d{1,2}(?:[.,]\d{1,2})?\s?(?:/\s?(?:h|hr|hour)\b|per hour|an hour|ph\b|p/h)",
        r"\b\d{1,2}(?:[.,]\d{1,2})?\s?(?:eur|euro|euros|usd|gbp|chf|pln|lei|ron|€)\s?(?:gross\s|brutto\s|net\s)?(?:/\s?(?:h|hr|hour)\b|per hour|an hour|hourly)",
        r"(?:€|\$|£)\s?\d{2,3}[,.]?\d{3}\s?(?:-|–|to)\s?(?:€|\$|£)?\s?\d{2,3}[,.]?\d{3}\b",
        r"(?:€|\$|£)\s?\d{2,3}[,.]?\d{3}\s?(?:per annum|per year|a year|/\s?year|annually|pa\b|p\.a\.)",
        r"(?:€|\$|£)\s?\d{2,3}k\s?(?:-|–|to)\s?(?:€|\$|£)?\s?\d{2,3}k\b",
        r"<money>\s?(?:gross|brutto|net)\s(?:per|a|/)\s?month\b",
        r"\b(?:stipend|salary|wage|pay)\s(?:of\s)?(?:at least\s)?<money>\s?(?:gross\s|net\s)?(?:per|a|/)\s?(?:week|month|hour)\b",
    ),
    "contract_terms_stated": (
        r"\b(?:permanent|fixed-term|fixed term|full-time|part-time|open-ended|indefinite|temporary|seasonal)\s(?:employment\s|work\s)?(?:contract|position|role|job|post)\b",
        r"\b(?:contract|assignment|placement)\s(?:for|of)\s(?:\d+|one|two|three|six|twelve)\s(?:months?|years?|weeks)\b",
        r"\b\d+[- ](?:month|year)\s(?:fixed-term\s|fixed term\s|employment\s|work\s)?contract\b",
        r"\b(?:\d+\s(?:days|weeks)\s(?:of\s)?(?:paid\s)?(?:annual\s)?(?:leave|holiday|vacation|pto)|paid (?:annual\s)?(?:leave|holidays?|vacation|time off)|holiday pay|sick pay|unlimited pto)\b",
        r"\b(?:social|health|medical)\s(?:insurance|security|contributions)\b",
        r"\b(?:pension|401\(?k\)?|retirement)\s(?:plan|scheme|contributions?|matching|match)\b",
        r"\bemployment contract\s(?:under|according to|in line with|governed by)\b",
        r"\bcollective (?:labou?r )?agreement\b",
    ),
    "transparent_deductions": (
        r"\b(?:rent|<~accommodation>|room|housing)\b[^.!?\n]{0,50}?<money>\s?(?:a|per|/)\s?(?:month|week)\b[^.!?\n]{0,60}?"
        r"\b(?:optional|separate (?:lease|tenancy|agreement|contract)|written lease|shown on the payslip|not obligatory"
        r"|voluntary|rent privately|own choice|your choice|if you want)",
        r"\bseparate\s(?:lease|tenancy agreement|tenancy|rental agreement|rental contract)\b",
        r"\bno other deductions\b",
        r"\b(?:optional|voluntary)\b<g2>(?:<~accommodation>|housing|room|staff housing)\b",
        r"\b(?:<~accommodation>|housing|room)\s(?:is\s)?(?:optional|voluntary|not obligatory|not compulsory)\b",
        r"\bif you want it\b[^.!?\n]{0,20}?<money>",
        r"\byou (?:can|may) (?:also\s)?(?:rent|find|arrange)\s(?:your own|a flat|privately|on your own|elsewhere)\b",
    ),
    "independent_adult": (
        r"\bno (?:agency|agencies|manager|middlem[ae]n|pimp|third part(?:y|ies)|intermediaries|agent)\b",
        r"\bi (?:work|am working) (?:for myself|independently|alone|on my own)\b",
        r"\b(?:i'm|i am) (?:an\s)?(?:independent|my own boss)\b",
        r"\bindependent (?:lady|companion|escort|girl|woman|model)\b",
        r"\bmy own (?:boss|terms|schedule|rules|choice|ad|rates|diary|hours|bookings)\b",
        r"\bi (?:answer|reply to)\s(?:my phone\s|all messages\s|all calls\s|messages\s)?myself\b",
        r"\b(?:book|contact|call|write to|text|message) (?:me )?(?:directly|personally)\b",
        r"\bdirectly with me\b",
        r"\bi (?:decide|choose|set my own|set my)\b",
        r"\bby my own choice\b",
        r"\bi'm writing this myself\b",
        r"\bi pay for my own\b",
        r"\bi (?:don't|do not) work with agencies\b",
        r"\bi (?:may|can) decline\b",
        r"\bi(?:'ll| will) (?:decide|choose)\b",
        r"\bi(?:'m| am) (?:looking|searching) for (?:a |my )?(?:serious |kind |caring |reliable |honest |good )?(?:man|husband|partner|gentleman|soulmate|life partner)\b",
        r"\b(?:written|managed|run)\s(?:and\s(?:written|managed)\s)?by\s(?:\w+\s)?herself\b",
        r"\bmy terms\b",
        r"\b(?:text|call|message|contact)\sme\s(?:yourself|personally|directly)\b|\bnobody else answers\b|\banswered by me\b",
        r"\bi plan my own\b|\bi book (?:everything\s)?(?:myself|my own)\b|\bbook my own\b",
        r"\b(?:looking|searching)\s(?:for\s)?a\s(?:kind|honest|serious|good|caring|reliable)\s(?:,\s?\w+\s)?(?:man|partner|gentleman)\b",
    ),
    "registered_agency_office": (
        r"\b(?:interviews?|meetings?|consultations?|info sessions?)\b<g5>(?:at|in)\s(?:our|the)\s(?:registered\s|local\s|partner\s)?office\b",
        r"\b(?:come|visit|pop in|walk in)\s(?:to\s)?(?:us\s)?(?:at\s)?(?:our|the)\s(?:registered\s)?office\b",
        r"\bregistered office\b",
        r"\bvisit us\b<g2>(?:weekday|office|monday|between)",
        r"\bmeet us in person\b",
        r"\boffice\s?(?:address)?\s?(?:at|:)\s?(?:\w+\s?\d*,\s)?\d{1,4}\s\w+\s(?:street|st|road|rd|lane|square|avenue|ave|"
        r"row|boulevard)\b",
        r"\b(?:local\s)?(?:partner\s)?office\s?:\s?\d{1,4}\s\w+\s(?:street|st|road|rd|lane|square|avenue|ave|row|boulevard)\b",
    ),
}

# Sentences in which a keyword means something else; see the package docstring.
EXCLUDE: dict[str, tuple[str, ...]] = {
    # A woman describing herself is not a requirement someone sets for her.
    "young_women_only": (r"\bi(?: am|'m) an?\s(?:[a-z-]+,?\s){0,3}(?:woman|girl|lady)\b",),
    "accommodation_by_employer": (
        r"\breasonable\b|\bdisabilit|\bapplicants?\b|\bcandidates with\b|\brecruitment process|\baccessib|\badjustments?\b|\bimpairment",
        r"\bguests?\b|\bhospitality industry\b",
    ),
    "wages_cut_for_costs": (
        r"\bpre-?tax\b|\btax\b|\bcommuter\b|\bbenefits?\b|\bpension\b|\b401|\bhealth savings",
    ),
    "documents_held": (
        r"\b(?:application|cv|resume|diploma|certificates?)\b|\bprivacy\b|\bpersonal data\b|\bgdpr\b|\bcopies\b|\bright to work\b|\bgive (?:them )?back\b",
    ),
    "travel_paid": (
        r"\b(?:business|work)\s(?:trips?|travel)\b|\bteam\s(?:retreats?|offsites?|events?|gatherings?)\b|\boffsites?\b|\bconferences?\b|\bmeetups?\b|\breimburse",
    ),
    "vague_employer": (
        r"\b(?:experience|worked|working)\s(?:at|in|with|for)\b|\bsuch as\b|\blike\b|\bincluding\b|\btrusted by\b|\bcustomers\b|\bproduct\b|\bplatform\b",
    ),
    "recruitment_fee": (
        r"\bto help you\b|\bwe pay you\b|\bpaid to you\b|\bbonus\b|\ballowance\b|\breferral\b|\brelocation\b|\bpackage\b|\b401|\bmatching\b"
        r"|\bwith your (?:first\s)?(?:salary|paycheck|pay)\b",
    ),
    "deployment_unnamed_employer": (
        r"\b(?:code|software|production|models?|servers?|cloud|releases?|pipelines?|features?|apps?)\b",
    ),
    "restricted_movement": (
        r"\bfor (?:the\s)?(?:guests?|customers?|patients?|residents?|children)\b",
    ),
    "send_photos": (
        r"\b(?:headshot|portfolio|casting|id photo|photo id|passport photo|profile picture)\b",
    ),
    "available_24_7": (
        r"\b24\s?(?:hours|h|hrs)'?\s(?:notice|in advance|ahead|before)\b|\bnotice\b",
    ),
}
