"""The identifier detector on plain text: categories, offsets in the text as typed, and the
eponyms, scores and numbers of clinical text that are not identifiers."""

from __future__ import annotations

import datetime

import pytest

from casekit.identifiers import find, find_in_fields
from casekit.identifiers.patterns import nhs_number_valid


def _only(text: str) -> tuple[str, str]:
    matches = find(text)
    assert len(matches) == 1, matches
    return matches[0].category, text[matches[0].start : matches[0].end]


def test_offsets_point_into_the_text_as_typed_through_look_alikes_and_invisibles() -> None:
    hidden = "Seen by Dr \u0405mith; NHS number 943\u034f476\u034f5919 on file."
    matches = find(hidden)
    assert [m.category for m in matches] == ["name", "record"]
    assert hidden[matches[0].start : matches[0].end] == "Dr \u0405mith"
    assert hidden[matches[1].start : matches[1].end] == "943\u034f476\u034f5919"


def test_full_width_digits_are_read_as_digits() -> None:
    full_width = "".join(chr(0xFF10 + int(d)) if d.isdigit() else d for d in "07700 900456")
    assert _only(f"Her mobile is {full_width}.")[0] == "phone"


def test_the_nhs_number_check_digit_decides() -> None:
    assert nhs_number_valid("943 476 5919")
    assert not nhs_number_valid("943 476 5918")
    assert "record" not in [m.category for m in find("The code is 943 476 5918.")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Still's disease and Kawasaki disease were both considered.",
        "Crohn disease, Hodgkin lymphoma and Graves disease were excluded.",
        "A Baker cyst and a Salter-Harris type II fracture were seen.",
        "Clubfoot was corrected by the Ponseti method; the Naranjo score was 7.",
        "HLA-B27 was positive and HLA-DRB1*04:01 was typed.",
        "The Glasgow Coma Scale was 15 and the Bristol stool chart type 6.",
        "Platelets were 808 ×10⁹/L and the CRP 86 mg/L on day 3.",
        "Patients aged 90 years or over were excluded.",
        # 'Ray' is a given name and 'X' an initial: published abstracts capitalise both
        "X-Ray showed a periosteal reaction at the distal tibia.",
        "Spinal X-Rays revealed crush fractures at two levels.",
        "The chest X-Ray was clear.",
    ],
)
def test_clinical_text_is_not_an_identifier(sentence: str) -> None:
    assert find(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Patient JS was seen in clinic.", "name"),
        ("She was first seen at St Thomas' Hospital.", "institution"),
        ("He was referred to Alder Hey.", "institution"),
        ("Symptoms began on Christmas Day 2021.", "date"),
        ("She was admitted on 03-Mar-2019.", "date"),
        ("A nonagenarian man fell.", "age"),
        ("Call 020 7946 0123 ext. 4567.", "phone"),
        ("Write to testina dot example at example dot com.", "email"),
        ("The router was 2001:db8::1.", "ip"),
        ("She posts as @testina_runs.", "handle"),
    ],
)
def test_identifiers_of_issue_14(sentence: str, category: str) -> None:
    assert category in [m.category for m in find(sentence)]


def test_a_match_masks_what_it_found() -> None:
    (match,) = find("Her e-mail is jo.quux@example.com.")
    assert match.masked.startswith("j") and match.masked.endswith("m")
    assert "quux" not in match.masked and match.rule == "CK605"


def test_many_fields_at_once_find_what_each_finds_alone() -> None:
    texts = [
        "Seen by Dr Smithson.",
        "mg/L",
        "",
        "Kawasaki disease; NHS number 943 476 5919",
        "Lives in Ludlow with her mother, Margaret.",
        "mg/L",
    ]
    alone = [find(text) for text in texts]
    assert find_in_fields(texts) == alone
    assert find_in_fields(texts) == alone  # again, from what was remembered


