"""Radioembolization (TARE / SIRT) with yttrium-90: the page sections. Rows are in radioembolization_rows."""

from datetime import date

EMPTY = {"ru": "", "en": ""}

RADIOEMBOLIZATION = {
    "slug": "radioembolization",
    "order": 1,
    "procedure_type": "PercutaneousProcedure",
    "last_reviewed": date(2026, 11, 1),
    "next_review": date(2027, 11, 1),
    "hero": {"seed": 1, "palette": "warm"},
    "title": {
        "ru": "Радиоэмболизация опухолей печени иттрием-90",
        "en": "Radioembolization of liver tumours with yttrium-90",
    },
    "alternate_name": {
        "ru": "TARE, SIRT, селективная внутренняя лучевая терапия",
        "en": "TARE, SIRT, selective internal radiation therapy",
    },
    "body_location": {"ru": "Печень", "en": "Liver"},
    "summary": {
        "ru": (
            "Радиоэмболизация лечит опухоли печени изнутри. Через тонкую трубочку в артерии врач "
            "доставляет к опухоли миллионы крошечных шариков с радиоактивным иттрием-90. Они облучают "
            "опухоль и почти не задевают здоровую печень. Разрез не нужен. Лечение проходит в два "
            "отдельных визита с перерывом в 1–2 недели. Обычно оно не излечивает болезнь, а сдерживает "
            "опухоль в печени."
        ),
        "en": (
            "Radioembolization treats liver tumours from the inside. Through a thin tube in an artery, "
            "the doctor sends millions of tiny beads carrying radioactive yttrium-90 to the tumour. They "
            "irradiate the tumour and largely spare the healthy liver. No incision is needed. The "
            "treatment takes two separate visits, 1–2 weeks apart. It usually does not cure the disease; "
            "it keeps the tumour in the liver under control."
        ),
    },
    "aims": {
        "ru": (
            "Важно знать заранее: радиоэмболизация, как правило, не излечивает рак сама по себе. Она "
            "действует только на опухоли в печени и не влияет на очаги в других органах.\n\n"
            "Чего врачи добиваются с её помощью:\n\n"
            "- остановить рост опухоли в печени или уменьшить её;\n"
            "- уменьшить опухоль настолько, чтобы её можно было удалить операцией или пересадить печень;\n"
            "- сдерживать болезнь, пока пациент ждёт пересадки печени, чтобы он остался в листе "
            "ожидания.\n\n"
            "Если опухоль одна и небольшая, врачи могут подвести высокую дозу к одному сегменту печени "
            "(это называют лучевой сегментэктомией). Тогда целью может быть полное уничтожение "
            "опухоли.\n\n"
            "Результат у каждого свой. Ни один врач не может заранее его обещать. На консультации "
            "спросите, какую цель ставят именно в вашем случае."
        ),
        "en": (
            "It is important to know from the start: radioembolization usually does not cure cancer on "
            "its own. It acts only on tumours in the liver and does not treat disease elsewhere in the "
            "body.\n\n"
            "What doctors use it for:\n\n"
            "- to stop a liver tumour growing, or to shrink it;\n"
            "- to shrink a tumour enough for it to be removed by surgery, or for a liver transplant;\n"
            "- to hold the disease back while a patient waits for a transplant, so that they stay on "
            "the waiting list.\n\n"
            "For a single small tumour, doctors may give a high dose to one segment of the liver (called "
            "radiation segmentectomy). Then the aim can be to destroy the tumour completely.\n\n"
            "Results differ from person to person, and no doctor can promise one in advance. At the "
            "consultation, ask what the aim is in your own case."
        ),
    },
    "alternatives": {
        "ru": (
            "Радиоэмболизация — не единственный способ лечить опухоли печени. Консилиум сравнивает "
            "её с другими вариантами:\n\n"
            "- операция — удаление части печени;\n"
            "- пересадка печени;\n"
            "- абляция — разрушение опухоли теплом через иглу (радиочастотная или микроволновая);\n"
            "- химиоэмболизация (TACE);\n"
            "- стереотаксическая лучевая терапия — точное облучение снаружи;\n"
            "- лекарственное лечение: химиотерапия, таргетная терапия, иммунотерапия.\n\n"
            "Часто методы сочетают. Спросите врача, почему для вас предлагают именно этот вариант."
        ),
        "en": (
            "Radioembolization is not the only way to treat liver tumours. The tumour board weighs it "
            "against the other options:\n\n"
            "- surgery to remove part of the liver;\n"
            "- liver transplantation;\n"
            "- ablation, which destroys the tumour with heat through a needle (radiofrequency or "
            "microwave);\n"
            "- chemoembolization (TACE);\n"
            "- stereotactic radiotherapy, precise radiation from outside the body;\n"
            "- drug treatment: chemotherapy, targeted therapy, immunotherapy.\n\n"
            "Treatments are often combined. Ask your doctor why this option is suggested for you."
        ),
    },
    # Which product the clinic uses is for the clinic to enter: the demo does not guess it.
    "microspheres": EMPTY,
    "what_it_is": {
        "ru": (
            "Радиоэмболизацию также называют TARE (трансартериальная радиоэмболизация) и SIRT "
            "(селективная внутренняя лучевая терапия). Это малоинвазивное лечение. Врач работает через "
            "небольшой прокол артерии, без разреза.\n\n"
            "Врач вводит в артерию в паху или на запястье катетер — тонкую гибкую трубочку. Под "
            "рентгеном он проводит её до сосудов, которые питают опухоль. Через катетер он направляет к "
            "опухоли миллионы микросфер. Это шарики тоньше человеческого волоса. Каждый шарик несёт "
            "радиоактивный иттрий-90.\n\n"
            "Почему это работает. Опухоль в печени получает почти всю кровь из печёночной артерии. "
            "Здоровая печень, наоборот, питается в основном из воротной вены. Поэтому шарики, пущенные "
            "по артерии, уходят прежде всего в опухоль. Там они застревают в мелких сосудах и облучают "
            "её изнутри.\n\n"
            "Иттрий-90 испускает только бета-излучение. Его период полураспада — 64,1 часа. Это значит, "
            "что примерно за два дня и шестнадцать часов его активность падает вдвое. Почти всё "
            "излучение он отдаёт в первые две недели.\n\n"
            "Излучение проходит в ткани в среднем около 2,5 мм и не дальше примерно 11 мм. Поэтому оно "
            "действует на опухоль и щадит большую часть здоровой ткани вокруг.\n\n"
            "Шарики бывают двух видов:\n\n"
            "- стеклянные (например, TheraSphere) — размером 20–30 микрометров;\n"
            "- смоляные (например, SIR-Spheres) — размером 20–60 микрометров.\n\n"
            "Микрометр — это тысячная доля миллиметра. Какие шарики использовать, решает врач.\n\n"
            "Радиоэмболизация и химиоэмболизация (TACE) — это две разные процедуры. При "
            "радиоэмболизации к опухоли доставляют облучающие шарики. При химиоэмболизации — "
            "химиопрепарат вместе с веществом, которое закупоривает сосуды опухоли."
        ),
        "en": (
            "Radioembolization is also called TARE (transarterial radioembolization) and SIRT (selective "
            "internal radiation therapy). It is a minimally invasive treatment. The doctor works through "
            "a small puncture in an artery, with no incision.\n\n"
            "The doctor places a catheter, a thin flexible tube, into an artery in the groin or the "
            "wrist. Guided by X-rays, they steer it to the vessels that feed the tumour. Through the "
            "catheter they send millions of microspheres to the tumour. These are beads thinner than a "
            "human hair. Each bead carries radioactive yttrium-90.\n\n"
            "Why it works. A tumour in the liver takes almost all its blood from the hepatic artery. "
            "Healthy liver is different: it gets most of its blood from the portal vein. So beads sent "
            "along the artery go mainly into the tumour. There they lodge in the small vessels and "
            "irradiate it from inside.\n\n"
            "Yttrium-90 gives off only beta radiation. Its half-life is 64.1 hours. This means its "
            "activity halves in about two days and sixteen hours. It gives off almost all its radiation "
            "in the first two weeks.\n\n"
            "The radiation travels on average about 2.5 mm into tissue and at most about 11 mm. So it "
            "acts on the tumour and spares most of the healthy tissue around it.\n\n"
            "There are two kinds of beads:\n\n"
            "- glass beads (for example, TheraSphere), 20–30 micrometres across;\n"
            "- resin beads (for example, SIR-Spheres), 20–60 micrometres across.\n\n"
            "A micrometre is a thousandth of a millimetre. The doctor decides which beads to use.\n\n"
            "Radioembolization and chemoembolization (TACE) are two different procedures. "
            "Radioembolization delivers beads that give off radiation. Chemoembolization delivers a "
            "chemotherapy drug together with a material that blocks the tumour's vessels."
        ),
    },
    "who_for": {
        "ru": (
            "Радиоэмболизацию применяют, когда опухоль находится в основном в печени:\n\n"
            "- первичный рак печени — гепатоцеллюлярная карцинома (рак из клеток самой печени);\n"
            "- внутрипечёночная холангиокарцинома (рак желчных протоков внутри печени);\n"
            "- метастазы в печени — очаги рака, пришедшие из других органов: колоректального рака (рака "
            "толстой и прямой кишки), рака молочной железы, меланомы и других. Особенно если химиотерапия "
            "перестала помогать или её нельзя проводить;\n"
            "- когда операция или химиоэмболизация невозможны: при крупной опухоли или когда опухоль "
            "проросла в воротную вену и закупорила её (опухолевый тромб);\n"
            "- как часть общего плана: чтобы уменьшить опухоль и сделать возможной операцию или чтобы "
            "сдерживать болезнь в ожидании пересадки печени.\n\n"
            "Радиоэмболизацию можно повторить. Например, если поражены обе доли печени, их можно лечить "
            "по очереди."
        ),
        "en": (
            "Radioembolization is used when the cancer is mainly in the liver:\n\n"
            "- primary liver cancer: hepatocellular carcinoma (cancer of the liver's own cells);\n"
            "- intrahepatic cholangiocarcinoma (cancer of the bile ducts inside the liver);\n"
            "- liver metastases, that is, cancer that has spread to the liver from elsewhere: colorectal "
            "(bowel) cancer, breast cancer, melanoma and others. Especially when chemotherapy no longer "
            "works or cannot be given;\n"
            "- when surgery or chemoembolization is not possible: a large tumour, or a tumour that has "
            "grown into the portal vein and blocked it (tumour thrombosis);\n"
            "- as part of a wider plan: to shrink a tumour so that it can be operated on, or to hold the "
            "disease back while a patient waits for a liver transplant.\n\n"
            "Radioembolization can be repeated. For example, when both lobes of the liver are affected, "
            "they can be treated one after the other."
        ),
    },
    "who_not_for": {
        "ru": (
            "Радиоэмболизация обычно не подходит, если:\n\n"
            "- болезнь широко распространилась за пределы печени;\n"
            "- печень работает плохо: например, высокий билирубин, причину которого нельзя устранить, "
            "или заметная жидкость в животе (асцит);\n"
            "- на пробном этапе слишком большая доля шариков уходит в лёгкие (высокий лёгочный шунт), "
            "так что доза для лёгких превысит безопасный предел;\n"
            "- часть крови из печёночной артерии уходит к желудку или кишечнику, и эти сосуды не "
            "удаётся перекрыть;\n"
            "- нарушена свёртываемость крови и её нельзя исправить;\n"
            "- женщина беременна;\n"
            "- женщина кормит грудью: перед лечением кормление нужно прекратить.\n\n"
            "Умеренный лёгочный шунт — не причина отказа: врачи просто уменьшают дозу.\n\n"
            "Окончательное решение принимают врачи, когда изучат именно ваш случай."
        ),
        "en": (
            "Radioembolization is usually not suitable if:\n\n"
            "- the disease has spread widely outside the liver;\n"
            "- the liver works poorly: for example, a high bilirubin level with no cause that can be put "
            "right, or a marked build-up of fluid in the belly (ascites);\n"
            "- the mapping stage shows that too large a share of the beads would reach the lungs (a high "
            "lung shunt), so that the lung dose would pass the safe limit;\n"
            "- some blood from the hepatic artery flows on to the stomach or bowel, and these vessels "
            "cannot be closed off;\n"
            "- a bleeding problem cannot be corrected;\n"
            "- the patient is pregnant;\n"
            "- the patient is breastfeeding: it has to stop before treatment.\n\n"
            "A moderate lung shunt does not rule treatment out: the doctors simply lower the dose.\n\n"
            "The final decision is made by the doctors once they have studied your own case."
        ),
    },
    "decision": {
        "ru": (
            "Решение о радиоэмболизации принимает не один врач, а консилиум. В него входят онколог, "
            "интервенционный радиолог (врач, который выполняет процедуру), специалист по ядерной "
            "медицине и хирург.\n\n"
            "Консилиум смотрит:\n\n"
            "- снимки печени — КТ или МРТ;\n"
            "- анализы крови: как работает печень, общий анализ крови, свёртываемость, онкомаркеры;\n"
            "- общее самочувствие и силы пациента;\n"
            "- какое лечение уже было и как оно помогло.\n\n"
            "Если у вас уже есть снимки, анализы и выписки, возьмите их на консультацию. Так решение "
            "будет принято быстрее."
        ),
        "en": (
            "The decision is not made by one doctor alone but by a tumour board. It brings together an "
            "oncologist, an interventional radiologist (the doctor who performs the procedure), a "
            "nuclear-medicine specialist and a surgeon.\n\n"
            "The board looks at:\n\n"
            "- scans of the liver: CT or MRI;\n"
            "- blood tests: how well the liver works, blood counts, clotting, tumour markers;\n"
            "- your general health and strength;\n"
            "- the treatment you have had so far and how it worked.\n\n"
            "If you already have scans, test results and hospital letters, bring them to the "
            "consultation. This helps the doctors decide sooner."
        ),
    },
    "after_procedure": {
        "ru": (
            "Большинство людей возвращаются к обычной жизни через 1–2 дня.\n\n"
            "В первые две недели часто бывают слабость, плохой аппетит, тошнота, небольшая боль или "
            "повышение температуры. Врачи называют это постэмболизационным синдромом. Это ожидаемая "
            "реакция на лечение. Её снимают обычными лекарствами. Как правило, она переносится легче, "
            "чем побочные действия химиотерапии, которую вводят в вену.\n\n"
            "Радиационная безопасность. Шарики остаются в печени, а излучение проходит в тканях лишь "
            "несколько миллиметров. Поэтому доза для окружающих низкая. Можно обнимать близких, жить "
            "дома как обычно и ездить в общественном транспорте. Соблюдайте обычную гигиену. При "
            "выписке врач даст личные советы — например, как вести себя с маленькими детьми и "
            "беременными в первые дни.\n\n"
            "Если вас что-то беспокоит, звоните в клинику: колл-центр отвечает круглосуточно. "
            "Признаки, с которыми нужно позвонить сразу, перечислены ниже."
        ),
        "en": (
            "Most people are back to their normal life within 1–2 days.\n\n"
            "In the first two weeks it is common to feel tired, to lose your appetite, to feel sick, or "
            "to have mild pain or a fever. Doctors call this post-embolization syndrome. It is an "
            "expected reaction to the treatment. Ordinary medicines ease it. As a rule it is milder than "
            "the side effects of chemotherapy given into a vein.\n\n"
            "Radiation safety. The beads stay in the liver, and their radiation travels only a few "
            "millimetres in the body. So the dose to other people is low. You can hug your family, live "
            "at home as usual and use public transport. Keep to ordinary hygiene. When you leave, the "
            "doctor will give you personal advice, for example about close contact with small children "
            "and pregnant women in the first days.\n\n"
            "If anything worries you, call the clinic: the call centre answers day and night. The signs "
            "that mean you should call at once are listed below."
        ),
    },
    "risks": {
        "ru": (
            "Серьёзные осложнения бывают редко. Но о них нужно знать заранее, чтобы вовремя сказать "
            "врачу о любых переменах в самочувствии.\n\n"
            "Риски, связанные с ангиографией (введением катетера в артерию):\n\n"
            "- кровотечение или синяк в месте прокола;\n"
            "- тромбы — сгустки крови в сосуде;\n"
            "- инфекция;\n"
            "- реакция на контрастное вещество.\n\n"
            "Риски, связанные с облучением или с тем, что шарики попали в другие органы:\n\n"
            "- язва желудка или двенадцатиперстной кишки;\n"
            "- воспаление желчного пузыря или поджелудочной железы;\n"
            "- лучевой пневмонит — воспаление лёгких от облучения;\n"
            "- абсцесс печени — гнойник;\n"
            "- лучевое поражение печени, вплоть до печёночной недостаточности.\n\n"
            "Пробный этап нужен как раз для того, чтобы снизить эти риски. Врачи заранее видят, куда "
            "пойдут шарики, закрывают лишние сосуды и рассчитывают безопасную дозу."
        ),
        "en": (
            "Serious complications are rare. But you should know about them in advance, so that you can "
            "tell your doctor about any change in how you feel.\n\n"
            "Risks from the angiography (placing the catheter in an artery):\n\n"
            "- bleeding or a bruise where the needle went in;\n"
            "- blood clots in a vessel;\n"
            "- infection;\n"
            "- a reaction to the contrast dye.\n\n"
            "Risks from the radiation, or from beads reaching other organs:\n\n"
            "- an ulcer of the stomach or the duodenum (the first part of the bowel);\n"
            "- inflammation of the gall bladder or the pancreas;\n"
            "- radiation pneumonitis, an inflammation of the lungs caused by radiation;\n"
            "- a liver abscess, a pocket of pus;\n"
            "- radiation damage to the liver, which can lead to liver failure.\n\n"
            "The mapping stage exists to lower these risks. The doctors see in advance where the beads "
            "would go, close off vessels that lead elsewhere, and work out a safe dose."
        ),
    },
    "hero_image_alt": {
        "ru": "Рисунок: печень и крошечные шарики, которые по артерии приходят к опухоли",
        "en": "Illustration: a liver and tiny beads travelling along an artery to a tumour",
    },
    "seo_title": {
        "ru": "Радиоэмболизация печени иттрием-90 (TARE, SIRT) — Клиника Лядова",
        "en": "Liver radioembolization with yttrium-90 (TARE, SIRT) | Lyadov Clinic",
    },
    "seo_description": {
        "ru": (
            "Радиоэмболизация опухолей печени микросферами с иттрием-90: кому подходит, как проходят "
            "два этапа, подготовка, восстановление и риски. Консультация в Химках."
        ),
        "en": (
            "Radioembolization of liver tumours with yttrium-90 microspheres: who it suits, the two "
            "stages, preparation, recovery and risks. Consultations in Khimki near Moscow."
        ),
    },
}
