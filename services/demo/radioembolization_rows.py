"""Radioembolization: stages, preparation, follow-up, questions and sources (inline rows)."""

STEPS = [
    {
        "title": {"ru": "Консультация и консилиум", "en": "Consultation and tumour board"},
        "duration": {"ru": "консультация — около часа", "en": "the consultation takes about an hour"},
        "description": {
            "ru": (
                "Врач изучает ваши снимки, анализы и выписки. Затем консилиум решает, подходит ли вам "
                "радиоэмболизация и какая у лечения цель. Если нужны новые анализы или снимки, вам "
                "скажут об этом сразу."
            ),
            "en": (
                "The doctor studies your scans, test results and hospital letters. Then the tumour board "
                "decides whether radioembolization suits you and what the treatment aims for. If new "
                "tests or scans are needed, you are told at once."
            ),
        },
    },
    {
        "title": {
            "ru": "Первый визит: пробный этап, карта сосудов и расчёт дозы",
            "en": "First visit: the mapping stage, a map of the vessels and the dose plan",
        },
        "duration": {
            "ru": "процедура 2–3 часа, в клинике обычно 1 день",
            "en": "the procedure takes 2–3 hours; usually 1 day in the clinic",
        },
        "description": {
            "ru": (
                "Вы лежите на спине. Кожу в паху или на запястье обезболивают уколом (местная анестезия, "
                "общий наркоз не нужен). Врач вводит в артерию катетер и делает ангиографию — "
                "рентгеновский снимок сосудов с контрастным веществом. Так он находит сосуды, которые "
                "питают опухоль. Если нужно, врач закрывает мелкие сосуды, идущие к желудку и кишечнику, "
                "чтобы шарики туда не попали.\n\n"
                "Затем через катетер вводят небольшое количество метки — макроагрегата альбумина с "
                "технецием-99m. Метка ведёт себя почти как будущие шарики. Снимок ОФЭКТ/КТ (SPECT/CT) "
                "показывает, куда пойдут шарики и какая их часть может попасть в лёгкие. Это называют "
                "лёгочным шунтом. По этим данным специалисты рассчитывают вашу дозу."
            ),
            "en": (
                "You lie on your back. The skin in the groin or at the wrist is numbed with an injection "
                "(local anaesthesia; you do not need to be put to sleep). The doctor places a catheter in "
                "the artery and performs an angiography, an X-ray picture of the vessels with contrast dye. "
                "This shows which vessels feed the tumour. If needed, the doctor closes off small vessels "
                "that lead to the stomach and bowel, so that no beads can go there.\n\n"
                "Then a small amount of a tracer, technetium-99m macroaggregated albumin, is given through "
                "the catheter. The tracer behaves much like the beads will. A SPECT/CT scan then shows where "
                "the beads would go and how much might reach the lungs. This is called the lung shunt. From "
                "these results the specialists plan your dose."
            ),
        },
    },
    {
        "title": {"ru": "Перерыв между визитами", "en": "The break between the visits"},
        "duration": {"ru": "обычно 1–2 недели, у нас 7–10 дней", "en": "usually 1–2 weeks; 7–10 days here"},
        "description": {
            "ru": (
                "Вы живёте дома как обычно. За это время специалисты рассчитывают дозу и готовят "
                "лечебный этап."
            ),
            "en": (
                "You are at home and live as usual. In this time the specialists plan the dose and "
                "prepare the treatment stage."
            ),
        },
    },
    {
        "title": {
            "ru": "Второй визит: лечебный этап, введение микросфер с иттрием-90",
            "en": "Second visit: the treatment stage, delivering the yttrium-90 microspheres",
        },
        "duration": {
            "ru": "процедура 2–3 часа, в клинике обычно 1 день",
            "en": "the procedure takes 2–3 hours; usually 1 day in the clinic",
        },
        "description": {
            "ru": (
                "Всё проходит так же, как в первый раз: вы лежите на спине, кожу обезболивают, катетер "
                "вводят через артерию в паху или на запястье. Врач подводит катетер к сосудам опухоли и "
                "медленно вводит рассчитанную дозу микросфер. Вы в сознании и можете говорить с врачом."
            ),
            "en": (
                "It goes the same way as the first time: you lie on your back, the skin is numbed, and the "
                "catheter goes in through the artery in the groin or at the wrist. The doctor guides it to "
                "the tumour's vessels and slowly delivers the planned dose of microspheres. You stay awake "
                "and can talk to the doctor."
            ),
        },
    },
    {
        "title": {"ru": "Пребывание в клинике", "en": "Your stay in the clinic"},
        "duration": {"ru": "обычно 1 день, иногда 1 ночь", "en": "usually 1 day, sometimes 1 night"},
        "description": {
            "ru": (
                "После каждого визита нужно несколько часов полежать, пока место прокола заживает. Обычно "
                "домой уезжают в тот же день, иногда остаются в клинике на ночь."
            ),
            "en": (
                "After each visit you rest in bed for a few hours while the puncture site seals. Most "
                "people go home the same day; some stay one night."
            ),
        },
    },
]