@pytest.mark.parametrize(
    "sentence",
    [
        "The Fontan circulation was stable; a Harrington rod had been placed.",
        "The Mayo score was 9 and the Kaplan-Meier estimate 78%.",
        "N Engl J Med. 2015;373:2103-16.",
        "The trial was registered as NCT01234567 at ClinicalTrials.gov.",
        "The incidence is highest in Japan and Korea.",
        "Christmas disease is haemophilia B; Parvovirus B19 IgM was negative.",
        "Her sodium was 96 mmol/L; he was 95% adherent.",
        "The 2011-12 season had more admissions.",
        "She walked 95m in 6 minutes; the Cohen's kappa was 0.8.",
        "The patient was started on Creon with meals.",
    ],
)
def test_eponyms_citations_registrations_and_values_are_not_identifiers(sentence: str) -> None:
    assert find(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("王小明 presented with fever.", "name"),
        ("Γιώργος Παπαδόπουλος underwent angiography.", "name"),
        ("The patient, maria gonzalez, had no allergies.", "name"),
        ("Thabo M., 16, fell from a bicycle.", "name"),
        ("The SSN, 457 55 5462, was on the form.", "ssn"),
        ("Staff number 88213 booked the visit.", "number"),
        ("He was found at 53.4084, -2.9916.", "place"),
        ("Video 2 shows the girl's face.", "photo"),
        ("Her husband, who was 97, was her carer.", "age"),
        ("Onset: 2017-12.", "date"),
        ("She attended the falls clinic at Southmead.", "institution"),
        ("91M with a history of heart failure presents with dyspnoea.", "age"),
        ("The oldest patient in our series was 103 at diagnosis.", "age"),
        ("Tyrone reports chest pain radiating to the left arm.", "name"),
        ("Cases were sent from the only pharmacy on the island.", "characteristic"),
    ],
)
def test_identifiers_the_independent_corpus_showed(sentence: str, category: str) -> None:
    assert category in [m.category for m in find(sentence)]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Il 3 settembre 2021 la bambina è stata ricoverata.", "date"),
        ("Le 2 juillet 2019, il a été opéré.", "date"),
        ("The culture was taken on 14.VII.2020.", "date"),
        ("The device log read 2023-04-02T22:10:05Z.", "date"),
        ("Un homme de 97 ans a été admis.", "age"),
        ("Ein 102-jähriger Mann stürzte zu Hause.", "age"),
        ("Aged 96, he still drove to the surgery.", "age"),
        ("Mobile : 06 12 34 56 78.", "phone"),
        ("Her neighbour phoned from 555-0123 to say she had fallen.", "phone"),
        ('He posted his training logs as "Marathon_Mo" on a running forum.', "handle"),
        ("Postcode M13 9WL was on the letter.", "place"),
        ("IHI 8003 6011 1111 1111 was on the referral.", "health-plan"),
        ("The car, kenteken 12-XYZ-3, was written off.", "vehicle"),
        ("Hospital number ab123456 was in the image name.", "record"),
        ("A photograph of the boy holding his dog is shown in Figure 1.", "photo"),
        ("Figure 3: the child at her christening, before the rash appeared.", "photo"),
        ("She was the sole survivor of the ferry fire.", "characteristic"),
        ("He is a former mayor of the town.", "characteristic"),
        ("Faith, a retired nurse, noticed the lump herself.", "name"),
        ("Jolyon's CRP peaked at 240 mg/L.", "name"),
        ("KT, a 9-year-old boy, had a limp.", "name"),
        ("MRS OKONKWO'S LETTER WAS ATTACHED.", "name"),
        ("He caught the infection at a swimming pool in Llandrindod.", "place"),
        ("She grew up in the Meadowbank neighbourhood.", "place"),
        ("The scan was repeated at NMGH two days later.", "institution"),
        ("She was referred to Ospedale San Gerardo for surgery.", "institution"),
        ("She taught maths at Hollinsford Grammar.", "institution"),
    ],
)
def test_identifiers_of_the_second_independent_corpus_classes(sentence: str, category: str) -> None:
    assert category in [m.category for m in find(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ninety seconds after the bolus, her blood pressure fell.",
        "The distal radius was fixed with Kirschner wires and a cast.",
        "Salmonella enterica serotype Enteritidis grew in the stool.",
        "The tumour was staged as Prague C3M5 at endoscopy.",
        "In March the pain returned.",
        "A modified Blalock-Taussig shunt was placed; a staged Norwood followed.",
        "The pump firmware was version 2.10.4.1.",
        "Mark the site of maximal tenderness before the injection.",
        "The trial was registered under EudraCT 2020-004321-11.",
        "He was treated with ACTH; the MCH was low.",
        "Wilson's disease was excluded.",
        "The Denver II was used to assess development.",
    ],
)
def test_what_the_second_independent_corpus_wrongly_flagged_stays_clean(sentence: str) -> None:
    assert find(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("He had been kayaking when he capsized, just east of Ullapool.", "place"),
        ("The rash began after a week of surfing at Polly Beach.", "place"),
        ("She fell while climbing near Mount Kenmore.", "place"),
        ("The smear was filed as cytology number CX 21/0457.", "number"),
        ("Ward attendance 7310-552-8 was the last before admission.", "record"),
        ('Her brothers called her "Teddy" from the age of two.', "name"),
        ("He told us, 'Just call me Sandy.'", "name"),
        ("The threats came from a TikTok account, lily_moon2009.", "handle"),
        ("She served in the Riverside Grill restaurant kitchen.", "institution"),
        ("He was first seen in the Kingsmoor emergency department.", "institution"),
        ("He had played for the national hockey squad.", "characteristic"),
        ("Staff noted his health insurance card no. 4411 2290 8812 3.", "health-plan"),
        ("The third culture, tube MC-55102, grew the same organism.", "record"),
    ],
)
def test_identifiers_of_the_fourth_round_classes(sentence: str, category: str) -> None:
    assert category in [m.category for m in find(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Cormack\u2013Lehane grade was 2 on direct laryngoscopy.",
        "A positive Dix\u2013Hallpike test on the left confirmed the diagnosis.",
        "Todd's paresis resolved by the next morning.",
        "The handlebar injury caused a duodenal haematoma.",
        "It was reported earlier (doi:10.1016/j.jpeds.2019.0000000004321).",
        "A fingerprint-like pattern was seen on dermoscopy.",
        "Rural Queensland has the highest incidence of melioidosis.",
        "The total number of 1200 cells was counted.",
        "Rocky Mountain spotted fever was excluded by serology.",
        "Patients of Ashkenazi Jewish ancestry were screened.",
        "She was randomised to AB-1234 in the phase 2 trial.",
    ],
)
def test_what_the_third_independent_corpus_wrongly_flagged_stays_clean(sentence: str) -> None:
    assert find(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("He drove a van for Kettlewick Haulage until the stroke.", "institution"),
        ("She was supported by the Tāwhiri Youth Service.", "institution"),
        ("The palm-geometry template from the gym was released.", "biometric"),
        ("A recording of her own voice is provided as Audio 1.", "biometric"),
        ("Her identity card photograph was shown to the family.", "photo"),
        ("He was a serving cabinet minister at the time.", "characteristic"),
        ("Despite being 102, he recovered fully.", "age"),
        ("Daughter's telephone: (07) 5550 1183.", "phone"),
        ("She posted as u/nightnurse_77 on the forum.", "handle"),
        ("The glider, registration D-KXYZ, landed short.", "vehicle"),
        ("Case 3 (R.T.) was a 9-year-old boy.", "name"),
        ("Cell block CB/3310/22 was stained for CD30.", "record"),
        ("She grew up in Ōamaru before moving abroad.", "place"),
    ],
)
def test_identifiers_of_the_fifth_round_classes(sentence: str, category: str) -> None:
    assert category in [m.category for m in find(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "He was referred to the Crisis Resolution Team.",
        "The Paediatric Palliative Care Team saw her daily.",
        "Gleason score 3 + 4 = 7 (Grade Group 2) was found.",
        "Hand geometry measurements were normal for age.",
        "This is the first reported case in the world.",
        "A member of the family was present throughout.",
        "The sign of Leser-Trélat prompted a search for cancer.",
        "The fracture was Gustilo IIIB.",
        "Friday-night drinking was reported.",
        "EudraCT number 2019-001234-56 registered the trial.",
        "Case 2 (CT) showed a mass.",
        "The chart BP 140/90 was noted.",
    ],
)
def test_what_the_fourth_independent_corpus_taught_stays_clean(sentence: str) -> None:
    assert find(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("The patient, an Emmy-winning set designer, fell on set.", "characteristic"),
        ("She is one of only three people in the world with both implants.", "characteristic"),
        ("The serving Lutheran bishop of the diocese was admitted.", "characteristic"),
        ("A circus sword swallower presented with chest pain.", "characteristic"),
        ("Movie S3: the boy's face during a spasm.", "photo"),
        ("Photographs of the aunt and the proband show the same ptosis.", "photo"),
        ("The retina-recognition scanner at work logged each entry.", "biometric"),
        ("A 52-year-old woman from Nkandawe presented with fever.", "place"),
        ("He was a prisoner at HMP Ashgrove Vale when it began.", "institution"),
        ("She plays for the Fairholme Rangers on Saturdays.", "institution"),
        ("A woman of 98 was seen in clinic.", "age"),
        ("On Twitch she streams as MoonlitMarmaladeCat most nights.", "handle"),
        ("Ludmiła described the pain as burning.", "name"),
        ("The child (kwame) was brought by his aunt.", "name"),
        ("Rentenversicherungsnummer 53 110472 W 018 lag vor.", "ssn"),
        ("Her van (reg. T 519 KPL) was parked outside.", "vehicle"),
    ],
)
def test_identifiers_of_the_seventh_round_classes(sentence: str, category: str) -> None:
    assert category in [m.category for m in find(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The aneurysm was graded as Hunt and Hess 4.",
        "The delivery was classified as Robson group 2.",
        "Dosing was as in the CheckMate 648 trial.",
        "Risk followed the International Neuroblastoma Risk Group.",
        "High-resolution CT showed fibrosis.",
        "Labs: Na 133, Cl 101, Ca 2.3.",
        "Fingerprint bodies were seen on electron microscopy.",
        "Loss of fingerprints was noted on both hands.",
        "A Christmas-tree pattern was seen on the back.",
        "Prothrombin G20210A and factor V Leiden were absent.",
        "A henna tattoo caused blistering.",
        "The first reported case in the country was in 2019.",
        "Internationally recognised criteria were applied.",
        "Face recognition of emotions was impaired.",
        "The child (sleeping) was not woken.",
    ],
)
def test_what_the_sixth_independent_corpus_taught_stays_clean(sentence: str) -> None:
    assert find(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Iris templates were kept by the border agency.", "biometric"),
        ("The audio clip of her singing was shared with the team.", "biometric"),
        ("A copy of his handwritten signature is in the appendix.", "biometric"),
        ("Figure 2: close-up of the girl's face at rest.", "photo"),
        ("Video 1 shows him turning towards the camera.", "photo"),
        ("He is the oldest man ever to row the Atlantic.", "characteristic"),
        ("She is the bishop of the diocese.", "characteristic"),
        ("His escape led the evening news.", "characteristic"),
        ("N.P.R. was a retired plumber with gout.", "name"),
        ("his daughter anneliese visits daily", "name"),
        ('Her cousin "Dot" brings her shopping.', "name"),
        ("mrs ashdown-pryce was seen today", "name"),
        ("The van, KP62 WXT, was written off.", "vehicle"),
        ("Krankenblattnummer 114-882-07", "record"),
        ("He was due for review on Monday the 9th.", "date"),
        ("04/2022 | Relapse | Steroids", "date"),
        ("The patient (F, 96) fell at home.", "age"),
        ("Residence recorded as Kings Heath.", "place"),
        ("She worked for years at the Dunmore Cotton mill.", "institution"),
        ("child transferred from st oswald's overnight", "institution"),
    ],
)
def test_identifiers_of_the_eighth_round_classes(sentence: str, category: str) -> None:
    assert category in [m.category for m in find(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Retinal scans were normal.",
        "Iris patterns of atrophy were seen.",
        "The chief of cardiology reviewed her.",
        "The rash was shaped like a butterfly.",
        "He was admitted to the Day Unit for an infusion.",
        "She took St John's wort.",
        "The report appeared in the Journal of Hepatology.",
        "SNOMED CT | 73211009 | Diabetes mellitus",
        "He had worked in Kerala and the Gulf.",
        "The 4th and 5th metacarpals were fractured.",
        "U.K. has a high incidence of the disease.",
    ],
)
def test_what_the_seventh_independent_corpus_taught_stays_clean(sentence: str) -> None:
    assert find(sentence) == []


def test_a_year_of_birth_is_an_age_only_when_it_makes_someone_over_89_today() -> None:
    this_year = datetime.date.today().year
    assert _only(f"He was born in {this_year - 95} and kept bees.") == ("age", str(this_year - 95))
    assert find(f"He was born in {this_year - 60} and kept bees.") == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("REFERRING CENTRE: KINGSMERE ROYAL INFIRMARY", "institution"),
        ("PATIENT NAME: ASHWORTH, BEATRIX J.", "name"),
        ("HOME ADDRESS: 22 MALLARD CRESCENT", "place"),
    ],
)
def test_a_header_typed_in_capitals_is_read_as_prose_would_write_it(
    text: str, category: str
) -> None:
    assert category in [m.category for m in find(text, learned=False)]


