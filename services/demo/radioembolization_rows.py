"""Radioembolization: stages, preparation, follow-up, questions and sources (inline rows)."""

STEPS = [
    {
        "title": {
            "ru": "Пробный этап: карта сосудов и расчёт дозы",
            "en": "Mapping stage: a map of the vessels and the dose plan",
        },
        "duration": {"ru": "2–3 часа", "en": "2–3 hours"},
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
        "title": {
            "ru": "Лечебный этап: введение микросфер с иттрием-90",
            "en": "Treatment stage: delivering the yttrium-90 microspheres",
        },
        "duration": {"ru": "2–3 часа", "en": "2–3 hours"},
        "description": {
            "ru": (
                "Обычно через 1–2 недели после пробного этапа. В нашей клинике — через 7–10 дней. Всё "
                "проходит так же: вы лежите на спине, кожу обезболивают, катетер вводят через артерию в "
                "паху или на запястье. Врач подводит катетер к сосудам опухоли и медленно вводит "
                "рассчитанную дозу микросфер. Вы в сознании и можете говорить с врачом."
            ),
            "en": (
                "Usually 1–2 weeks after the mapping stage. At our clinic it is 7–10 days later. It goes "
                "the same way: you lie on your back, the skin is numbed, and the catheter goes in through "
                "the artery in the groin or at the wrist. The doctor guides it to the tumour's vessels and "
                "slowly delivers the planned dose of microspheres. You stay awake and can talk to the doctor."
            ),
        },
    },
    {
        "title": {"ru": "Пребывание в клинике", "en": "Your stay in the clinic"},
        "duration": {"ru": "обычно 1 день", "en": "usually 1 day"},
        "description": {
            "ru": (
                "После каждого этапа нужно несколько часов полежать, пока место прокола заживает. Обычно "
                "вы проводите в клинике один день. Иногда можно уехать домой в тот же день."
            ),
            "en": (
                "After each stage you rest in bed for a few hours while the puncture site seals. Usually "
                "you spend one day in the clinic. Sometimes you can go home the same day."
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
                "Лечение идёт в два этапа с перерывом 7–10 дней. Каждый этап длится около 2–3 часов. "
                "Обычно после каждого этапа вы проводите в клинике один день, а иногда уезжаете домой в "
                "тот же день."
            ),
            "en": (
                "The treatment has two stages, 7–10 days apart. Each stage takes about 2–3 hours. After "
                "each stage you usually spend one day in the clinic, and sometimes you go home the same day."
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
                "желудку и кишечнику. Снимок показывает, какая часть может уйти в лёгкие. Если слишком "
                "большая, радиоэмболизацию не проводят. По результатам рассчитывают точную дозу."
            ),
            "en": (
                "It makes the treatment safer. The doctors see where the beads would go and close off the "
                "vessels to the stomach and bowel. The scan shows how much might pass to the lungs. If it "
                "is too much, radioembolization is not done. The results are used to plan the exact dose."
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
                "to."
            ),
        },
    },
]

# Only addresses the author is sure of; where unsure, the source's home page or no address.
REFERENCES = [
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