PREPARATION = [
    {
        "ru": "Консультация интервенционного радиолога — врача, который будет проводить процедуру.",
        "en": "A consultation with the interventional radiologist, the doctor who will do the procedure.",
    },
    {
        "ru": "Расскажите врачу всю историю болезни. Возьмите выписки, снимки КТ или МРТ и свежие анализы.",
        "en": "Tell the doctor your full medical history. Bring hospital letters, CT or MRI scans and recent "
        "test results.",
    },
    {
        "ru": "Составьте список всех лекарств, которые вы принимаете, включая витамины, травы и БАДы.",
        "en": "Write down every medicine you take, including vitamins, herbal remedies and supplements.",
    },
    {
        "ru": "Скажите об аллергии, особенно на контрастное вещество для рентгена и КТ.",
        "en": "Tell the doctor about any allergies, especially to contrast dye used for X-rays and CT.",
    },
    {
        "ru": "Лекарства, разжижающие кровь (антикоагулянты), возможно, придётся на время отменить. "
        "Делайте это только по совету врача, не сами.",
        "en": "Blood thinners (anticoagulants) may have to be paused for a while. Only do this on your "
        "doctor's advice, never on your own.",
    },
    {
        "ru": "Не ешьте 6–8 часов перед каждым этапом.",
        "en": "Do not eat for 6–8 hours before each stage.",
    },
    {
        "ru": "Женщинам: обязательно скажите врачу, если беременность возможна.",
        "en": "Women: be sure to tell the doctor if you might be pregnant.",
    },
    {
        "ru": "Если вы получаете химиотерапию, может понадобиться перерыв на несколько недель. "
        "Обсудите это с онкологом заранее.",
        "en": "If you are having chemotherapy, a break of a few weeks may be needed. Discuss it with your "
        "oncologist in advance.",
    },
]

FOLLOW_UP = [
    {
        "when": {"ru": "Конец 2-й недели", "en": "End of week 2"},
        "what": {
            "ru": "Анализы крови. Результаты получает ваш лечащий врач.",
            "en": "Blood tests. The results go to your treating doctor.",
        },
    },
    {
        "when": {"ru": "Конец 4-й недели", "en": "End of week 4"},
        "what": {
            "ru": "Анализы крови (результаты — лечащему врачу) и контрольный визит к врачу.",
            "en": "Blood tests (the results go to your treating doctor) and a check-up visit.",
        },
    },
    {
        "when": {"ru": "Через 3 месяца", "en": "At 3 months"},
        "what": {
            "ru": "Снимки и анализы крови. По ним врач оценивает, как подействовало лечение.",
            "en": "Scans and blood tests. They show the doctor how well the treatment has worked.",
        },
    },
    {
        "when": {"ru": "Дальше", "en": "After that"},
        "what": {
            "ru": "Снимки каждые 3, 6 или 12 месяцев — как решит врач.",
            "en": "Scans every 3, 6 or 12 months, as your doctor decides.",
        },
    },
]