@pytest.mark.parametrize(
    "text",
    [
        "MICROBIOLOGY: STAPHYLOCOCCUS AUREUS, SENSITIVE TO FLUCLOXACILLIN",
        "Codes may come from ICD-10, ORPHA, OMIM or SNOMED CT.",
        "Set SOURCE_DATE_EPOCH for reproducible builds.",
        "Glucose targets followed NICE-SUGAR.",
    ],
)
def test_capitals_of_clinical_headers_acronyms_and_code_stay_quiet(text: str) -> None:
    assert find(text, learned=False) == []


def test_a_person_called_ray_is_still_a_name() -> None:
    assert [m.category for m in find("Ray Okafor presented with a limp.")] == ["name"]
    assert [m.category for m in find("Her son, Ray, drove her in.")] == ["name"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Rheumatology Clinic reviewed her at four months.",
        "Methotrexate was started by the Rheumatology Team.",
        "The Cardiology Department performed an echocardiogram.",
        "She was reviewed by the Surgical Registrar.",  # a role
        "He was discharged Home on Day 5.",  # a time
    ],
)
def test_the_rules_take_a_specialty_s_clinic_or_team_for_no_institution(sentence: str) -> None:
    """Every hospital has one. (The rules only: the learned layer still weighs the first
    sentence just over its threshold, tests/identifiers/README.md.)"""
    assert find(sentence, learned=False) == []


def test_a_specialty_clinic_named_by_a_place_is_still_an_institution() -> None:
    found = find("She was reviewed in the Ashford Rheumatology Clinic.")
    assert [(m.category, m.text) for m in found] == [("institution", "Ashford Rheumatology Clinic")]
    found = find("He was nursed on the Agnes Whitcombe Ward.")
    assert [(m.category, m.text) for m in found] == [("institution", "Agnes Whitcombe Ward")]
    assert [m.category for m in find("He was transferred to Willow Lodge Care Home.")] == [
        "institution"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "He was treated with intravenous Ceftriaxone and Metronidazole.",
        "She was started on Bisoprolol, Ramipril and Atorvastatin.",
        "Carboplatin and Paclitaxel were given for six cycles.",
        "Her mother's Amitriptyline had been taken in overdose.",
        "She was given nebulised Salbutamol and Ipratropium.",
        "Magnesium Sulphate and Labetalol were started.",
        "CT Head showed a chronic subdural haematoma.",
        "He was taken to the Cath Lab for primary angioplasty.",
        "She was discussed at the Hepatobiliary MDT.",
        "She was transferred to the Paediatric Intensive Care Unit on day 2.",
        "The Plastic Surgery team closed the wound.",
        "She was treated with Clobetasol Propionate and Doxycycline.",
        "Intramuscular Adrenaline was given by the Paramedics.",
        "Adjuvant Radiotherapy and Letrozole were recommended.",
        "Treatment was switched to Ondansetron.",
    ],
)
def test_capitalised_drug_names_are_no_names(sentence: str) -> None:
    """Authors capitalise drugs; their INN stems say what they are (the rules only: the
    learned layer is measured on ordinary prose separately, tests/identifiers/README.md)."""
    assert find(sentence, learned=False) == []


def test_a_name_that_merely_ends_like_a_drug_stem_is_still_a_name() -> None:
    assert [m.category for m in find("She was seen by Dr Malone.")] == ["name"]
    assert [m.category for m in find("Her son, Gustavo, drove her in.")] == ["name"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Dantrolene and Cyproheptadine were started in the ICU.",
        "She was given Tranexamic Acid before the operation.",
        "He was continued on Levetiracetam and Lacosamide.",
        "Ethambutol and Pyrazinamide were stopped after two months.",
        "Rifaximin and Lactulose were prescribed on discharge.",
        "She was restarted on Alendronic Acid at three months.",
    ],
)
def test_drugs_without_an_inn_stem_are_known_by_name(sentence: str) -> None:
    """Generic names of DrugBank's open vocabulary (tools/build_drug_names.py) for the drugs
    whose names no stem gives away."""
    assert find(sentence, learned=False) == []


def test_a_title_before_a_service_or_a_role_is_no_name() -> None:
    assert find("She was admitted with her son to the Mother and Baby Unit.", learned=False) == []
    assert find("She was reviewed by the Nurse Practitioner.", learned=False) == []
    # a surname that is also a hospital word, and initials, stay names
    assert [m.text for m in find("Sister Ward changed the dressing.")] == ["Sister Ward"]
    assert [m.category for m in find("Mr A.B. was a non-smoker.", learned=False)] == ["name"]
    assert [m.category for m in find("Baby Okonkwo was born at 36 weeks.")] == ["name"]


@pytest.mark.parametrize(
    "sentence",
    [
        "She was referred to the Paediatric Electrophysiology Service.",
        "He was seen in the Severe Asthma Clinic and started on a biologic.",
        "Follow-up was arranged in the Virtual Fracture Clinic.",
        "She was transferred to the regional Burns Centre.",
        "The Crisis Resolution and Home Treatment Team visited daily.",
        "Platelets were transfused on the Oncology Day Unit.",
        "He was moved from Resus to Majors after an hour.",
        "A chest drain was inserted in the Resus Room.",
        "Day 3: Switched from Augmentin to Clarithromycin.",
        "Ventolin and Seretide were restarted on discharge.",
        "Synchronised DC Cardioversion restored sinus rhythm.",
        "Nebulised Salbutamol was given every twenty minutes.",
        "She had oral candida and angular cheilitis.",
        "Mohs micrographic surgery cleared the margins.",
        "Barlow and Ortolani testing was negative at the six-week check.",
    ],
)
def test_services_brands_and_british_spellings_are_no_identifiers(sentence: str) -> None:
    """Ordinary prose capitalises services, brands and British spellings (the rules only)."""
    assert find(sentence, learned=False) == []


def test_a_service_named_by_a_place_or_person_is_still_an_institution() -> None:
    found = find("She was transferred to the Ashbourne Burns Centre.", learned=False)
    assert [m.category for m in found] == ["institution"]
    found = find("Previous admissions: Larchmont Day Unit (x2).", learned=False)
    assert [m.category for m in found] == ["institution"]
    assert [m.category for m in find("Denise Okafor attended with her son.")] == ["name"]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("F 92, falls at home, ?UTI", "age"),
        ("Age | 94 | Sex | M", "age"),
        ("99 yrs, lives with daughter", "age"),
        ("He gave his age as 93 at triage.", "age"),
        ("EDD 21/8, booked for induction", "date"),
        ("LMP 14.05., cycle 28 days", "date"),
        ("Seen in clinic on the 12th inst. with her mother.", "date"),
        ("Two days after Diwali she developed chest pain.", "date"),
        ("Hope was started on intravenous antibiotics.", "name"),
        ("Mrs Barrett's haemoglobin fell to 71 g/L.", "name"),
        ("Pt Kit (preferred name) declined the cannula.", "name"),
        ("she is originally from norwich and moved for work", "place"),
        (
            "Gait recordings from which the participant could be re-identified were deleted.",
            "biometric",
        ),
        ("Her nursing lic. 77120-4 was suspended.", "licence"),
        ("Infusion pump no. P-2287 alarmed twice.", "device"),
        ("The glider G-DKTF landed short of the runway.", "vehicle"),
        ("He was thrown from the quad bike BX 417 KT on the farm track.", "vehicle"),
        ("Respite was arranged at Willowbrook children's hospice.", "institution"),
        ("Northmere's acute stroke team accepted her.", "institution"),
        ("She collapsed in the porch of Sacred Heart after mass.", "institution"),
        (
            "The only blacksmith in a village of about 600 people presented with burns.",
            "characteristic",
        ),
        ("Her rescue from the flooded mine made national headlines.", "characteristic"),
    ],
)
def test_identifiers_of_the_seventh_session_classes(sentence: str, category: str) -> None:
    """Classes read on two development corpora by authors who never saw the detector
    (tests/identifiers/README.md, 'Development text of the seventh session'); the rules alone."""
    assert category in {m.category for m in find(sentence, learned=False)}


@pytest.mark.parametrize(
    "sentence",
    [
        "She had German measles as a child.",
        "Fingerprint dermatitis was treated with emollients.",
        "The peptide mass fingerprint matched Staphylococcus aureus.",
        "A professional cricketer presented with a stress fracture.",
        "The Memorial Sloan Kettering nomogram was used to counsel him.",
        "The glider pilot was given G-CSF after chemotherapy.",
        "N95 respirators were worn by the flight crew.",
        "The first patient to receive the new drug was well at a year.",
        "The largest series in the world includes 40 patients.",
        "She made a full recovery.",
        "He was admitted to a children's hospice for respite.",
        "The patient's care team met weekly.",
        "LMP 3/52 ago, test negative.",
    ],
)
def test_what_the_seventh_session_classes_leave_clean(sentence: str) -> None:
    assert find(sentence, learned=False) == []


