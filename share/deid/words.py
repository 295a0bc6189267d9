"""Word lists that decide when a name-shaped word is a name: policy, not data.

All entries are folded (lower case, Latin diacritics dropped, ё as е: see lexicon.fold).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Names that are also ordinary words. They are names only when something says so: an
# introduction, a greeting or sign-off, an age after them, a surname beside them, or (for
# these, not for PLACE_OR_MONTH_NAMES) a capital letter in the middle of a sentence.
WORD_NAMES = _words(
    """
    hope rose faith grace joy dawn angel crystal destiny summer autumn amber brandy ginger
    heather holly ivy jade ruby misty hunter mason chase dale glen glenn grant lance frank guy
    rich ray sandy randy price taylor shannon kim don earl gene jack drew dean art pat sue bob
    carol jean penny robin sky skye river storm star sunny honey candy cherry daisy iris lily
    violet hazel olive pearl precious patience charity harmony melody trinity genesis miracle
    serenity justice christian royal reed cliff ford stone wood hill bishop bush love lucky
    happy baby babe kitty bunny page case major max sterling ivory ebony goldie eve will mark
    bill gay terry rocky rusty cash sage fern dove poppy bliss unity clay wade jesus raven
    brooke parker tanner carter cole lacey gail warren marion ariel roman tit tara luna norma
    sam tina faina maxim modest gala german teddy jude
    floare speranta lumina doina crina violeta camelia narcisa margareta crin aura bebe dor
    mina sara roza steluta lacramioara victoria zana marin bucur patru floarea flora
    brandusa crenguta romanita mioara dalia hortensia iasmina venera draga mugur mugurel
    sever zaraza
    надежда вера любовь люба мила роза лада слава лилия калина весна мир лев роман марк лука ада
    сила карп лавр тит ким август тома тина варя поля соня света тая маня гена злата
    дан дана осип спас надія віра любов зоря лілія мишка милочка тема ігор світла мира
    """
)

# Names that are ordinary words only when written in lower case ("work at the marina",
# "mira" in Romanian): capitalised they are names anywhere, in lower case they need a cue.
LOWER_CASE_WORDS = _words(
    """
    marina bella mira alma nova diamond jay rosemary ion dina
    """
)

# Names that are also places, months or brands: names only with an explicit cue.
PLACE_OR_MONTH_NAMES = _words(
    """
    april may june august jan paris dallas austin jordan sierra mercedes madison georgia
    virginia carolina alexandria china india asia eden london chelsea sydney florence camden
    aurora brittany sofia nice chad savannah cheyenne dakota devon kent preston lincoln
    kerry regina roma atena марта
    """
)

# Function words and frequent words that some name list also holds: never a name on their
# own (an introduction can still mark one: "my name is Ia").
NEVER_NAMES = _words(
    """
    a an and are as at be but by do for from go he her his i in is it me my no not of on or
    our she so the to up us we you your new hot sweet nice real top vip all any one only
    ia ya ala ani mai din la cu de pe sa si se nu ce o un am are era asa bine doar nou noua
    я и в на с по за не но а о у из от до мы вы ты он она мне вам нам тебе да нет как так
    все всё это где кто что мама папа дочь сын брат сестра ли же бы уж
    і й з та ні це ще вже мені тобі вона він
    только коли люди але тому тему теме теми темой темою мини жене дані мило марфа hala mana
    marfa masa macar manca pasa lesa casa valea віку міні ліки
    """
)

# Words after which the next word is a name whatever it is, unless a NEVER_NAMES or
# NOT_A_NAME word ("my name is not important").
STRONG_INTROS = (
    "my name is",
    "my name's",
    "name is",
    "name:",
    "меня зовут",
    "меня звать",
    "зовут",
    "звать",
    "имя:",
    "мене звати",
    "мене звуть",
    "звати",
    "звуть",
    "ім'я:",
    "ім’я:",
    "mă numesc",
    "ma numesc",
    "mă cheamă",
    "ma cheama",
    "numele meu este",
    "numele meu e",
    "nume:",
    "menya zovut",
    "menia zovut",
    "mene zvaty",
    "mene zvaty",
    "mene zvut",
    "i'm called",
    "known as",
    # forms of address: what follows is a surname or a name
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "domnul",
    "doamna",
    "dl.",
    "dna.",
    "господин",
    "госпожа",
    "г-н",
    "г-жа",
    "пан",
    "пані",
)

# Words after which a known name, or an unknown capitalised word closing its phrase, is a
# name: introductions, greetings, sign-offs and contact verbs.
WEAK_INTROS = (
    # the person to ask for: "our supervisor Ahmed", "у адміністратора Романа"
    "manager",
    "supervisor",
    "coordinator",
    "recruiter",
    "administrator",
    "managerul",
    "coordonatorul",
    "менеджер",
    "менеджера",
    "менеджеру",
    "администратор",
    "администратора",
    "администратору",
    "адміністратор",
    "адміністратора",
    "адміністратору",
    "координатор",
    "координатора",
    "i'm",
    "i’m",
    "im",
    "i am",
    "it's",
    "this is",
    "call me",
    "sunt",
    "eu sunt",
    "я",
    "это",
    "це",
    "hi",
    "hello",
    "hey",
    "regards",
    "kind regards",
    "best regards",
    "best",
    "thanks",
    "thank you",
    "kisses",
    "xoxo",
    "yours",
    "love",
    "contact",
    "call",
    "text",
    "ask for",
    "ask",
    "write to",
    "salut",
    "bună",
    "buna",
    "pupici",
    "cu drag",
    "contactați",
    "contactati",
    "contactează",
    "contacteaza",
    "sunați",
    "sunati",
    "sună",
    "suna",
    "scrieți",
    "scrieti",
    "întrebați de",
    "intrebati de",
    "persoana de contact",
    "привет",
    "здравствуйте",
    "пишите",
    "звоните",
    "спросить",
    "спросите",
    "целую",
    "ваша",
    "твоя",
    "ваш",
    "твой",
    "контакт",
    "обращаться",
    "привіт",
    "пишіть",
    "дзвоніть",
    "телефонуйте",
    "ваша",
    "з любов'ю",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "domnul",
    "doamna",
    "dl.",
    "dna.",
    "господин",
    "господина",
    "господину",
    "госпожа",
    "госпожи",
    "госпоже",
    "госпожу",
    "пан",
    "пані",
    "ya",
    "privet",
    "pishite",
    "zvonite",
    "pyshit",
    "dzvonit",
    "vasha",
    "tvoya",
    "cheers",
    "hugs",
    "sincerely",
    "cu respect",
    "cu stimă",
    "cu stima",
    "с уважением",
    "з повагою",
    "с теплом",
    "обнимаю",
    "чекаю",
    "жду",
    "цілую",
)

# Words that are not names even after "my name is" / "call me" / "I'm".
NOT_A_NAME = _words(
    """
    not now today tonight anytime anyway please back later soon here there the a an this that
    for at on in to details info more only any available ready new looking single free from
    and with your very so just also back manager me us him her them again tomorrow after
    before between asap if when whenever welcome guys there everyone gentlemen dear friends
    darling honey boys mr mrs ms miss dr domnul doamna dl dna господин госпожа пан пані
    questions question hello signal telegram whatsapp viber skype facebook instagram
    messenger email e-mail sms
    сейчас сегодня завтра по в на не для за только если девушка девочка
    зараз сьогодні завтра по в на не для тільки
    acum azi astăzi astazi mâine maine la pe în in pentru doar aici dacă daca
    """
)

# Words beside a name-shaped word that make it a company, a product or a place of work.
COMPANY_AFTER = _words(
    """
    ltd llc inc plc gmbh srl s.r.l sa s.a co corp company group agency agentia agenție
    agentie agenţie hotel hotels resort restaurant bar club cafe café spa salon studio
    services service travel tours tour recruitment recruiting staffing cleaning consulting
    holding bay garden gardens street str ave avenue market shop store boutique clinic road
    lane square boulevard blvd way drive close park farm farms
    center centre house lounge motel hostel international station logistics airport terminal
    mall plaza tower hall college university school hospital
    """
)
COMPANY_BEFORE = _words(
    """
    ооо оао зао ао ип тов пп фоп компания компанія агентство фирма фірма гостиница готель
    отель ресторан клуб салон sc s.c srl s.r.l firma compania agenția agentia agenţia
    restaurantul hotelul salonul clubul at hotel restaurant club salon agency company
    """
)

# Abbreviations and words that start an address: the names after them are streets.
STREET_BEFORE = _words(
    """
    ул улица вул вулиця пр просп проспект пл площадь площа пер переулок провулок бул бульвар
    шоссе шосе str strada bd bul bulevardul calea sos şos șos piata piața p-ța aleea
    street st road rd avenue ave mitropolit
    """
)

# Country names: never a person's name on their own, whatever the capitals say.
COUNTRIES = _words(
    """
    germany italy spain france greece turkey cyprus israel poland czechia austria belgium
    netherlands portugal switzerland uk england britain ireland scotland russia ukraine
    moldova romania belarus dubai uae qatar japan korea china usa america canada europe
    germania italia spania franta grecia turcia cipru polonia cehia austria belgia olanda
    portugalia elvetia anglia rusia ucraina moldova romania
    германия италия испания франция греция турция кипр израиль польша чехия австрия бельгия
    голландия португалия швейцария англия россия украина молдова молдавия румыния европа
    німеччина італія іспанія франція греція туреччина кіпр ізраїль польща чехія австрія
    бельгія португалія швейцарія англія росія україна румунія європа
    """
)

# Prepositions that make a following name-shaped place word a place.
PLACE_BEFORE = _words(
    """
    in to from near at din în la spre lângă langa de
    в во из с со до под около у з із до біля
    """
)

# Job and advert words that an unknown capitalised word before ", 19" might be instead of
# a name ("Hostess, 25").
TITLE_WORDS = _words(
    """
    hostess waitress waiter model dancer nanny girl girls lady ladies student blonde brunette
    redhead new hot sweet young mature sexy escort massage driver cook worker job work
    babysitter caregiver au pair cleaner maid housekeeper singer promoter secretary woman man
    women men widow divorced single lonely gentleman femeie fata fată fete bărbat barbat domn
    doamna doamnă văduvă vaduva divorțată divortata singură singura tânără tanara
    женщина девушка девушки мужчина вдова разведенная одинокая одинокий мама студентка
    жінка дівчина дівчата чоловік вдова розлучена самотня незалежна спокійна вільна
    независимая свободная свободна вдовец вдівець widower nurse petite teacher doctor
    engineer farmer independent divorcee widowed educatoare asistenta asistentă
    """
)
