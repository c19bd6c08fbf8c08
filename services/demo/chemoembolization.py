"""Chemoembolization (TACE): a different procedure from radioembolization, with its own page."""

from datetime import date

CHEMOEMBOLIZATION = {
    "slug": "chemoembolization",
    "order": 2,
    "procedure_type": "PercutaneousProcedure",
    "last_reviewed": date(2026, 11, 1),
    "next_review": date(2027, 11, 1),
    "hero": {"seed": 2, "palette": "cool"},
    "title": {
        "ru": "Химиоэмболизация опухолей печени",
        "en": "Chemoembolization of liver tumours",
    },
    "alternate_name": {
        "ru": "TACE, трансартериальная химиоэмболизация",
        "en": "TACE, transarterial chemoembolization",
    },
    "body_location": {"ru": "Печень", "en": "Liver"},
    "summary": {
        "ru": (
            "Химиоэмболизация — это лечение опухоли печени лекарством прямо через её артерии. Врач "
            "вводит химиопрепарат вместе с веществом, которое закупоривает сосуды опухоли. Лекарство "
            "остаётся в опухоли, а сама она лишается питания. Это не то же самое, что радиоэмболизация."
        ),
        "en": (
            "Chemoembolization treats a liver tumour with a drug given straight into its arteries. The "
            "doctor delivers a chemotherapy drug together with a material that blocks the tumour's "
            "vessels. The drug stays in the tumour, and the tumour loses its blood supply. It is not the "
            "same as radioembolization."
        ),
    },
    "what_it_is": {
        "ru": (
            "Химиоэмболизацию также называют TACE (трансартериальная химиоэмболизация). Это "
            "малоинвазивное лечение: врач работает через прокол артерии в паху, без разреза.\n\n"
            "Через катетер — тонкую гибкую трубочку — врач доходит до артерий, которые питают опухоль. "
            "Туда он вводит химиопрепарат, чаще всего доксорубицин. Вместе с ним вводят эмболизирующее "
            "вещество: оно закупоривает мелкие сосуды опухоли. Иногда лекарство заранее «загружают» в "
            "специальные микросферы, которые постепенно его отдают.\n\n"
            "Так лекарство остаётся в опухоли в высокой концентрации, а в остальной организм попадает "
            "меньше. Кроме того, опухоль теряет приток крови.\n\n"
            "Химиоэмболизация и радиоэмболизация (TARE, SIRT) — это две разные процедуры. При "
            "химиоэмболизации действует лекарство и закупорка сосудов. При радиоэмболизации — излучение "
            "микросфер с иттрием-90. Какой метод подходит вам, решает консилиум врачей."
        ),
        "en": (
            "Chemoembolization is also called TACE (transarterial chemoembolization). It is a minimally "
            "invasive treatment: the doctor works through a puncture in an artery in the groin, with no "
            "incision.\n\n"
            "Using a catheter, a thin flexible tube, the doctor reaches the arteries that feed the tumour. "
            "There they give a chemotherapy drug, most often doxorubicin. Together with it they give an "
            "embolic agent: a material that blocks the tumour's small vessels. Sometimes the drug is first "
            "loaded into special beads that release it slowly (drug-eluting beads).\n\n"
            "This way the drug stays in the tumour at a high strength, and less of it reaches the rest of "
            "the body. The tumour also loses its blood supply.\n\n"
            "Chemoembolization and radioembolization (TARE, SIRT) are two different procedures. "
            "Chemoembolization works through a drug and by blocking vessels. Radioembolization works "
            "through the radiation of yttrium-90 microspheres. A tumour board decides which one suits you."
        ),
    },
    "who_for": {
        "ru": (
            "Химиоэмболизацию применяют в основном:\n\n"
            "- при гепатоцеллюлярной карциноме (раке из клеток самой печени) промежуточной стадии — "
            "когда опухоль уже нельзя удалить операцией, но она ещё не вышла за пределы печени;\n"
            "- при некоторых метастазах в печени — очагах рака, пришедших из других органов."
        ),
        "en": (
            "Chemoembolization is used mainly for:\n\n"
            "- intermediate-stage hepatocellular carcinoma (cancer of the liver's own cells): when the "
            "tumour can no longer be removed by surgery but has not spread beyond the liver;\n"
            "- some liver metastases, that is, cancer that has spread to the liver from elsewhere."
        ),
    },
    "who_not_for": {
        "ru": (
            "Подходит ли вам химиоэмболизация, решает консилиум. Он учитывает, как работает печень, "
            "насколько распространилась болезнь и каково ваше общее самочувствие. Если химиоэмболизация "
            "невозможна, врачи могут предложить другое лечение, например радиоэмболизацию."
        ),
        "en": (
            "A tumour board decides whether chemoembolization suits you. It weighs how well your liver "
            "works, how far the disease has spread and your general health. If chemoembolization is not "
            "possible, the doctors may suggest another treatment, for example radioembolization."
        ),
    },
    "decision": {
        "ru": (
            "Решение принимает консилиум: онколог, интервенционный радиолог и хирург. Они изучают снимки "
            "печени (КТ или МРТ), анализы крови, ваше самочувствие и лечение, которое уже было."
        ),
        "en": (
            "The decision is made by a tumour board: an oncologist, an interventional radiologist and a "
            "surgeon. They study scans of the liver (CT or MRI), blood tests, your general health and the "
            "treatment you have had so far."
        ),
    },
    "after_procedure": {
        "ru": (
            "Обычно после процедуры проводят одну ночь в клинике.\n\n"
            "В первые дни часто бывают боль, повышение температуры и тошнота. Это постэмболизационный "
            "синдром — ожидаемая реакция на закупорку сосудов опухоли. Его снимают обычными "
            "лекарствами.\n\n"
            "Сеансы можно повторять каждые 4–8 недель. Сколько их понадобится, зависит от того, как "
            "опухоль отвечает на лечение."
        ),
        "en": (
            "Most people spend one night in the clinic after the procedure.\n\n"
            "In the first days, pain, fever and nausea are common. This is post-embolization syndrome, an "
            "expected reaction to blocking the tumour's vessels. Ordinary medicines ease it.\n\n"
            "Sessions can be repeated every 4–8 weeks. How many you need depends on how the tumour "
            "responds."
        ),
    },
    "risks": {
        "ru": (
            "Как и при любом лечении через катетер в артерии, возможны кровотечение или синяк в месте "
            "прокола, тромбы, инфекция и реакция на контрастное вещество. Это бывает редко. Врач "
            "подробно расскажет о рисках в вашем случае на консультации."
        ),
        "en": (
            "As with any treatment through a catheter in an artery, there may be bleeding or a bruise "
            "where the needle went in, blood clots, infection or a reaction to the contrast dye. These are "
            "rare. At the consultation the doctor will explain the risks in your own case."
        ),
    },
    "hero_image_alt": {
        "ru": "Рисунок: печень и сосуд, по которому к опухоли приходит лекарство",
        "en": "Illustration: a liver and a vessel carrying medicine to a tumour",
    },
    "seo_title": {
        "ru": "Химиоэмболизация печени (TACE) — Клиника Лядова",
        "en": "Liver chemoembolization (TACE) | Lyadov Clinic",
    },
    "seo_description": {
        "ru": (
            "Химиоэмболизация опухолей печени (TACE): как проходит, кому подходит, сколько длится "
            "восстановление и чем она отличается от радиоэмболизации."
        ),
        "en": (
            "Chemoembolization of liver tumours (TACE): how it is done, who it suits, recovery, and how "
            "it differs from radioembolization."
        ),
    },
}

