# ruff: noqa: E501
"""English indicator patterns (see the package docstring for the macros)."""

from __future__ import annotations

_GIRLS = r"(?:girls|young women|young ladies|ladies|women|females?)"
_SALARY = r"(?:salary|salaries|wages?|pay|earnings|paycheck|payslip)"
_PHOTO = r"(?:photos?|pictures?|pics|images)"
_MSG = r"(?:telegram|whatsapp|viber|signal|wechat|tg)"
_DOC = r"(?:<~passport>s?|documents?|id cards?|identity cards?|ids|papers|originals)"
_HOLDER = r"(?:the|our|us|employer|agency|office|management|coordinator|company|boss|manager)"
_TRAVEL = r"(?:tickets?|travel|flights?|airfare|journey|trip|visas?|transport|bus)"
_PAYER = r"(?:we|employer|company|agency|groom|man|men|fiance|husband|gentleman|gentlemen)"
_ARRIVAL = r"(?:on arrival|upon arrival|at arrival|on the spot|on site|once you arrive|when you arrive|after you arrive|there)"
_NATION = (
    r"(?:asian|latina|latin|brazilian|thai|filipina|african|ebony|slavic|russian|ukrainian"
    r"|moldovan|romanian|oriental|arab|arabian|indian|chinese|japanese|korean|czech|polish"
    r"|colombian|cuban|venezuelan|dominican|mulatto|mulatta|italian|spanish|turkish|balkan)"
)

