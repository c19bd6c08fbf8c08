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
            "По катетеру — тонкой гибкой трубочке — врач добирается до артерий, которые питают опухоль. "
            "Туда он вводит химиопрепарат, чаще всего доксорубицин. Вместе с ним вводят эмболизирующее "
            "вещество: оно закупоривает мелкие сосуды опухоли. Иногда лекарство заранее «загружают» в "
            "специальные микросферы, которые постепенно его отдают.\n\n"
            "Так лекарство остаётся в опухоли в высокой концентрации, а в остальной организм попадает "
            "меньше. Кроме того, опухоль теряет приток крови.\n\n"
            "Химиоэмболизация и радиоэмболизация (TARE, SIRT) — это две разные процедуры. При "
            "химиоэмболизации действуют лекарство и закупорка сосудов. При радиоэмболизации — излучение "
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
    "aims": {
        "ru": (
            "Химиоэмболизация, как правило, не излечивает рак. Её цель — сдержать рост опухоли в печени "
            "и продлить жизнь. Иногда она помогает дождаться пересадки печени: опухоль не растёт, и "
            "пациент остаётся в листе ожидания.\n\n"
            "Результат у каждого свой, и заранее его обещать нельзя. Спросите врача, какую цель ставят в "
            "вашем случае."
        ),
        "en": (
            "Chemoembolization usually does not cure cancer. It aims to hold back the tumour in the liver "
            "and to extend life. Sometimes it helps a patient wait for a liver transplant: the tumour "
            "stops growing and the patient stays on the waiting list.\n\n"
            "Results differ from person to person, and none can be promised in advance. Ask your doctor "
            "what the aim is in your own case."
        ),
    },
    "alternatives": {
        "ru": (
            "Консилиум сравнивает химиоэмболизацию с другими вариантами: операцией, пересадкой печени, "
            "абляцией (разрушением опухоли теплом через иглу), радиоэмболизацией, стереотаксической "
            "лучевой терапией и лекарственным лечением. Часто методы сочетают."
        ),
        "en": (
            "The tumour board weighs chemoembolization against the other options: surgery, liver "
            "transplantation, ablation (destroying the tumour with heat through a needle), "
            "radioembolization, stereotactic radiotherapy and drug treatment. Treatments are often "
            "combined."
        ),
    },
    "microspheres": {"ru": "", "en": ""},
    "who_not_for": {
        "ru": (
            "Химиоэмболизация обычно не подходит, если:\n\n"
            "- печень работает плохо — цирроз в стадии декомпенсации;\n"
            "- главный ствол воротной вены перекрыт опухолью;\n"
            "- опухоль занимает очень большую часть печени;\n"
            "- после операции желчный проток соединён с кишкой — так выше риск абсцесса;\n"
            "- тяжёлая недостаточность почек или сердца;\n"
            "- нарушена свёртываемость крови и её нельзя исправить;\n"
            "- женщина беременна.\n\n"
            "Окончательно решает консилиум. Он учитывает, как работает печень, насколько "
            "распространилась болезнь и каково ваше общее самочувствие. Если химиоэмболизация "
            "невозможна, врачи могут предложить другое лечение."
        ),
        "en": (
            "Chemoembolization is usually not suitable if:\n\n"
            "- the liver works poorly (decompensated cirrhosis);\n"
            "- the main portal vein is blocked by tumour;\n"
            "- the tumour takes up a very large part of the liver;\n"
            "- after an operation, a bile duct has been joined to the bowel (this raises the risk of an "
            "abscess);\n"
            "- there is severe kidney or heart failure;\n"
            "- a bleeding problem cannot be corrected;\n"
            "- the patient is pregnant.\n\n"
            "The tumour board makes the final decision. It weighs how well your liver works, how far the "
            "disease has spread and your general health. If chemoembolization is not possible, the "
            "doctors may suggest another treatment."
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
            "Серьёзные осложнения бывают нечасто, но о них нужно знать заранее.\n\n"
            "Риски, связанные с введением катетера в артерию:\n\n"
            "- кровотечение или синяк в месте прокола;\n"
            "- тромбы — сгустки крови в сосуде;\n"
            "- инфекция;\n"
            "- реакция на контрастное вещество; оно же может нагрузить почки.\n\n"
            "Риски самой химиоэмболизации:\n\n"
            "- ухудшение работы печени, вплоть до печёночной недостаточности; риск выше при циррозе;\n"
            "- абсцесс печени — гнойник; риск выше после операций на желчных протоках;\n"
            "- воспаление желчного пузыря (холецистит);\n"
            "- частицы могут попасть не туда — в желудок, кишечник или поджелудочную железу — и вызвать "
            "язву или воспаление;\n"
            "- действие химиопрепарата: тошнота, снижение числа клеток крови (лейкоцитов, "
            "тромбоцитов); редко — вред для сердца.\n\n"
            "Боль, температура и тошнота в первые дни — это не осложнение, а ожидаемая реакция "
            "(постэмболизационный синдром). Врач расскажет о рисках в вашем случае на консультации."
        ),
        "en": (
            "Serious complications are uncommon, but you should know about them in advance.\n\n"
            "Risks from placing the catheter in an artery:\n\n"
            "- bleeding or a bruise where the needle went in;\n"
            "- blood clots in a vessel;\n"
            "- infection;\n"
            "- a reaction to the contrast dye, which can also strain the kidneys.\n\n"
            "Risks of the chemoembolization itself:\n\n"
            "- the liver working less well, up to liver failure; the risk is higher with cirrhosis;\n"
            "- a liver abscess, a pocket of pus; the risk is higher after surgery on the bile ducts;\n"
            "- inflammation of the gall bladder (cholecystitis);\n"
            "- particles reaching the wrong place, such as the stomach, bowel or pancreas, and causing an "
            "ulcer or inflammation;\n"
            "- effects of the drug: nausea, low blood counts (white cells, platelets); rarely, harm to "
            "the heart.\n\n"
            "Pain, fever and nausea in the first days are not a complication but an expected reaction "
            "(post-embolization syndrome). At the consultation the doctor will explain the risks in your "
            "own case."
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
        "duration": {"ru": "консультация — около часа", "en": "the consultation takes about an hour"},
        "description": {
            "ru": "Врачи изучают снимки, анализы и историю лечения и решают, "
            "подходит ли вам химиоэмболизация.",
            "en": "The doctors study your scans, tests and past treatment and decide whether "
            "chemoembolization suits you.",
        },
    },
    {
        "title": {"ru": "Процедура химиоэмболизации", "en": "The chemoembolization procedure"},
        "duration": {"ru": "обычно 1–2 часа", "en": "usually 1–2 hours"},
        "description": {
            "ru": (
                "Вы лежите на спине. Кожу в паху обезболивают. Врач вводит катетер в артерию и под "
                "рентгеном подводит его к сосудам опухоли. Затем он вводит химиопрепарат вместе с "
                "эмболизирующим веществом. Вы в сознании."
            ),
            "en": (
                "You lie on your back. The skin in the groin is numbed. The doctor places a catheter in "
                "the artery and, guided by X-rays, steers it to the tumour's vessels. Then they give the "
                "chemotherapy drug together with the embolic agent. You stay awake."
            ),
        },
    },
    {
        "title": {"ru": "Пребывание в клинике", "en": "Your stay in the clinic"},
        "duration": {"ru": "обычно 1 ночь", "en": "usually 1 night"},
        "description": {
            "ru": (
                "Первые часы нужно лежать, пока заживает место прокола. Врачи наблюдают за вами и снимают "
                "боль, тошноту и температуру, если они появились. Домой — обычно на следующий день."
            ),
            "en": (
                "For the first hours you lie in bed while the puncture site seals. The doctors watch over "
                "you and ease any pain, nausea or fever. Most people go home the next day."
            ),
        },
    },
    {
        "title": {"ru": "Восстановление дома", "en": "Recovery at home"},
        "duration": {"ru": "около недели", "en": "about a week"},
        "description": {
            "ru": (
                "Слабость, небольшая температура и снижение аппетита обычно проходят за несколько дней, "
                "иногда за неделю-две."
            ),
            "en": (
                "Tiredness, a mild fever and a poor appetite usually pass within a few days, sometimes "
                "a week or two."
            ),
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
    {
        "ru": "Не ешьте 6–8 часов перед процедурой.",
        "en": "Do not eat for 6–8 hours before the procedure.",
    },
    {
        "ru": "Скажите врачу о болезнях почек и сердца и об операциях на желчных протоках.",
        "en": "Tell the doctor about any kidney or heart disease and any surgery on your bile ducts.",
    },
    {
        "ru": "Женщинам: обязательно скажите врачу, если беременность возможна.",
        "en": "Women: be sure to tell the doctor if you might be pregnant.",
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
            "ru": "Это зависит от того, как опухоль ответит на лечение. Сеансы можно повторять "
            "каждые 4–8 недель.",
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
                "постепенно отдают лекарство. Они не радиоактивны."
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
            "ru": "Клинические рекомендации «Рак печени (гепатоцеллюлярный)», 2022 год",
            "en": "Clinical guidelines “Liver cancer (hepatocellular)”, 2022 (in Russian)",
        },
        "source": "Минздрав России; Ассоциация онкологов России, RUSSCO, "
        "Российское общество рентгенологов и радиологов",
        "url": "https://cr.minzdrav.gov.ru/",
    },
]

PROCEDURE_DAY = [
    {
        "time": {"ru": "С вечера", "en": "The evening before"},
        "what": {
            "ru": "Лёгкий ужин. После него не ешьте: нужно 6–8 часов без еды. Воду — как скажет врач.",
            "en": "A light supper, then nothing to eat: you need 6–8 hours without food. Water: as the "
            "doctor tells you.",
        },
    },
    {
        "time": {"ru": "8:00", "en": "8:00"},
        "what": {
            "ru": "Приезд в клинику, оформление, размещение в палате.",
            "en": "Arrive at the clinic, check in and settle into your room.",
        },
    },
    {
        "time": {"ru": "8:30–9:30", "en": "8:30–9:30"},
        "what": {
            "ru": "Осмотр врача, анализы при необходимости, капельница и лекарства против тошноты.",
            "en": "The doctor sees you, tests if needed, a drip and medicine against nausea.",
        },
    },
    {
        "time": {"ru": "10:00–12:00", "en": "10:00–12:00"},
        "what": {
            "ru": "Процедура под местной анестезией: обычно 1–2 часа.",
            "en": "The procedure under local anaesthesia: usually 1–2 hours.",
        },
    },
    {
        "time": {"ru": "12:00–18:00", "en": "12:00–18:00"},
        "what": {
            "ru": "Постельный режим. Врачи снимают боль, тошноту и температуру, если они появились.",
            "en": "Bed rest. The doctors ease any pain, nausea or fever.",
        },
    },
    {
        "time": {"ru": "Следующее утро", "en": "The next morning"},
        "what": {
            "ru": "Осмотр врача, анализы крови и выписка с рекомендациями.",
            "en": "The doctor checks you, blood tests, and you go home with written advice.",
        },
    },
]

WARNING_SIGNS = [
    {
        "symptom": {
            "ru": "Кровотечение, припухлость или боль в месте прокола",
            "en": "Bleeding, swelling or pain where the catheter went in",
        },
        "timing": {"ru": "первые часы и дни", "en": "the first hours and days"},
    },
    {
        "symptom": {
            "ru": "Температура выше 38,5 °C дольше трёх дней, озноб, боль справа под рёбрами "
            "(возможен абсцесс или воспаление желчного пузыря)",
            "en": "A fever above 38.5 °C for more than three days, chills, pain under the right ribs "
            "(possibly an abscess or an inflamed gall bladder)",
        },
        "timing": {"ru": "первые дни и недели", "en": "the first days and weeks"},
    },
    {
        "symptom": {
            "ru": "Рвота, из-за которой нельзя пить, или рвота с кровью, чёрный стул",
            "en": "Vomiting that stops you drinking, vomiting blood, or black stools",
        },
        "timing": {"ru": "первые дни и недели", "en": "the first days and weeks"},
    },
    {
        "symptom": {
            "ru": "Пожелтение кожи или глаз, увеличение живота, сильная сонливость или спутанность",
            "en": "Yellow skin or eyes, a swelling belly, strong drowsiness or confusion",
        },
        "timing": {"ru": "дни и недели после", "en": "days to weeks after"},
    },
    {
        "symptom": {
            "ru": "Синяки без причины, кровоточивость дёсен, частые инфекции (мало клеток крови)",
            "en": "Bruising for no reason, bleeding gums, repeated infections (low blood counts)",
        },
        "timing": {"ru": "1–3 недели после", "en": "1–3 weeks after"},
    },
    {
        "symptom": {
            "ru": "Мало мочи, отёки, одышка",
            "en": "Passing little urine, swelling of the legs, breathlessness",
        },
        "timing": {"ru": "первые дни", "en": "the first days"},
    },
]

QUESTIONS_TO_ASK = [
    {
        "ru": "Какую цель ставит лечение в моём случае?",
        "en": "What is the aim of the treatment in my case?",
    },
    {
        "ru": "Почему химиоэмболизация, а не радиоэмболизация, абляция или операция?",
        "en": "Why chemoembolization rather than radioembolization, ablation or surgery?",
    },
    {
        "ru": "Какой препарат вы введёте и будут ли микросферы с лекарством?",
        "en": "Which drug will you use, and will it be given on drug-eluting beads?",
    },
    {
        "ru": "Сколько сеансов может понадобиться и как вы поймёте, что лечение помогает?",
        "en": "How many sessions might I need, and how will you know it is working?",
    },
    {
        "ru": "Какие осложнения наиболее вероятны у меня — с учётом моей печени, почек и сердца?",
        "en": "Which complications are most likely for me, given my liver, kidneys and heart?",
    },
    {
        "ru": "Какие лекарства отменить перед процедурой и когда снова начать?",
        "en": "Which medicines should I stop before the procedure, and when can I restart them?",
    },
]