FAQS = [
    {
        "question": {
            "ru": "Радиоэмболизация и химиоэмболизация — это одно и то же?",
            "en": "Are radioembolization and chemoembolization the same thing?",
        },
        "answer": {
            "ru": (
                "Нет. Это две разные процедуры, хотя обе проводят через катетер в артерии. При "
                "радиоэмболизации к опухоли доставляют микросферы с радиоактивным иттрием-90, и они "
                "облучают её изнутри. При химиоэмболизации (TACE) вводят химиопрепарат вместе с "
                "веществом, которое закупоривает сосуды опухоли. Какой метод подходит вам, решает консилиум."
            ),
            "en": (
                "No. They are two different procedures, although both are done through a catheter in an "
                "artery. Radioembolization delivers microspheres carrying radioactive yttrium-90, which "
                "irradiate the tumour from inside. Chemoembolization (TACE) delivers a chemotherapy drug "
                "together with a material that blocks the tumour's vessels. A tumour board decides which "
                "one suits you."
            ),
        },
    },
    {
        "question": {"ru": "Это больно?", "en": "Does it hurt?"},
        "answer": {
            "ru": (
                "Кожу в месте прокола обезболивают, поэтому само введение катетера почти не чувствуется. "
                "Движение катетера внутри сосудов обычно не ощущается. В первые дни после лечения "
                "может быть небольшая боль. Её снимают обычными лекарствами."
            ),
            "en": (
                "The skin where the catheter goes in is numbed, so you feel very little as it is placed. "
                "You usually cannot feel the catheter moving inside the vessels. In the first days after "
                "treatment there may be mild pain. Ordinary painkillers ease it."
            ),
        },
    },
    {
        "question": {
            "ru": "Не опасно ли облучение для моих близких?",
            "en": "Will my radiation be a danger to my family?",
        },
        "answer": {
            "ru": (
                "Доза для окружающих низкая. Излучение иттрия-90 проходит в тканях лишь несколько "
                "миллиметров и остаётся в основном внутри печени. Обычное общение и поездки в "
                "общественном транспорте разрешены. При выписке врач скажет, нужно ли в первые дни "
                "меньше держать на руках маленьких детей и реже близко общаться с беременными."
            ),
            "en": (
                "The dose to other people is low. The radiation from yttrium-90 travels only a few "
                "millimetres in the body and stays mostly inside the liver. Ordinary contact and public "
                "transport are fine. When you leave, the doctor will tell you whether to limit close "
                "contact with small children and pregnant women for the first days."
            ),
        },
    },
    {
        "question": {
            "ru": "Сколько времени займёт лечение?",
            "en": "How long does the treatment take?",
        },
        "answer": {
            "ru": (
                "Лечение проходит в два отдельных визита в клинику с перерывом в 1–2 недели (у нас обычно "
                "7–10 дней). Каждая процедура длится около 2–3 часов. Каждый визит обычно занимает один "
                "день, иногда с ночёвкой в клинике."
            ),
            "en": (
                "The treatment takes two separate visits to the clinic, 1–2 weeks apart (here usually "
                "7–10 days). Each procedure takes about 2–3 hours. Each visit is usually one day, "
                "sometimes with a night in the clinic."
            ),
        },
    },
    {
        "question": {
            "ru": "Зачем нужен пробный этап?",
            "en": "Why is there a mapping stage first?",
        },
        "answer": {
            "ru": (
                "Он делает лечение безопаснее. Врачи видят, куда пойдут шарики, и закрывают сосуды к "
                "желудку и кишечнику. Снимок показывает, какая часть шариков может уйти в лёгкие. Если "
                "умеренная, дозу уменьшают. Только если очень большая, радиоэмболизацию не проводят. "
                "По результатам рассчитывают точную дозу."
            ),
            "en": (
                "It makes the treatment safer. The doctors see where the beads would go and close off the "
                "vessels to the stomach and bowel. The scan shows how many beads might pass to the lungs. "
                "If the share is moderate, the dose is lowered. Only if it is high is radioembolization not "
                "done. The results are used to plan the exact dose."
            ),
        },
    },
    {
        "question": {
            "ru": "Можно ли провести радиоэмболизацию ещё раз?",
            "en": "Can radioembolization be done again?",
        },
        "answer": {
            "ru": (
                "Да, её можно повторить. Например, если опухоли есть в обеих долях печени, доли можно "
                "лечить по очереди. Решение о повторном лечении принимает консилиум."
            ),
            "en": (
                "Yes, it can be repeated. For example, when there are tumours in both lobes of the liver, "
                "the lobes can be treated one after the other. A tumour board decides on a repeat treatment."
            ),
        },
    },
    {
        "question": {
            "ru": "Когда станет понятно, помогло ли лечение?",
            "en": "When will we know if the treatment has worked?",
        },
        "answer": {
            "ru": (
                "Шарики действуют постепенно. Первую оценку делают через 3 месяца по снимкам и анализам "
                "крови. До этого, в конце 2-й и 4-й недели, анализы крови показывают, как печень "
                "перенесла лечение."
            ),
            "en": (
                "The beads work gradually. The first assessment is made at 3 months, from scans and blood "
                "tests. Before that, blood tests at the end of weeks 2 and 4 show how the liver has coped "
                "with the treatment."
            ),
        },
    },
    {
        "question": {
            "ru": "Нужно ли прерывать химиотерапию?",
            "en": "Do I need to stop chemotherapy?",
        },
        "answer": {
            "ru": (
                "Иногда нужен перерыв в химиотерапии на несколько недель. Его длительность врачи "
                "обсуждают с вами и вашим онкологом заранее. Не прерывайте лечение сами."
            ),
            "en": (
                "Sometimes a break from chemotherapy of a few weeks is needed. The doctors agree its length "
                "with you and your oncologist in advance. Do not stop any treatment on your own."
            ),
        },
    },
    {
        "question": {
            "ru": "Что взять с собой на консультацию?",
            "en": "What should I bring to the consultation?",
        },
        "answer": {
            "ru": (
                "Снимки КТ или МРТ (лучше на диске и с описанием), свежие анализы крови, выписки из "
                "больниц и список всех лекарств, которые вы принимаете. Если есть аллергия, запишите, "
                "на что именно."
            ),
            "en": (
                "CT or MRI scans (ideally on a disc, with the report), recent blood tests, hospital "
                "letters and a list of all the medicines you take. If you have allergies, write down what "
                "you are allergic to."
            ),
        },
    },
]