def test_a_festival_after_a_word_of_time_is_the_festival_and_a_brand_keeps_its_inner_capital() -> (
    None
):
    assert find("Her glucose fell while fasting during Ramadan.", learned=False) == []
    assert find("He was switched from Humalog to NovoRapid.", learned=False) == []
    assert [m.category for m in find("Ramadan Okoye presented with chest pain.")] == ["name"]


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("The physiotherapist, Oluwaseyi, taught her the exercises.", "name"),
        ('Staff were asked to let the girl be called "Duchess" on the ward.', "name"),
        ("C.D. (patient initials) was reviewed at six weeks.", "name"),
        ("The ambulance logged the fall at 53.7431 N, 1.5518 W.", "place"),
        ("Four of the cases lived in the Brankholme Vale area.", "place"),
        ("She is the mother of naturally conceived septuplets.", "characteristic"),
        ("She is a Formula One racing driver with a wrist fracture.", "characteristic"),
        ("He was the oldest serving inmate in the state at the time.", "characteristic"),
        ("Silicone horn implants sat under the skin of his forehead.", "characteristic"),
        ("Both earlobes were stretched 30 mm tunnels.", "characteristic"),
        ("He was one of the climbers trapped on the ridge for four days.", "characteristic"),
        ("She is the mother of fourteen children.", "characteristic"),
        ("He was the lightest baby ever to survive in that unit.", "characteristic"),
        ("She was the official dressmaker for the queen for a decade.", "characteristic"),
        ("He won the national log-splitting contest twice.", "characteristic"),
        ("She is ranked second in the world at free diving.", "characteristic"),
        ("He is only baker in the village and works nights.", "characteristic"),
        # read on independent28 once released
        ("She holds the old office of royal bargemaster.", "characteristic"),
        ("He is one of only three people licensed to do it nationally.", "characteristic"),
        ("NHI ZZZ0024 was written on the form.", "health-plan"),
        ("He has worked as a professional mermaid performer for years.", "characteristic"),
        ("She made the first solo winter ascent of the north face.", "characteristic"),
        ("She carried the pregnancy as surrogate for her own sister.", "characteristic"),
        ("The patient is clearly recognisable in Figure 2.", "photo"),
        ("He posts on a TikTok channel called GoutWarrior77.", "handle"),
        ('The request form was labelled "PEMBERTON" only.', "name"),
        ("He was hit by a lorry on the M62 at night.", "place"),
        ("The family lived on the Harrowgate estate.", "place"),
        # read on independent30 once released
        ("Iris templates from the scan were stored for later identification.", "biometric"),
        ("The patient's whole genome in FASTQ files was shared.", "biometric"),
        ("SNP chip data for the boy were uploaded to a public archive.", "biometric"),
        ("Her recordings were used for speaker-identification research.", "biometric"),
        ("She is one of only a handful of women to have done so.", "characteristic"),
        ("He is one of fewer than twenty licensed falconers in the country.", "characteristic"),
        ("She was carried by a surrogate who is also her maternal aunt.", "characteristic"),
        ("He was the defendant in a widely reported trial.", "characteristic"),
        ("A retired sumo wrestler presented with knee pain.", "characteristic"),
        ("She is a former prime minister.", "characteristic"),
        ("He served as chef to the royal family for a decade.", "characteristic"),
        ("Male, 96 yrs, lives alone.", "age"),
        ("93 YEAR OLD MAN, COLLAPSE, ?SYNCOPE", "age"),
        # read on independent31 once released
        ("Retinal scans from the trial were shared with a public repository.", "biometric"),
        ("Maeve, a county hurling goalkeeper, described chest pain.", "name"),
        ("The remains were identified as Thandiwe by her sister.", "name"),
        ("| Initials | K.T. | Male | 54 |", "name"),
        ("PAN QWERT1234Y was on the claim form.", "ssn"),
        ("CRM-RJ 552310, médica residente.", "licence"),
        ("The vehicle, KA 551-209, was found later.", "vehicle"),
        ("She is the chief justice of the state.", "characteristic"),
        ("He survived the 2011 Christchurch earthquake.", "characteristic"),
        ("She was the subject of a celebrated court case.", "characteristic"),
        ("His story ran in a national newspaper.", "characteristic"),
        ("A molar was capped with a gold crown engraved with a heart.", "characteristic"),
        ("97歳の女性が転倒した。", "age"),
        # read on independent33 once released
        ("Nokuthula presented with a painful swollen knee.", "name"),
        ("Chidubem told the nurse he had taken twenty tablets.", "name"),
        ('The authors replaced "Friedrich" with "the patient".', "name"),
        ("Figure 2: frontal face photograph before treatment.", "photo"),
        ("The custody photograph was published with the report.", "photo"),
        ("She is the mother of four sets of twins.", "characteristic"),
        ("He is a Paralympic silver medallist in rowing.", "characteristic"),
        ("She sang in a chart-topping girl group.", "characteristic"),
        ("Silicone implants were placed to form horns on the scalp.", "characteristic"),
        ("RG 12.345.678-9 was on the form.", "ssn"),
        ("Prontuário 2021/004512 was written on the slide.", "record"),
        ("Her profile /in/runs-with-asthma was cited by a reviewer.", "handle"),
        # read on independent32 and independent36 once released
        ("The hut is at 44.1132 S 170.2214 E, reached by helicopter.", "place"),
        ("He farmed in the Towy valley all his life.", "place"),
        ("Since 3/2021 she has taken methotrexate.", "date"),
        ("He was the driver of car 4KTB619 when it rolled.", "vehicle"),
        ("Figure 1: child in profile and en face before surgery.", "photo"),
        ("The supplement lists SNP genotypes of the proband.", "biometric"),
        ("She was a contestant on a televised baking show.", "characteristic"),
        ("He appeared on the cover of a national newspaper.", "characteristic"),
        ("Her brother is the incumbent state governor.", "characteristic"),
        ("He is one of the nation's three astronauts.", "characteristic"),
        ("Scleral tattooing in blue ink was noted.", "characteristic"),
        ("Her video went viral within a day.", "characteristic"),
        ("He works as a wing-walker at air shows.", "characteristic"),
        # read on independent37 and independent38 once released
        ("They farmed in the Umzimvubu municipality.", "place"),
        ("She was referred from NIMHANS after two admissions.", "institution"),
        ("He was flown to Groote Schuur overnight.", "institution"),
        ("He is the father of 21 children from three marriages.", "characteristic"),
        ("She spent a year aboard the International Space Station.", "characteristic"),
        ("He has been struck by lightning three times.", "characteristic"),
        ("The two sisters are married to twin brothers.", "characteristic"),
        ("The trawler BF 318 sank in the storm.", "vehicle"),
        ("The bus, KJA 219 XY, left the road.", "vehicle"),
        ("Steuer-ID 12 345 678 901 was on the letter.", "ssn"),
        ("She is a distant member of the royal family.", "characteristic"),
        ("He grew the largest marrow ever recorded at the county show.", "characteristic"),
        ("The rescue was covered worldwide.", "characteristic"),
        ("She is one of very few people to have survived it.", "characteristic"),
        (
            "Dental scans of the patient were retained for forensic identification.",
            "biometric",
        ),
        ("Bed 3: 93 M, ?sepsis.", "age"),
        ("CDL # B4419 2210 7781 was suspended.", "licence"),
        # read on independent34 and independent35 once released
        ("She lives in NW3 with her partner.", "place"),
        ("| Licence | DL 5520-114-07 |", "licence"),
        ("| Account | 4410 2291 7765 |", "account"),
        ("| 96 | M | Hemiarthroplasty | Day 3 |", "age"),
        ("退院日は2019年11月3日であった。", "date"),
        ("Celular: (11) 98765-4321", "phone"),
        ("At six weeks, Bongani could walk without a stick.", "name"),
    ],
)
def test_identifiers_of_the_ninth_session_classes(sentence: str, category: str) -> None:
    """Classes read on independent26 once it was released for tuning, and on dev26
    (tests/identifiers/README.md, 'The ninth session'); the rules alone."""
    assert category in {m.category for m in find(sentence, learned=False)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Dear Colleague, thank you for reviewing this man with gout.",
        "Dear Dr, I saw your patient in the clinic today.",
        "Dear Editor, we submit our case for your consideration.",
        "Venlafaxine was chosen over an SSRI because of previous failure.",
        "He was changed to SNRI therapy after a month.",
        "Component testing showed Ara h 2 and Bet v 1 sensitisation.",
        "The risk is higher in people of Han Chinese, Thai and Malay descent.",
        "Osborn waves were seen in the lateral leads.",
        "The lesion was classified as Paris 0-IIa.",
        "She was staged as BCLC A (Barcelona Clinic Liver Cancer).",
        "The Helsinki Declaration was followed.",
        "He was moved to the Resus area for monitoring.",
        "Bleeding from the Little area was cauterised.",
        "She was the pedestrian struck by a car at the junction.",
        "He was the restrained driver in a collision on the motorway.",
        "She was one of 14 children in the cohort who received the vaccine.",
        "She was one of the patients rescued by the ambulance crew.",
        "A subdermal contraceptive implant was removed from her arm.",
        "The split earlobe from a heavy earring was repaired.",
        "Deliberate splitting of the fascia gave access to the muscle.",
        # read on independent28's clean half
        "Oroya fever and Carrion disease are the same infection.",
        "Aleppo boil is an old name for the same lesion.",
        "Factor V Leiden was heterozygous in her sister too.",
        "Electrophoresis showed haemoglobin Constant Spring.",
        "Fournier's gangrene needed a second debridement.",
        "The Mayo Clinic risk score placed her in the low group.",
        "Le Fort II and III fractures were excluded.",
        "| Day | Na (mmol/L) | K (mmol/L) |",
        "Returned from SE Asia two weeks ago with fever.",
        '"It is my hobby, doctor, I\'ve done it for years," he said.',
        "Pt SOB at rest, on 4 L oxygen.",
        "He rang NHS 111 twice that night.",
        "The scanner software version was 4.1.0.2.",
        "Cyclist vs car, GCS 14, c/o neck pain.",
        "The Medtronic Micra leadless pacemaker was implanted.",
        "A LifeVest was supplied for three months.",
        "The first crossing of the midline was seen on day 3.",
        "The patient is not identifiable from the images.",
        "He writes a blog called Recovery about his illness.",
        'The sign on the door said "STOP".',
        "A thrombus sat in the M1 segment of the left middle cerebral artery.",
        "The A549 cell line was used as a control.",
        "Bay D held two patients in isolation.",
        "She spent every Christmas at her sister's house.",
        "Over the Christmas holidays her glucose control worsened.",
        "He is a current smoker of ten a day.",
        "The SNP array data showed a deletion on 22q11.",
        "Female, 45 years, NYHA II, on bisoprolol.",
        "Amanita phalloides was identified in the leftover stew.",
        "Ticks of the lone star kind in North America and Ixodes holocyclus in Australia.",
        "Ross River virus polyarthritis was considered.",
        "Bruton X-linked agammaglobulinaemia was suspected.",
        "Lichtenberg figures appeared on the back.",
        "Margins were irregular, 'coast of Maine' in shape.",
        "Coxsackie B infection causes Bornholm disease.",
        "Unrecognised Hoffa fragments lead to non-union.",
        "Die Sauerstoffanlage war vor dem Flug nicht überprüft worden.",
        "患者は歯科治療中に異物を飲み込んだ感覚があった。",
        "Gloriosa superba is also known as the flame lily.",
        "He had been in the news business for decades.",
        "Carers reported reduced oral intake over the preceding week.",
        "Pathergy explained the enlargement after debridement.",
        "Pilot-in-command reported hypoxia at altitude.",
        "Full face masks were used for NIV.",
        "The tumour was shaped like horns on MRI.",
        "Internal herniation through Petersen's defect was found.",
        'The "Paris" classification was used.',
        "Map-dot-fingerprint dystrophy was diagnosed at slit lamp.",
        "Fingerprint lines were seen in the inferior cornea.",
        "The rash resembled a fingerprint.",
        "After capecitabine her fingerprints had almost disappeared.",
        "Puumala infection causes transient myopia.",
        "Norovirus was once called the Norwalk agent.",
        "It is historically known as Baghdad boil.",
        "The Johns Hopkins Fall Risk Assessment Tool was used.",
        "Over the Easter weekend admissions rose.",
        "It occurs in 1/2000 live births.",
        "The cover of the notes was torn.",
        "She is a former smoker.",
        "Munro microabscesses were seen in the stratum corneum.",
        "The sea state was Beaufort force 8.",
        "Ishihara plates: 5/17 correct in the left eye.",
        "Humphrey 24-2 fields showed an altitudinal defect.",
        "She reached Rancho Los Amigos level VI.",
        "References follow the Vancouver style.",
        "The software version of the pump was 3.2.1.4.",
        "Map-dot-fingerprint corneal dystrophy was seen.",
        "Hand geometry measurements were normal for age.",
        "The highest lactate ever recorded in our laboratory was 30.",
        "She spoke in broken English.",
        "He was registered as blind in 2019.",
        "Pt NWB, crutches, seen in fracture clinic.",
        "Pt GCS 14, amnesic for the event.",
        "The serovar was identified as Icterohaemorrhagiae.",
        "Veno-arterial ECMO was started in theatre.",
        "Post-mortem CT showed a subdural haematoma.",
        "It was reported to the Yellow Card scheme.",
        "It reflects a split between face recognition and emotional processing.",
        "Lesions were seen in T2 images.",
    ],
)
def test_what_the_ninth_session_classes_leave_clean(sentence: str) -> None:
    assert find(sentence, learned=False) == []


