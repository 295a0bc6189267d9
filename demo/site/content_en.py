"""English content pools for the demo sites (see content.py for the placeholders)."""

from __future__ import annotations

from demo.site.content import LanguagePack, Place, Role


def _years(n: int) -> str:
    return f"{n} years old"


CITIES = {
    "berlin": Place("Berlin", "in Berlin"),
    "munich": Place("Munich", "in Munich"),
    "hamburg": Place("Hamburg", "in Hamburg"),
    "rotterdam": Place("Rotterdam", "in Rotterdam"),
    "amsterdam": Place("Amsterdam", "in Amsterdam"),
    "wroclaw": Place("Wrocław", "in Wrocław"),
    "warsaw": Place("Warsaw", "in Warsaw"),
    "milan": Place("Milan", "in Milan"),
    "rome": Place("Rome", "in Rome"),
    "madrid": Place("Madrid", "in Madrid"),
    "prague": Place("Prague", "in Prague"),
    "leeds": Place("Leeds", "in Leeds"),
    "london": Place("London", "in London"),
    "istanbul": Place("Istanbul", "in Istanbul"),
    "dubai": Place("Dubai", "in Dubai"),
    "telaviv": Place("Tel Aviv", "in Tel Aviv"),
    "chisinau": Place("Chișinău", "in Chișinău"),
    "balti": Place("Bălți", "in Bălți"),
    "bucharest": Place("Bucharest", "in Bucharest"),
    "iasi": Place("Iași", "in Iași"),
    "cluj": Place("Cluj-Napoca", "in Cluj-Napoca"),
    "kyiv": Place("Kyiv", "in Kyiv"),
    "odesa": Place("Odesa", "in Odesa"),
    "lviv": Place("Lviv", "in Lviv"),
}

COUNTRIES = {
    "DE": Place("Germany", "in Germany"),
    "NL": Place("Netherlands", "in the Netherlands"),
    "PL": Place("Poland", "in Poland"),
    "IT": Place("Italy", "in Italy"),
    "ES": Place("Spain", "in Spain"),
    "CZ": Place("Czechia", "in Czechia"),
    "GB": Place("United Kingdom", "in the United Kingdom"),
    "TR": Place("Turkey", "in Turkey"),
    "AE": Place("United Arab Emirates", "in the United Arab Emirates"),
    "IL": Place("Israel", "in Israel"),
    "MD": Place("Moldova", "in Moldova"),
    "RO": Place("Romania", "in Romania"),
    "UA": Place("Ukraine", "in Ukraine"),
}

ROLES = {
    "warehouse": Role(
        "Warehouse operative",
        "Picking and packing orders with hand scanners, loading and unloading lorries.",
    ),
    "picker": Role(
        "Fruit picker",
        "Harvesting strawberries and apples in greenhouses and orchards, sorting and packing "
        "the fruit.",
    ),
    "care": Role(
        "Care assistant",
        "Helping elderly residents with daily routines, meals and activities in a care home.",
    ),
    "housekeeping": Role(
        "Hotel housekeeper",
        "Cleaning and preparing guest rooms, changing linen and restocking supplies.",
    ),
    "construction": Role(
        "Construction worker",
        "Formwork, concrete and general site work under the guidance of a site supervisor.",
    ),
    "meat": Role(
        "Meat processing operative",
        "Cutting and packing meat products on a production line in a chilled hall.",
    ),
    "driver": Role(
        "HGV driver (C+E)",
        "Domestic and international deliveries with a modern fleet; driving hours are planned "
        "within the legal limits.",
    ),
    "kitchen": Role(
        "Kitchen assistant",
        "Food preparation, washing up and keeping the kitchen clean during service.",
    ),
    "waiter": Role(
        "Waiter / waitress",
        "Serving guests, taking orders and setting tables in a busy restaurant.",
    ),
    "seamstress": Role(
        "Seamstress",
        "Sewing and finishing garments on industrial machines in a clothing factory.",
    ),
    "cleaner": Role(
        "Office cleaner",
        "Evening cleaning of offices and common areas, four hours per shift.",
    ),
    "nanny": Role(
        "Au pair / nanny",
        "Looking after two school-age children, helping with homework and light housework.",
    ),
    "welder": Role(
        "Welder (MIG/MAG)",
        "Welding steel structures in a workshop and reading technical drawings.",
    ),
    "electrician": Role(
        "Electrician",
        "Installing cabling, sockets and lighting in new residential buildings.",
    ),
}

