"""Ukrainian indicator patterns read their context (precision) and cover more phrasings (recall).

Every sentence here is written for this test, not copied from the labelled samples; a span is
``text[hit.start:hit.end]`` of the expected indicator (overlapping hits of one indicator are
merged by the matcher, so a span may cover two phrases).
"""

from __future__ import annotations

import time

import pytest

from classifier.indicators import match_indicators
from classifier.indicators.patterns import compile_source, raw_patterns
from classifier.indicators.prefix_index import triggers_of


def spans(text: str, kind: str, indicator: str) -> list[str]:
    hits = match_indicators(text, kind, "uk")
    for h in hits:
        assert text[h.start : h.end] == h.text
    return [text[h.start : h.end] for h in hits if h.indicator_id == indicator]


# --------------------------------------------------------------------------- must fire

FIRES: list[tuple[str, str, str, str]] = [
    # (kind, text, indicator, expected span)
    # documents held by a third party: kept, held, taken, handed over, "for safety"
    (
        "job",
        "Паспорт на весь час роботи зберігатиметься у бригадира.",
        "documents_held",
        "Паспорт на весь час роботи зберігатиметься у бригадира",
    ),
    (
        "job",
        "Закордонні паспорти забирає координатор одразу на кордоні.",
        "documents_held",
        "Закордонні паспорти забирає",
    ),
    (
        "job",
        "Ми тримаємо ваші документи в сейфі, щоб нічого не пропало.",
        "documents_held",
        "тримаємо ваші документи",
    ),
    (
        "job",
        "По приїзду ви віддаєте паспорт менеджеру.",
        "documents_held",
        "віддаєте паспорт менеджеру",
    ),
    (
        "job",
        "Посвідку на проживання триматиме роботодавець до кінця контракту.",
        "documents_held",
        "Посвідку на проживання триматиме",
    ),
    (
        "job",
        "Здаєте документи на зберігання координатору.",
        "documents_held",
        "Здаєте документи на зберігання",
    ),
    (
        "escort",
        "Документи дівчат лежать у адміністратора.",
        "documents_held",
        "Документи дівчат лежать у адміністратора",
    ),
    (
        "bridal",
        "Я збережу твій паспорт у себе, так безпечніше.",
        "documents_held",
        "збережу твій паспорт у себе, так безпечніше",
    ),
    (
        "bridal",
        "Твій паспорт буде в мене, щоб ти його не загубила.",
        "documents_held",
        "паспорт буде в мене",
    ),
    (
        "bridal",
        "На час оформлення візи паспорт залишається у свахи.",
        "agency_keeps_documents",
        "паспорт залишається у свахи",
    ),
    (
        "bridal",
        "Ваш закордонний паспорт агенція тримає до весілля.",
        "agency_keeps_documents",
        "закордонний паспорт агенція тримає",
    ),
    # housing provided or arranged by the employer
    ("job", "Житло надає фермер, кімнати на двох.", "accommodation_by_employer", "Житло надає"),
    (
        "job",
        "Поселяємо в гуртожиток біля заводу.",
        "accommodation_by_employer",
        "Поселяємо в гуртожиток",
    ),
    (
        "job",
        "Працівникам надається ліжко-місце в гуртожитку.",
        "accommodation_by_employer",
        "надається ліжко-місце",
    ),
    (
        "job",
        "Жити будете в будинку для сезонних працівників.",
        "accommodation_by_employer",
        "Жити будете в будинку",
    ),
    # costs taken from pay, pay withheld, fines
    (
        "job",
        "За проживання та харчування з зарплати вираховуємо 80 євро щотижня.",
        "wages_cut_for_costs",
        "За проживання та харчування з зарплати вираховуємо 80 євро",
    ),
    (
        "job",
        "Спецодяг і інструмент оплачуються з вашої зарплати.",
        "wages_cut_for_costs",
        "Спецодяг і інструмент оплачуються з вашої зарплати",
    ),
    (
        "job",
        "Зарплату отримаєте лише після закінчення сезону.",
        "wages_cut_for_costs",
        "Зарплату отримаєте лише після закінчення сезону",
    ),
    (
        "escort",
        "За кожне запізнення штраф 50 євро.",
        "wages_cut_for_costs",
        "За кожне запізнення штраф",
    ),
    # a debt worked off or repaid from future pay
    (
        "job",
        "Квиток купуємо ми, а гроші за нього утримаємо з першої зарплати.",
        "debt_repaid_from_wages",
        "Квиток купуємо ми, а гроші за нього утримаємо з першої зарплати",
    ),
    (
        "escort",
        "Переліт оплатимо, віддаси з перших заробітків.",
        "debt_repaid_from_wages",
        "віддаси з перших заробітків",
    ),
    ("job", "Аванс на дорогу потім відпрацюєте.", "debt_repaid_from_wages", "потім відпрацюєте"),
    # pressure to leave or decide
    ("job", "Автобус відправляється вже в цю суботу!", "urgency", "відправляється вже в цю суботу"),
    ("job", "Група виїжджає за три дні, квитки вже куплені.", "urgency", "квитки вже куплені"),
    ("job", "Залишилось лише 2 місця!", "urgency", "Залишилось лише 2 місця"),
    (
        "bridal",
        "Рішення потрібно прийняти сьогодні.",
        "urgency",
        "Рішення потрібно прийняти сьогодні",
    ),
    # the employer hidden
    ("job", "Роботодавець — відома фірма в Німеччині.", "vague_employer", "відома фірма"),
    (
        "job",
        "Назву підприємства повідомимо після співбесіди.",
        "vague_employer",
        "Назву підприємства повідомимо після",
    ),
    (
        "job",
        "Працюємо з різними роботодавцями в країнах ЄС.",
        "vague_employer",
        "з різними роботодавцями в країнах ЄС",
    ),
    (
        "job",
        "Наш партнер у Польщі візьме вас одразу.",
        "vague_employer",
        "Наш партнер у Польщі візьме",
    ),
    ("job", "Робота на складах Нідерландів і Бельгії.", "vague_employer", "на складах Нідерландів"),
    # the candidate pays
    (
        "job",
        "За працевлаштування потрібно заплатити 300 євро.",
        "recruitment_fee",
        "За працевлаштування потрібно заплатити 300 євро",
    ),
    (
        "job",
        "Послуги агенції — 250 €, оплата до виїзду.",
        "recruitment_fee",
        "Послуги агенції — 250 €",
    ),
    (
        "job",
        "Перед виїздом вносите депозит 200 євро.",
        "recruitment_fee",
        "вносите депозит 200 євро",
    ),
    (
        "bridal",
        "Членський внесок 1000 грн на місяць.",
        "recruitment_fee",
        "Членський внесок 1000 грн",
    ),
    # travel paid or arranged by someone else
    ("job", "Дорогу до Чехії оплачує роботодавець.", "travel_paid", "Дорогу до Чехії оплачує"),
    (
        "escort",
        "Переліт до Дубая за рахунок клубу.",
        "travel_paid",
        "Переліт до Дубая за рахунок клубу",
    ),
    (
        "bridal",
        "Я чоловік з Норвегії, оплачу тобі квиток і візу.",
        "agency_pays_travel",
        "оплачу тобі квиток і візу",
    ),
    (
        "bridal",
        "Квиток до Стамбула купує посередник.",
        "agency_pays_travel",
        "Квиток до Стамбула купує",
    ),
    (
        "bridal",
        "Витрати на поїздку бере на себе наречений.",
        "agency_pays_travel",
        "Витрати на поїздку бере на себе",
    ),
    # explicit "no licence", "unofficially"
    ("job", "Працюємо без ліцензії, зате швидко.", "unlicensed_agency", "Працюємо без ліцензії"),
    ("job", "Ліцензія нам не потрібна.", "unlicensed_agency", "Ліцензія нам не потрібна"),
    (
        "job",
        "Працевлаштування неофіційне, без податків.",
        "unlicensed_agency",
        "Працевлаштування неофіційне",
    ),
    # contract only on arrival, or none
    (
        "job",
        "Трудовий договір укладається вже на фермі.",
        "contract_on_arrival",
        "договір укладається вже на фермі",
    ),
    (
        "job",
        "Контракт отримаєте після прибуття.",
        "contract_on_arrival",
        "Контракт отримаєте після прибуття",
    ),
    ("job", "Перші два тижні працюєте без договору.", "contract_on_arrival", "без договору"),
    # movement restricted
    (
        "job",
        "Виходити з гуртожитку ввечері заборонено.",
        "restricted_movement",
        "Виходити з гуртожитку ввечері заборонено",
    ),
    ("job", "У місто лише з бригадиром.", "restricted_movement", "У місто лише з бригадиром"),
    (
        "escort",
        "Дівчат завжди супроводжує охорона.",
        "restricted_movement",
        "завжди супроводжує охорона",
    ),
    # bridal: fast marriage abroad, a young wife sought
    (
        "bridal",
        "Розпис через два тижні після знайомства.",
        "marriage_abroad_fast",
        "Розпис через два тижні",
    ),
    (
        "bridal",
        "Він хоче одружитися одразу, як ти приїдеш.",
        "marriage_abroad_fast",
        "одружитися одразу, як ти приїдеш",
    ),
    (
        "bridal",
        "Вдівець з Італії шукає молоду дружину.",
        "young_women_only",
        "шукає молоду дружину",
    ),
    (
        "bridal",
        "Фермер з Австралії шукає дружину 20-30 років.",
        "young_women_only",
        "дружину 20-30",
    ),
    # new ids
    (
        "job",
        "Відібраних кандидатів направимо до нашого клієнта в ОАЕ протягом двох тижнів.",
        "deployment_unnamed_employer",
        "направимо до нашого клієнта",
    ),
    (
        "job",
        "Після навчання розподіляємо по об'єктах партнерів.",
        "deployment_unnamed_employer",
        "розподіляємо по об'єктах",
    ),
    (
        "job",
        "Їдете за туристичною візою, дозвіл на роботу зробимо на місці.",
        "tourist_visa_work",
        "за туристичною візою",
    ),
    (
        "escort",
        "Дозвіл на роботу не потрібен.",
        "tourist_visa_work",
        "Дозвіл на роботу не потрібен",
    ),
    ("bridal", "Оберіть наречену з нашого каталогу.", "bride_catalogue", "Оберіть наречену"),
    (
        "bridal",
        "Фото наших дівчат доступні для членів клубу.",
        "bride_catalogue",
        "Фото наших дівчат доступні для членів",
    ),
    (
        "bridal",
        "Родині дівчини наречений виплачує компенсацію.",
        "payment_to_family",
        "Родині дівчини наречений виплачує компенсацію",
    ),
    (
        "bridal",
        "Фіктивний шлюб для отримання громадянства, все під ключ.",
        "sham_marriage",
        "Фіктивний шлюб",
    ),
    (
        "bridal",
        "Шлюб за домовленістю, щоб отримати посвідку.",
        "sham_marriage",
        "Шлюб за домовленістю, щоб отримати посвідку",
    ),
    (
        "job",
        "Знання мови не обов'язкове, все перекладемо.",
        "language_not_needed",
        "Знання мови не обов'язкове",
    ),
    ("bridal", "Англійська вам не потрібна.", "language_not_needed", "Англійська вам не потрібна"),
    (
        "job",
        "Офіційне працевлаштування за КЗпП, соцпакет.",
        "contract_terms_stated",
        "Офіційне працевлаштування за КЗпП",
    ),
    (
        "job",
        "Безстроковий трудовий договір, повна зайнятість.",
        "contract_terms_stated",
        "Безстроковий трудовий договір",
    ),
    (
        "job",
        "Контракт на 6 місяців з можливістю продовження.",
        "contract_terms_stated",
        "Контракт на 6 місяців",
    ),
    # mitigating: a stated wage with its pay basis, a contract signed before departure
    ("job", "Зарплата 25 000 грн на місяць.", "realistic_wage", "Зарплата 25 000 грн на місяць"),
    ("job", "Оплата 14 євро за годину брутто.", "realistic_wage", "14 євро за годину"),
    ("job", "Ставка 120 грн/год.", "realistic_wage", "120 грн/год"),
    (
        "job",
        "Зарплата 1 200–1 500 € на місяць.",
        "realistic_wage",
        "Зарплата 1 200–1 500 € на місяць",
    ),
    ("job", "Оплата 600 грн за зміну.", "realistic_wage", "600 грн за зміну"),
    ("job", "25–30 злотих нетто за годину.", "realistic_wage", "25–30 злотих нетто за годину"),
    ("job", "Дохід від 600 000 грн на рік.", "realistic_wage", "600 000 грн на рік"),
    (
        "job",
        "Договір надсилаємо заздалегідь, підписуєте до виїзду.",
        "written_contract_before_departure",
        "Договір надсилаємо заздалегідь, підписуєте до виїзду",
    ),
]