# Only addresses the author is sure of; where unsure, the source's home page or no address.
REFERENCES = [
    {
        "title": {
            "ru": "Клинические рекомендации «Рак печени (гепатоцеллюлярный)», 2022 год",
            "en": "Clinical guidelines “Liver cancer (hepatocellular)”, 2022 (in Russian)",
        },
        "source": "Минздрав России; Ассоциация онкологов России, RUSSCO, "
        "Российское общество рентгенологов и радиологов",
        "url": "https://cr.minzdrav.gov.ru/",
    },
    {
        "title": {
            "ru": "Селективная внутренняя лучевая терапия (SIRT) — информация для пациентов (на английском)",
            "en": "Selective internal radiation therapy (SIRT)",
        },
        "source": "Cancer Research UK",
        "url": "https://www.cancerresearchuk.org/about-cancer/cancer-in-general/treatment/radiotherapy/"
        "internal/radioactive-implant-treatment/selective-internal-radiation-therapy-sirt",
    },
    {
        "title": {
            "ru": "Радиоэмболизация (Y90) — информация для пациентов "
            "(на английском, раздел «Radioembolization»)",
            "en": "Radioembolization (Y90): patient information (see the “Radioembolization” topic)",
        },
        "source": "RadiologyInfo.org (RSNA, ACR)",
        "url": "https://www.radiologyinfo.org/",
    },
    {
        "title": {
            "ru": "Радиоэмболизация — информация для пациентов Европейского общества интервенционной "
            "радиологии (на английском)",
            "en": "Radioembolisation: patient information from the European society of interventional "
            "radiology",
        },
        "source": "CIRSE",
        "url": "https://www.cirse.org/",
    },
    {
        "title": {
            "ru": "SIR-Spheres (смоляные микросферы с иттрием-90): инструкция по применению",
            "en": "SIR-Spheres Y-90 resin microspheres: instructions for use",
        },
        "source": "Sirtex Medical",
        "url": "",
    },
    {
        "title": {
            "ru": "TheraSphere (стеклянные микросферы с иттрием-90): инструкция по применению",
            "en": "TheraSphere Y-90 glass microspheres: instructions for use",
        },
        "source": "Boston Scientific",
        "url": "",
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
            "ru": "Приезд в клинику, оформление. Возьмите паспорт, документы и список лекарств.",
            "en": "Arrive at the clinic and check in. Bring your passport, your records and your list "
            "of medicines.",
        },
    },
    {
        "time": {"ru": "8:30–9:30", "en": "8:30–9:30"},
        "what": {
            "ru": "Осмотр врача, анализы при необходимости, установка капельницы в вену руки.",
            "en": "The doctor sees you, tests if needed, and a drip is put into a vein in your arm.",
        },
    },
    {
        "time": {"ru": "10:00–13:00", "en": "10:00–13:00"},
        "what": {
            "ru": "Процедура под местной анестезией: 2–3 часа. В первый визит после неё — снимок ОФЭКТ/КТ.",
            "en": "The procedure under local anaesthesia: 2–3 hours. On the first visit a SPECT/CT scan "
            "follows.",
        },
    },
    {
        "time": {"ru": "13:00–18:00", "en": "13:00–18:00"},
        "what": {
            "ru": "Постельный режим в палате, пока заживает место прокола. Можно пить, потом поесть.",
            "en": "Bed rest on the ward while the puncture site seals. You can drink, and later eat.",
        },
    },
    {
        "time": {"ru": "18:00–19:00", "en": "18:00–19:00"},
        "what": {
            "ru": "Осмотр врача и выписка с рекомендациями. Иногда врач предлагает остаться до утра.",
            "en": "The doctor checks you and you go home with written advice. Sometimes the doctor asks "
            "you to stay until the morning.",
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
            "ru": "Температура выше 38,5 °C, которая держится, или боль, которую не снимают обычные "
            "лекарства",
            "en": "A fever above 38.5 °C that does not go away, or pain that ordinary painkillers do not "
            "help",
        },
        "timing": {"ru": "первые дни и недели", "en": "the first days and weeks"},
    },
    {
        "symptom": {
            "ru": "Рвота с кровью, чёрный стул, сильная боль в верхней части живота (признаки язвы)",
            "en": "Vomiting blood, black stools, strong pain in the upper belly (signs of an ulcer)",
        },
        "timing": {"ru": "через несколько недель", "en": "weeks after"},
    },
    {
        "symptom": {
            "ru": "Пожелтение кожи или глаз, увеличение живота, спутанность сознания (признаки того, "
            "что страдает печень)",
            "en": "Yellow skin or eyes, a swelling belly, confusion (signs that the liver is struggling)",
        },
        "timing": {"ru": "обычно через 1–2 месяца", "en": "usually 1–2 months after"},
    },
    {
        "symptom": {
            "ru": "Одышка или сухой кашель (признаки воспаления лёгких от облучения)",
            "en": "Breathlessness or a dry cough (signs of lung inflammation from the radiation)",
        },
        "timing": {"ru": "через 1–6 месяцев", "en": "1–6 months after"},
    },
]

