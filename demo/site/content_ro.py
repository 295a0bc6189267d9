"""Romanian content pools for the demo sites (see content.py for the placeholders).

Written with comma-below diacritics (ș, ț); the generator also publishes some adverts
with cedilla forms (ş, ţ) or without diacritics, as Romanian adverts often are.
"""

from __future__ import annotations

from demo.site.content import LanguagePack, Place, Role


def _years(n: int) -> str:
    rest = n % 100
    return f"{n} ani" if 1 <= rest <= 19 else f"{n} de ani"


CITIES = {
    "berlin": Place("Berlin", "în Berlin"),
    "munich": Place("München", "în München"),
    "hamburg": Place("Hamburg", "în Hamburg"),
    "rotterdam": Place("Rotterdam", "în Rotterdam"),
    "amsterdam": Place("Amsterdam", "în Amsterdam"),
    "wroclaw": Place("Wrocław", "în Wrocław"),
    "warsaw": Place("Varșovia", "în Varșovia"),
    "milan": Place("Milano", "în Milano"),
    "rome": Place("Roma", "în Roma"),
    "madrid": Place("Madrid", "în Madrid"),
    "prague": Place("Praga", "în Praga"),
    "leeds": Place("Leeds", "în Leeds"),
    "london": Place("Londra", "în Londra"),
    "istanbul": Place("Istanbul", "în Istanbul"),
    "dubai": Place("Dubai", "în Dubai"),
    "telaviv": Place("Tel Aviv", "în Tel Aviv"),
    "chisinau": Place("Chișinău", "în Chișinău"),
    "balti": Place("Bălți", "în Bălți"),
    "bucharest": Place("București", "în București"),
    "iasi": Place("Iași", "în Iași"),
    "cluj": Place("Cluj-Napoca", "în Cluj-Napoca"),
    "kyiv": Place("Kiev", "în Kiev"),
    "odesa": Place("Odesa", "în Odesa"),
    "lviv": Place("Liov", "în Liov"),
}

COUNTRIES = {
    "DE": Place("Germania", "în Germania"),
    "NL": Place("Olanda", "în Olanda"),
    "PL": Place("Polonia", "în Polonia"),
    "IT": Place("Italia", "în Italia"),
    "ES": Place("Spania", "în Spania"),
    "CZ": Place("Cehia", "în Cehia"),
    "GB": Place("Marea Britanie", "în Marea Britanie"),
    "TR": Place("Turcia", "în Turcia"),
    "AE": Place("Emiratele Arabe Unite", "în Emiratele Arabe Unite"),
    "IL": Place("Israel", "în Israel"),
    "MD": Place("Republica Moldova", "în Republica Moldova"),
    "RO": Place("România", "în România"),
    "UA": Place("Ucraina", "în Ucraina"),
}

ROLES = {
    "warehouse": Role(
        "Lucrător depozit",
        "Pregătirea și ambalarea comenzilor cu scanerul, încărcarea și descărcarea camioanelor.",
    ),
    "picker": Role(
        "Culegător fructe",
        "Recoltarea căpșunilor și a merelor în sere și livezi, sortarea și ambalarea fructelor.",
    ),
    "care": Role(
        "Îngrijitor persoane vârstnice",
        "Ajutor pentru rezidenții unui cămin de bătrâni la activitățile zilnice și la masă.",
    ),
    "housekeeping": Role(
        "Cameristă hotel",
        "Curățenia și pregătirea camerelor, schimbarea lenjeriei și completarea consumabilelor.",
    ),
    "construction": Role(
        "Muncitor construcții",
        "Cofraje, betonare și lucrări generale pe șantier sub îndrumarea unui șef de echipă.",
    ),
    "meat": Role(
        "Operator procesare carne",
        "Tranșarea și ambalarea produselor din carne pe o linie de producție, în hală frigorifică.",
    ),
    "driver": Role(
        "Șofer camion (C+E)",
        "Livrări interne și internaționale cu o flotă modernă; orele de condus sunt planificate "
        "conform legii.",
    ),
    "kitchen": Role(
        "Ajutor de bucătar",
        "Pregătirea alimentelor, spălarea vaselor și menținerea curățeniei în bucătărie.",
    ),
    "waiter": Role(
        "Ospătar / ospătăriță",
        "Servirea clienților, preluarea comenzilor și aranjarea meselor într-un restaurant "
        "aglomerat.",
    ),
    "seamstress": Role(
        "Croitoreasă",
        "Coaserea și finisarea articolelor de îmbrăcăminte pe mașini industriale.",
    ),
    "cleaner": Role(
        "Femeie de serviciu birouri",
        "Curățenie de seară în birouri și spații comune, patru ore pe tură.",
    ),
    "nanny": Role(
        "Bonă / au pair",
        "Îngrijirea a doi copii de vârstă școlară, ajutor la teme și treburi ușoare în casă.",
    ),
    "welder": Role(
        "Sudor (MIG/MAG)",
        "Sudarea structurilor metalice în atelier și citirea desenelor tehnice.",
    ),
    "electrician": Role(
        "Electrician",
        "Montarea cablurilor, a prizelor și a corpurilor de iluminat în blocuri noi.",
    ),
}