def test_japanese_prose_names_no_one_but_a_name_or_a_hospital_in_it_is_found() -> None:
    assert find("患者の田中さんは来院した。", learned=False) != []
    assert find("She was first treated at さくら総合病院.", learned=False) != []
    # (a German sentence's nouns are not names; its names are still found, here by the layer)
    assert find("Flugkapitänin Ingrid Vogel wurde nach dem Flug untersucht.") != []


def test_names_with_an_inner_capital_and_numbers_after_a_plain_word_are_still_found() -> None:
    assert [m.category for m in find("Mhairi MacLeod presented with chest pain.")] == ["name"]
    assert [m.category for m in find("NHS number 943 476 5919 was quoted.")] == ["record"]
    assert [m.category for m in find("The van, KX19 ABC, overturned.", learned=False)] == [
        "vehicle"
    ]


def test_a_salutation_to_a_named_doctor_is_still_a_name() -> None:
    assert [m.category for m in find("Dear Dr Okonkwo-Bell, thank you.", learned=False)] == ["name"]


#: Sentences of the tenth session's rounds (10 to 16), each written for the test with invented
#: people, and the category a rule alone must report in each.
TENTH_SESSION_FINDS = [
    ("name", "Name | PELLWORTH, Idris | Sex | M | Indication | back pain"),
    ("name", "Patient name: Hollis Quade"),
    ("date", "紹介状の日付は令和5年6月2日であった。"),
    ("date", "Biopsy (taken 11/21) showed adenocarcinoma."),
    ("record", "Registro hospitalar 8.316.204"),
    ("licence", "CPSO #209381"),
    ("handle", "Instagram: /runningwithrosie.mum"),
    ("vehicle", "Placa do carro: RTF3G71"),
    ("vehicle", "The minibus taxi GP 381-422 overturned."),
    ("place", "Lives at flat 7, 22 Mill Approach."),
    ("place", "She lives in the Belleville quarter of the city."),
    ("biometric", "Hand geometry from the clocking-in terminal confirmed his shift."),
    ("biometric", "A 3D facial-surface mesh of the child is in the supplement."),
    ("photo", "Video 3: patient filmed face-on while speaking."),
    ("characteristic", "She is the mother of thirteen children and presented with prolapse."),
    ("characteristic", "He has 19 children by three wives."),
    ("characteristic", "She was the grandmother and gestational surrogate of the baby."),
    ("characteristic", "Both sisters are married to a pair of identical twin brothers."),
    ("characteristic", "He is the traditional ruler of his town."),
    ("characteristic", "A taster employed to check meals for the head of state."),
    ("characteristic", "His collection was listed in a book of world records."),
    ("characteristic", "Her rescue led the national evening news."),
    ("characteristic", "She has magnets implanted in four fingertips."),
    ("characteristic", "She won the 2011 national beauty pageant."),
    ("characteristic", "He is an experimental test pilot."),
    ("name", "The physiotherapist Zorrin noted improved gait."),
    ("name", "The case manager, Fenella, arranged a home visit."),
    ("name", 'Reviewer: the initials "K.M." in Figure 2 must be removed.'),
    ("place", "Residence | Arusha"),
    ("place", "The body was found at 1°17′S, 36°49′E, close to a channel."),  # noqa: RUF001
    ("place", "Postnummer: 9008"),
    ("place", "The 19-year-old was shot in Comuna 13."),
    ("place", "Home address in the 3rd arrondissement was unreachable."),
    ("place", "The cyclist crashed on the descent of Col du Tourmalet."),
    ("date", "Inkom den 5 maj med feber."),
    ("account", "Kontonummer 5050-1055 (bankgiro)."),
    ("vehicle", "The fishing vessel PZ 412 was at sea."),
    ("institution", "She regularly attends the Church of the Holy Redeemer."),
    ("photo", "Gambar 1. Foto wajah pasien sebelum terapi."),
    ("biometric", "Bite-mark impressions were kept for forensic identification."),
    ("biometric", "Facial landmark geometry (68 points) of the patient was exported."),
    ("characteristic", "He is the longest-held prisoner on death row in the country."),
    ("characteristic", "She is married to her late husband's identical twin brother."),
    ("characteristic", "She acted as gestational surrogate for her own twin sister."),
    ("characteristic", "He survived being struck by lightning four separate times."),
    ("characteristic", "She was the whistleblower in the 2020 procurement scandal."),
    ("characteristic", "Hers was the first such operation performed in the country."),
    ("characteristic", "He was the driver of the bus involved in the bridge collapse."),
    ("name", "Table 2 | J.R. | 64 | EVAR | Type II endoleak"),
    ("name", "Z.K., 41, swallowed eleven razor blades."),
    ("age", "Case 4: F, 91, fall at home."),
    ("place", "Released to a hostel on ulica Grochowska."),
    ("place", "Domicilio: Av. Corrientes 2345, 3° B"),
    ("vehicle", "Kjøretøy: EL 48213 (firmabil)."),
    ("vehicle", "Dominio del vehículo: AD 472 KJ"),
    ("record", "Journalnummer 48819-22"),
    ("fax", "Fax pejabat: 03-5555 0192"),
    ("ssn", "Fødselsnummer: 120389 45321"),
    ("ssn", "Rijksregisternummer 85.07.30-033.61"),
    ("ssn", "No. K/P: 050312-10-5528"),
    ("ssn", "C.C. 1.024.563.887"),
    ("licence", "Førerkort nr. 10 184422 73"),
    ("licence", "INAMI-nummer 1-23456-78-910"),
    ("health-plan", "Ziekenfonds lidnummer 210/4471829"),
    ("health-plan", "Afiliado n.º 15-0442871-3-00 de su obra social."),
    ("photo", "The bar over the eyes does not prevent recognition of the patient."),
    ("characteristic", "She and her twin sister married identical twin brothers."),
    ("characteristic", "He is the hereditary clan chief of his district."),
    ("characteristic", "He had been a presidential candidate in his home country."),
    ("characteristic", "A bishop of a small diocese presented with fever."),
    ("characteristic", "She was one of a pair of conjoined twins separated in infancy."),
    ("name", "Kind regards, Lindiwe"),
    ("name", "Pt Kasun c/o progressive hearing loss."),
    ("age", '"I am 92, doctor, I do not need more tests," she said.'),
    ("age", "A woman in her ninety-seventh year presented."),
    ("age", "A 91-yo man with a perforated ulcer."),
    ("date", "Pt reports last menstrual period 28/01, test positive."),
    ("date", "患者は平成30年4月に当院を受診した。"),
    ("place", "Latitude/longitude of the residence: 41.31 N, 69.28 E"),
    ("institution", "Correspondence to the perinatal team, Kätilöopiston sairaala."),
    ("licence", "Nomor SIM 1234-5678-901234 tertera pada formulir."),
    ("licence", "Řidičský průkaz č. EF 123456 was found in his wallet."),
    ("account", "Číslo účtu 19-2000145399/0800 je uvedeno na faktuře."),
    ("vehicle", "Kendaraan B 4721 KJT disebutkan dalam laporan polisi."),
    ("vehicle", "The boat was registered as KY 482 and had no alarm."),
    ("record", "NHC 2.481.733"),
    ("fax", "Faksi 09 555 0171."),
    ("photo", "Image 3: Full-facial view at 12 months."),
    ("biometric", "Iris images from the study were archived with identifiers attached."),
    ("biometric", "Daftar sidik jari pasien disimpan bersama rekam medis."),
    ("biometric", "The voice recordings used for the acoustic analysis were kept."),
    ("characteristic", "He was the chief rabbi of the community."),
    ("characteristic", "The country's poet laureate was referred with aphasia."),
    ("characteristic", "She is a sitting justice of the supreme court."),
    ("characteristic", "The patient was the last speaker of a local language."),
    ("characteristic", "She is one of identical triplets."),
    ("characteristic", "She had borne 23 children with the same partner."),
    ("characteristic", "He had self-implanted subdermal silicone 'horns'."),
    ("characteristic", "She had appeared on a national television cooking contest."),
    ("characteristic", "He was one of only three people who survived the crash."),
    ("name", 'Please remove "J.T." from the timeline table.'),
    ("age", "92-godišnji pacijent primljen je zbog retencije urina."),
    ("health-plan", "Afiliación SIS N.º 4-12345678."),
    ("account", "Broj računa: 2340009-1110445578."),
    ("record", "Broj istorije bolesti 2214/19."),
    ("record", "Expediente clínico N.º 458-221."),
    ("vehicle", "Patente GKXT-48, según el parte policial."),
    ("vehicle", "The taxi-moto RE 483 B was carrying the patient."),
    ("place", "He farms dates in the wilayat of Bahla."),
    ("place", "The collision happened on the Pan-American Highway at kilometre 1,045."),
    ("photo", "Figure 4: the patient with her family in the garden, all faces visible."),
    ("biometric", "Retinal photographs were shared with the AI developer."),
    ("biometric", "The complete genome data of the trio were uploaded to a platform."),
    ("biometric", "Supplementary Data 3: full genome sequence of the index patient."),
    ("characteristic", "She is a survivor of the ferry sinking that killed 300 people."),
    ("characteristic", "He was a hostage in the school siege that was reported worldwide."),
    ("characteristic", "The patient, a prince of the ruling family, was accompanied."),
    ("characteristic", "He earns his living milking venomous snakes."),
    ("characteristic", "The driver, a retired Formula 1 racer, attended."),
    ("characteristic", "He has run more marathons than anyone else alive."),
    ("characteristic", "Her story was carried by international news agencies."),
    ("age", "| Age (y) | 99 | Sex | M |"),
    ("age", "Our patient, 95-aastane naine, presented with an acute abdomen."),
    ("ssn", "Personas kods 160482-10237 (from the discharge summary)."),
    ("place", "Three plague cases were clustered in the neighbourhood of Isotry."),
    ("place", "Table 1 | Place of exposure | Hulhumalé | dengue NS1 positive |"),
    ("place", "The snowmobile was found at 68.36°N, 133.72°W."),
    ("place", "The patient's flat on Brīvības iela had no central heating."),
    ("name", "The mother said that አበበ had not eaten for three days."),
    ("photo", "Figure 2: Photo of patient face in front view showing the swelling."),
    ("biometric", "Iris images from enrolment were stored alongside the clinical data."),
    ("biometric", "Gait video converted to a skeletal pose signature was shared."),
    ("characteristic", "She and her sisters married identical triplet brothers."),
    ("characteristic", "She was acting as surrogate carrying her own daughter's embryo."),
    ("characteristic", "He is his country's ambassador to a neighbouring state."),
    ("date", "23/9 — extubated, tolerating nasogastric feeds."),
    ("vehicle", "The motorbike (RN 4512 N) had no working front brake."),
    ("handle", "Snapchat: redgumrider"),
    ("characteristic", "Knuckle tattoos spelling HOLD FAST were noted on both hands."),
    ("characteristic", "He stars in a long-running wildlife television series."),
    ("characteristic", "A yokozuna presented with gouty tophi."),
    ("characteristic", "She belongs to a recently contacted Indigenous people."),
    ("characteristic", "A fast bowler who played 100 Test matches attended."),
    ("characteristic", "He twice fought for the world heavyweight boxing title."),
]
#: Clinical text near those rules that no rule may flag.
TENTH_SESSION_CLEAN = [
    "| Name | Dose | Route |",
    "Drug name: pembrolizumab",
    "Name: withheld for publication",
    "Antibiotics were taken 5/7 and then stopped.",
    "A placa de ateroma media 2 mm.",
    "Pain in the upper outer quarter of the breast.",
    "Hand geometry measurements were normal for his age.",
    "She has 12 grandchildren.",
    "The mother of two children presented with a rash.",
    "She is a heterozygous carrier of the variant.",
    "Hereditary spherocytosis was confirmed.",
    "Traditional medicine had been tried first.",
    "MRI used a 3 T magnet.",
    "A lipid profile was normal.",
    "The lamellae resembled whorls of a fingerprint on high-power views.",
    "Pt BO x12/24h with blood, HR 110.",
    "Atorvastatin was started because of benefit reported in the ATOCH trial.",
    "Table | Hb | 9.8 g/dL | Na | 129 mmol/L",
    "Graft biopsy was class 2 according to the Banff working proposal.",
    "The Banff 2019 classification was used to grade the biopsy.",
    "The Prague C&M criteria described a C2M4 Barrett segment.",
    "Please add the gonioscopy grading used (Shaffer or Spaeth).",
    "Acid-fast bacilli were seen on Fite–Faraco stain.",  # noqa: RUF001
    "Samples were taken for identification of the organism.",
    "He had a bidirectional Glenn.",
    "Facial recognition was impaired (prosopagnosia) after the infarct.",
    "Fingerprint loss (adermatoglyphia) was noted as a side effect.",
    "The lesions resembled fingerprints pressed into the skin.",
    "Ring avulsion injuries are well known among manual workers.",
    "Russell's viper envenoming causes coagulopathy.",
    "Polypharmacy was reviewed with the STOPP/START criteria.",
    "Gyromitra, Cortinarius and Paxillus species cause distinct syndromes.",
    "The Forrest classification was Ib for the bleeding duodenal ulcer.",
    "Screening is recommended by the European Society of Cardiology.",
    "Conjoined twins occur rarely.",
    "Dominio público de la información.",
    "Height was below the 0.4th centile; mid-parental height was on the 25th.",
    "Facial photographs were not included because consent was declined.",
    "Please remove the word 'famous' from the title.",
    "Cutaneous leishmaniasis, once known as 'Oriental sore', was confirmed.",
    "Pt POD 2: flatus passed, eating.",
    "The florist reacted to Alstroemeria (tuliposide A).",
    "A literature search of PubMed, Embase and Scopus was performed.",
    "The birth was registered as a home birth.",
    "Kind regards, Team",
    "I am 95 kg and 180 cm.",
    "Between 2015 and 2020, 12 cases were reported worldwide.",
    "Surveillance was chosen, as recommended by the Desmoid Tumor Working Group.",
    "Pt RHD, splinted in a dorsal blocking splint.",
    "Pt NGT feeds, trachy in situ.",
    "Please remove the word 'unique' from the title.",
    "The rash had a fingerprint pattern of concentric rings on the trunk.",
    "Chagas disease is endemic in Central and South America.",
    "Outbreaks follow the monsoon in South and Southeast Asia.",
    "Infection follows raw fish in the Baltic region.",
    "Vector control reduced transmission in the Southern Cone.",
    "Temperature 38.5°C at 06:00.",
    "Cystic echinococcosis is endemic in the Caucasus.",
    "Kava is a ceremonial drink across Melanesia and Polynesia.",
    "Enteritis necroticans, known locally as pigbel, is caused by Clostridium perfringens.",
    "Herbert's pits are pathognomonic of previous trachoma.",
    "Facebook: recovery",
]