QUESTIONS_TO_ASK = [
    {
        "ru": "Какую цель ставит лечение в моём случае: сдержать опухоль, подготовить к операции или "
        "пересадке?",
        "en": "What is the aim in my case: to control the tumour, or to prepare me for surgery or a "
        "transplant?",
    },
    {
        "ru": "Какие ещё варианты лечения мне подходят и почему вы советуете этот?",
        "en": "Which other treatments could suit me, and why do you recommend this one?",
    },
    {
        "ru": "Какие микросферы вы используете и почему?",
        "en": "Which microspheres do you use, and why?",
    },
    {
        "ru": "Кто выполняет процедуру и кто рассчитывает дозу?",
        "en": "Who performs the procedure, and who plans the dose?",
    },
    {
        "ru": "Какие лекарства мне нужно отменить перед процедурой и когда снова начать?",
        "en": "Which medicines should I stop before the procedure, and when can I restart them?",
    },
    {
        "ru": "Нужен ли перерыв в химиотерапии и какой?",
        "en": "Do I need a break from chemotherapy, and how long?",
    },
    {
        "ru": "Какие осложнения наиболее вероятны у меня и как их заметить?",
        "en": "Which complications are most likely for me, and how would I notice them?",
    },
    {
        "ru": "Когда и как мы узнаем, помогло ли лечение?",
        "en": "When and how will we know if the treatment has worked?",
    },
]
