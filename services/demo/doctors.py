"""The team. Only Academician Lyadov is a real, named person: his profile carries only what the
clinic's own material says (no invented education, accreditation or role in a procedure). The others
are demo profiles, marked as such, whose example credentials say "example" in their own text."""

from datetime import date

EMPTY = {"ru": "", "en": ""}

DOCTORS = [
    {
        "slug": "lyadov",
        "order": 1,
        "is_demo_profile": False,
        "medical_specialty": "Oncologic",
        "palette": ((222, 235, 247), (120, 150, 185)),
        "name": {"ru": "Лядов К. В.", "en": "K. V. Lyadov"},
        "position": {
            "ru": "Руководитель центра реабилитации Клиники Лядова",
            "en": "Head of the Rehabilitation Centre, Lyadov Clinic",
        },
        "degrees": {
            "ru": "Академик, профессор, доктор медицинских наук, PhD",
            "en": "Academician, Professor, Doctor of Medical Sciences, PhD",
        },
        "specialty": EMPTY,
        "academic_degree": {"ru": "Доктор медицинских наук", "en": "Doctor of Medical Sciences"},
        "academic_degree_awarded_by": EMPTY,
        "academic_title": {"ru": "Профессор", "en": "Professor"},
        "academic_title_awarded_by": EMPTY,
        "practice_since": None,
        "clinic_work": {
            "ru": (
                "Руководит центром реабилитации клиники и представляет направление радиоэмболизации "
                "опухолей печени. Консультирует пациентов и их близких."
            ),
            "en": (
                "Heads the clinic's rehabilitation centre and presents its radioembolization service for "
                "liver tumours. Sees patients and their families for consultations."
            ),
        },
        "reception_schedule": EMPTY,
        "education": [],
        "qualifications": [],
        "short_bio": {
            "ru": (
                "Академик К. В. Лядов руководит центром реабилитации клиники и представляет "
                "направление радиоэмболизации опухолей печени. Он помогает пациенту и семье понять, "
                "какое лечение подходит именно им, и собирает для этого команду специалистов."
            ),
            "en": (
                "Academician K. V. Lyadov heads the clinic's rehabilitation centre and presents its "
                "radioembolization service for liver tumours. He helps patients and their families "
                "understand which treatment suits them, and brings together the team of specialists to do it."
            ),
        },
        "bio": {
            "ru": (
                "Академик К. В. Лядов — профессор, доктор медицинских наук, PhD. "
                "Он руководит центром реабилитации Клиники Лядова. Клиника входит в сеть "
                "многопрофильных медицинских центров K+31.\n\n"
                "В клинике он представляет радиоэмболизацию печени — лечение опухолей микросферами "
                "с иттрием-90. Решение о таком лечении всегда принимает консилиум: онколог, "
                "интервенционный радиолог, специалист по ядерной медицине и хирург.\n\n"
                "Для каждого пациента в клинике составляют свой план лечения и восстановления. "
                "Сложные случаи консилиум тоже разбирает: изучает документы и честно говорит, какое "
                "лечение возможно.\n\n"
                "Записаться на консультацию можно по телефону, через форму на сайте или в WhatsApp."
            ),
            "en": (
                "Academician K. V. Lyadov is a professor, a Doctor of Medical Sciences (the highest Russian "
                "medical degree) and a PhD. He heads the rehabilitation "
                "centre of Lyadov Clinic, which is part of the K+31 network of multidisciplinary medical "
                "centres.\n\n"
                "At the clinic he presents radioembolization of the liver: treatment of tumours with tiny "
                "beads carrying yttrium-90. The decision to use it is always made by a tumour board: an "
                "oncologist, an interventional radiologist, a nuclear-medicine specialist and a surgeon.\n\n"
                "Every patient gets a treatment and recovery plan of their own. The tumour board also "
                "reviews complex cases: it studies the records and says honestly which treatment is "
                "possible.\n\n"
                "You can book a consultation by phone, through the form on this website or on WhatsApp."
            ),
        },
    },
    {
        "slug": "demo-interventional-radiologist",
        "order": 2,
        "is_demo_profile": True,
        "medical_specialty": "Radiology",
        "palette": ((226, 240, 232), (110, 160, 135)),
        "name": {
            "ru": "Демо-профиль: интервенционный радиолог",
            "en": "Demo profile: interventional radiologist",
        },
        "position": {
            "ru": "Интервенционный радиолог — выполняет радиоэмболизацию и химиоэмболизацию",
            "en": "Interventional radiologist who performs radioembolization and chemoembolization",
        },
        "degrees": {"ru": "", "en": ""},
        "specialty": {
            "ru": "Рентгенэндоваскулярные диагностика и лечение",
            "en": "Endovascular (interventional) radiology",
        },
        "academic_degree": EMPTY,
        "academic_degree_awarded_by": EMPTY,
        "academic_title": EMPTY,
        "academic_title_awarded_by": EMPTY,
        "practice_since": 2012,
        "clinic_work": {
            "ru": (
                "Пример: выполняет пробный и лечебный этапы радиоэмболизации и химиоэмболизацию, "
                "участвует в консилиуме."
            ),
            "en": (
                "Example: performs the mapping and treatment stages of radioembolization and "
                "chemoembolization, and sits on the tumour board."
            ),
        },
        "reception_schedule": {
            "ru": "Пример: вторник и четверг, 10:00–15:00, по предварительной записи",
            "en": "Example: Tuesday and Thursday, 10:00–15:00, by appointment",
        },
        "education": [
            {
                "institution": {
                    "ru": "Пример: медицинский университет (название вносит клиника)",
                    "en": "Example: a medical university (the clinic enters the name)",
                },
                "year": 2010,
                "specialty": {"ru": "Лечебное дело", "en": "General medicine"},
            },
        ],
        "qualifications": [
            {
                "kind": "accreditation",
                "specialty": {
                    "ru": "Рентгенэндоваскулярные диагностика и лечение (пример)",
                    "en": "Endovascular (interventional) radiology (example)",
                },
                "issued": date(2024, 3, 1),
                "valid_until": date(2029, 3, 1),
            },
        ],
        "short_bio": {
            "ru": (
                "Это пример профиля, а не настоящий врач. Интервенционный радиолог лечит через прокол "
                "артерии, без разреза. Он проводит катетер к опухоли под контролем рентгена и вводит "
                "микросферы."
            ),
            "en": (
                "This is an example profile, not a real doctor. An interventional radiologist treats "
                "through a small puncture in an artery, without an incision. Guided by X-rays, they steer "
                "a thin tube to the tumour and deliver the microspheres."
            ),
        },
        "bio": {
            "ru": (
                "Это демонстрационный профиль. Здесь клиника разместит сведения о настоящем враче.\n\n"
                "Интервенционный радиолог — врач, который выполняет лечение изнутри сосудов. Через "
                "небольшой прокол в паху или на запястье он вводит тонкую гибкую трубочку (катетер) и "
                "под рентгеном проводит её к сосудам печени. На пробном этапе он составляет карту "
                "сосудов. На лечебном — вводит микросферы с иттрием-90.\n\n"
                "В России такой врач проходит аккредитацию по специальности «рентгенэндоваскулярные "
                "диагностика и лечение». Европейская квалификация в этой области — экзамен EBIR "
                "(European Board of Interventional Radiology)."
            ),
            "en": (
                "This is a demo profile. The clinic will put the details of a real doctor here.\n\n"
                "An interventional radiologist treats from inside the blood vessels. Through a small "
                "puncture in the groin or the wrist, they insert a thin flexible tube (a catheter) and, "
                "guided by X-rays, steer it to the vessels of the liver. At the mapping stage they draw a "
                "map of the vessels. At the treatment stage they deliver the yttrium-90 microspheres.\n\n"
                "In Russia such a doctor holds a specialist accreditation in endovascular diagnosis and "
                "treatment. The European qualification in the field is the EBIR examination (European "
                "Board of Interventional Radiology)."
            ),
        },
    },
    {
        "slug": "demo-nuclear-medicine-specialist",
        "order": 3,
        "is_demo_profile": True,
        "medical_specialty": "NuclearMedicine",
        "palette": ((240, 233, 222), (170, 140, 105)),
        "name": {
            "ru": "Демо-профиль: специалист по ядерной медицине",
            "en": "Demo profile: nuclear-medicine specialist",
        },
        "position": {
            "ru": "Специалист по ядерной медицине и медицинский физик — рассчитывает безопасную дозу",
            "en": "Nuclear-medicine specialist and medical physicist who sets the safe dose",
        },
        "degrees": {"ru": "", "en": ""},
        "specialty": {"ru": "Радиология", "en": "Nuclear medicine (radiology)"},
        "academic_degree": EMPTY,
        "academic_degree_awarded_by": EMPTY,
        "academic_title": EMPTY,
        "academic_title_awarded_by": EMPTY,
        "practice_since": None,
        "clinic_work": {
            "ru": (
                "Пример: проводит снимок ОФЭКТ/КТ на пробном этапе и вместе с медицинским физиком "
                "рассчитывает дозу."
            ),
            "en": (
                "Example: runs the SPECT/CT scan at the mapping stage and works out the dose with the "
                "medical physicist."
            ),
        },
        "reception_schedule": EMPTY,
        "education": [],
        "qualifications": [],
        "short_bio": {
            "ru": (
                "Это пример профиля, а не настоящий врач. Специалист по ядерной медицине вместе с "
                "медицинским физиком рассчитывает дозу излучения: достаточную для опухоли и безопасную "
                "для здоровой печени и лёгких."
            ),
            "en": (
                "This is an example profile, not a real doctor. Together with a medical physicist, the "
                "nuclear-medicine specialist works out the radiation dose: enough for the tumour and safe "
                "for the healthy liver and the lungs."
            ),
        },
        "bio": {
            "ru": (
                "Это демонстрационный профиль. Здесь клиника разместит сведения о настоящем специалисте.\n\n"
                "Специалист по ядерной медицине работает с радиоактивными веществами в лечении и "
                "диагностике. На пробном этапе он проводит снимок ОФЭКТ/КТ (SPECT/CT). Снимок показывает, "
                "куда пойдут микросферы и сколько их может попасть в лёгкие.\n\n"
                "Медицинский физик по этим данным рассчитывает дозу. Она должна подействовать на опухоль "
                "и поберечь здоровые ткани."
            ),
            "en": (
                "This is a demo profile. The clinic will put the details of a real specialist here.\n\n"
                "A nuclear-medicine specialist uses radioactive substances to diagnose and treat illness. "
                "At the mapping stage they run a SPECT/CT scan. The scan shows where the microspheres "
                "would go and how many might reach the lungs.\n\n"
                "From these results a medical physicist works out the dose. It must act on the tumour "
                "and spare healthy tissue."
            ),
        },
    },
]