STEPS = [
    {
        "title": {"ru": "Консультация и консилиум", "en": "Consultation and tumour board"},
        "duration": {"ru": "", "en": ""},
        "description": {
            "ru": "Врачи изучают снимки, анализы и историю лечения и решают, "
            "подходит ли вам химиоэмболизация.",
            "en": "The doctors study your scans, tests and past treatment and decide whether "
            "chemoembolization suits you.",
        },
    },
    {
        "title": {"ru": "Процедура химиоэмболизации", "en": "The chemoembolization procedure"},
        "duration": {"ru": "", "en": ""},
        "description": {
            "ru": (
                "Кожу в паху обезболивают. Врач вводит катетер в артерию и под рентгеном подводит его к "
                "сосудам опухоли. Затем он вводит химиопрепарат вместе с эмболизирующим веществом."
            ),
            "en": (
                "The skin in the groin is numbed. The doctor places a catheter in the artery and, guided "
                "by X-rays, steers it to the tumour's vessels. Then they give the chemotherapy drug "
                "together with the embolic agent."
            ),
        },
    },
    {
        "title": {"ru": "Пребывание в клинике", "en": "Your stay in the clinic"},
        "duration": {"ru": "обычно 1 ночь", "en": "usually 1 night"},
        "description": {
            "ru": "Врачи наблюдают за вами и снимают боль, тошноту и температуру, если они появились.",
            "en": "The doctors watch over you and ease any pain, nausea or fever.",
        },
    },
    {
        "title": {"ru": "Повторные сеансы", "en": "Repeat sessions"},
        "duration": {"ru": "каждые 4–8 недель", "en": "every 4–8 weeks"},
        "description": {
            "ru": "Если нужно, процедуру повторяют. Решение зависит от того, "
            "как опухоль ответила на лечение.",
            "en": "If needed, the procedure is repeated. The decision depends on "
            "how the tumour has responded.",
        },
    },
]