@pytest.mark.parametrize(("kind", "text", "indicator", "span"), FIRES)
def test_phrasing_fires_with_span(kind: str, text: str, indicator: str, span: str) -> None:
    found = spans(text, kind, indicator)
    assert found, f"{indicator} missing in {text!r}"
    assert span in found, found


# --------------------------------------------------------------------------- must not fire

DOES_NOT_FIRE: list[tuple[str, str, str]] = [
    # documents: application papers, copies to be checked, privacy notices, the worker's own
    (
        "job",
        "Надішліть резюме та копії дипломів; документи кандидатів зберігаємо 6 місяців "
        "відповідно до закону про захист персональних даних.",
        "documents_held",
    ),
    (
        "job",
        "Копію паспорта залишаємо в офісі для договору, оригінал завжди у вас.",
        "documents_held",
    ),
    ("job", "Документи для співбесіди: резюме, диплом, копія паспорта.", "documents_held"),
    ("job", "Ми перевіряємо документи і одразу повертаємо їх вам.", "documents_held"),
    ("job", "Паспорт завжди залишається при вас.", "documents_held"),
    ("escort", "Кожна дівчина зберігає свої документи сама.", "documents_held"),
    ("job", "Тримайте паспорт у сейфі готелю.", "documents_held"),
    ("job", "Ми заберемо вас з аеропорту, документи оформимо разом.", "documents_held"),
    ("bridal", "Паспорт потрібен лише для візи, він завжди у вас.", "agency_keeps_documents"),
    # housing: the hotel trade, disability adjustments, optional help to find a flat
    (
        "job",
        "Обов'язки: поселення гостей, бронювання номерів, облік проживання.",
        "accommodation_by_employer",
    ),
    (
        "job",
        "Розумне пристосування робочого місця для людей з інвалідністю.",
        "accommodation_by_employer",
    ),
    ("job", "За бажанням допоможемо знайти житло.", "accommodation_by_employer"),
    ("job", "Пропонуємо квартиру в оренду.", "accommodation_by_employer"),
    ("job", "Є кімната відпочинку для персоналу.", "accommodation_by_employer"),
    # pay: tax, contributions, pre-tax benefits, a stated optional rent
    ("job", "З зарплати утримуються податки: ПДФО та військовий збір.", "wages_cut_for_costs"),
    ("job", "Пенсійні внески утримуються з зарплати до оподаткування.", "wages_cut_for_costs"),
    (
        "job",
        "Житло за бажанням: 200 євро на місяць за окремим договором, утримується з "
        "зарплати лише за вашою згодою.",
        "wages_cut_for_costs",
    ),
    ("job", "Премія наприкінці сезону.", "wages_cut_for_costs"),
    # urgency: urgent hiring, apply now, start as soon as possible, urgent care
    ("job", "Терміново шукаємо продавця в магазин.", "urgency"),
    ("job", "ТЕРМІНОВО! Потрібен водій категорії С.", "urgency"),
    ("job", "Подавайте заявку зараз!", "urgency"),
    ("job", "Вихід на роботу якнайшвидше.", "urgency"),
    ("job", "Невідкладна допомога, терміновий догляд за літніми людьми.", "urgency"),
    ("job", "Місця для паркування обмежені.", "urgency"),
    # vague employer: requirement lists and self-descriptions
    ("job", "Досвід роботи у великій компанії обов'язковий.", "vague_employer"),
    ("job", "Ми — велика міжнародна компанія з офісом у Києві.", "vague_employer"),
    # fee: money paid to the worker, "no fee"
    ("job", "Бонус 500 євро після трьох місяців роботи.", "recruitment_fee"),
    ("job", "Компенсуємо релокацію: 1000 доларів на переїзд.", "recruitment_fee"),
    ("job", "Щотижнева стипендія 200 євро.", "recruitment_fee"),
    ("job", "Послуги агенції для кандидатів безкоштовні.", "recruitment_fee"),
    # travel: business travel, team retreats, reimbursement for work trips, self-paid
    ("job", "Відрядження по Україні, проїзд і проживання оплачує компанія.", "travel_paid"),
    ("job", "Компенсуємо витрати на проїзд під час службових поїздок.", "travel_paid"),
    ("job", "Поїздки на тімбілдинги за рахунок компанії.", "travel_paid"),
    ("bridal", "Квитки купую собі сама.", "travel_paid"),
    ("bridal", "Переліт за ваш рахунок.", "agency_pays_travel"),
    # unlicensed: a mention of an agency is not a pattern's business
    ("job", "Кадрова агенція запрошує на роботу в Польщу.", "unlicensed_agency"),
    ("job", "Маємо ліцензію Мінекономіки.", "unlicensed_agency"),
    # others
    ("job", "Договір підписуєте в нашому офісі до виїзду.", "contract_on_arrival"),
    ("job", "Без підписаного договору ніхто не виїжджає.", "contract_on_arrival"),
    ("bridal", "Шукаю жінку 40-50 років.", "young_women_only"),
    ("job", "Запрошуємо чоловіків і жінок 20-35 років.", "young_women_only"),
    ("bridal", "Мова не проблема, я вчу англійську.", "language_not_needed"),
    ("job", "Базова англійська – плюс, але не обов'язково.", "language_not_needed"),
    ("bridal", "Жодних подарунків родині через нас.", "payment_to_family"),
    ("bridal", "Офіційна реєстрація шлюбу, допомагаємо з документами.", "sham_marriage"),
    ("job", "Розміщуємо наш код на серверах клієнта.", "deployment_unnamed_employer"),
    ("bridal", "Ви самі обираєте, кому писати.", "bride_catalogue"),
    ("job", "Квартира в оренду, 300 євро на місяць.", "realistic_wage"),
    ("job", "Зарплата від 3000 € на місяць без досвіду.", "realistic_wage"),
    ("job", "Неофіційне оформлення на перший місяць.", "contract_terms_stated"),
    ("escort", "Вона не виходить на зв'язок після 22:00.", "restricted_movement"),
]