RISKY_ROLES = {
    "hostess": Role("Hostess", "Primirea oaspeților și companie într-un club de seară."),
    "model": Role(
        "Model pentru ședințe foto", "Ședințe foto și evenimente de promovare, instruire oferită."
    ),
    "dancer": Role("Dansatoare", "Dans într-un club de divertisment, ture de seară și de noapte."),
    "massage": Role(
        "Maseuză", "Masaj de relaxare într-un salon de wellness, instruire la fața locului."
    ),
    "bar": Role(
        "Barmaniță", "Servirea băuturilor și conversație cu clienții într-un bar de noapte."
    ),
}

PACK = LanguagePack(
    code="ro",
    names=(
        ("Ana", "ana"),
        ("Maria", "maria"),
        ("Elena", "elena"),
        ("Ioana", "ioana"),
        ("Cristina", "cristina"),
        ("Daniela", "daniela"),
        ("Mihaela", "mihaela"),
        ("Alina", "alina"),
        ("Doina", "doina"),
        ("Natalia", "natalia"),
        ("Andreea", "andreea"),
        ("Irina", "irina"),
        ("Corina", "corina"),
        ("Ludmila", "ludmila"),
    ),
    cities=CITIES,
    countries=COUNTRIES,
    labels={
        "phone": "Tel.",
        "email": "E-mail",
        "telegram": "Telegram",
        "whatsapp": "WhatsApp",
        "viber": "Viber",
        "signal": "Signal",
        "url": "Site",
        "hour": "oră",
        "month": "lună",
    },
    years=_years,
    roles=ROLES,
    risky_roles=RISKY_ROLES,
    job_titles=("{role} – {city}", "{role} ({city})", "Angajăm: {role}, {city}"),
    job_intros=(
        "{employer} angajează pentru locația din {city}, {country}. Post: {role}.",
        "Post: {role}. Angajator: {employer}, {city} ({country}).",
        "Suntem {employer} și căutăm colegi noi {in_city}. Post: {role}.",
    ),
    job_mitigating={
        "named_employer_registration": (
            "{employer} (nr. de înregistrare {reg}) este angajatorul direct.",
            "Veți fi angajat direct de {employer}, nr. de înregistrare {reg}; candidații nu "
            "plătesc nicio taxă.",
        ),
        "registered_agency_office": (
            "Recrutarea este făcută de {agency}, licența nr. {licence}. Interviurile au loc la "
            "biroul nostru: {address}.",
            "{agency} (licența nr. {licence}) nu percepe taxe de la candidați. Ne găsiți la "
            "{address}, de luni până vineri.",
        ),
        "written_contract_before_departure": (
            "Contractul de muncă scris, în limba română, se semnează înainte de plecare și "
            "primiți un exemplar.",
            "Primiți contractul spre lectură și îl semnați înainte de plecare; o copie rămâne "
            "la dumneavoastră.",
        ),
        "realistic_wage": (
            "Salariu: {wage} brut, {hours} de ore pe săptămână, orele suplimentare se plătesc "
            "separat.",
            "Salariul este {wage} brut pentru {hours} de ore pe săptămână, plătit lunar în "
            "contul dumneavoastră bancar.",
        ),
        "transparent_deductions": (
            "Cazarea este opțională: un loc într-o cameră comună costă {rent}, cu contract de "
            "închiriere separat.",
            "Vă putem ajuta cu locuința ({rent}, contract de închiriere separat); sunteți liber "
            "să locuiți în altă parte.",
        ),
    },
    job_neutral=(
        "Cunoașterea limbii engleze sau germane la nivel de bază este un avantaj.",
        "Echipamentul de lucru și încălțămintea de protecție sunt asigurate.",
        "Data începerii este flexibilă; prima săptămână este instruire plătită.",
        "Turele se planifică cu două săptămâni înainte.",
        "Este necesar dreptul de muncă în UE sau un permis de ședere valabil.",
        "Asigurare medicală și concediu plătit conform legii.",
    ),
    job_apply=(
        "Trimiteți CV-ul: {contacts}.",
        "Întrebări? Contactați echipa de recrutare: {contacts}.",
    ),
    job_web=("Detalii și formularul online: {url}", "Aplicați online: {url}"),
    job_risky_titles=(
        "{role} {in_country} – până la {amount} EUR!",
        "Lucru {in_country}: {role}, {amount} EUR/lună",
        "URGENT! {role} {in_country}, fără experiență",
    ),
    job_risky_intros=(
        "Ofertă excelentă de muncă {in_country}! Post: {role}.",
        "Angajăm acum pentru muncă bine plătită {in_country}. Post: {role}.",
        "Post: {role}, lucru {in_country}.",
    ),
    job_cues={
        "high_pay_no_experience": (
            "Câștigi până la {amount} EUR pe lună, fără experiență!",
            "Salariu de la {amount} EUR pe lună, instruim pe toată lumea, experiența nu este "
            "necesară.",
        ),
        "travel_paid": (
            "Biletele și viza sunt plătite de noi.",
            "Organizăm și plătim drumul și viza.",
        ),
        "accommodation_by_employer": (
            "Cazarea este asigurată de angajator.",
            "Locuință gratuită lângă locul de muncă, aranjată de firmă.",
        ),
        "debt_repaid_from_wages": (
            "Cheltuielile de drum se întorc din primele salarii.",
            "Avansul pentru bilete se reține din salariu.",
        ),
        "documents_held": (
            "Pașaportul este păstrat de angajator pentru siguranță.",
            "La sosire predați pașaportul coordonatorului pentru înregistrare.",
        ),
        "recruitment_fee": (
            "Taxă de înscriere {fee} EUR, plătită înainte de plecare.",
            "Pentru rezervarea locului se achită o taxă de {fee} EUR.",
        ),
        "vague_employer": (
            "Lucru la o firmă cunoscută {in_country}, detalii la telefon.",
            "Companie internațională mare, numele se comunică la interviu.",
        ),
        "contract_on_arrival": (
            "Contractul se semnează la sosire.",
            "Acum nu sunt necesare acte, totul se aranjează pe loc.",
        ),
        "messenger_only_contact": (
            "Scrieți doar pe {messenger}, fără apeluri.",
            "Contact doar prin {messenger}.",
        ),
        "young_women_only": (
            "Doar fete 18-25 de ani, zvelte, cu aspect plăcut.",
            "Invităm tinere între 18 și 25 de ani, cu siluetă frumoasă.",
        ),
        "send_photos": (
            "Trimiteți poze în picioare împreună cu cererea.",
            "Pentru înscriere trimiteți 3 fotografii (portret și în picioare).",
        ),
        "urgency": (
            "Urgent! Plecare săptămâna aceasta, locuri limitate.",
            "Au rămas doar 5 locuri, plecăm vineri!",
        ),
        "restricted_movement": (
            "Locuiți la locul de muncă, transportul este asigurat, ieșirile singure nu sunt "
            "permise.",
            "Muncitorii stau în căminul firmei și se deplasează doar cu coordonatorul.",
        ),
        "wages_cut_for_costs": (
            "Mâncarea și cazarea se rețin din salariu, amenzi pentru întârzieri.",
            "Costurile de transport, masă și cameră se scad din salariu.",
        ),
    },
    job_risky_apply=("Sunați sau scrieți: {contacts}.", "Detalii la telefon: {contacts}."),
    bridal_intros=(
        "Bună! Mă numesc {name}, am {years} și locuiesc {in_city}.",
        "Salut, sunt {name}, am {years}, din {city}.",
    ),
    bridal_about=(
        "Lucrez ca asistentă medicală și îmi iubesc meseria.",
        "Sunt învățătoare la o școală primară.",
        "Lucrez ca contabilă într-o firmă mică.",
        "În timpul liber citesc, gătesc și merg la munte.",
        "Îmi plac dansul, călătoriile și plimbările lungi pe malul mării.",
        "Am o fetiță de 7 ani, care este bucuria vieții mele.",
        "Vorbesc româna, rusa și puțin engleza.",
    ),
    bridal_wishes=(
        "Caut un bărbat bun și sincer pentru o relație serioasă.",
        "Aș vrea să cunosc un bărbat calm și grijuliu, pregătit pentru familie.",
        "Vârsta și naționalitatea nu contează, contează respectul.",
    ),
    bridal_contact=("Scrieți-mi direct: {contacts}.", "Mă puteți contacta aici: {contacts}."),
    bridal_agency_intros=(
        "{name}, {years}, din {city}, este înregistrată la agenția noastră.",
        "Profil: {name} ({years}, {city}), publicat cu acordul ei.",
    ),
    bridal_mitigating={
        "named_employer_registration": (
            "{agency} este o agenție matrimonială înregistrată, licența {licence}.",
            "Agenția {agency} activează legal, licența nr. {licence}.",
        ),
        "registered_agency_office": (
            "Întâlnirile au loc doar la biroul nostru din {address}, în prezența unui "
            "traducător. Serviciile sunt gratuite pentru femei.",
            "Primim vizitatori la sediul din {address}; femeile nu plătesc nimic.",
        ),
    },
    bridal_agency_contact=("Contactele agenției: {contacts}.",),
    bridal_risky_intros=(
        "Agenția {agency} vă prezintă pe {name}, {years}, o fată frumoasă din {city}.",
        "{name}, {years}, își așteaptă prințul în străinătate. Agenția {agency}.",
    ),
    bridal_cues={
        "young_women_only": (
            "Acceptăm doar fete de 18-25 de ani, zvelte și atrăgătoare.",
            "Căutăm doar tinere până la 25 de ani.",
        ),
        "send_photos": (
            "Pentru înregistrare trimiteți poze în costum de baie și în picioare.",
            "Trimiteți 5 fotografii recente, inclusiv în picioare.",
        ),
        "marriage_abroad_fast": (
            "Nunta în 3 luni, plecare rapidă în străinătate.",
            "Căsătorie cu un străin și plecare din țară în câteva săptămâni.",
        ),
        "agency_pays_travel": (
            "Agenția și mirele plătesc toate cheltuielile de drum și viza.",
            "Drumul și viza sunt achitate de mire prin agenție.",
        ),
        "agency_keeps_documents": (
            "Agenția păstrează pașaportul pe durata procesului.",
            "Originalele actelor rămân la agenție până la nuntă.",
        ),
        "recruitment_fee": (
            "Taxă de înregistrare {fee} EUR.",
            "Înscrierea în catalog costă {fee} EUR.",
        ),
        "messenger_only_contact": ("Contact doar pe {messenger}.", "Scrieți numai pe {messenger}."),
        "urgency": (
            "Grăbiți-vă, mirii așteaptă, locurile sunt limitate!",
            "Ultimele locuri pentru turul din această lună!",
        ),
    },
    bridal_risky_contact=("Detalii: {contacts}.",),
    escort_titles=(
        "{name}, {age} – companie independentă {in_city}",
        "Elegantă {name} ({age}), {city}",
    ),
    escort_intros=(
        "Bună, sunt {name}, am {years}, companie independentă {in_city}.",
        "Mă numesc {name}, am {years} și locuiesc {in_city}.",
    ),
    escort_about=(
        "Lucrez pentru mine, îmi stabilesc singură programul și aleg cu cine mă întâlnesc.",
        "Companie elegantă pentru cine, evenimente și plimbări prin oraș.",
        "Vorbesc româna și engleza, iubesc arta și conversațiile bune.",
        "Discreția și respectul reciproc sunt importante pentru mine.",
    ),
    escort_terms=(
        "Doar cu programare, cu cel puțin 2 ore înainte.",
        "Nu lucrez prin agenții sau manageri.",
    ),
    escort_contact=("Contactați-mă direct: {contacts}.",),
    escort_managed_titles=(
        "Nouă în oraș! {name}, {age}",
        "✨ {name} {age} – tocmai a sosit ✨",
        "Dulcea {name}, {age} – non-stop",
    ),
    escort_managed_intros=(
        "Faceți cunoștință cu {name}, {years}, tocmai a sosit {in_city}.",
        "Noua noastră fată, {name} ({age}), vă așteaptă.",
    ),
    escort_managed_contact=("Programări la manager: {contacts}.",),
    escort_recruit_titles=(
        "Lucru în străinătate pentru fete – {amount} EUR/săptămână",
        "Angajăm tinere {in_country}",
    ),
    escort_recruit_intros=("Căutăm fete pentru lucru ca hostess și companie {in_country}.",),
    escort_recruit_contact=("Scrieți: {contacts}.",),
    escort_cues={
        "third_person_voice": (
            "Rezervați-o prin managerul nostru.",
            "Ea este foarte dulce, programările doar prin manager.",
        ),
        "new_in_town": (
            "Nouă în oraș, doar câteva zile!",
            "Tocmai a sosit, este {in_city} doar săptămâna aceasta.",
        ),
        "available_24_7": ("Disponibilă non-stop, 24/7.", "Oricând, zi și noapte."),
        "youth_emphasis": ("Foarte tânără și micuță.", "Chip proaspăt, foarte tânără."),
        "ethnicity_emphasis": ("Frumusețe exotică din Est.", "Slavă autentică, frumusețe exotică."),
        "multiple_workers_one_contact": (
            "Fete noi în fiecare săptămână, un singur număr pentru toate.",
            "Mai multe fete disponibile la același număr.",
        ),
        "messenger_only_contact": ("Scrieți doar pe {messenger}.",),
        "urgency": ("Grăbiți-vă, doar în acest weekend!",),
        "restricted_movement": (
            "Deplasări doar cu șoferul nostru.",
            "Ea stă în apartamentul nostru, șoferul o aduce.",
        ),
        "high_pay_no_experience": ("Câștigi {amount} EUR pe săptămână, fără experiență.",),
        "travel_paid": ("Biletele și viza sunt plătite de noi.",),
        "debt_repaid_from_wages": ("Cheltuielile de drum se întorc din câștiguri.",),
        "documents_held": ("Pașaportul rămâne la manager pentru siguranță.",),
        "wages_cut_for_costs": ("Chiria, mâncarea și amenzile se rețin din câștiguri.",),
        "young_women_only": ("Doar fete 18-25 de ani.",),
    },
    update_notes={
        "job": ("Actualizare: mai sunt locuri libere, interviurile continuă săptămâna aceasta.",),
        "bridal": ("Actualizare: am adăugat poze noi și încă îmi caut perechea.",),
        "escort": ("Actualizare: revin săptămâna aceasta cu date noi.",),
    },
)