#: What the eleventh session's rules find (invented sentences, shapes read on the released
#: corpora independent53 and independent56).
ELEVENTH_SESSION_FINDS = [
    ("name", "ENDO NOTE: Mr Quillfeather's capsule endoscopy showed angioectasias."),
    ("name", "Biopsy of Mrs Tarrowby's mandibular lesion showed ameloblastoma."),
    ("name", "Reviewer 1: the surname Brackwater appears in the figure legend."),
    ("name", "Her name Zelindra was visible on the wristband."),
    ("name", "His family call him 'Pipkin' and he answers only to that."),
    ("institution", "The first CT at Calmette Hospital showed a dense artery sign."),
    ("date", "Prijatá 21. 9. 2019 pre kašeľ."),
    ("licence", "Vodičský preukaz ZX 118820."),
    ("ssn", "NRC 771204/61/1 was written on the form."),
    ("ssn", "NIF 219 448 761"),
    ("health-plan", "NHIS member 55310927-4 paid the fees."),
    ("health-plan", "Scheme no. QRS/4410/9921 covered the implant."),
    ("record", "Processo n.º 2021-00-77310 do serviço de urgência."),
    ("place", "código postal 3810-193"),
    ("characteristic", "She is the eldest of identical quintuplets."),
    ("characteristic", "She is an internationally ranked chess grandmaster."),
    ("characteristic", "He is the president of the national rowing federation."),
    ("characteristic", "He is the imam of the central mosque."),
    ("characteristic", "Her rescue was covered by every major news channel."),
    ("characteristic", "A singer whose world tour was cancelled presented with nodules."),
    ("characteristic", "She is a princess of the Ruritanian royal family."),
    ("characteristic", "She is the son of the former president of the republic."),
    ("characteristic", "He is one of the last two native speakers of the language."),
    ("characteristic", "A healer known throughout the province was admitted."),
    ("name", "Thanks Quolani, I'll chase the bloods."),
    ("name", "Kindly ask Tevitoni to bring his diary."),
    ("name", 'Please remove the name "Zorbelle" from Figure 2.'),
    ("name", "mr quorrington was noted to be jaundiced."),
    ("name", "Ovuleke rode a motorbike without a helmet."),
    ("age", "He had lived to 103 without illness."),
    ("biometric", "Facial geometry meshes were sent to the manufacturer."),
    ("date", "It began over the Easter weekend of 2017."),
    ("date", "LMP 4/19, dating scan booked."),
    ("institution", "She worked at a bakery called Golden Crust Loaves."),
    ("institution", "Discharged to Larkspur House, a residential rehabilitation unit."),
    ("date", "Onset 07-2018, diagnosis later."),
    ("name", "She said her name was Zubeida and that she felt weak."),
    ("institution", "He is a labourer with Pennock Ridge Contracting."),
    ("characteristic", "She is the ninth of thirteen siblings."),
    ("characteristic", "He is one of a set of naturally conceived identical quintuplets."),
    ("characteristic", "He was the only diver brought out alive after the collapse."),
    ("characteristic", "Her rescue was followed by international media."),
    ("characteristic", "He had given several interviews to national television."),
    ("characteristic", "He serves in the presidential guard."),
    ("characteristic", "She had split her own tongue with a blade."),
    ("place", "He worked in a workshop in Quarreth industrial area."),
    ("name", "He asked to be called 'Tiny' on the ward."),
    ("place", "Irányítószám: 8412."),
    ("vehicle", "Rendszám: QWX-219."),
    ("ssn", "Személyi szám: 1-881203-4471."),
    ("ssn", "Matricule national: 1979 1122 318 44."),
    ("health-plan", "Matricule CNS 1979 1122 318."),
    ("record", "Kórlapszám: 2020/8812."),
    ("date", "Műtét: 2020. október 12."),
    ("characteristic", "She is the sultan's personal chef."),
    ("characteristic", "The baby was born during a transatlantic flight."),
    ("characteristic", "He had received a face transplant eight years before."),
    ("photo", "The photograph of his scarred face was published without black bars."),
    ("characteristic", "She is a crown princess."),
    ("characteristic", '"Everyone knows me round here," he said.'),
    ("characteristic", '"I am the only one in my country with this job," she said.'),
    ("characteristic", "She has an RFID chip implanted in her hand."),
    ("characteristic", "He and his sister were separated at birth."),
    ("characteristic", "He was gored in front of the television cameras."),
    ("characteristic", "Her case received extensive press coverage."),
    ("characteristic", "He was exonerated after 20 years in prison."),
    ("characteristic", "He stars in a reality-television series."),
    ("characteristic", "She is a member of the federal parliament."),
    ("characteristic", "He is the Grand Mufti of the republic."),
    ("characteristic", "Her memoir became an international bestseller."),
    ("institution", "She trains with the Bramblebank Harriers twice a week."),
    ("institution", "He plays prop for Cobblecourt Rovers."),
    ("place", "The scald occurred in a shack in Quenthorpe that had no water."),
    ("place", "She spent two years in Wellamba camp before resettlement."),
    ("record", "Ward register entry 219/22, admitted from the helicopter."),
    ("health-plan", "Kela-kortin numero 660112-4471"),
    ("date", "Pe 3 aprilie 2021 a fost internat."),
    ("age", "Een 94-jarige vrouw werd opgenomen."),
    ("vehicle", "Voiture immatriculée 7C 2291 impliquée."),
    ("fax", "Faks: 0312 448 19 22"),
    ("handle", "Zalo: minh.anh.lake"),
    ("record", "Protokol no: 2022/11873"),
    ("licence", "Ehliyet no: 552190"),
    ("characteristic", "He is the traditional emir of the district."),
    ("characteristic", "She sang at the presidential inauguration."),
    ("characteristic", "The mark is borne by no one else alive."),
    ("characteristic", "She holds the rare post of royal falconer."),
    ("name", "The granddaughter, Quilombe, brought her in."),
    ("place", "Elle habite rue des Glycines, au troisième étage."),
    ("place", "Tinggal di Kampung Seberang bersama keluarga."),
    ("vehicle", "Xe máy biển số 51-F2 337.19 bị tông."),
    ("health-plan", "Numéro d'assuré CNPS 4471-228-913 sur la feuille."),
    ("health-plan", "HZZO MBO: 221 904 317"),
    ("record", "Foaia de observație nr. 9921/2021, secția chirurgie."),
    ("account", "Transfira para a conta 55213-7, agência 0912."),
    ("biometric", "Les empreintes digitales du patient ont été conservées."),
    ("biometric", "Los registros dactilares del paciente quedaron archivados."),
    ("biometric", "The brainprint collected in the study could re-identify her."),
    ("photo", "Figura 2. Fotografía de rostro completo del paciente."),
    ("date", "Internada em 21/03 com febre."),
    ("date", "Tyrimas atliktas 2021 m. spalio 7 d."),
    ("institution", "Biopsy at Bulovka nemocnice showed granulomas."),
    ("characteristic", "Es el único cirujano cardíaco del país."),
    ("characteristic", "He is the reigning fon of the kingdom."),
    ("name", "cc: dr b. quennell, gp"),
    ("characteristic", "The patient, a retired astronaut, had visual changes."),
    ("characteristic", "He is the tallest man in the country at 2.3 m."),
    ("characteristic", "She was a surrogate for her own twin sister."),
    ("characteristic", "He is a body-modification artist with 40 piercings."),
    ("place", "He was found at 61.204, -149.900 by the rescue team."),
    ("place", "She lives in the Quarrendon hills with her son."),
    ("record", "Histology S22-04118: granulomas."),
    ("age", "She said she was a hundred and one."),
]
#: Clinical text near those rules that no rule may flag.
ELEVENTH_SESSION_CLEAN = [
    "Weber lateralised to the left and Rinne was positive on both sides.",
    "Fasciectomy was done through Bruner zig-zag incisions.",
    "Ludwig's angina was treated with drainage.",
    "Angle closure is common in East Asian and South-East Asian populations.",
    "The variant is frequent in West African patients.",
    "She was referred to the Eye Hospital.",
    "The tour of the ward took an hour.",
    "The first of twins was delivered by forceps.",
    "The name Kawasaki disease was coined in Japan.",
    "Hepatotoxicity is less well known.",
    "The drug name 'Humira' was removed from the text.",
    "Thanks Team, great work.",
    "Severe mr and tr on echo.",
    "He lived to 80.",
    "Over the Christmas holidays he drank more.",
    "He is the son of the president of the local football club.",
    "The mother of two presented with a rash.",
    "The Declaration of Helsinki was followed.",
    "Hantavirus serology, including Puumala and Hantaan, was negative.",
    "Independence Day fireworks cause many hand injuries.",
    "Biometric parameters on ultrasound were below the 5th centile.",
    "The thumbprint-sized bruises were photographed.",
    "He bit his tongue during the seizure.",
    "The scorpion was identified as Hottentotta jayakari.",
    "Face transplantation is an emerging field.",
    "She was born on a Tuesday.",
    "The interpreter spoke Dari and Pashto.",
    "He also spoke Swedish and English.",
    "She described the pain in Welsh and her daughter translated.",
    '"Mi sik," he said in Bislama.',
    "She was fluent in Tagalog.",
    "He went to boot camp.",
    "Everyone should wash their hands.",
    "He plays for England.",
    "Traditional facial scarification was noted, as is common in her community.",
    "Dear Burns Unit, please accept this woman.",
    "Dear Infectious Diseases team, I am referring a farmer.",
    "Dear Fistula Surgeon, I refer this young woman.",
    "Dear ENT colleague, I refer this man.",
    "Nobody else in the family was affected.",
    "El único tratamiento disponible fue la cirugía.",
    "The MBO was 3.",
    "He was the tallest boy in his class.",
    "A hundred and two patients were included.",
]