RISKY_ROLES = {
    "hostess": Role("Hostess", "Welcoming guests and keeping them company in an evening club."),
    "model": Role("Model for photo shoots", "Photo shoots and promotional events, training given."),
    "dancer": Role("Dancer", "Dancing in an entertainment club, evening and night shifts."),
    "massage": Role(
        "Massage therapist", "Relaxation massage in a wellness salon, training on site."
    ),
    "bar": Role("Bar staff", "Serving drinks and chatting with guests in a night bar."),
}

PACK = LanguagePack(
    code="en",
    names=(
        ("Anna", "anna"),
        ("Kate", "kate"),
        ("Emily", "emily"),
        ("Laura", "laura"),
        ("Sophie", "sophie"),
        ("Jessica", "jessica"),
        ("Hannah", "hannah"),
        ("Chloe", "chloe"),
        ("Megan", "megan"),
        ("Olivia", "olivia"),
        ("Grace", "grace"),
        ("Lucy", "lucy"),
        ("Amelia", "amelia"),
        ("Ella", "ella"),
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
        "url": "Web",
        "hour": "hour",
        "month": "month",
    },
    years=_years,
    roles=ROLES,
    risky_roles=RISKY_ROLES,
    job_titles=("{role} – {city}", "{role} ({city})", "{role}, {city}, full time"),
    job_intros=(
        "{employer} is recruiting for its site {in_city}, {country}. Position: {role}.",
        "Position: {role}. Employer: {employer}, {city} ({country}).",
        "We are {employer} and we are looking for new colleagues {in_city}. Role: {role}.",
    ),
    job_mitigating={
        "named_employer_registration": (
            "{employer} (company registration {reg}) is the direct employer.",
            "You will be employed directly by {employer}, registration {reg}; candidates pay "
            "no fees.",
        ),
        "registered_agency_office": (
            "Recruitment is handled by {agency}, licence no. {licence}. Interviews at our "
            "office: {address}.",
            "{agency} (licence no. {licence}) charges candidates no fees. Visit us at "
            "{address}, Monday to Friday.",
        ),
        "written_contract_before_departure": (
            "You sign a written employment contract in your language before departure and "
            "keep a copy.",
            "The contract is sent to you for review and signed before you travel; a copy "
            "stays with you.",
        ),
        "realistic_wage": (
            "Pay: {wage} gross, {hours} hours per week, overtime paid extra.",
            "Wage {wage} gross for a {hours}-hour week, paid monthly into your own bank account.",
        ),
        "transparent_deductions": (
            "Accommodation is optional: a shared room costs {rent} under a separate lease.",
            "We can help with housing ({rent}, separate rental contract); you are free to "
            "live elsewhere.",
        ),
    },
    job_neutral=(
        "Basic English or German is an advantage.",
        "Work clothes and safety shoes are provided.",
        "The start date is flexible; the first week is paid training.",
        "Shifts are planned two weeks in advance.",
        "You need the right to work in the EU or a valid residence permit.",
        "Health insurance and paid holidays according to the law.",
    ),
    job_apply=(
        "Apply with your CV: {contacts}.",
        "Questions? Contact our recruitment team: {contacts}.",
    ),
    job_web=("More details and the online form: {url}", "Apply online: {url}"),
    job_risky_titles=(
        "{role} {in_country} – up to {amount} EUR!",
        "Work {in_country}: {role}, {amount} EUR/month",
        "URGENT! {role} {in_country}, no experience",
    ),
    job_risky_intros=(
        "Great job offer {in_country}! Position: {role}.",
        "We are hiring now for well-paid work {in_country}. Position: {role}.",
        "Position: {role}, work {in_country}.",
    ),
    job_cues={
        "high_pay_no_experience": (
            "Earn up to {amount} EUR a month, no experience needed!",
            "Salary from {amount} EUR per month, we train everyone, no experience required.",
        ),
        "travel_paid": (
            "Tickets and visa are paid by us.",
            "We arrange and pay for your travel and visa.",
        ),
        "accommodation_by_employer": (
            "Accommodation is provided by the employer.",
            "Free housing next to the workplace, arranged by the company.",
        ),
        "debt_repaid_from_wages": (
            "Travel costs are repaid from your first salaries.",
            "The advance for the tickets is deducted from your wages.",
        ),
        "documents_held": (
            "Your passport is kept by the employer for safety.",
            "On arrival you hand over your passport to the coordinator for registration.",
        ),
        "recruitment_fee": (
            "Registration fee {fee} EUR, paid before departure.",
            "To reserve a place you pay a processing fee of {fee} EUR.",
        ),
        "vague_employer": (
            "Work at a well-known company {in_country}, details by phone.",
            "Big international company, the name will be given at the interview.",
        ),
        "contract_on_arrival": (
            "The contract is signed on arrival.",
            "No paperwork needed now, everything is arranged on the spot.",
        ),
        "messenger_only_contact": (
            "Write only on {messenger}, no calls.",
            "Contact only via {messenger}.",
        ),
        "young_women_only": (
            "Only girls 18-25, slim, pleasant appearance.",
            "We invite young women aged 18 to 25 with a nice figure.",
        ),
        "send_photos": (
            "Send full-length photos with your application.",
            "Send 3 photos (portrait and full height) to apply.",
        ),
        "urgency": (
            "Urgent! Departure this week, places limited.",
            "Only 5 places left, we leave on Friday!",
        ),
        "restricted_movement": (
            "You live on site, transport to work is provided, no going out alone.",
            "Workers stay in the company hostel and travel only with the coordinator.",
        ),
        "wages_cut_for_costs": (
            "Food and housing are deducted from pay, fines for lateness.",
            "Costs for transport, meals and the room are taken from the salary.",
        ),
    },
    job_risky_apply=("Call or write: {contacts}.", "Details by phone: {contacts}."),
    bridal_intros=(
        "Hello! My name is {name}, I am {years} and I live {in_city}.",
        "Hi, I'm {name}, {years}, from {city}.",
    ),
    bridal_about=(
        "I work as a nurse and I love my job.",
        "I am a primary school teacher.",
        "I work as an accountant in a small firm.",
        "In my free time I read, cook and go hiking.",
        "I love dancing, travelling and long walks by the sea.",
        "I have a daughter of 7 who is the light of my life.",
        "I speak Romanian, Russian and some English.",
    ),
    bridal_wishes=(
        "I am looking for a kind and honest man for a serious relationship.",
        "I would like to meet a calm, caring man who is ready for a family.",
        "Age and nationality are not important to me, respect is.",
    ),
    bridal_contact=("Write to me directly: {contacts}.", "You can reach me here: {contacts}."),
    bridal_agency_intros=(
        "{name}, {years}, from {city}, is registered with our agency.",
        "Profile: {name} ({years}, {city}), published with her consent.",
    ),
    bridal_mitigating={
        "named_employer_registration": (
            "{agency} is a registered marriage agency, licence {licence}.",
            "The agency {agency} works legally, licence no. {licence}.",
        ),
        "registered_agency_office": (
            "Meetings take place only at our office at {address}, with an interpreter present. "
            "Our services are free for women.",
            "We welcome visitors at our office at {address}; women pay nothing.",
        ),
    },
    bridal_agency_contact=("Agency contacts: {contacts}.",),
    bridal_risky_intros=(
        "The agency {agency} presents {name}, {years}, a beautiful girl from {city}.",
        "{name}, {years}, is waiting for her prince abroad. Agency {agency}.",
    ),
    bridal_cues={
        "young_women_only": (
            "We only accept girls aged 18-25, slim and attractive.",
            "We are looking only for young girls up to 25.",
        ),
        "send_photos": (
            "To register, send photos in a swimsuit and full length.",
            "Send 5 recent photos, including full-length ones.",
        ),
        "marriage_abroad_fast": (
            "Wedding within 3 months, fast departure abroad.",
            "Marry a foreign man and leave the country in a few weeks.",
        ),
        "agency_pays_travel": (
            "The agency and the groom pay all travel and visa costs.",
            "Travel and visa are paid by the groom through the agency.",
        ),
        "agency_keeps_documents": (
            "The agency keeps your passport during the process.",
            "The originals of your documents stay with the agency until the wedding.",
        ),
        "recruitment_fee": (
            "Registration fee {fee} EUR.",
            "A place in the catalogue costs {fee} EUR.",
        ),
        "messenger_only_contact": ("Contact only on {messenger}.", "Write only on {messenger}."),
        "urgency": (
            "Hurry, the grooms are waiting, places are limited!",
            "Last places for this month's tours!",
        ),
    },
    bridal_risky_contact=("Details: {contacts}.",),
    escort_titles=(
        "{name}, {age} – independent companion {in_city}",
        "Elegant {name} ({age}), {city}",
    ),
    escort_intros=(
        "Hi, I'm {name}, {years}, an independent companion {in_city}.",
        "My name is {name}, I am {years} and I live {in_city}.",
    ),
    escort_about=(
        "I work for myself, set my own schedule and choose whom I meet.",
        "Elegant company for dinners, events and city walks.",
        "I speak English and Romanian and love art and good conversation.",
        "Discretion and mutual respect are important to me.",
    ),
    escort_terms=(
        "By appointment only, at least 2 hours in advance.",
        "I do not work through agencies or managers.",
    ),
    escort_contact=("Contact me directly: {contacts}.",),
    escort_managed_titles=(
        "New in town! {name}, {age}",
        "✨ {name} {age} – just arrived ✨",
        "Sweet {name}, {age} – 24/7",
    ),
    escort_managed_intros=(
        "Meet {name}, {years}, she has just arrived {in_city}.",
        "Our new girl {name} ({age}) is waiting for you.",
    ),
    escort_managed_contact=("Book with the manager: {contacts}.",),
    escort_recruit_titles=(
        "Work abroad for girls – {amount} EUR/week",
        "Jobs for young women {in_country}",
    ),
    escort_recruit_intros=(
        "We are looking for girls to work as hostesses and companions {in_country}.",
    ),
    escort_recruit_contact=("Write: {contacts}.",),
    escort_cues={
        "third_person_voice": (
            "Book her through our manager.",
            "She is very sweet, appointments only through the manager.",
        ),
        "new_in_town": (
            "New in town, only for a few days!",
            "Just arrived, {in_city} this week only.",
        ),
        "available_24_7": ("Available 24/7.", "Any time, day or night."),
        "youth_emphasis": ("Very young and petite.", "Fresh face, very young."),
        "ethnicity_emphasis": (
            "Exotic beauty from the East.",
            "A real Slavic girl, exotic beauty.",
        ),
        "multiple_workers_one_contact": (
            "New girls every week, one number for all.",
            "Several girls available on the same number.",
        ),
        "messenger_only_contact": ("Write only on {messenger}.",),
        "urgency": ("Hurry, this weekend only!",),
        "restricted_movement": (
            "Outcalls only with our driver.",
            "She stays in our apartment, the driver brings her.",
        ),
        "high_pay_no_experience": ("Earn {amount} EUR a week, no experience needed.",),
        "travel_paid": ("Tickets and visa are paid by us.",),
        "debt_repaid_from_wages": ("Travel costs are repaid from your earnings.",),
        "documents_held": ("Your passport stays with the manager for safety.",),
        "wages_cut_for_costs": ("Rent, food and fines are deducted from earnings.",),
        "young_women_only": ("Only girls aged 18-25.",),
    },
    update_notes={
        "job": ("Update: places are still available, interviews continue this week.",),
        "bridal": ("Update: I have added new photos and I am still looking for my match.",),
        "escort": ("Update: back this week with new dates.",),
    },
)