PREPARATION = [
    {
        "ru": "Возьмите на консультацию снимки КТ или МРТ, свежие анализы и выписки.",
        "en": "Bring CT or MRI scans, recent test results and hospital letters to the consultation.",
    },
    {
        "ru": "Составьте список всех лекарств, включая витамины и БАДы.",
        "en": "Write down all your medicines, including vitamins and supplements.",
    },
    {
        "ru": "Скажите об аллергии, особенно на контрастное вещество.",
        "en": "Tell the doctor about any allergies, especially to contrast dye.",
    },
    {
        "ru": "Лекарства, разжижающие кровь, отменяйте только по совету врача.",
        "en": "Only pause blood thinners if your doctor advises it.",
    },
]

FOLLOW_UP = [
    {
        "when": {"ru": "После каждого сеанса", "en": "After each session"},
        "what": {
            "ru": "Снимки и анализы крови показывают, как опухоль ответила на лечение.",
            "en": "Scans and blood tests show how the tumour has responded.",
        },
    },
    {
        "when": {"ru": "Через 4–8 недель", "en": "After 4–8 weeks"},
        "what": {
            "ru": "Если нужно, следующий сеанс химиоэмболизации.",
            "en": "A further chemoembolization session, if needed.",
        },
    },
]

FAQS = [
    {
        "question": {
            "ru": "Чем химиоэмболизация отличается от радиоэмболизации?",
            "en": "How is chemoembolization different from radioembolization?",
        },
        "answer": {
            "ru": (
                "Это две разные процедуры. При химиоэмболизации (TACE) в сосуды опухоли вводят "
                "химиопрепарат и вещество, которое их закупоривает. При радиоэмболизации (TARE, SIRT) "
                "вводят микросферы с радиоактивным иттрием-90, которые облучают опухоль изнутри."
            ),
            "en": (
                "They are two different procedures. Chemoembolization (TACE) puts a chemotherapy drug and "
                "a blocking material into the tumour's vessels. Radioembolization (TARE, SIRT) puts in "
                "microspheres carrying radioactive yttrium-90, which irradiate the tumour from inside."
            ),
        },
    },
    {
        "question": {"ru": "Сколько сеансов понадобится?", "en": "How many sessions will I need?"},
        "answer": {
            "ru": "Это зависит от ответа опухоли. Сеансы можно повторять каждые 4–8 недель.",
            "en": "It depends on how the tumour responds. Sessions can be repeated every 4–8 weeks.",
        },
    },
    {
        "question": {"ru": "Сколько я пробуду в клинике?", "en": "How long will I stay in the clinic?"},
        "answer": {
            "ru": "Обычно одну ночь после процедуры.",
            "en": "Usually one night after the procedure.",
        },
    },
    {
        "question": {
            "ru": "Что такое микросферы с лекарством?",
            "en": "What are drug-eluting beads?",
        },
        "answer": {
            "ru": (
                "Это крошечные шарики, в которые заранее загружают химиопрепарат. В сосудах опухоли они "
                "постепенно отдают лекарство. Радиоактивными они не являются."
            ),
            "en": (
                "They are tiny beads loaded with the chemotherapy drug beforehand. In the tumour's vessels "
                "they release the drug slowly. They are not radioactive."
            ),
        },
    },
]

REFERENCES = [
    {
        "title": {
            "ru": "Химиоэмболизация — информация для пациентов (на английском, раздел «Chemoembolization»)",
            "en": "Chemoembolization: patient information (see the “Chemoembolization” topic)",
        },
        "source": "RadiologyInfo.org (RSNA, ACR)",
        "url": "https://www.radiologyinfo.org/",
    },
    {
        "title": {
            "ru": "Клинические рекомендации «Рак печени (гепатоцеллюлярный)»",
            "en": "Clinical guidelines “Liver cancer (hepatocellular)” (in Russian)",
        },
        "source": "Рубрикатор клинических рекомендаций Минздрава России",
        "url": "https://cr.minzdrav.gov.ru/",
    },
]