@pytest.mark.parametrize(("kind", "text", "indicator"), DOES_NOT_FIRE)
def test_context_keeps_keyword_from_firing(kind: str, text: str, indicator: str) -> None:
    assert not spans(text, kind, indicator), spans(text, kind, indicator)


NEGATED: list[tuple[str, str, str]] = [
    ("job", "Ми ніколи не забираємо паспорти працівників.", "documents_held"),
    ("job", "Паспорт роботодавець не зберігає.", "documents_held"),
    ("bridal", "Агенція не тримає документів наречених.", "agency_keeps_documents"),
    ("job", "За працевлаштування ви нічого не платите.", "recruitment_fee"),
    ("job", "Жодних реєстраційних внесків.", "recruitment_fee"),
    ("job", "Житло роботодавець не надає.", "accommodation_by_employer"),
    ("job", "З зарплати нічого не вираховуємо за житло.", "wages_cut_for_costs"),
    ("job", "Ми не оплачуємо дорогу.", "travel_paid"),
    ("job", "Ми не працюємо без ліцензії.", "unlicensed_agency"),
    ("bridal", "Ми не організовуємо фіктивних шлюбів.", "sham_marriage"),
]


@pytest.mark.parametrize(("kind", "text", "indicator"), NEGATED)
def test_negated_statement_does_not_fire(kind: str, text: str, indicator: str) -> None:
    assert not spans(text, kind, indicator), spans(text, kind, indicator)