#: What the twelfth session's rules find (invented sentences, shapes read on independent74).
TWELFTH_SESSION_FINDS = [
    ("characteristic", "She hosts a weekly gardening radio show heard across the region."),
    ("characteristic", "He had famously rowed alone across the ocean in his youth."),
    ("characteristic", "She was one of the few survivors of the mine collapse."),
    ("place", "The family lives in the comunidad nativa de Pucacuro."),
    ("date", "Admitted 21/03 with a swollen knee."),
    ("name", "Pt: Oyelaran, 61 y/o F, chest pain since the morning."),
    ("biometric", "Signature dynamics captured at enrolment were stored with the file."),
    ("age", "One resident was 101 at the time of the audit."),
    ("characteristic", "They are identical quadruplets born by caesarean section."),
    ("characteristic", "He has crossed the desert on foot nine times, more than any other man."),
    ("characteristic", "Magnetic implants were present in the pulps of both index fingers."),
    ("characteristic", "An LED array had been implanted under the skin of the wrist."),
    ("ssn", "Rodné číslo: 905512/3318 was written on the form."),
    ("characteristic", "Her rescue from the cave was headline news for a week."),
    ("characteristic", "Occupation: diocesan bishop, retired."),
    ("characteristic", "He served as the prime minister's personal driver for ten years."),
    ("date", "DoD 14/11, post-mortem requested."),
    ("name", "pt hendrik c/o cough for 3/52."),
    ("name", "Dressing changed by nurse ingrid this morning."),
    ("health-plan", "Polisnummer: 812-440-937."),
]
#: Clinical text near those rules that no rule may flag.
TWELFTH_SESSION_CLEAN = [
    "The sign was famously described by Osler.",
    "She was one of the few survivors of pancreatic cancer in the series.",
    "Myenteric neurons of Auerbach's plexus were absent.",
    "The Essen 4-dose regimen was followed.",
    "Rejection was graded by the Banff 2019 update.",
    "Frostbite is common north of the Arctic Circle.",
    "Thumbprint purpura covered both forearms.",
    "The lesion looked like a thumbprint.",
    "Analyses were run in SPSS 28.0.1.1.",
    "The leaf, as it is known locally, was chewed daily.",
    "Admitted 10/12 ago with chest pain.",
    "Pt: Male, 52 y/o, bitten on the hand.",
    "Frenzel goggles showed no nystagmus.",
    "The appearance is known as Hebra nose.",
    "Orientia tsutsugamushi serology was positive.",
    "She needs 24/7 care and is on 24/7 oxygen.",
    "This drug is used more than any other in the unit.",
    "The light was shone under the skin to show the vein.",
    "Magnetic resonance imaging of the fingers was normal.",
    "A Sister Mary Joseph nodule was palpable at the umbilicus.",
    "pt denies chest pain; nurse led clinic arranged.",
    "Altitude illness is common in the Pamirs and the Carpathians.",
    "Histoplasmosis is frequent in the Guianas.",
    "He moved to the Netherlands as a child.",
]