#: Clauses of the very long "terms of employment" advert (about 200 KB of text).
LONG_TERMS: tuple[str, ...] = (
    "Working time is recorded electronically and every hour worked is paid.",
    "Overtime is voluntary and paid at the rate agreed in the collective agreement.",
    "Breaks follow the working time act: at least thirty minutes after six hours of work.",
    "Holiday entitlement is twenty-four working days per calendar year, pro rata in the "
    "first year.",
    "Sick leave is paid from the first day when a medical certificate is provided.",
    "Protective equipment is provided free of charge and replaced when worn.",
    "Training on safety rules takes place before the first shift and is repeated every year.",
    "Wages are paid by bank transfer on the last working day of the month.",
    "A payslip shows gross pay, taxes, social security and any agreed deductions.",
    "No deduction is made without the written agreement of the employee.",
    "Employees keep their own identity documents at all times.",
    "The probation period is three months with one week of notice on both sides.",
    "After probation the notice period follows the statutory rules.",
    "Complaints can be raised with the shift manager, the works council or the labour "
    "inspectorate.",
    "Interpreters are available for meetings about contracts, pay and safety.",
    "Housing offered by the company is optional and rented under a separate lease.",
    "The lease can be ended with one month of notice without affecting employment.",
    "Transport to the site is offered by a public bus line; a monthly ticket is subsidised.",
    "Personal data is processed only for payroll and legal reporting.",
    "Copies of all signed documents are handed to the employee on the day of signature.",
)