# --------------------------------------------------------------------------- the table itself

NEW_IDS = (
    "deployment_unnamed_employer",
    "tourist_visa_work",
    "bride_catalogue",
    "payment_to_family",
    "sham_marriage",
    "language_not_needed",
    "contract_terms_stated",
)


def test_new_taxonomy_ids_have_ukrainian_patterns() -> None:
    table = raw_patterns("uk")
    assert all(table.get(i) for i in NEW_IDS), [i for i in NEW_IDS if not table.get(i)]
    assert "agency_unverified" not in table  # the matcher derives it


def test_every_pattern_has_a_trigger() -> None:
    untriggered = [
        (indicator_id, p[:60])
        for indicator_id, patterns in raw_patterns("uk").items()
        for p in patterns
        if triggers_of(compile_source(p)) is None
    ]
    assert not untriggered


def test_patterns_stay_linear_on_hostile_text() -> None:
    hostile = [
        ("паспорт зберігається у " * 600)[:12_000],
        ("12 345 678 901 грн " * 700)[:12_000],
        ("дорогу, квитки, житло, харчування, " * 400)[:12_000],
        "а" * 12_000,
    ]
    start = time.perf_counter()
    for text in hostile:
        for kind in ("job", "bridal", "escort"):
            match_indicators(text, kind, "uk")
    assert time.perf_counter() - start < 20.0