@pytest.mark.parametrize(
    ("category", "sentence"),
    [*TENTH_SESSION_FINDS, *ELEVENTH_SESSION_FINDS, *TWELFTH_SESSION_FINDS],
)
def test_what_the_later_sessions_rules_find(category: str, sentence: str) -> None:
    assert category in {m.category for m in find(sentence, learned=False)}


@pytest.mark.parametrize(
    "sentence", [*TENTH_SESSION_CLEAN, *ELEVENTH_SESSION_CLEAN, *TWELFTH_SESSION_CLEAN]
)
def test_what_the_later_sessions_rules_leave_clean(sentence: str) -> None:
    assert find(sentence, learned=False) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Breast surgery: a 46-year-old woman found a lump in the left breast.",
        "Laryngology: a 52-year-old teacher had hoarseness for three months.",
        "Emergency medicine: a 30-year-old man fell from a ladder at work.",
        "Key teaching point: a basal 'mass' with air-fluid levels should prompt CT.",
    ],
)
def test_a_specialty_heading_before_a_vignette_is_not_a_label(sentence: str) -> None:
    """The learned layer reads 'Label: ...' as a form's field; a specialty's or a teaching
    point's heading before 'a 46-year-old...' is read again without it."""
    assert find(sentence) == []


def test_a_body_part_before_a_colon_is_no_specialty_heading() -> None:
    from casekit.identifiers.learned import _heading_end

    assert _heading_end("Neck: a tattoo of a swallow.") == 0
    assert _heading_end("Sports medicine: a 24-year-old footballer.") == len("Sports medicine: ")