PATTERNS: dict[str, tuple[str, ...]] = {
    "high_pay_no_experience": (
        r"\b(?:earn|earnings|salary|pay|income|make|wages?)\b[^.!?\n]{0,40}?<money>[^.!?\n]{0,60}?"
        r"(?:\b(?:no|zero|without)\s(?:previous\s|any\s)?(?:<~experience>|qualifications?|skills|languages?)"
        r"|\bwe (?:teach|train) you|\b(?:even\s)?for beginners)",
        r"\b(?:no|zero|without)\s(?:previous\s|any\s)?<~experience>\b[^.!?\n]{0,60}?<money>",
        r"\b<~experience>\s(?:is\s)?not (?:needed|required|necessary|important)\b[^.!?\n]{0,60}?<money>",
        r"\beasy money\b",
        r"\bno <~experience>\?\s?no problem\b[^.!?\n]{0,40}?<money>",
        r"\bbeginners?\s(?:earn|make|get)\b",
        r"\b(?:very high|huge|big|high)\s(?:earnings|income|salary|pay)\b[^.!?\n]{0,40}?"
        r"\b(?:beginners|no <~experience>|without <~experience>)",
        r"\b(?:earn|make|income)\w*\s(?:up to\s|from\s)?<money>\s?(?:a|per|/|each)\s?(?:day|night|shift)\b",
    ),
    "travel_paid": (
        rf"\b{_TRAVEL}\b<g3>(?:are\s|is\s|will be\s)?(?:paid|covered|included|arranged|organi[sz]ed|booked)"
        r"\s(?:for\s)?(?:by\s(?:the\s|our\s)?(?:employer|company|us|agency|groom|man|men)|by us)",
        rf"\b{_TRAVEL}\s(?:are\s|is\s)?(?:paid|covered|included|free)\b",
        rf"\b{_PAYER}\s(?:will\s)?(?:pay|cover|buy|book|organi[sz]e and pay for)s?\s(?:for\s)?(?:all\s)?"
        rf"(?:your\s|the\s|their\s)?{_TRAVEL}",
        r"\bfree\s(?:travel|transport|tickets?|flights?|visa|transfer)\b",
        r"\b(?:we|employer|company|agency)\s(?:will\s)?(?:arrange|organi[sz]e|handle|sort out)s?\s"
        r"(?:the\s|your\s)?(?:visa|tickets?|travel|trip|journey)",
        r"\b(?:arranged|organi[sz]ed|paid) by us\b",
        r"\byou (?:don't|do not) pay for the (?:trip|ticket|travel|flight|journey)",
        r"\byou pay nothing for the (?:trip|travel|ticket|flight|journey)",
        r"\b(?:travel|trip|journey) (?:is\s)?(?:on us|at our expense|at the employer's expense)",
    ),
    "accommodation_by_employer": (
        r"\b(?:<~accommodation>|housing|lodging|room|rooms|a place to (?:live|stay)|a bed)\b<g2>"
        r"(?:is\s|are\s)?(?:provided|included|offered|available|arranged|guaranteed|free)\b",
        r"\b(?:free|company|employer'?s?|staff)\s(?:<~accommodation>|housing|lodging|house|containers?|rooms?|hostel)\b",
        r"\b(?:we|employer|company|the farm)\s(?:will\s)?(?:give|provide|offer)s?\s(?:you\s)?(?:with\s)?(?:a\s)?"
        r"(?:place to (?:live|stay)|<~accommodation>|housing|room|rooms|bed)\b",
        r"\b<~accommodation>\s(?:by|from|with)\s(?:the\s)?(?:employer|company|agency)\b",
        r"\b(?:you\s)?live\s(?:on site|where you work|at the (?:farm|factory|hotel)|in the employer'?s)\b",
        r"\b\d\s?(?:-\s?\d\s)?(?:people|persons|workers|beds)\s(?:per|in a|to a)\sroom\b",
        r"\brooms? for \d(?:\s?-\s?\d)? (?:people|persons|workers)\b",
    ),
    "debt_repaid_from_wages": (
        rf"\b(?:costs?|tickets?|travel|advance|visa|loan|debt|trip|flights?|bus|expenses)\b<g8>"
        rf"(?:deducted|repaid|paid back|taken|withheld|recovered|settled|taken out)\s(?:out of|from|against)\s"
        rf"(?:your\s|the\s)?(?:first\s)?(?:\w+\s)?{_SALARY}",
        rf"\b(?:repay|pay back|pay (?:it|them|us|this) back|return|work off)\b<g3>(?:from|out of|with)\s"
        rf"(?:your\s)?(?:first\s)?(?:{_SALARY}|work)",
        r"\bwork off\b<g2>(?:debt|costs?|loan|advance)",
        r"\buntil (?:the\s|your\s)?(?:advance|debt|loan|costs?|travel costs)\b<g2>(?:is\s|are\s)?(?:repaid|paid (?:back|off))",
        r"\b(?:repay|pay off|pay back)\s(?:the\s|your\s)?(?:debt|loan|advance)\b",
        r"\b(?:travel|trip|tickets?)\s(?:on credit|as a loan|is a loan)\b",
    ),
    "documents_held": (
        rf"\b{_DOC}\b<g4>(?:kept|held|stored|retained|collected|taken|stays?|remains?|left)\b<g3>"
        rf"(?:by|with|at|in)\s(?:{_HOLDER})\b",
        rf"\b(?:we|employer|agency|coordinator|company|management|office|boss|manager|they)\s(?:will\s)?"
        rf"(?:keep|hold|take|store|collect|retain)s?\b<g2>(?:your\s|the\s|all\s|their\s)?{_DOC}",
        rf"\bhand(?:ed)?\s(?:over|in)\s(?:your\s|the\s|all\s|their\s)?{_DOC}",
        rf"\b(?:give|leave|hand)\s(?:us|them|him)\s(?:your\s|the\s)?{_DOC}\b<g2>(?:on arrival|to|with|for|until)\b",
        rf"\bleave\s(?:your\s|the\s)?{_DOC}\swith\s(?:us|the|our)\b",
        rf"\b{_DOC}\b<g4>(?:for safe ?keeping|for safety|safer this way)",
        rf"\b{_DOC}\s(?:are|is)\s(?:kept|held)\s(?:until|during|while)\b",
    ),
    "recruitment_fee": (
        r"\b(?:registration|processing|placement|recruitment|service|agency|application|administration|admin"
        r"|entry|booking|visa|job search|documents?|translation|profile|catalogue|invitation)\s"
        r"(?:fee|fees|charge|charges|payment|tax)\b",
        r"\b(?:one-time|one time|small|upfront|up-front|advance|non-refundable|refundable)\s(?:fee|payment|deposit)\b",
        r"\bpay\s<money><g4>(?:for|to)\s(?:the\s|a\s|your\s)?(?:work|job|visa|invitation|registration|documents|"
        r"place|placement|catalogue|contract|introduction|profile|service|be included|be registered|secure)",
        r"\b(?:candidates|applicants|brides|you|workers)\s(?:must\s|have to\s|need to\s|should\s)?pay\s<money>",
        r"\b(?:deposit|fee|prepayment)\s(?:of\s)?<money>",
        r"<money>\s(?:fee|deposit|prepayment|registration fee)\b",
        r"\b(?:prepayment|advance payment|paid in advance|pay in advance|payment in advance)\b",
    ),
    "vague_employer": (
        r"\b(?:well-known|well known|large|big|reputable|leading|reliable|prestigious|serious|famous|good)\s"
        r"(?:international\s|foreign\s|european\s)?(?:company|companies|firm|firms|employer|employers)\b",
        r"\b(?:company|employer|firm)(?:'s)?\s(?:name\s)?(?:will be\s|is\s)?(?:given|revealed|disclosed|provided|told)"
        r"\s(?:after|at|on|upon|later|in person)",
        r"\bname (?:will be\s)?(?:given|revealed|disclosed)\s(?:after|at|on|upon|later)",
        r"\bwork in (?:europe|the eu|eu countries|various countries|different countries|abroad)\b",
        r"\b(?:various|different|many)\s(?:jobs|positions|vacancies|countries|employers)\s(?:in|across|abroad)\b",
        r"\bemployer\s?:\s?(?:a\s)?(?:big|large|well-known|good|foreign|european|private)\s(?:company|firm)",
    ),
    "contract_on_arrival": (
        rf"\bcontracts?\b<g3>(?:signed|given|made|concluded|provided|issued|done|prepared)\s{_ARRIVAL}",
        rf"\bsign\w*\s(?:the\s|a\s|your\s)?(?:employment\s|work\s)?contract\b<g4>{_ARRIVAL}",
        r"\bno\s(?:written\s|official\s)?(?:contract|paperwork)\b<g3>(?:before|needed|required|until)",
        r"\bwithout (?:a\s)?(?:written\s|official\s)?contract\b",
        rf"\b(?:paperwork|formalities|documents for work|everything)\b<g2>(?:is\s|are\s)?(?:done|arranged|handled|sorted)"
        rf"\s{_ARRIVAL}",
        r"\bcontract\s(?:only\s)?(?:on|upon|after)\s(?:arrival|arriving)\b",
    ),
    "messenger_only_contact": (
        rf"\bonly\s(?:via|on|in|through|by|over)?\s?{_MSG}\b",
        rf"\b{_MSG}\s(?:messages?\s|chat\s)?only\b",
        rf"\b{_MSG}\b[^.!?\n]{{0,40}}?\b(?:no (?:phone\s)?calls|calls (?:are\s)?not answered|(?:we|i) (?:don't|do not) "
        rf"(?:answer|take|pick up) (?:calls|the phone)|no e-?mails)",
        rf"\b(?:contact|write|message|text|reply|apply)\w*\s(?:us\s|me\s)?only\s(?:via|on|in|through|by)\s{_MSG}\b",
    ),
    "young_women_only": (
        r"\b(?:only\s)?(?:girls|young women|young ladies|ladies|female)\s?,?\s(?:aged\s|from\s|of\s)?"
        r"(?:1[89]|2[0-2])\s?(?:-|to)\s?(?:2\d|3[0-5])\b",
        r"\b(?:pleasant|nice|attractive|good|beautiful)\s(?:appearance|looks|figure)\b",
        r"\bheight\s(?:from|min\.?|minimum|at least|over)\s?1[5-8]\d\s?(?:cm)?",
        r"\b(?:only|just)\s(?:young\s|pretty\s|attractive\s|beautiful\s|slim\s)*(?:girls|young women|young ladies)\b",
        r"\b(?:girls|young women|young ladies|women)\sonly\b",
        r"\bgirls\s(?:up to|under|not older than|no older than)\s(?:2\d|30)\b",
        r"\bno older than\s(?:2\d|30)\b",
        r"\b1[89]\s?(?:-|to)\s?2\d\b<g2>(?:slim|slender|pretty|attractive|feminine|nice figure)",
        rf"\b(?:slim|slender|pretty|attractive|good-looking)\s(?:and\s\w+\s)?{_GIRLS}\b",
    ),
    "send_photos": (
        r"\b(?:send|attach|e-?mail|upload|include|required|need)\w*\b(?![^.!?\n]{0,80}?\b(?:headshot|portfolio|casting))[^.!?\n]{0,60}?"
        r"\b(?:full[- ]?(?:length|height|body|size)|swimsuit|bikini|lingerie|underwear|swimwear)",
        rf"\b(?:full[- ]?(?:length|height|body)|swimsuit|bikini)\s{_PHOTO}\b<g2>(?:required|needed|mandatory|obligatory)",
        rf"\bwithout\s(?:full[- ]?(?:length|height)\s)?{_PHOTO}\s(?:will not|won't) be considered",
        r"\bsend\s(?:us\s|me\s)?(?:your\s)?(?:\d+\s|a few\s|some\s)?(?:recent\s|best\s|nice\s)?(?:photos|pictures|pics)\b",
        rf"\b{_PHOTO}\s(?:in|wearing)\s(?:a\s)?(?:swimsuit|bikini|lingerie|underwear)",
    ),
    "urgency": (
        r"\burgent(?:ly)?\b",
        r"\basap\b",
        r"\b(?:departure|leaving|we leave|start)\s(?:this|next|on)\s(?:week|weekend|monday|tuesday|wednesday"
        r"|thursday|friday|saturday|sunday)\b",
        r"\b(?:places|spots|seats|vacancies|time)\s(?:are\s|is\s)?limited\b",
        r"\blimited\s(?:places|spots|seats|time|number of places)\b",
        r"\b(?:only\s)?(?:a\s)?few\s(?:places|spots|seats)\s(?:left|remaining)\b",
        r"\blast\s(?:places|spots|seats|days|chance)\b",
        r"\bhurry\b",
        r"\b(?:leave|leaving|departure|depart|travel)\w*\s(?:in|within)\s(?:\d+|a few|few|two|three|2|3)\s(?:days|weeks)\b",
        r"\bgroup leaves\s(?:on|this|next|in)\b",
        r"\b(?:book|call|apply) (?:now|today)\b",
        r"\b(?:start|departure)\s(?:immediately|tomorrow|right away)\b",
        r"\bimmediate (?:start|departure)\b",
        r"\bonly until\s(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday|tomorrow)\b",
    ),
    "third_person_voice": (
        r"\b(?:booking|bookings|appointments?|meetings?|reservations?)\s(?:only\s)?(?:through|via|with|by)\s"
        r"(?:the\s|our\s|her\s)?(?:manager|administrator|admin|agency|driver|assistant|operator)",
        r"\b(?:call|contact|ask|text|write to)\s(?:the\s|our\s|her\s)?(?:manager|administrator|admin|operator|assistant)\b",
        r"\b(?:our|the|her)\s(?:manager|administrator|admin|operator|assistant)\s(?:will|can|answers)\b",
        r"\bshe\s(?:doesn't|does not|don't)\s(?:answer|take|pick up)\b",
        r"\b(?:meeting|everything|details|schedule|rates|photos|more)\s(?:with|about|for|of)\sher\b",
        r"\bour\s(?:girls|ladies|models|companions|beauties)\b",
        r"\bshe\s(?:is|will|loves|speaks|offers|provides|works|comes|has|dresses|can|likes|enjoys)\b",
        r"\bthe agency (?:arranges|organi[sz]es)\b",
        r"\b(?:arranged|organi[sz]ed|handled) by (?:our|the|her)\s(?:manager|administrator|admin|agency|operator|assistant)\b",
    ),
    "multiple_workers_one_contact": (
        r"\bnew\s(?:girls|ladies|models|faces)\s(?:every|each)\s(?:week|day|month|monday)\b",
        r"\b(?:need|take|taking|hire|hiring|looking for|recruit\w*)\s(?:\d{1,3}|several|many|ten|twenty|fifteen)\s"
        rf"{_GIRLS}\b",
        rf"\b(?:several|many|\d{{1,3}})\s{_GIRLS}\s(?:needed|wanted|available)\b",
        r"\bone\s(?:number|phone|contact|manager|coordinator)\s(?:for\s)?(?:all|everyone|everybody|the whole group)\b",
        r"\b(?:one number only|call one number|one manager handles|all through one (?:manager|coordinator|number))\b",
        r"\b(?:groups? of girls|new groups? every)\b",
        rf"\b(?:large|big|wide)\s(?:selection|choice)\sof\s{_GIRLS}",
        r"\bdifferent\s(?:girls|ladies)\s(?:every|each)\b",
        r"\bchoose from our (?:girls|ladies|models)\b",
        r"\b(?:many|several|all the)\s(?:girls|ladies),?\sone (?:call|phone|number)\b",
    ),
    "new_in_town": (
        r"\bnew in (?:town|the city|your city)\b",
        r"\bnew in (?!the\b|a\b|our\b|this\b)[a-z]+(?=\s?[!.,\n]|$)",
        r"\b(?:just|recently)\s(?:arrived|landed|moved here)\b",
        r"\bfirst time in\b",
        r"\bon tour\b",
        r"\b(?:only|just)\s(?:this|for a few)\s(?:week|days|weekend)\b",
        r"\bonly this week in\b",
        r"\bvisiting\b<g2>(?:for a (?:few|couple of) days|this week|until)\b",
        r"\bthis week only\b",
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
        r"manager|coordinator|escort|security)\b",
        r"\bphones?\s(?:are\s|is\s)?(?:handed in|taken away|collected)\b",
        r"\bouting?s?\s(?:are\s)?(?:organi[sz]ed|only)\b<g3>(?:by|with)\b",
        r"\beverything (?:you need\s)?is brought to you\b",
        r"\bour driver\s(?:always\s)?(?:accompanies|brings|takes|drives)\s(?:her|you|them)\b",
        r"\bstays? (?:at|in) our (?:place|apartment|flat|house)\b",
        r"\b(?:locked|lock)\s(?:in|up)\b",
        r"\bnot (?:free|allowed) to (?:leave|go out)\b",
    ),
    "marriage_abroad_fast": (
        r"\b(?:wedding|marriage|married|marry)\b<g3>(?:within|in)\s(?:\d+|a few|few|two|three|one|a)\s(?:weeks?|months?|days)\b",
        r"\b(?:move|moving|leave|leaving|go|live|relocate)\s(?:abroad|to \w+)\b<g2>(?:in|within)\s(?:\d+|a few|few|a|one|"
        r"two|three)\s(?:weeks?|months?|days)\b",
        r"\b(?:quick|fast|rapid|speedy|express)\s(?:marriage|wedding|visa)\b",
        r"\bget married\b<g4>(?:this year|soon|quickly|fast|this month|before)\b",
        r"\bmarry (?:soon|quickly|fast|this year)\b",
        r"\bready to (?:move to your country|start a new life abroad|move abroad|relocate)\b",
        r"\bmarry a foreigner and (?:move|leave|go)\b",
        r"\b(?:wedding|marriage)\b<g2>guaranteed\b",
        r"\bguaranteed\s(?:wedding|marriage)\b",
    ),
    "agency_pays_travel": (
        r"\b(?:groom|man|men|fiance|husband|gentleman|gentlemen|agency|we)\s(?:will\s)?(?:pays?|covers?|buys?)\s(?:for\s)?"
        r"(?:all\s)?(?:your\s|the\s)?(?:travel|tickets?|flights?|trip|visa|expenses|journey)",
        r"\b(?:tickets?|travel|flights?|visa|trip)\b<g3>(?:are\s|is\s)?(?:paid|covered)\s(?:for\s)?by\s(?:the\s|our\s)?"
        r"(?:agency|groom|man|men|husband|us|gentlemen)\b",
        r"\byou pay nothing for the (?:trip|travel|ticket|flight|journey)",
        r"\bwe organi[sz]e and pay for\b",
        r"\b(?:flights?|tickets?)\s(?:and\s)?(?:visa\s)?(?:are\s)?covered\b",
    ),
    "agency_keeps_documents": (
        rf"\b{_DOC}\b<g4>(?:kept|held|stored|retained|stays?|remains?|left)\b<g3>(?:by|with|at|in)\s"
        r"(?:the agency|our agency|our office|the office|us)\b",
        rf"\b(?:we|agency|office)\s(?:will\s)?(?:keep|hold|store|retain)s?\b<g2>(?:your\s|the\s|all\s)?{_DOC}",
        rf"\bleave\s(?:your\s|the\s)?{_DOC}\swith\s(?:us|the agency|our office)\b",
        rf"\b{_DOC}\b<g2>(?:stay|stays|remain)\sin\sour\s(?:file|office|safe)\b",
    ),
    "unlicensed_agency": (
        r"\blicen[cs]e\b<g2>(?:is\s)?(?:being\s)?(?:renewed|in process|in progress|pending|being processed|expired|"
        r"suspended|applied for)",
        r"\b(?:no|without)\s(?:a\s)?licen[cs]e\s?(?:needed|required|necessary)?\b",
        r"\b(?:work|working|operate)\s(?:unofficially|informally|under the table|off the books)\b",
        r"\bno (?:red tape|bureaucracy)\b",
        r"\b(?:through|via)\s(?:private|personal)\scontacts\b",
        r"\bunlicen[cs]ed\b",
    ),
    "wages_cut_for_costs": (
        r"\b(?:food|meals|housing|accommodation|rent|room|transport|bus|lodging|uniform|work clothes|equipment|tools"
        rf"|fines|utilities|bed)\b<g7>(?:deducted|taken|cut|withheld|subtracted|kept)\b<g2>(?:from|out of|off)\s"
        rf"(?:your\s|the\s)?(?:weekly\s)?{_SALARY}",
        r"\bdeductions?\s(?:for|from)\b<g2>(?:accommodation|food|meals|housing|transport|uniform|work clothes|"
        r"equipment|fines|rent)",
        rf"\bfines?\b<g4>(?:from|out of)\s(?:your\s|the\s)?{_SALARY}",
        rf"\b{_SALARY}\s(?:is\s|are\s)?(?:withheld|held back|paid only at the end)\b",
        r"\b(?:fines|penalties)\sfor\s(?:lateness|being late|mistakes|breaking)",
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
    ),
    "youth_emphasis": (
        r"\bvery young\b",
        r"\bfresh\b<g2>(?:young|girls?|faces?|teen)\b",
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
    ),
    # ------------------------------------------------------------ mitigating
    "named_employer_registration": (
        r"\b(?:company\s)?(?:reg(?:istration)?\.?\s?(?:no|number|nr|#)\.?|company (?:number|no\.?)|registration number)"
        r"\s?:?\s?(?:[a-z]{1,5}[-/ ]?){0,2}\d[\d\-/ ]{2,}",
        r"\bregistered\s(?:in\s\w+(?:\s\w+)?\s?,?\s?)?(?:under\s)?(?:no|number|nr)\.?\s?\d",
        r"\b(?:cui|cif|idno|vat (?:no|number)|kvk|hrb|crn)\s?:?\s?(?:ro)?\d{5,}",
        r"\bcheck us in the (?:company |public |official )?register\b",
        r"\blisted in the (?:public |official )?register\b",
        r"\blicensed (?:marriage |recruitment |employment )?agency\b",
    ),
    "written_contract_before_departure": (
        r"\b(?:written\s)?(?:employment\s|work\s)?contract\b<g3>(?:signed|sent|given|received)\b<g3>"
        r"(?:before\s(?:departure|leaving|you (?:leave|travel|go))|at home|in (?:our|the) office)",
        r"\bsign\w*\s(?:the\s|a\s)?(?:written\s)?(?:employment\s)?contract\b<g3>(?:before|at home|prior to|in our office)\b",
        r"\bcontract\b<g4>in your (?:own\s|native\s)?language\b",
        r"\b(?:keep|get|gets|receive|receives)\s(?:a\s)?copy\b",
        r"\bcopy (?:of the contract\s)?(?:for|to) (?:you|the worker|every worker|each worker)\b",
        r"\bno departure without a signed contract\b",
        r"\bbefore (?:departure|you leave|leaving|you travel)\b<g3>(?:sign|contract)",
    ),
    "realistic_wage": (
        r"<money>\s?(?:gross\s|brutto\s|net\s|before tax\s)?(?:/\s?|per\s|an\s|a\s)(?:hour|h\b|hr)[^.!?\n]{0,60}?"
        r"\b\d{2}\s?(?:hours|h|hrs)\b",
        r"\b(?:hourly rate|gross wage|hourly wage|pay)\s?:?\s?<money>\s?(?:gross\s)?(?:an|a|per|/)?\s?(?:hour|h\b)?"
        r"[^.!?\n]{0,60}?\b\d{2}\s?(?:hours|h|hrs)\b",
        r"<money>\s?(?:gross|brutto|net)\s(?:per|a|/)\s?month\b[^.!?\n]{0,40}?\b\d{2}\s?(?:hours|h)\s?(?:/|per|a)\s?week",
        r"\bhourly rate\b[^.!?\n]{0,30}?<money>\s?(?:gross|before tax|brutto)",
    ),
    "transparent_deductions": (
        r"\b(?:rent|<~accommodation>|room|housing)\b[^.!?\n]{0,50}?<money>\s?(?:a|per|/)\s?(?:month|week)\b[^.!?\n]{0,60}?"
        r"\b(?:optional|separate (?:lease|tenancy|agreement|contract)|written lease|shown on the payslip|not obligatory"
        r"|voluntary|rent privately)",
        r"\bseparate\s(?:lease|tenancy agreement|tenancy|rental agreement|rental contract)\b",
        r"\bno other deductions\b",
        r"\b(?:optional|voluntary)\b<g2>(?:<~accommodation>|housing|room)\b",
        r"\bif you want it\b[^.!?\n]{0,20}?<money>",
    ),
    "independent_adult": (
        r"\bno (?:agency|agencies|manager|middlem[ae]n|pimp|third part(?:y|ies)|intermediaries)\b",
        r"\bi (?:work|am working) (?:for myself|independently|alone|on my own)\b",
        r"\b(?:i'm|i am) (?:independent|my own boss)\b",
        r"\bindependent (?:lady|companion|escort|girl|woman|model)\b",
        r"\bmy own (?:boss|terms|schedule|rules|choice|ad|rates)\b",
        r"\bi (?:answer|reply to)\s(?:my phone\s|all messages\s|all calls\s|messages\s)?myself\b",
        r"\b(?:book|contact|call|write to) (?:me )?directly\b",
        r"\bdirectly with me\b",
        r"\bi (?:decide|choose|set my own)\b",
        r"\bby my own choice\b",
        r"\bi'm writing this myself\b",
        r"\bi pay for my own\b",
        r"\bi (?:don't|do not) work with agencies\b",
        r"\bi (?:may|can) decline\b",
        r"\bi(?:'ll| will) (?:decide|choose)\b",
    ),
    "registered_agency_office": (
        r"\b(?:interviews?|meetings?|consultations?)\b<g5>(?:at|in)\s(?:our|the)\s(?:registered\s)?office\b",
        r"\b(?:come|visit)\s(?:to\s)?(?:us\s)?(?:at\s)?(?:our|the)\s(?:registered\s)?office\b",
        r"\bregistered office\b",
        r"\bvisit us\b<g2>(?:weekday|office|monday|between)",
        r"\bmeet us in person\b",
        r"\boffice\s?(?:address)?\s?(?:at|:)\s?(?:\w+\s?\d*,\s)?\d{1,4}\s\w+\s(?:street|st|road|rd|lane|square|avenue|ave|"
        r"row|boulevard)\b",
    ),
}

# Softer phrasings measured with ``python -m classifier.indicators.coverage --language en``.
_MORE: dict[str, tuple[str, ...]] = {
    "travel_paid": (
        rf"\b(?:we|our partners|they)\s(?:will\s)?take care of (?:the\s|your\s)?{_TRAVEL}",
        rf"\b(?:the\s)?{_TRAVEL}\b<g3>(?:can be arranged|is organi[sz]ed|side is on us|is on us)",
        rf"\b(?:won't|will not) need money for the {_TRAVEL}",
        r"\bworry about the (?:journey|trip|travel)\b",
        r"\b(?:pick you up|meet you at the (?:airport|bus station))\b",
    ),
    "agency_pays_travel": (
        rf"\b(?:we|our partners|they)\s(?:will\s)?take care of (?:the\s|your\s)?{_TRAVEL}",
        rf"\b(?:the\s)?{_TRAVEL}\b<g3>(?:side is on us|is on us)",
        rf"\b(?:won't|will not) need money for the {_TRAVEL}",
        r"\bready to invite you and arrange\b",
    ),
    "send_photos": (
        rf"\b(?:send|attach|bring)\b<g4>{_PHOTO}",
        rf"\b(?:a few|a couple of|some)\s(?:recent\s)?{_PHOTO}\b",
        rf"\b{_PHOTO}\s(?:are|is)\s(?:important|needed|required)\b",
    ),
    "urgency": (
        r"\bthe sooner you\b|\bas soon as possible\b|\bnot many places left\b|\bplaces fill up\b",
        r"\bnot to wait too long\b",
    ),
    "agency_keeps_documents": (
        rf"\b(?:take care of|hand it over)\b<g3>(?:{_DOC})?|\b{_DOC}\b<g3>safe with us\b",
    ),
    "high_pay_no_experience": (
        r"\bexperience (?:is\s)?not (?:important|necessary)\b|\bbeginners welcome\b|\bwe train beginners\b",
        r"\bwell above average\b|\bin half a year at home\b|\bgood money from day one\b",
    ),
}
PATTERNS = {k: PATTERNS.get(k, ()) + _MORE.get(k, ()) for k in PATTERNS | _MORE}
