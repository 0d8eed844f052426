"""Layers 2 and 3: names, places and institutions, from word lists and context.

Capitalised words are read in runs ("Sarah Thompson", "St Thomas' Hospital"). A run is
not an identifier when it is an eponym: a word on the medical safe-list, or a run followed
by a word such as 'disease', 'sign', 'score' or a disease suffix ('Hodgkin lymphoma',
'Hashimoto thyroiditis'). Otherwise it is

- an institution when it ends with (or is followed by 'of' and) an institution word, or
  is the short name of a well-known one ('Alder Hey');
- a street when it ends with a street word (found by the address pattern);
- a person's name when a title comes before it ('Mr', 'Dr'), it has an initial
  ('Emily R.', 'T. Example'), it holds a given name or surname that is not an ordinary
  English word, or a person cue is next to it ('her mother,', 'named', 'I'm', ', aged 11',
  ', a 7-year-old');
- a place when it is in the gazetteer, or a place cue comes before it ('the village of',
  'lived in', 'moved from').
Ordinary English words and words at the start of a sentence count only with a cue.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from casekit.identifiers import words
from casekit.identifiers.patterns import lazy

#: A word of a proper name: a capital, then letters, apostrophes and hyphens.
_CAP_TAIL = r"(?:(?<=S)t\.|\w*(?:['’][A-Za-z]*)?(?:-\w+(?:['’][A-Za-z]*)?)*)"
#: Capitals of the Latin script, with those of its accented letters ('Évora', 'Łódź',
#: 'Ōtautahi', 'Ħamrun'): Latin-1 and every capital of Latin Extended-A.
_UPPER = "[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ]"
_CAP_WORD = rf"{_UPPER}{_CAP_TAIL}"
_PARTICLE = (
    r"(?:van|von|der|den|de|da|di|del|della|du|la|le|al|el|bin|ibn|ter|of|the|for|and|on|upon)"
)
#: A run of capitalised words, with name particles and institution joiners between them.
#: (The capital comes first and the look-behind after it, so the engine skips to capitals.)
#: (Compiled when first needed: most text is ASCII and uses the next one.)
#: (A run may start after an elided French or Italian article: "l'Hôpital", "all'Ospedale",
#: "dell'Università"; not inside 'O'Brien'.)
_ELIDED = "|".join(
    rf"(?<=(?<![\w'’]){article}['’]CAPITAL)"
    for article in ("[lLdD]", "[Uu]n", "[a-z]ll", "[a-z][a-z]ll")
)
RUN = lazy(
    rf"{_UPPER}(?:(?<![\w'’-]{_UPPER})|{_ELIDED.replace('CAPITAL', _UPPER)}){_CAP_TAIL}"
    rf"(?:[ ](?:{_PARTICLE}[ ])*{_CAP_WORD})*(?![\w])"
)
_ACCENTED_CAPITAL = re.compile(_UPPER.replace("A-Z", ""))
#: The same for text in ASCII (most text; a plain range is faster to scan for).
RUN_ASCII = re.compile(
    rf"[A-Z](?:(?<![\w'’-][A-Z])|{_ELIDED.replace('CAPITAL', '[A-Z]')}){_CAP_TAIL}"
    rf"(?:[ ](?:{_PARTICLE}[ ])*[A-Z]{_CAP_TAIL})*(?![\w])"
)
TITLES = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Mx",
        "Dr",
        "Prof",
        "Professor",
        "Master",
        "Sir",
        "Dame",
        "Lady",
        "Lord",
        "Rev",
        "Sister",
        "Nurse",
        # relatives named as children name them ('Aunt Precious', 'Grandma Rose')
        "Aunt",
        "Auntie",
        "Aunty",
        "Uncle",
        "Grandma",
        "Grandpa",
        "Granny",
        "Grandad",
        "Nana",
        "Baby",
        "Dear",
        "Mister",
        "Madam",
        "Señor",
        "Señora",
        "Sra",
        "Sr",
        "Herr",
        "Frau",
        "Mme",
        "Mlle",
        "Monsieur",
        "Madame",
        "Signor",
        "Signora",
    ]
)
INSTITUTION_WORDS = frozenset(
    [
        "Hospital",
        "Hospitals",
        "Infirmary",
        "Institute",
        "Institutet",
        "Instituut",
        "Institut",
        "Clinic",
        "Klinik",
        "Clinique",
        "Trust",
        "School",
        "Academy",
        "University",
        "Universität",
        "College",
        "Centre",
        "Center",
        "Hospice",
        "Surgery",
        "Practice",
        "Foundation",
        "Polyclinic",
        "Sanatorium",
        "Nursery",
        "Kindergarten",
        "Laboratory",
        "Laboratories",
        "Kliniken",
        "Krankenhaus",
        "Hôpital",
        "Dispensary",
        # hospital in Welsh, Polish, Swedish, Norwegian, Danish, Czech, Turkish, Romanian
        "Ysbyty",
        "Szpital",
        "Sjukhus",
        "Sykehus",
        "Sygehus",
        "Nemocnice",
        "Hastanesi",
        "Spitalul",
        "Ospedale",
        "Policlinico",
        "Universitätsklinikum",
        "Grammar",
        "Clínica",
        "Ziekenhuis",
        "Klinikum",
        "Home",
        "Homes",
        # prisons ('HMP Ravenscourt', 'HMYOI Corsham Vale', 'Fallowdene Prison')
        "HMP",
        "HMYOI",
        "HMPYOI",
        "Prison",
        "Gaol",
        "Jail",
        "Penitentiary",
    ]
)
#: Words that end the name of an organisation that is not a hospital or school: a service,
#: team, firm, club or hotel, in several languages. They make a run an institution only when
#: a word before them names it rather than describes it ('the Pathways Recovery Service', not
#: 'the Community Mental Health Team').
ORGANISATION_WORDS = frozenset(
    """Service Services Team Network Trust Hotel Lodge Inn Motel Club Rovers Wanderers United
    Athletic Logistics Freight Haulage Transport Industries Holdings Group Enterprises Company
    Corporation Corp Ltd Limited Inc Plc PLC GmbH AG SA BV NV Pty LLC Co Partners Associates
    Farms Mills Works Motors Foods Brewery Dienst Verein Gruppe Servicio Servizio
    Harriers Rangers Albion FC AFC RFC Gym Shelter Rescue Sanctuary Kennels Stables Packers
    Processors Contracting Contractors Construction Engineering""".split()  # noqa: SIM905
)
_SERVICE_WORDS = frozenset(
    ["Service", "Services", "Team", "Network", "Trust", "Dienst", "Servicio", "Servizio"]
)
#: Words that describe a service or team without naming it.
CARE_WORDS = frozenset(
    """Care Palliative Mental Health Outreach Intervention Early Emergency Medical Crisis
    Home Community Acute Intensive Rapid Response Support Liaison Specialist Nursing
    Ambulance Social Services Service Team Network Paediatric Pediatric Adult Adolescent Child
    Children's Youth Older People Family Families Primary Secondary Multidisciplinary
    Transplant Pain Stroke Cardiac Renal Diabetes Respiratory Dietetic Therapy Therapies
    Rehabilitation Psychiatric Psychology Dental Hearing Vision Sexual Addiction Drug Alcohol
    Substance Misuse Eating Disorders Memory Falls Infection Control Safeguarding Protection
    National Regional Local District County State Public Health's Blood Transfusion Screening
    Genetic Genetics Laboratory Pathology Radiology Imaging Pharmacy Discharge Hospital""".split()  # noqa: SIM905
)
#: Clinical specialties: every hospital has 'the Rheumatology Clinic' or 'the Cardiology
#: Team', so one names none ('the Ashford Rheumatology Clinic' is named by 'Ashford').
SPECIALTIES = """Rheumatology Cardiology Neurology Oncology Haematology Hematology Nephrology
    Gastroenterology Endocrinology Dermatology Orthopaedics Orthopedics Orthopaedic Orthopedic
    Urology Microbiology Immunology Ophthalmology Psychiatry Paediatrics Pediatrics Surgical
    Anaesthetics Anesthetics Anaesthesia Anesthesia Obstetrics Gynaecology Gynecology
    Obstetric Geriatrics Geriatric Neonatology Neonatal Pulmonology Hepatology Allergy
    Neurosurgery Neurosurgical Otolaryngology Audiology Physiotherapy Radiotherapy Fracture
    Trauma Orthoptics Podiatry Endoscopy Dialysis Haemophilia Hemophilia Immunisation
    Vaccination Antenatal Postnatal Sleep Spinal Vascular Plastics Hepatobiliary
    Neurorehabilitation Rehabilitation Failure Inherited Conditions Recovery Assessment
    Pre-operative Preoperative Critical ICU HDU Renal Sexual Cardiac Respiratory Stroke Pain
    Diabetes Memory Transplant Interventional Emergency Casualty Ambulatory Day Virtual
    One-Stop Rapid-Access Breast Bone Tumour Tumor Major Burns Falls Asthma Severe Crisis
    Resolution Home Treatment Adult IBD ENT Eye Skin Lung Liver Heart Chest Head Neck
    Epilepsy Headache Continence Lipid Infusion""".split()  # noqa: SIM905
#: Words that describe an institution without naming it ('a District General Hospital').
GENERIC = frozenset(
    [
        "A",
        "An",
        "The",
        "District",
        "General",
        "Teaching",
        "University",
        "Children",
        "Children's",
        "Childrens",
        "Community",
        "Regional",
        "Local",
        "Tertiary",
        "Referral",
        "Private",
        "Public",
        "County",
        "Specialist",
        "Paediatric",
        "Pediatric",
        "Rural",
        "Urban",
        "Hospital",
        "Hospitals",
        "Infirmary",
        "Medical",
        "Health",
        "Centre",
        "Center",
        "Clinic",
        "School",
        "Primary",
        "Secondary",
        "High",
        "Grammar",
        "Nursery",
        "College",
        "Institute",
        "Trust",
        "NHS",
        "Foundation",
        "Royal",
        "National",
        "State",
        "Our",
        "Her",
        "His",
        "Their",
        "Its",
        "This",
        "That",
        "Academic",
        "Cancer",
        "Eye",
        "Heart",
        "Dental",
        "Mental",
        "Women's",
        "Womens",
        "Maternity",
        "General",
        "Surgery",
        "Practice",
        "Laboratory",
        "Hospice",
        "Research",
        "Medicine",
        "Of",
        "For",
        "And",
        "Nursing",
        "Care",
        "Residential",
        "Home",
        "Homes",
        "HMP",
        "HMYOI",
        "HMPYOI",
        "Prison",
        *SPECIALTIES,
    ]
)
#: Words after a run that make it an eponym or a term, never a name or a place.
TERM_NOUNS = frozenset(
    [
        "measles",  # 'German measles'
        "nomogram",
        "proposal",  # 'the Banff working proposal'
        "update",  # 'the Banff 2019 update'
        "plexus",  # "Auerbach's plexus"
        "glasses",  # 'Frenzel glasses'
        "goggles",
        "viper",  # "Russell's viper"
        "pits",  # "Herbert's pits"
        "revenge",  # "Montezuma's revenge"
        "nomograms",
        "disease",
        "diseases",
        "syndrome",
        "syndromes",
        "sign",
        "signs",
        "wave",  # 'Osborn J waves'
        "waves",
        "gangrene",  # "Fournier's gangrene"
        "figures",  # 'Lichtenberg figures'
        "microabscesses",  # 'Munro microabscesses'
        "microabscess",
        "style",  # 'Vancouver style'
        "scheme",  # 'the Yellow Card scheme'
        "defect",  # "Petersen's defect"
        "defects",
        "fragment",  # 'Hoffa fragments'
        "fragments",
        "test",
        "tests",
        "testing",
        "score",
        "scores",
        "scale",
        "scales",
        "criteria",
        "criterion",
        "method",
        "methods",
        "phenomenon",
        "lesion",
        "lesions",
        "node",
        "nodes",
        "spot",
        "spots",
        "cyst",
        "cysts",
        "type",
        "classification",
        "equation",
        "stage",
        "staging",
        "chart",
        "index",
        "manoeuvre",
        "maneuver",
        "pattern",
        "breathing",
        "line",
        "lines",
        "papule",
        "papules",
        "ring",
        "rings",
        "fracture",
        "fractures",
        "reflex",
        "procedure",
        "operation",
        "repair",
        "incision",
        "incisions",  # 'Bruner zig-zag incisions'
        "angina",  # "Ludwig's angina", "Prinzmetal's angina"
        "stain",
        "staining",
        "sequencing",
        "block",
        "law",
        "collaboration",
        "palsy",
        "tumour",
        "tumor",
        "tumours",
        "tumors",
        "lymphoma",
        "sarcoma",
        "purpura",
        "arteritis",
        "granulomatosis",
        "thyroiditis",
        "disorder",
        "anomaly",
        "malformation",
        "deformity",
        "contracture",
        "body",
        "bodies",
        "cell",
        "cells",
        "granules",
        "mutation",
        "variant",
        "gene",
        "protein",
        "antibody",
        "antibodies",
        "virus",
        "bacillus",
        "bacteria",
        "serology",
        "vaccine",
        "agar",
        "medium",
        "culture",
        "solution",
        "catheter",
        "tube",
        "needle",
        "approach",
        "technique",
        "position",
        "view",
        "projection",
        "sequence",
        "questionnaire",
        "inventory",
        "rule",
        "rules",
        "formula",
        "system",
        "grading",
        "grade",
        "algorithm",
        "tool",
        "triad",
        "tetrad",
        "sequence",
        "anemia",
        "anaemia",
        "ulcer",
        "ulcers",
        "nodule",
        "nodules",
        "phenotype",
        "angle",
        "hypothesis",
        "effect",
        "curve",
        "distribution",
        "correction",
        "coefficient",
        "kit",
        "assay",
        "stain",
        "bodies",
        "membrane",
        "duct",
        "gland",
        "glands",
        "canal",
        "space",
        "pouch",
        "triangle",
        "area",
        "zone",
        "fibres",
        "fibers",
        "stool",
        "knee",
        "hip",
        "shoulder",
        "cohort",
        "study",
        "trial",
        "protocol",
        "guideline",
        "guidelines",
        "class",
        "manoeuvres",
        "maneuvers",
        "signs'",
        "crisis",
        "crises",
        "paralysis",
        "neuralgia",
        "neuropathy",
        "dystrophy",
        "ataxia",
        "chorea",
        "dementia",
        "encephalopathy",
        "encephalitis",
        # Devices, procedures, measures and methods named after people ('the Pavlik
        # harness', 'the Fontan circulation', 'the Kaplan-Meier estimate').
        "harness",
        "circulation",
        "shunt",
        "rod",
        "nail",
        "plate",
        "splint",
        "cast",
        "frame",
        "valve",
        "pump",
        "device",
        "prosthesis",
        "principle",
        "estimate",
        "estimator",
        "plot",
        "regimen",
        "level",
        "levels",
        "category",
        "subscore",
        "thickness",
        "factor",
        "dance",
        "eponym",
        "eponyms",
        "nomenclature",
        "consensus",
        "conference",
        "examination",
        "regression",
        "analysis",
        "model",
        "statistic",
        "ratio",
        "sign's",
        "bundle",
        "loop",
        "nerve",
        "artery",
        "vein",
        "ligament",
        "muscle",
        "tendon",
        "bone",
        "joint",
        "fascia",
        "cord",
        "organ",
        "organs",
        "foramen",
        "fossa",
        "sinus",
        "classification's",
        "osteotomy",
        "tenotomy",
        "anastomosis",
        "fundoplication",
        "valleys",
        "valley",
        "aphasia",
        "kappa",
        "correlation",
        "rho",
        "tau",
        "alpha",
        "rank",
        "exact",
        "lamp",
        "diverticulum",
        "oesophagus",
        "esophagus",
        "freckle",
        "aneurysm",
        "hernia",
        "fistula",
        "capsule",
        "murmur",
        "murmurs",
        "pulse",
        "point",
        "viruses",
        "guidance",
        "recommendations",
        "pathway",
        "battery",
        "definition",
        "programme",
        "program",
        "bar",
        # instruments and fixation named after people ('Kirschner wires', 'Magill forceps')
        "wire",
        "wires",
        "forceps",
        "retractor",
        "retractors",
        "clamp",
        "clamps",
        "scissors",
        "speculum",
        "tongs",
        "screw",
        "screws",
        "pins",
        "pupil",
        "pupils",
        "nails",
        "teeth",
        "assessment",
    ]
)
_TERM_SUFFIX = re.compile(
    r"(?:itis|oma|omas|osis|oses|pathy|aemia|emia"
    r"|algia|plasia|ectomy|otomy|ostomy|plasty|scopy|ase|ine|ide|ole|mab|nib|cillin|mycin)$"
)
#: Cues before a run that make it a person's name.
PERSON_BEFORE = re.compile(
    r"(?:\b(?:mother|father|mum|mom|dad|brother|sister|son|daughter|wife|husband|partner|aunt|uncle"
    r"|grandmother|grandfather|grandma|grandpa|granny|nan|cousin|twin|friend|niece|nephew|carer"
    r"|grandson|granddaughter|grandchild"
    r"|stepfather|stepmother|stepson|stepdaughter|boyfriend|girlfriend|fiancée?|neighbour|neighbor"
    r"|colleague|nurse|midwife|GP|doctor|consultant|surgeon|physician|paediatrician|pediatrician"
    # (more of the staff a report names: 'The registrar, Olusegun, attempted reduction')
    r"|registrar|resident|intern|anaesthetist|anesthetist|radiologist|pathologist|psychiatrist"
    r"|psychologist|physiotherapist|pharmacist|paramedic|sonographer|radiographer|dietitian"
    r"|chaplain|interpreter|keyworker|caseworker|social worker|health visitor"
    # ('The case manager, Fenella, arranged', 'the support worker Tadeusz')
    r"|manager|coordinator|co-ordinator|therapist|support worker|counsell?or|technician"
    r"|patient|child|baby|boy|girl|man|woman|teenager"
    r"|infant|toddler|sibling|spouse|guardian|flatmate|housemate|roommate|lodger)"
    # ('Her daughter-in-law, Precious,'; 'The nurse caring for her, Olusegun,')
    r"(?:-in-law)?(?:\s+[a-z]+ing\s+(?:for|with|after|on)\s+(?:him|her|them|the\s+patient))?"
    r"(?:'s)?,?"
    r"|\b(?:nick)?named|\bcalled|\bknown (?:to [\w ]+ )?as|\bidentified as"
    r"|\b(?:sur|fore|maiden\s+|first\s+|given\s+|family\s+)name"
    # ('the surname Haddad appears in the caption', 'Her name Aigerim was visible')
    r"|\b(?:the|her|his|their|a|my)\s+(?:(?:sur|fore|nick)name|name)s?(?:\s+(?:was|is))?"
    r"|\bnée|\bI'm|\bI’m|\bI am|\bmy name is|\bsigned (?:\w+ )*as"
    r"|\bmy (?:son|daughter|wife|husband|mother|father|brother|sister|child|baby|partner)"
    r"|\bthanks? to|\bwe saw|\bwe (?:met|examined|reviewed)|\bdear)\s+\(?$",
    re.I,
)
#: Cues after a run that make it a person's name (', aged 11', ', a 7-year-old', ', 34,').
PERSON_AFTER = re.compile(
    r"^(?:,?\s+(?:aged|age)\s+\d|,\s+(?:a|an)\s+(?:\d+|[a-z]+)[- ](?:year|month|week|day)"
    r"|,\s+who\s|,\s+\d{1,3},|,\s+(?:the|our|his|her|their)\s+(?:patient|mother|father|son|daughter"
    r"|husband|wife|brother|sister|partner|grandmother|grandfather)\b|\s+[A-Z]\.(?!\w)"
    r"|['’]s\s+(?:mother|father|daughter|son|wife|husband|parents|family|brother|sister))"
)
#: Cues before a run that make it a place.
PLACE_BEFORE = re.compile(
    r"(?:\b(?:village|town|city|parish|county|suburb"
    r"|hamlet|borough|district|region of|island|isle|atoll|peninsula|province"
    # (an area in Oman, the Philippines, Ethiopia, the Arab world: 'the wilayat of Bahla')
    r"|wilayat|barangay|woreda|kebele|governorate|prefecture|neighbou?rhood)"
    r"(?:\s+(?:of|called|named)|,)?"
    # where a person comes from ('a 29-year-old woman from', 'a boy from')
    r"|\b(?:year|month|week)-old(?:\s+[\w-]+){0,3}\s+from"
    r"|\b(?:man|woman|boy|girl|child|infant|patient|family|couple|gentleman|lady|farmer"
    r"|fisherman|herder|labourer|laborer|migrant|refugee|traveller|traveler|tourist|visitor)"
    r"\s+from"
    # 'a resident of Kawempe', 'Residence: Tlalpan', 'home was 200 m from the Bellfield'
    r"|\b(?:residents?|natives?|inhabitants?)\s+of"
    # a landform of a named place ('the summit plateau of Snaefell', 'the slopes of')
    r"|\b(?:summit|peak|slopes|foothills|plateau|shores?|banks|coastline|estuary|outskirts"
    r"|suburbs)\s+of(?:\s+the)?"
    # (a table's place label: 'Place of exposure | Hulhumalé |')
    r"|\bplace\s+of\s+(?:exposure|residence|birth|work|origin|infection)\s*(?::|\|)"
    r"|\b(?:residence|home|address|hometown|domicile)\s*(?::|\||(?:is\s+|was\s+)?(?:recorded"
    r"|listed|given|noted|documented|entered)\s+as)"
    r"|\b\d+(?:\.\d+)?\s*(?:m|km|metres|meters|miles|yards)\s+(?:away\s+)?(?:from|off"
    r"|outside)(?:\s+the)?"
    r"|\b(?:lived?|lives|living|grew up|moved|born"
    r"|travell?ed|returned|commutes?(?: \w+)?|farmed"
    r"|farm|fishing|holidays?|holidaying|vacations?|vacationing|vacationed|trips?|toured"
    r"|touring|home|resident|residing|resided|resides|stayed|staying|visited|visiting|domiciled"
    r"|came|emigrated|migrated"
    # where cases gathered ('the cluster was centred on Hackney Wick')
    r"|centred|centered|clustered|concentrated"
    # outdoors, where something happened: 'swum at', 'diving off the rocks at', 'the
    # accident happened ... north of'
    r"|swam|swum|swimming|snorkell?ing|surfing|dived|diving|camped|camping|hiked|hiking"
    r"|walking|climbing|sailing|skiing|wading|fishing|cycling|rocks|cliffs|beach|shore"
    r"|lodge|resort|cabin"
    # on the water, or with animals out of doors ('rowed on the Serpentine', 'keeps a flock
    # of sheep in the Eden Valley')
    r"|rows|rowed|rowing|sails|sailed|kayaks|kayaked|kayaking|canoed|canoeing|paddled"
    r"|paddling|punting|punted|skated|skating|swims|fished|fishes|flock|herd|grazes|grazed"
    r"|grazing)"
    r"(?:\s+\w+){0,2}\s+(?:in|from|near|outside|off|at|to|on)(?:\s+the\s+(?:coast|outskirts"
    r"|village|town|city)\s+(?:of|near))?"
    r"|\b(?:near|outside|off the coast near|beside|opposite|behind)"
    r"|\b(?:north|south|east|west|north-east|north-west|south-east|south-west)\s+of)"
    r"(?:\s+[a-z]+)?\s+$",
    re.I,
)
#: A place someone was: 'a market in Évora', 'a cooling tower in Wythenshawe'.
PLACE_NOUN_BEFORE = lazy(
    r"\b(?:market|shelter|tower|flat|block|farm|estate|house|cottage|factory|mine|pub"
    r"|restaurant|caf[eé]|shop|camp|kennel|zoo|park|beach|lake|campsite|hostel|hotel|caravan"
    r"|church|mosque|temple|warehouse|mill|quarry|pool|festival|fair|wedding|party"
    r"|site|plant|yard|depot|workshop)s?"
    r"\s+(?:in|near|outside)(?:\s+the)?\s+$"
)
#: Cues before a run that make it an institution ('seen at', 'referred to').
INSTITUTION_BEFORE = re.compile(
    r"\b(?:seen|treated|admitted|referred|transferred|followed(?: up)?|performed|reviewed|done"
    r"|operated"
    r"|sequenced|reported|repeated|given|discussed"
    # what a firm did for the patient ('carried out by Helixa Diagnostics', 'delivered by')
    r"|carried out|undertaken|delivered|provided|supplied|processed|analy[sz]ed"
    r"|(?:worked|employed|works|working)(?: as \w+(?: \w+)?)?|studied|enrolled|pupil|student"
    r"|employee|employees|staff member|volunteer|volunteers|volunteered|volunteering|inmate"
    r"|prisoner|detained|trains|trained|training|member"
    r"|boarder|attends|attended|born"
    r"|department|clinic|unit|ward|service|team|wards?|theatres?|laboratory|outpatients"
    r"|an? (?:in|out|day)-?patient|(?:in|out|day)-?patient)"
    r"(?:\s+\w+){0,2}\s+(?:at|to|in|from|by|of|under)\s+(?:the\s+)?$"
    # an employer in apposition ('His employer, Corrinder Engineering,')
    r"|\bemployer(?:\s+(?:is|was))?[,:]?\s+$",
    re.I,
)
#: A school known by one word, even an ordinary one ('a pupil at Harrow').
_SCHOOL_BEFORE = re.compile(
    r"\b(?:pupil|student|boarder|scholar|schoolboy|schoolgirl|enrolled|boarded|schooled)"
    r"\s+(?:at|in)\s+$",
    re.I,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”(\n\x00]|\s-)\s*$")
#: Festivals that are given names or surnames too ('Ramadan', 'Eid'; the date patterns have
#: the festivals whose dates move, ``patterns._FESTIVALS``), and the words of time before one.
_FESTIVAL_NAMES = frozenset(["Ramadan", "Eid", "Diwali", "Lent", "Advent", "Passover", "Hanukkah"])
_TIME_BEFORE = re.compile(
    r"\b(?:during|in|before|after|throughout|over|for|of|since|until|at|through|by)\s+$"
)
_MONTHS_DAYS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        # (not 'Sun', a surname too)
        "Mon",
        "Tue",
        "Tues",
        "Wed",
        "Thu",
        "Thur",
        "Thurs",
        "Fri",
        "Sat",
        "Christmas",
        "Easter",
        "Figure",
        "Table",
        "Fig",
        "Appendix",
        "Supplementary",
        "Day",
        "Eve",
        "Year",
        "Week",
        "Grade",
        "Stage",
        "Type",
        "Class",
        "Phase",
        "Part",
        "Section",
        "Case",
        "Cases",
        "Patient",
        "Patients",
    ]
)


@dataclass(frozen=True)
class Proper:
    category: str
    start: int
    end: int
    recognizer: str


def _word_list(run: str) -> list[str]:
    return [w for w in run.split(" ") if w]


@cache
def _bare(word: str) -> str:
    """'Still's' -> 'Still', 'Thomas'' -> 'Thomas'."""
    for tail in ("'s", "’s", "'", "’"):
        if word.endswith(tail) and len(word) > len(tail) + 1:
            return word[: -len(tail)]
    return word


@cache
def _is_place(phrase: str) -> bool:
    return phrase in words.places()


@cache
def _ordinary(word: str) -> bool:
    lowered = word.lower()
    if lowered in words.english_words():
        return True
    # the British spelling of a word the list holds in its American one ('Synchronised',
    # 'Organisation')
    british = _BRITISH.search(lowered)
    return british is not None and (
        lowered[: british.start()] + _AMERICAN[british.group()] + lowered[british.end() :]
        in words.english_words()
    )


_AMERICAN = {"ised": "ized", "ising": "izing", "isation": "ization", "ise": "ize"}
_BRITISH = re.compile(r"(?:isation|ising|ised|ise)(?=s?$)")
#: (the town after it has its capital: 'Stratford-upon-Avon'; not 'Pilot-in-command')
_PLACE_HYPHENS = re.compile(r"-(?:upon|on|under|by|le|de|in)-[A-Z]")
_AFTER_RUN = re.compile(
    # (a version's year or the rest of a pair of letters may come first: 'the Banff 2019
    # classification', 'the Prague C&M criteria')
    r"['’]?s?\s*(?:\(\w+\)\s*)?(?:(?:and|or|&)\s+[A-Z][\w'’-]*\s+)?(?:&[A-Z]{1,3}\s+)?"
    # (or a count or a schedule's figures: 'the Essen 4-dose regimen', 'the Zagreb 2-1-1
    # regimen')
    r"(?:(?:(?:19|20)\d\d|\d(?:-\d)+|\d-[a-z]+)\s+)?"
    r"([a-z][\w-]*)(?:\s+([a-z][\w-]*))?(?:\s+([a-z][\w-]*))?"
)
_TOWN_AND_COUNTY = re.compile(
    r",\s+(?:County\s+\w+|[A-Z]\w*shire\b|[A-Z][a-z]+,?\s+(?:[A-Z]{2}\b))"
)
_NAME_VERB = re.compile(
    r"\s+(?:(?:also|again|still|never|then|later|first|now|often|always|\w+ly)\s+)?"
    r"(?:was|had|has|is|presented|complained|reported|described|developed|noticed|said"
    r"|told|wrote|felt|returned|remained|died|attended|enjoyed|started|began|regained|lost"
    r"|gained|needed|required|underwent|received|recovered|improved|deteriorated|continued"
    r"|denied|walked|lives|lived|went|became|kept|stopped|refused|declined|asked|wanted"
    r"|loved|likes|liked|plays|played|would|could|did|does|will|[a-z]+ed|reports|presents"
    r"|complains|describes|denies|endorses|states|notes|says|feels|works|takes|uses|drinks"
    r"|smokes|attends|wants|needs|recalls|remembers"
    # verbs whose past is irregular ('Kwabena brought her in', 'Oluwaseun drove her')
    r"|brought|came|drove|found|took|gave|got|made|saw|knew|fell|left|ran|sat|stood|spoke"
    r"|held|sent|met|rang|heard|woke|swam|flew|rode|wore|forgot|thought|slept"
    r"|brings|comes|drives|finds|gives|gets|makes|sees|knows|rings|calls|visits|cares)\b"
    # 'Isla's seizures stopped' (a term after the possessive was ruled out before)
    r"|['’]s\s+[a-z]"
)
#: 'Aisha's parents', 'Eleanor (the patient's daughter)': a person.
_KIN_NEXT = re.compile(
    r"\s+\(?(?:the\s+)?(?:patient['’]s\s+)?(?:mother|father|parents|family|brother|sister|son"
    r"|daughter|wife|husband|partner|grandmother|grandfather|twin|aunt|uncle|cousin|carer"
    r"|teacher|friend|school|classmates|siblings|GP)\b"
)


#: Words that end the phrase after a run: what follows them is not part of an eponym
#: ('Kevin had a fracture' is a name; 'Hodgkin lymphoma' an eponym).
_PHRASE_BREAK = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "without",
        "by",
        "from",
        "as",
        "into",
        "after",
        "before",
        "during",
        "while",
        "who",
        "whose",
        "which",
        "that",
        "this",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "had",
        "has",
        "have",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "not",
        "no",
        "said",
        "told",
        "when",
        "where",
        "whereas",
        "then",
        "because",
        "since",
        "until",
        "if",
        "so",
        "underwent",
        "went",
        "took",
        "began",
        "became",
        "fell",
        "felt",
        "got",
        "gave",
        "made",
        "saw",
        "came",
        "grew",
        "ran",
        "lost",
        "kept",
        "left",
        "sought",
        "brought",
        "thought",
        # adverbs that come between a name and its verb ('Omar also had')
        "also",
        "again",
        "still",
        "never",
        "always",
        "too",
        "now",
        "later",
        "first",
        "soon",
        "often",
        "once",
        "twice",
        "ever",
        "already",
        "just",
        "only",
        "even",
        "herself",
        "himself",
        "themselves",
        # what a figure or a test does ('a radiograph of Ms X showing erosions')
        "showing",
        "demonstrating",
        "revealing",
        "depicting",
        "illustrating",
        "indicating",
        "suggesting",
        "confirming",
        "having",
        "receiving",
        "undergoing",
        "requiring",
    ]
)


#: What only a bedside test does (the tuning-fork tests: 'Weber lateralised to the left').
_TEST_RESULTS = frozenset(
    ["lateralised", "lateralized", "lateralises", "lateralizes", "lateralising", "lateralizing"]
)


def is_term_after(text: str, end: int, *, suffixes: bool = True) -> bool:
    """Whether a term noun (or, with ``suffixes``, a word ending as diseases and drugs do)
    follows the run, in the phrase the run begins (up to a verb or a function word): an
    eponym."""
    match = _AFTER_RUN.match(text, end, end + 60)
    if match is None:
        return False
    for word in match.groups():
        if word in _TEST_RESULTS:
            return True  # 'Weber lateralised to the left'
        if word is None or word in _PHRASE_BREAK or (word.endswith("ed") and len(word) > 4):
            return False
        if word in TERM_NOUNS or (suffixes and len(word) > 5 and _TERM_SUFFIX.search(word)):
            return True
        # A word that follows eponyms in the clinical vocabularies and is no ordinary English
        # word ('Todd's paresis'; not 'Grace's symptoms').
        if word in words.eponym_nouns():
            return True
    return False


#: A bay of a ward by its letter or number ('Bay C', 'Bay 4').
_WARD_BAY = re.compile(r"Bay [A-Z0-9]\d?")
#: A risk tool named after an institution ('The Memorial Sloan Kettering risk group').
_RISK_TOOL_AFTER = re.compile(
    r"\s+risk\s+(?:groups?|scores?|categor(?:y|ies)|classification|model|stratification)\b"
)
#: 'area' after a capitalised run and 'the' ('the Moss Side area'): a district by its name.
_NAMED_AREA_AFTER = re.compile(
    r"\s+(?:area|settlement|estate|township|slum|favela|neighbou?rhood|district|suburb|valley"
    r"|hills|heights"
    r"|municipality|borough|parish|quarter|county|dam)\b"
    r"(?!\s+\d)"
)
#: Zones of a department or a ward, named with a capital ('the Majors area', 'the Resus
#: area'), and parts of the brain or the nose that are no place ('the Broca area').
_DEPARTMENT_ZONES = frozenset(
    """Resus Resuscitation Majors Minors Triage Recovery Waiting Reception Assessment
    Observation Treatment Theatre Theatres Clean Dirty Isolation Cohort Decision Clinical
    Ambulatory Dependency High Low Red Amber Green Blue Yellow Broca Brodmann Kiesselbach
    Little Wernicke""".split()  # noqa: SIM905
)
#: Nouns after 'the X' that make X a family, place or institution, not an eponym.
_NOT_ATTRIBUTIVE = frozenset(
    [
        "family",
        "families",
        "twins",
        "household",
        "children",
        "parents",
        "brothers",
        "sisters",
        "boys",
        "girls",
        "area",
        "district",
        "ward",
        "estate",
        "region",
        "road",
        "street",
        "lane",
        "avenue",
        "village",
        "town",
        "city",
        "borough",
        "county",
        "suburb",
        "neighbourhood",
        "neighborhood",
        "hospital",
        "hospitals",
        "clinic",
        "clinics",
        "school",
        "schools",
        "unit",
        "units",
        "centre",
        "center",
        "practice",
        "surgery",
        "trust",
        "infirmary",
        "hospice",
        "home",
    ]
)
_NEXT_WORD = re.compile(r"['’]?s?\s+([a-z][a-z-]*)\b")
_NEXT_WORDS = re.compile(
    r"['’]?s?\s+([a-z][a-z-]*)\b(?:\s+([a-z][a-z-]*)\b)?(?:\s+([a-z][a-z-]*)\b)?"
)


#: Nouns of diseases named after a place ('Rocky Mountain spotted fever', 'Lake Victoria
#: virus'); after a possessive they are a patient's ('Joy's fever'), so not term nouns.
_PLACE_DISEASES = frozenset(
    [
        "fever",
        "fevers",
        "virus",
        "encephalitis",
        "disease",
        "boil",
        "boils",
        "belly",
        "ulcer",
        "sore",
        "flu",
        "influenza",
        "infection",  # 'Puumala infection'
        "infections",
        "agent",  # 'the Norwalk agent'
    ]
)


def _disease_after(text: str, end: int, run: str) -> bool:
    """A disease named after a place: 'Pontiac fever', 'Baghdad boil', 'Buruli ulcer' (but
    'Joy's fever' is a patient's)."""
    if run[-2:] in ("'s", "’s"):
        return False
    match = _NEXT_WORD.match(text, end, end + 30)
    return match is not None and (match.group(1) in _PLACE_DISEASES or match.group(1) in TERM_NOUNS)


def _term_soon(text: str, end: int) -> bool:
    """Whether a term noun is among the next three words ('Rocky Mountain spotted fever')."""
    match = _NEXT_WORDS.match(text, end, end + 60)
    return match is not None and any(
        w in TERM_NOUNS
        or w in _PLACE_DISEASES
        or w in words.eponym_nouns()
        or _TERM_SUFFIX.search(w)
        for w in match.groups()
        if w
    )


def _attributive(text: str, end: int, *, plural_is_verb: bool = False) -> bool:
    """A capitalised run after 'the' or 'a' and before a noun is used as an adjective
    ('the Fontan circulation', 'a Harrington rod', 'The Mayo endoscopic subscore'): the
    name of a procedure, device or score, not a person."""
    match = _NEXT_WORDS.match(text, end, end + 60)
    if match is None:
        return False
    following = [word for word in match.groups() if word]
    first = following[0]
    if first in _PHRASE_BREAK or (first.endswith("ed") and len(first) > 4) or first.endswith("ly"):
        return False
    if plural_is_verb and first.endswith("s") and first not in TERM_NOUNS:
        return False  # 'Sarah reports', 'John lives': a verb after a name
    for word in following:  # the noun the phrase ends with: 'the Stoke Mandeville spinal unit'
        if word in _PHRASE_BREAK:
            break
        if word in _NOT_ATTRIBUTIVE:
            return False
    return True


_DETERMINER = frozenset(["The", "A", "An"])
#: A preposition of place before a run ('at', 'on', 'from', 'beside', 'of the'): the frame
#: in which reports name where something happened or where someone works, lives or was.
_LOCATIVE_BEFORE = re.compile(
    r"(?:^|[\s(])(?:at|on|from|in|into|onto|beside|near|outside|opposite|behind|along|across"
    r"|around|inside|within|off|under|(?:of|to|by|past|towards?|through)(?=\s+the\s))"
    r"\s+(?:the\s+)?$"
)
_LOCATIVE_LAST = frozenset(
    """at on from in into onto beside near outside opposite behind along across around inside
    within off under the""".split()  # noqa: SIM905
)
#: Lower-case nouns after a named run that say it is a site or an organisation ('at the
#: Bellmoor Chemicals plant', 'at Saltdean campsite', 'the Corvel Diagnostics hub').
_SITE_NOUNS = frozenset(
    """plant hub laboratory lab labs campsite site mill factory works depot warehouse yard
    office offices branch store shop restaurant hotel casino temple church mosque synagogue
    chapel school college club team squad ward unit centre center facility company firm
    partnership farm camp estate park scheme project home hostel shelter kitchen kitchens
    market station airport stadium arena gym pool centre theatre cinema museum gallery
    library prison barracks base plantation vineyard dairy abattoir bakery brewery distillery
    quarry mine refinery crossing bandstand pier promenade roundabout junction fountain
    monument memorial statue lighthouse quay wharf jetty boardwalk plaza playground skatepark
    underpass allotments allotment""".split()  # noqa: SIM905
)
#: Of these, the ones that make the run a place rather than an institution.
_PLACE_SITE_NOUNS = frozenset(
    """campsite site farm camp estate park market station airport stadium arena pool quarry
    mine plantation vineyard crossing bandstand pier promenade roundabout junction fountain
    monument memorial statue lighthouse quay wharf jetty boardwalk plaza playground skatepark
    underpass allotments allotment""".split()  # noqa: SIM905
)
_INSTITUTION_SITE_NOUNS = (_SITE_NOUNS - _PLACE_SITE_NOUNS) | frozenset(
    """hospital hospitals clinic clinics school schools unit units centre center practice
    surgery trust infirmary hospice""".split()  # noqa: SIM905
)
_KIN_NOUNS = frozenset(
    "family families twins household children parents brothers sisters boys girls".split()  # noqa: SIM905
)
#: Lower-case words after a run that end its phrase without making it an adjective: a
#: determiner or adverb of time ('at Mammoth Cave every summer', 'on the River Wharfe the
#: week before').
_FRAME_ENDS = frozenset(
    """every each last next this that whenever throughout following near beside behind outside
    off under over across along around through towards toward opposite within inside past up
    down where""".split()  # noqa: SIM905
)


#: A drug one is moved off ('switched from Keppra to Briviact'): not a place.
_SWITCHED_BEFORE = re.compile(
    r"(?i)\b(?:switched|changed|converted|weaned|transitioned|swapped|stepped down|escalated)"
    r"(?:\s+\w+){0,2}\s+from\s+$"
)
#: What is done out of doors, then 'on the', 'in the', ...: the one capitalised word that
#: follows names the place, even an ordinary word ('rowed on the Serpentine', 'swims in the
#: Lido', 'grazes them on the Common').
_OUTDOORS_BEFORE = re.compile(
    r"\b(?:rows|rowed|rowing|sails|sailed|sailing|kayaks|kayaked|kayaking|canoed|canoeing"
    r"|paddled|paddling|punting|punted|skated|skating|swims|swam|swum|swimming|fished|fishes"
    r"|fishing|grazes|grazed|grazing|hiked|hiking|camped|camping|picnicked|sunbathed)\b"
    r"(?:\s+[\w'’]+){0,3}"
    r"\s+(?:on|in|along|across|around|beside|at|off|near|by)\s+the\s+$",
    re.I,
)
_LOOSE_LOCATIVES = frozenset(["on", "in", "into", "onto", "under", "within", "inside"])
#: What may follow a place named after 'in' ('bitten in Kalamaja while jogging', 'a shack in
#: Khayelitsha that', 'played in Nausori after rain').
_AFTER_PLACE_IN = re.compile(
    r"(?:[,.;:)]|\s+(?:where|while|when|after|before|during|until|that|which|and|or|for|to|with"
    r"|on|at|in|since|near|who|because)\b|\s*$)"
)


_LANGUAGE_BEFORE = re.compile(
    r"\b(?:said|says|say|spoke|speaks|speak|speaking|spoken|fluent|written|write|writes|wrote"
    r"|interpreted|translated|conversed|sings|sang|prays|prayed|counted|answered|replied"
    r"|shouted|literate|consented|explained)\s+(?:only\s+)?in\s+$"
)


def _unknown_place_after_in(text: str, end: int, last: str, word: str) -> bool:
    """One word after 'in' that no list knows (no drug, name or clinical term) and that ends
    its clause: a place ('in Kalamaja while she was jogging'); not 'in Hodgkin', 'in Maria'."""
    return (
        last == "in"
        and len(word) > 3
        and word[1:].islower()
        and not _drug(word)
        and word not in words.given_names()
        and word not in words.surnames()
        and not words.clinical_term(word)
        and _AFTER_PLACE_IN.match(text, end) is not None
        # (not a language: 'he said in Bislama', 'fluent in Tagalog')
        and _LANGUAGE_BEFORE.search(text, max(0, end - len(word) - 30), end - len(word)) is None
    )


_LAW_WORDS = frozenset(["Act", "Acts", "Bill", "Law", "Regulations", "Order", "Code"])


#: Titles only a person takes ('Mr Baker', not 'Sister Mary Joseph nodule').
_PERSON_TITLES = frozenset(["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof"])
#: The titles of anyone, not of a profession: no eponym is written with one.
_PLAIN_TITLES = frozenset(["Mr", "Mrs", "Ms", "Miss", "Mx"])
#: Whom a letter is written to when no one is named ('Dear Colleague', 'Dear Sir or Madam').
_ADDRESSEES = frozenset(
    """Colleague Colleagues Doctor Doctors Dr Sir Sirs Madam Editor Editors Reviewer
    Reviewers All Team GP Partner Partners Friend Friends Parent Parents Carer Carers""".split()  # noqa: SIM905
)
#: Clinical roles: 'reviewed by the Surgical Registrar' names a person's job, not a place.
_ROLE_WORDS = frozenset(
    """Registrar Consultant Surgeon Physician Nurse Doctor Resident Fellow Officer Matron
    Midwife Therapist Practitioner Pharmacist Radiologist Pathologist Anaesthetist
    Anesthetist Paediatrician Pediatrician Rheumatologist Oncologist Haematologist
    Hematologist Cardiologist Neurologist Psychiatrist Intern Trainee Dietitian Dietician
    Physiotherapist Paramedic Sonographer Radiographer Microbiologist Paramedics Nurses
    Doctors Surgeons Physicians Midwives Consultants Registrars Physiotherapists Radiologists
    Paediatricians Pediatricians""".split()  # noqa: SIM905
)
#: Imaging studies written before the part of the body they show ('CT Head').
_IMAGING = frozenset("CT MRI MR PET PET-CT SPECT US USS XR CXR X-ray X-Ray".split())  # noqa: SIM905
#: Words of time inside a run ('discharged Home on Day 5'): they name nothing.
_TIME_WORDS = frozenset("Day Days Week Weeks Month Months Year Years Hour Hours".split())  # noqa: SIM905


def _locative(text: str, end: int, before: str, parts: list[str]) -> str:
    """'place' or 'institution' for a run that a preposition of place introduces and that
    names something ('kayaking on the River Wharfe', 'campers at Kielder Water', 'works at
    the Silverline Poultry processing plant', 'the stairs of the Eiffel Tower'); '' when
    the run is a month, a hospital's part, a term, a large area or an adjective before some
    other noun ('on the Fontan pathway', 'at Day 5', 'in the Emergency Department')."""
    last = before.rstrip().rpartition(" ")[2]
    if last not in _LOCATIVE_LAST or not _LOCATIVE_BEFORE.search(before, len(before) - 24):
        return ""
    capitals = [p for p in parts if p[0].isupper()]
    if (
        not capitals
        or any(p in _MONTHS_DAYS or p.rstrip(".") in TITLES for p in capitals)
        or not all(_capital_word(p) for p in capitals)
    ):
        return ""
    naming = [
        p
        for p in capitals
        if _bare(p) not in GENERIC
        and _bare(p) not in _HOSPITAL_PARTS
        and _bare(p) not in CARE_WORDS
        and _bare(p) not in _UNIT_KINDS
        and _bare(p) not in _SCOPE_WORDS
        and not _medical(p)
    ]
    if not naming or _bare(capitals[-1]) in _ROLE_WORDS:
        return ""
    if any(_drug(_bare(p)) for p in capitals) and all(_ordinary(_bare(p)) for p in naming):
        return ""  # 'started on Alendronic Acid', 'on Magnesium Sulphate': a drug
    if len(capitals) == 1 and (
        # (an ordinary word is a name only where something is done out of doors: 'rowed on
        # the Serpentine'; 'started on the Pill' is not)
        (_ordinary(_bare(naming[0])) and not _OUTDOORS_BEFORE.search(before))
        or _bare(naming[0]) != naming[0]
        # one word after 'on', 'in', 'under' or 'to' is as often a drug or a state as a
        # place ('started on Creon', 'in Bavaria'): only after 'the' or a word of place
        or (last in _LOOSE_LOCATIVES and not _unknown_place_after_in(text, end, last, naming[0]))
        or (last == "from" and _SWITCHED_BEFORE.search(before) is not None)
    ):
        return ""  # 'at Christmas', "at Addenbrooke's" (left to the institution rules)
    if (
        "and" in parts  # two eponyms ('the Greulich and Pyle atlas')
        # (a landform word that is also a term noun ends a place's name: 'the Eden Valley')
        or any(p.lower() in TERM_NOUNS and p not in _LANDFORMS for p in capitals)
        or any(not p[1:].islower() and not p[1:].replace("-", "").islower() for p in capitals)
        or any("-" in p and p.partition("-")[2][:1].islower() for p in capitals)
        or _bare(capitals[-1]) in ORGANISATION_WORDS
        or capitals[-1] in _LAW_WORDS
        or (text[end : end + 1] == "." and text[end + 1 : end + 2].isalpha())  # a web address
        or _only_large_areas(" ".join(parts))
        # (a body wider than one place: 'recommended by the European Society of Cardiology')
        or (len(capitals) > 2 and _bare(capitals[0]) in _SCOPE_WORDS)
    ):
        return ""
    # after a cue of care, work or study ('attended the falls clinic at Southmead'), or
    # ending in a part of a hospital ('nursed on the Agnes Whitcombe Ward'): an institution
    institutional = capitals[-1] in _HOSPITAL_PARTS or INSTITUTION_BEFORE.search(before)
    kind = "institution" if institutional else "place"
    match = _NEXT_WORDS.match(text, end, end + 60)
    if match is not None and text[end : end + 1] == " ":
        following = [w for w in match.groups() if w][:2]
        site = next((w for w in following if w in _SITE_NOUNS or w in _NOT_ATTRIBUTIVE), "")
        if site in _KIN_NOUNS:
            return ""  # 'at the Whitcombe family's farm': a name, left to the name rules
        if site in _INSTITUTION_SITE_NOUNS:
            return "institution"
        if site:
            return "place"
        first = following[0]
        if not (
            first in _PHRASE_BREAK
            or first in _FRAME_ENDS
            or first.endswith(("ed", "ly", "ing"))
            # a verb ('Kielder Water reports'), but after 'the' a plural noun ('through the
            # Jinja templates')
            or (first.endswith("s") and not first.endswith("ss") and last != "the")
        ):
            return ""  # an adjective before another noun: 'on the Fontan pathway'
    if _term_soon(text, end) or is_term_after(text, end):
        return ""
    return kind


_WORKPLACE_AFTER = re.compile(
    r"\s+(?:restaurant|caf[eé]|hotel|pub|bakery|factory|salon|gym|shop|store|supermarket"
    r"|takeaway|warehouse|(?:(?<=Living )|(?<=Housing )|(?<=Care ))scheme"
    r"|(?:rolling |paper |steel |cotton |woollen |flour |saw)?mill|foundry|shipyard|abattoir"
    r"|ironworks|brickworks|gasworks"
    r"|(?:emergency|casualty|outpatient|radiology|paediatric|pediatric)"
    r"\s+department|walk-in centre|urgent care (?:centre|center))s?\b"
)
#: A club played for, signed for or trained with ('plays for the', 'plays lock for', 'trains
#: with the').
_CLUB_BEFORE = re.compile(
    r"\b(?:(?:plays|played|playing)(?:\s+[a-z-]+){0,2}\s+for"
    r"|(?:signed|coaches|coached|captains|captained)\s+for"
    r"|(?:trains|trained|training|rows|rowed|swims|swam|runs|ran|races|raced)\s+with)"
    r"\s+(?:the\s+)?$"
)
_SITE_AFTER = re.compile(
    r"\s+(?:landfill|quarry|smelter|refinery|colliery|mine|mines|steelworks|tannery|incinerator"
    r"|sewage works|power station|airfield|airport|marina|barracks|dump|scrapyard"
    # road structures people shelter under ('under the Westway flyover')
    r"|flyover|underpass|overpass|viaduct|footbridge|car park|bus station)\b"
)
#: A station of a city's transport after its name, with or without 'the' ('the steps of
#: Hötorget metro station').
_STATION_AFTER = re.compile(
    r"\s+(?:metro|tube|underground|subway|railway|rail|train|tram|bus|u-bahn|s-bahn)\s+"
    r"(?:station|stop)\b"
)
_LANDFORMS = frozenset(
    """Beach Lake Loch Llyn Lough Bay Delta Mount Mountain Falls Island Isle Glacier Canyon
    Forest Reservoir Cove Creek Gorge Peninsula Fjord Lagoon Moor Fell Pike Ben Glen Strand
    Sands Head Point Cape Harbour Harbor Trail Ridge Farm Ranch Heath Marsh Woods Dunes
    Wetlands Valley Vale Dale Brook Estuary Downs""".split()  # noqa: SIM905
)
_DASHES = ("–", "—")
#: (after a list of peoples too: 'of Han Chinese, Thai and Korean descent')
_ANCESTRY_AFTER = re.compile(
    r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)*(?:,?\s+(?:and|or)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
    r"\s+(?:ancestry|descent|heritage|ethnicity|origin)\b"
)
_OPENING_PREPOSITIONS = frozenset(
    ["In", "On", "At", "By", "During", "After", "Before", "Since", "Until", "Over", "From"]
)
_STRAIN_LAST = frozenset(["serovar", "serotype", "strain", "var.", "subsp.", "biovar", "clade"])
_STRAIN_WORDS = frozenset(["Serovar", "Serotype", "Strain", "Biovar", "Subspecies"])
_PUBLICATION_WORDS = frozenset(["Journal", "Annals", "Lancet", "Proceedings", "Archives"])
_DOCUMENT_WORDS = frozenset(["Declaration", "Convention", "Treaty", "Charter", "Statement"])
#: A grade, stage, version or model code: capitals with digits ('C2M4', '780G', 'T2N0'), or
#: a Roman numeral ('the Denver II').
_CODE_PART = re.compile(
    r"(?:(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,8}|II|III|IV|VI|VII|VIII|IX)$"
)
_CODE_AFTER = re.compile(r"\s+(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2,8}\b")
#: A lesion's type in the Paris classification after its name ('Paris 0-Is', 'Paris 0-IIa').
#: (and a visual field test's programme: 'Humphrey 24-2')
_LESION_CODE_AFTER = re.compile(r"\s+(?:0-I{1,3}[a-cps+]{0,3}|(?:10|24|30)-2)\b")
#: The rest of an allergen's name after its genus ('Ara h 2', 'Bet v 1', 'Fel d 1': the
#: WHO/IUIS allergen nomenclature, genus, species letter, number).
_ALLERGEN_AFTER = re.compile(r"\s[a-z]\s\d{1,2}(?![\d-])")
_POSTCODE_AFTER = re.compile(r",?\s+[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b")
_ARTICLE_ADJECTIVE_BEFORE = re.compile(r"(?:^|\W)(?:[Aa]n?|[Tt]he)\s+[a-z][a-z-]{3,}\s+$")
#: 'treated at hôpital Sainte-Odile': an institution word in lower case before the run.
_INSTITUTION_WORD_BEFORE = re.compile(
    r"\b(?:hôpital|hopital|clinique|ospedale|klinikum|krankenhaus|clínica|clinica|ziekenhuis"
    r"|hospital|policlinico)\s+(?:(?:de|du|des|del|della|di|la|le|san|santa)\s+)*$"
)
_INSTITUTION_WORD_HINTS = ("pital", "clini", "linik", "ospedale", "kranken", "ziekenhuis")
#: A place after which a run is named: 'the Dharavi neighbourhood'.
_AREA_AFTER = re.compile(
    r"\s+(?:neighbourhood|neighborhood|suburb|township|favela|slum|housing estate|barrio"
    # an administrative area smaller than a state ('Kisoro district', 'Tlalpan borough')
    r"|district|municipality|commune|prefecture|borough|sub-county|taluka?|tehsil|mandal"
    r"|barangay|kebele|arrondissement"
    # a settlement ('Ndagara village', 'Mbarali hamlet')
    r"|village|hamlet|settlement)\b"
)
_PLACE_NOUNS_BEFORE = re.compile(
    r"\b(?:village|town|city|hamlet|suburb|borough|district|county|parish|island|region)\s+$"
)


def _ordinary_place_word(before: str) -> bool:
    """'the nearby village Ashby': the adjective before is a place word."""
    return _PLACE_NOUNS_BEFORE.search(before) is not None


_PLACE_WORDS_BEFORE = frozenset(
    [
        "in",
        "from",
        "to",
        "near",
        "at",
        "outside",
        "around",
        "of",
        "between",
        "towards",
        "toward",
        "via",
        "across",
        "into",
        "through",
        "and",
        "or",
        "beyond",
        "within",
    ]
)
#: Parts of any hospital, capitalised in some reports ('admitted to the Ward').
_HOSPITAL_PARTS = frozenset(
    [
        "Ward",
        "Unit",
        "Department",
        "Clinic",
        "Theatre",
        "Theatres",
        "Laboratory",
        "Pharmacy",
        "Outpatients",
        "Resus",
        "Room",
        "Lounge",
        "Majors",
        "Minors",
        "Casualty",
        "Emergency",
        "Radiology",
        "Pathology",
        "Cardiology",
        "Neurology",
        "Oncology",
        "Haematology",
        "Paediatrics",
        "Surgery",
        "ICU",
        "NICU",
        "PICU",
        "Labour",
        "Maternity",
        "Nursery",
        "Hospice",
        "Practice",
    ]
)
#: A disease's word ending a run that holds an institution word: a staging system or a
#: classification named after the institution, not the institution itself.
_DISEASE_TAILS = frozenset(
    "Cancer Cancers Carcinoma Leukaemia Leukemia Lymphoma Tumour Tumor Tumours Tumors".split()  # noqa: SIM905
)
_SOCIETY_WORDS = frozenset(["College", "Academy", "Society", "Association", "Federation"])
_CITED_AFTER = re.compile(
    r"\s+et\s+al\b|\s+and\s+colleagues\b|,?\s+\(?(?:19|20)\d\d[a-z]?[);\]]"
    r"|\.?,?\s*\(?(?:19|20)\d\d\)?\s*(?:[A-Z][a-z]{2}\s*)?[;:]\s*\d"
)
_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:the|a|an)\s+$")
#: A journal's abbreviated title before its year, volume and pages
#: ('N Engl J Med. 2015;373:2103-16', 'Arch Dis Child 2019;104:112').


#: Hyphenated clinical words whose parts alone are a name or an initial ('Ray', 'X'): a
#: published abstract writes 'X-Ray showed active osteomyelitis' (the founding case's source).
_MEDICAL_COMPOUNDS = frozenset({"x-ray", "x-rays", "x-rayed"})


#: Endings of drug names: the stems the World Health Organization uses to build International
#: Nonproprietary Names, each naming a class ('-pril' ACE inhibitors, '-olol' beta blockers,
#: '-mab' monoclonal antibodies, 'cef-' cephalosporins...). Source: WHO, "The use of stems
#: in the selection of International Nonproprietary Names (INN) for pharmaceutical
#: substances" (WHO/EMP/RHT/TSN/2018.1), with a few endings shared by a whole class in the
#: same way ('-thiazide', '-calciferol', '-semide'). Authors capitalise drugs ('intravenous
#: Ceftriaxone and Metronidazole'); a capitalised word of six letters or more with one of
#: these endings is a drug, not a name (no common given name or surname ends so).
_DRUG_STEM = re.compile(
    r"(?:mab|nib|pril|sartan|olol|statin|prazole|tidine|dipine|cillin|mycin|micin|floxacin"
    r"|cycline|conazole|gliflozin|gliptin|glutide|parin|xaban|gatran|setron|triptan|oxetine"
    r"|azepam|zolam|tropium|terol|olone|methasone|platin|taxel|rubicin|dronate|dronic|lukast"
    r"|thiazide|azosin|profen|fenac|coxib|penem|nidazole|oquine|ciclovir|navir|previr|buvir"
    r"|tinib|ximab|zumab|umab|calciferol|triptyline|iclone|izine|semide|formin"
    r"|alol|dilol|betasol|trozole)$"
    r"|^(?:cef|ceph)[a-z]{4,}$"
)


#: A declaration or convention named after the city where it was signed ('The Declaration of
#: Helsinki', 'the Convention of Istanbul'): a document, not a place a patient was.
_DOCUMENT_OF = re.compile(r"(?:The\s+|the\s+)?(?:Declaration|Convention|Treaty|Protocol)\s+of\s")


def _addressee(word: str) -> bool:
    """A word of a letter's greeting that names no one: an addressee ('Colleague'), a
    specialty, a service, a unit or a role ('Burns', 'Unit', 'Registrar', 'ICU')."""
    bare = _bare(word.rstrip(".,"))
    return (
        bare in _ADDRESSEES
        or bare in SPECIALTIES
        or bare in CARE_WORDS
        or bare in _HOSPITAL_PARTS
        or bare in _ROLE_WORDS
        or words.specialty_shaped(bare)
        or bare in ("Diseases", "Anaesthetic", "Anesthetic")
        or (_medical(bare) and bare not in words.given_names())  # ('Dear Maxillofacial team')
    )


def _language(word: str) -> bool:
    """A language's name that is no given name ('Welsh', 'Dari'; not 'Ido')."""
    return word in words.languages() and word not in words.given_names()


def _eponym_hospital(parts: list[str]) -> bool:
    """A hospital named after a physician whose name is also an eponym ('Calmette
    Hospital', 'the Charcot Hospital'): one word of the eponym lists, no specialty's, drug's
    or disease's, before 'Hospital' or 'Infirmary' (a type of hospital, 'the Eye Hospital',
    'a Tuberculosis Hospital', is left alone)."""
    if len(parts) < 2 or parts[-1] not in ("Hospital", "Infirmary"):
        return False
    name = _bare(parts[-2])
    return (
        (name in words.medical_words() or name in words.clinical_capitals())
        and name not in SPECIALTIES
        and name not in CARE_WORDS
        and not words.specialty_shaped(name)
        and not _TERM_SUFFIX.search(name.casefold())
        and not _drug(name)
    )


@cache
def _medical(word: str) -> bool:
    known, clinical = words.medical_words(), words.clinical_capitals()
    bare = _bare(word)
    if bare.casefold() in _MEDICAL_COMPOUNDS or _drug(bare):
        return True
    if words.specialty_shaped(bare):
        return True
    return any(part in known or part in clinical for part in bare.split("-"))


def _service_word(word: str) -> bool:
    """A word of a hospital's part, a service or a role that is no surname ('Unit',
    'Practitioner'; not 'Ward', not the initial of 'Mr A.B.')."""
    bare = _bare(word)
    return (
        _capital_word(word)
        and (bare in _HOSPITAL_PARTS or bare in GENERIC or bare in _ROLE_WORDS)
        and bare not in words.surnames()
    )


def _drug(bare: str) -> bool:
    """A capitalised drug name: by its INN stem ('Ceftriaxone') or, for the drugs without
    one, by the names of DrugBank's drugs ('Bromocriptine', the word list), brands written
    with a capital inside too ('NovoRapid')."""
    if len(bare) >= 6 and bare[:1].isupper() and _DRUG_STEM.search(bare.casefold()):
        return True
    return any(
        part in words.drug_names() or part.capitalize() in words.drug_names()
        for part in bare.split("-")
    )


@cache
def _named_word(word: str) -> bool:
    """A given name or surname that is not an ordinary English word; the lists hold many
    names without their accents, so 'Siobhán' and 'Małgorzata' are looked up as 'Siobhan'
    and 'Malgorzata' too."""
    bare = _bare(word)
    if _ordinary(bare) or _ordinary_compound(bare):
        return False
    if (
        bare in words.given_names()
        or bare in words.surnames()
        or any(part in words.surnames() for part in bare.split("-") if len(part) > 2)
    ):
        return True
    if bare.isascii():
        return False
    plain = _without_accents(bare)
    return plain != bare and plain.isascii() and _named_word(plain)


def _ordinary_compound(word: str) -> bool:
    """'High-resolution', 'Low-dose': ordinary words joined by a hyphen, the second in lower
    case (a double-barrelled surname capitalises both: 'Ferreira-Núñez')."""
    head, _, tail = word.partition("-")
    return bool(tail) and tail[0].islower() and _ordinary(head) and _ordinary(tail.split("-")[0])


#: Latin letters that no accent decomposes into a base letter and a mark.
_PLAIN_LETTERS = str.maketrans("łŁøØđĐßæÆœŒ", "lLoOdDsaAoO")


def _without_accents(word: str) -> str:
    """'Siobhán' -> 'Siobhan', 'Małgorzata' -> 'Malgorzata'."""
    decomposed = unicodedata.normalize("NFD", word.translate(_PLAIN_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def _capital_word(word: str) -> bool:
    """A name-like word: a capital then lower case (not 'HLA', not 'MRI')."""
    bare = _bare(word)
    return (
        len(bare) > 1
        and bare[0].isupper()
        and not bare[-1].isupper()  # not 'IgM', 'HbA'
        and not bare.isupper()
        and bare[1:].replace("-", "").replace("'", "").isalpha()
    )


_AFTER_TITLE = re.compile(
    rf"\.?\s+(?:[A-Z]\.\s*)*{_CAP_WORD}(?:[ ](?:{_PARTICLE}[ ])*{_CAP_WORD})*"
)
#: Initials after a word for the patient ('Patient JS', 'patient A.B.', 'initials: R.M.').
#: (Found from the capitals, which the engine skips to; the word before is checked after.)
INITIALS = re.compile(
    r"[A-Z](?<![\w.][A-Z])(?:\.\s?[A-Z]\.(?:\s?[A-Z]\.)?|-[A-Z]\.(?:[A-Z]\.)+"
    r"|[A-Z]{1,2}(?:-[A-Z]{1,2})?(?![\w&/-])"
    # particles in lower case ('E.v.d.B.'), a hyphenated surname's initials ('R. K-L.')
    r"|\.(?:[a-z]{1,3}\.){1,3}[A-Z]\.|\.\s?[A-Z]-[A-Z]\.)"
)
_BEFORE_INITIALS = re.compile(
    # (in a table too: '| Initials | M.O. |')
    r"(?:patient|pt\.?|initials|child|boy|girl|case|subject|woman)(?:\s+initials)?\s*[:(|]?\s*$",
    re.IGNORECASE,
)
#: A label after initials that says what they are: 'A.B. (patient initials) was started'.
_INITIALS_LABEL_AFTER = re.compile(
    r"\s*\((?:the\s+)?(?:patient|child|mother|father|case)?['’]?s?\s*initials\)", re.I
)
#: An initial and a surname ('T. Example'); not I, V or X, which end roman numerals.
INITIAL_SURNAME = re.compile(r"[A-HJ-UWYZ](?<![\w.][A-Z])\.\s?(?P<word>[A-Z][a-z][\w'’-]+)")
#: Capitals after 'patient' that are abbreviations, not initials.
_NOT_INITIALS = frozenset(
    [
        # what notes abbreviate after 'Pt' ('Pt SOB ++', 'Pt NBM', 'Pt BO x12/24h': bowels
        # opened, 'BNO': bowels not opened)
        "SOB",
        "BO",
        "BNO",
        "POD",  # post-operative day ('Pt POD 2: flatus passed')
        "RHD",  # right-hand dominant
        "LHD",
        "NGT",  # nasogastric tube
        "PEG",
        "NOF",  # neck of femur ('Pt #NOF R')
        "NBM",
        "NAD",
        "DNR",
        "LOC",
        "TTO",
        "BIBA",
        "NWB",  # non-weight-bearing, and the Glasgow coma scale ('Pt NWB', 'Pt GCS 14')
        "FWB",
        "PWB",
        "GCS",
        "PMH",
        "HPC",
        "ID",
        "HIV",
        "CRP",
        "ESR",
        "MRI",
        "CT",
        "ECG",
        "EEG",
        "EMG",
        "BMI",
        "ICU",
        "GP",
        "ED",
        "AE",
        "IV",
        "NHS",
        "MRN",
        "DOB",
        "ANA",
        "ALL",
        "AML",
        "CLL",
        "CML",
        "JIA",
        "SLE",
        "RA",
        "TB",
        "UTI",
        "COPD",
        "CKD",
        "AKI",
        "DKA",
        "HbA",
        "PE",
        "DVT",
        "MI",
        "CVA",
        "TIA",
        "OT",
        "PT",
        "SLT",
        "CNO",
        "CRMO",
        "LCH",
        "IBD",
        "HLA",
        "WBC",
        "RBC",
        "AST",
        "ALT",
        "LDH",
        "CSF",
        "PCR",
        "US",
        "UK",
        "USA",
        "EU",
    ]
)
#: Words in a script other than Latin in an English report: a name written in its own
#: script ('王小明', 'Γιώργος Παπαδόπουλος', 'अनीता शर्मा'). Single Greek letters are units
#: and subscripts (μg, γδ); they are skipped.
_OTHER_LETTER = (
    "\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f"
    "\u0900-\u0dff\u0e00-\u0e7f\u10a0-\u10ff\u1100-\u11ff\u1200-\u137f\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af"
)


@cache
def _other_script_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Letters of other scripts, and a word around them (look-alikes in it are already
    folded to Latin). Compiled when first needed: few texts hold such letters."""
    return re.compile(rf"[{_OTHER_LETTER}]+"), re.compile(rf"[\w{_OTHER_LETTER}]*")


def _may_hold_other_script(text: str) -> bool:
    """A letter of the scripts :data:`_OTHER_LETTER` covers may be in the text: a cheap test
    that spares compiling their patterns for text whose only non-ASCII characters are
    typographic quotes, dashes or accented Latin letters."""
    return any("\u0370" <= c <= "\u137f" or "\u3040" <= c <= "\ud7af" for c in set(text))


#: What follows a person's name in Japanese ('田中さん', '鈴木様', '山田先生'), and an
#: institution's ('さくら総合病院', '…クリニック', '…大学').
_JAPANESE_HONORIFIC = re.compile(
    r"さん|様|さま|君|くん|ちゃん|氏|先生|病院|医院|クリニック|大学|学校"
)


def _other_script(text: str) -> Iterator[Proper]:
    """Words holding letters of another script, joined when only spaces part them."""
    other_script, word_around = _other_script_regexes()
    spans: list[list[int]] = []
    for match in other_script.finditer(text):
        start, end = match.span()
        if spans and spans[-1][1] >= start:
            continue  # inside the word already taken
        while start and (text[start - 1].isalnum() or "\u0900" <= text[start - 1] <= "\u0dff"):
            start -= 1
        end = word_around.match(text, end).end()  # type: ignore[union-attr]
        if spans and text[spans[-1][1] : start] == " ":
            spans[-1][1] = end
        else:
            spans.append([start, end])
    for start, end in spans:
        found = text[start:end]
        other = [c for c in found if other_script.match(c)]
        if len(other) < 2 or (all("\u0370" <= c <= "\u03ff" for c in other) and len(other) < 4):
            continue  # a Greek letter or two: 'μg', 'γδ T cells', 'IFN-γ'
        if (
            len(found) >= 6
            and sum("\u3041" <= c <= "\u309f" for c in found) >= 3
            and not _JAPANESE_HONORIFIC.search(found)
        ):
            continue  # a clause of Japanese prose, its particles in hiragana, naming no one
        yield Proper("name", start, end, "other-script")


#: A name typed in lower case after a person cue, set off by commas ('the patient, maria
#: gonzalez, had', 'reviewed by kevin o'brien, the registrar').
LOWER_CASE_NAME = re.compile(
    r"(?:patient|named|called|by|mother|father|son|daughter|wife|husband|partner|thanks\s+to"
    r"|with|thank),?\s+"
    r"(?P<given>[a-z][a-z'’]+)\s+(?P<family>[a-z][a-z'’]+(?:-[a-z]+)?)"
    # before a stop, or before a word that starts what is said of them ('thanks to greta
    # villanueva for collecting', 'collected by jonas brekke and sent')
    r"(?=[,.;)]|\s+(?:for|and|who|said|says|kindly)\b)"
)
#: The words a match of :data:`LOWER_CASE_NAME` starts with ('thank' also starts 'thanks to').
_LOWER_CASE_NAME_WORDS = (
    "patient", "named", "called", "by", "mother", "father", "son", "daughter", "wife",
    "husband", "partner", "with", "thank",
)  # fmt: skip


def _lower_case_name_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``LOWER_CASE_NAME.finditer(text)`` gives, the pattern tried only where one of
    its first words is (found by string searches) instead of at every letter of the text:
    0.019 against 0.025 ms a generated case."""
    starts = []
    for word in _LOWER_CASE_NAME_WORDS:
        at = text.find(word)
        while at != -1:
            starts.append(at)
            at = text.find(word, at + 1)
    end = 0
    for start in sorted(starts):
        if start >= end:  # not inside the match before, as finditer goes on after it
            match = LOWER_CASE_NAME.match(text, start)
            if match is not None:
                end = match.end()
                yield match


@cache
def _lower_case_name(given: str, family: str) -> bool:
    return (
        not _ordinary(family)
        and not _medical(family.title())  # 'oral candida': a genus
        and given.title() in words.given_names()
        and (family.title() in words.surnames() or _named_word(family.title()))
    )


_STOP = frozenset(
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "This",
        "That",
        "There",
        "These",
        "Those",
        "In",
        "On",
        "At",
        "Her",
        "His",
        "Its",
        "Our",
        "We",
    ]
)


#: A word in quotes, in capitals or written as a name is ('Sample tube labelled only
#: "HAYWARD"', 'replaced "Heinrich" with'): judged by :func:`_quoted_listed_name`.
_QUOTED_CAPITALS = re.compile(r"[\"“]([A-Z][A-Z'’-]{2,}|[A-Z][a-z'’-]{2,})[\"”]")


def _quoted_listed_name(word: str) -> bool:
    """A word quoted in capitals or as a name is written that the lists know as a name and
    that is no English, clinical or place word ('"HAYWARD"', '"Heinrich"')."""
    title = word.title()
    return (
        (
            title in words.surnames()
            if word.isupper()
            else (title in words.given_names() or title in words.surnames())
            and title not in words.places()
        )
        and word.lower() not in words.english_words()
        and not _medical(title)
        and word not in _NOT_INITIALS
    )


#: A road by its number after a word that places something on it ('found beside the
#: B4312', 'a collision on the M6'; not 'the A549 cells', 'the M1 segment').
_ROAD = re.compile(
    r"\b(?:on|along|beside|off|near|at|by|onto|from|crossing|joining|leaving)\s+the\s+"
    r"(?P<road>[AB]\d{2,4}|M\d{1,3})(?:\([MT]\))?\b(?![-/])(?!\s+(?:cells?|cell\s+line|vitamin"
    r"|paper|sheet|size|format|segments?|branch(?:es)?|bifurcation|occlusion|receptors?|pulley"
    r"|phase|stage|level|macrophages?|protein|antibod(?:y|ies)|region)\b)"
)
#: What every match of :data:`_ROAD` holds, found fast from its literal start: the pattern
#: itself opens with a word boundary and twelve words, so the engine tries it at every
#: character (0.024 ms a generated case, against 0.002 for this).
_ROAD_HINT = re.compile(r"the\s+[ABM]\d")


def find_proper(text: str) -> Iterator[Proper]:
    accented = not text.isascii() and _ACCENTED_CAPITAL.search(text) is not None
    for match in (RUN.compiled if accented else RUN_ASCII).finditer(text):
        run = match.group()
        if " " not in run:
            if len(run) < 2 or run.isupper():
                if _hospital_initials(text, match.start(), run) or (
                    run in _known_acronyms()
                    and _BEFORE_HOSPITAL_INITIALS.search(
                        text, max(0, match.start() - 12), match.start()
                    )
                ):
                    yield Proper("institution", match.start(), match.end(), "hospital-acronym")
                continue  # an abbreviation or a lone capital ('CRP', 'L'): see initials below
            start = match.start()
            if _quiet_opener(run) and _sentence_start(text[max(0, start - 8) : start]):
                if _given_name_opener(text, start, run):
                    yield Proper("name", start, start + len(run), "given-name-opener")
                continue  # 'The', 'Blood', 'Erythrocyte' opening a sentence (the common case)
        first, _, units = run.partition(" ")
        if (
            run.isupper()
            and _HOSPITAL_UNITS.issuperset(units.split())
            and _hospital_initials(text, match.start(), first)
        ):
            # a hospital's initials before a unit's ('from SJGH ED', 'to WRUH HDU')
            yield Proper(
                "institution", match.start(), match.start() + len(first), "hospital-acronym"
            )
            continue
        yield from _judge(text, match.start(), run)
    for match in INITIALS.finditer(text):
        if match.group().replace(".", "").replace(" ", "") in _NOT_INITIALS:
            continue
        before = text[max(0, match.start() - 25) : match.start()]
        if (
            _BEFORE_INITIALS.search(before)
            or ("-" in match.group() and PERSON_AFTER.match(text[match.end() : match.end() + 40]))
            or _INITIALS_LABEL_AFTER.match(text, match.end(), match.end() + 30)
        ):
            yield Proper("name", match.start(), match.end(), "initials")
    if not text.isascii() and _may_hold_other_script(text):
        yield from _other_script(text)
    if '"' in text or "“" in text:
        for match in _QUOTED_CAPITALS.finditer(text):
            if _quoted_listed_name(match.group(1)):
                yield Proper("name", match.start(1), match.end(1), "quoted-capitals")
    if "the " in text and _ROAD_HINT.search(text):
        for match in _ROAD.finditer(text):
            yield Proper("place", match.start("road"), match.end("road"), "road-number")
    if "," in text or " by " in text or " with " in text or "hank" in text:
        for match in _lower_case_name_matches(text):
            if _lower_case_name(match.group("given"), match.group("family")):
                yield Proper("name", match.start("given"), match.end("family"), "lower-case")
    for match in _APPOSITION_AFTER_INITIALS.finditer(text):
        begin = match.start()
        while begin > 0 and text[begin - 1].isupper():
            begin -= 1
        initials = text[begin : match.start()]
        if (
            2 <= len(initials) <= 3
            and (begin == 0 or not text[begin - 1].isalnum())
            and initials not in _NOT_INITIALS
        ):
            yield Proper("name", begin, match.start(), "initials-apposition")
    for match in INITIAL_SURNAME.finditer(text):
        word = match.group("word")
        if word in _STOP or _medical(word):
            continue
        cue = PERSON_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
        if cue or not _ordinary(_bare(word)):
            yield Proper("name", match.start(), match.end(), "initial-and-surname")


#: A given name that is also an ordinary word, opening a sentence, is a name only when
#: what follows is said of a person: 'Will, a keen footballer,', 'Sunny, as the child was
#: called', 'Grace's symptoms', 'Mark underwent', 'Bill never complained'.
_OPENER_PERSON = lazy(
    r",\s+(?:a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3},"
    r"|,\s+as\s+(?:the\s+|she\s+|he\s+)?\w*\s*(?:was|is)\s+(?:called|known)"
    r"|,?\s+(?:aged|age)\s+\d|,\s+\d{1,3},"
    r"|['’]s\s+(?:[a-z]|[A-Z]{2,}\b)"
    r"|\s+(?:(?:never|also|still|then|later|again|herself|himself)\s+)?(?:had been|underwent"
    r"|remained|presented|complained|was admitted|was referred|was treated|was seen|told|said"
    r"|insisted"
    r"|recalled|remembered|was started on|was commenced on|was discharged|was diagnosed"
    r"|was intubated|was transferred|was born|had smoked|smoked|drank|denied|died)\b"
    r"|\s+(?:never|always|rarely|seldom)\s+[a-z]{3,}"
)
#: A hospital by its initials after 'at', 'from' or 'to' ('transferred from GWCH'): four or
#: more capitals ending as hospitals' initials do (Children's / General / University
#: Hospital, Royal Infirmary), so not 'ACTH' or 'SIADH'.
#: A hospital's units by their initials, after the hospital's ('SJGH ED', 'A' of 'A&E').
_HOSPITAL_UNITS = frozenset(
    "ED ER AE A ICU ITU HDU CCU NICU PICU SCBU AMU MAU SAU OPD EAU CDU".split()  # noqa: SIM905
)
_BEFORE_HOSPITAL_INITIALS = re.compile(r"\b(?:at|from|to|in)\s+(?:the\s+)?$")


#: Initials ending as a hospital's that name a class of drug or a test ('secondary to SSRI
#: therapy', 'referred to CMRI'): reuptake inhibitors and MRI.
_NOT_HOSPITAL_INITIALS = re.compile(r"(?:SS|SN|ND|SND|SA|NA)RI|\w*MRI")


def _hospital_initials(text: str, start: int, run: str) -> bool:
    return (
        4 <= len(run) <= 7
        and run.endswith(("CH", "GH", "UH", "RI"))
        and not _NOT_HOSPITAL_INITIALS.fullmatch(run)
        and text[start + len(run) : start + len(run) + 1] not in ("-", "/")
        and _BEFORE_HOSPITAL_INITIALS.search(text, max(0, start - 12), start) is not None
        and _STUDY_AFTER.match(text, start + len(run)) is None
    )


#: What makes capitals a study's name, not a hospital's ('in the ATOCH trial').
_STUDY_AFTER = re.compile(r"\s+(?:trials?|stud(?:y|ies)|registry|cohort|investigators)\b")


#: Initials before an apposition that gives an age or a job: 'JS, a 40-year-old teacher'.
_APPOSITION_AFTER_INITIALS = re.compile(
    r",(?<=[A-Z]{2},)\s+(?:an?\s+\d{1,3}[- ](?:year|month)|aged\s+\d)"
)
#: A title in capitals or in lower case: 'DR PETROV'S ENTRY', 'ms. jackson, the nurse'.


@cache
def _ordinary_given_name(run: str) -> bool:
    """'Will', 'Grace's', 'Hope': a given name that is also an ordinary word."""
    return _bare(run) in words.given_names() and not _medical(run) and run not in _MONTHS_DAYS


def _given_name_opener(text: str, start: int, run: str) -> bool:
    end = start + len(run)
    return (
        _ordinary_given_name(run)
        and (
            _OPENER_PERSON.compiled.match(text, end, end + 60) is not None
            or (run[-2:] in ("'s", "’s") and _POSSESSED.match(text, end) is not None)
        )
        and not is_term_after(text, end)
    )


#: A cue regex runs only when one of the last two words before a run is one of these.
#: (Not the common words of the phrase after a carer, 'caring for her', only its pronoun;
#: and a relative by marriage as one word.)
_CARER_PHRASE_WORDS = frozenset(["a", "z", "ing", "in", "law", "on", "for", "with", "after", "the"])
_PERSON_TRIGGERS = (
    frozenset(
        [*re.findall(r"[a-zé'’]+", PERSON_BEFORE.pattern.lower()), "i'm", "i’m", "as", "am", "is"]
    )
    - {"s", "b", "w", "i", "to", "my", "we", "up", "it"}
    - _CARER_PHRASE_WORDS
    | {"to", "my", "we", "surname", "forename", "nickname", "surnames"}
    | {f"{kin}-in-law" for kin in ("mother", "father", "son", "daughter", "brother", "sister")}
)
_PLACE_TRIGGERS = frozenset(
    [
        "island",
        "isle",
        "atoll",
        "peninsula",
        "province",
        "residence",
        "home",
        "address",
        "hometown",
        "domicile",
        "as",
        "beside",
        "opposite",
        "behind",
        "in",
        "from",
        "near",
        "outside",
        "off",
        "at",
        "to",
        "on",
        "of",
        "called",
        "named",
        "village",
        "town",
        "city",
        "parish",
        "county",
        "suburb",
        "hamlet",
        "borough",
        "district",
        "region",
        # a table's place label ('Place of exposure | Hulhumalé |'), areas of other countries
        "exposure",
        "origin",
        "infection",
        "|",
        "neighbourhood",
        "neighborhood",
        "wilayat",
        "barangay",
        "woreda",
        "kebele",
        "governorate",
        "prefecture",
    ]
)
#: What kind of unit a word before Unit or Ward says ('the Day Unit', 'the Burns Unit'),
#: besides the care words above: not a name.
_UNIT_KINDS = frozenset(
    """Day Burns Spinal Assessment Admissions Admission Observation Short Stay Coronary High
    Dependency Liver Dialysis Sleep Neonatal Maternity Surgical Trauma Cancer Fertility
    Endoscopy Chest Eye Ear Clinical Research Isolation Recovery Treatment Infusion Medicine
    Elderly Geriatric Ortho Orthopaedic Orthopedic Private Side Female Male Women's Men's""".split()  # noqa: SIM905
)
#: What a named unit is for, after its name: people or a condition, not a visit ('the
#: Hawthorn Unit for eating disorders'; not 'the Day Unit for an infusion').
_FOR_WHOM = re.compile(r" for (?!(?:a|an|the|his|her|their|this|that|\d)\b)[a-z]")
_INSTITUTION_TRIGGERS = frozenset(
    ["at", "to", "in", "from", "by", "the", "of", "under", "employer", "employer,"]
)
#: What an organisation is to a person, before its name in apposition ('Her church, Grace
#: Tabernacle Pentecostal,', "The girl's swimming club, Marlins SC,", 'Employer: Nordvik
#: Seafood AS'): the name is set off by a comma or a colon and ends the clause.
_APPOSED_KINDS = frozenset(
    """employer church chapel mosque synagogue temple gurdwara congregation club choir band
    orchestra team squad school college nursery academy gym charity union company firm
    workplace agency""".split()  # noqa: SIM905
)
_APPOSED_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_APPOSED_KINDS))})\s*[,:]\s+$", re.I)
_APPOSED_END = re.compile(r"\s*(?:[,.;)]|$)")
_AFTER_TRIGGERS = frozenset(", '’")


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end, end + 40)
    return match.group(1) if match else ""


def _last_words(before: str) -> frozenset[str]:
    return frozenset(w.strip(",.;:'’").lower() for w in before[-40:].split()[-2:])


@cache
def _institution_first_words() -> frozenset[str]:
    return frozenset(name.split()[0] for name in words.institutions())


#: What an eponym names after 'of' ('the sign of Leser-Trélat', 'the triad of Virchow').
_EPONYM_OF_BEFORE = re.compile(
    r"\b(?:sign|syndrome|disease|phenomenon|law|triad|test|manoeuvre|maneuver|reflex|method"
    r"|technique|classification|criteria|procedure|operation|fracture|ligament|nodes?"
    r"|canal|circle|duct|space|pouch|line|angle|triangle|tumou?r|cyst|ulcer)s?\s+of\s+(?:the\s+)?$",
    re.I,
)
#: A classification's grades in a list ('Le Fort I, II and III fractures').
_ROMAN_GRADES = frozenset(["I", "II", "III", "IV", "V"])
_ROMAN_LIST_AFTER = re.compile(r"(?:,\s*|\s+(?:and|or|to)\s+)(?:I{1,3}|IV|V)\b")
#: A stage or type in Roman numerals after an eponym ('Lichtman IIIA', 'Gustilo IIIB').
_STAGE = re.compile(r"(?:I{1,3}|IV|VI?)[A-Da-d]?")


#: An article and a size before a run: 'with a Heidelberg Spectralis', 'on a 3T Siemens
#: Magnetom Prisma', 'a 26 mm Sapien 3 valve'.
_ARTICLE_SIZE_BEFORE = re.compile(r"(?:^|\W)[Aa]n?\s+(?:\d[\d.,]*\s*-?\s*[A-Za-z]{0,6}\s+)?$")
_NUMBER_AFTER = re.compile(r"\s+\d+[A-Za-z]?\b")
#: A person's credential or role: after a name ('Sarah Jones (RN)') it is not a defined
#: term, before a bracketed name ('her GP (Amara Jones)') not a method.
_CREDENTIALS = frozenset("RN MD GP NP PA DO OT PT SLT HCA MSW LPN CNA DDS PHD".split())  # noqa: SIM905
#: A method's acronym and a bracket before a run: 'MALDI-TOF (Bruker Biotyper)'.
_ACRONYM_BRACKET_BEFORE = re.compile(
    rf"\b(?!(?:{'|'.join(sorted(_CREDENTIALS))})s?\b)[A-Z]{{2,}}[\w-]*\s*\($"
)
#: A word prefix with a hyphen: 'Post-artesunate haemolysis', 'Pre-eclamptic'.
_PREFIXED = re.compile(
    r"(?:Post|Pre|Anti|Non|Peri|Intra|Inter|Sub|Trans|Semi|Pseudo|Para|Neo|Co|Re|Ex|Mid"
    r"|Over|Under|Self|Multi|Poly|Hyper|Hypo|Extra|Infra|Supra|Retro|Auto|Veno|Arterio)-[a-z]"
)
#: A genotype or variant code before a run, or haemoglobin opening it: a variant named
#: after a place ('Norovirus GII.4 Sydney', 'Haemoglobin Constant Spring', 'Hb Lepore').
_VARIANT_CODE_BEFORE = re.compile(r"\b[A-Z]{1,4}[IVX]*\d*\.\d+(?:\.\d+)*\s+$")
_VARIANT_HEADS = frozenset(["Haemoglobin", "Hemoglobin", "Hb"])
#: A class, group or grade and its number after a run: an eponymous classification; or a
#: number and 'trial' or 'study': a trial's name ('the CheckMate 067 trial').
_CLASS_OR_TRIAL_AFTER = re.compile(
    # ('Beaufort force 8', 'Rancho Los Amigos level VI')
    r"\s+(?:(?:group|grade|class|type|stage|category|classification|force|level)\s+"
    r"(?:\d|[IVX]+\b|[A-D]\b)"
    r"|\d[\w-]*\s+(?:trials?|stud(?:y|ies)|cohort)\b)"
)
_CLASS_INITIALS = frozenset("gctsflIVX")
#: A bare grade after a run, and a verb of grading before it ('graded as Hunt and Hess 3').
_GRADE_AFTER = re.compile(r"\s+(?:\d|[IVX]+\b)")
#: Last words of a body that writes guidance ('Working Group', 'Society'), not of a service
#: that treats patients ('the Pathways Recovery Service').
_GUIDELINE_BODIES = frozenset(
    [
        "Group",
        "Society",
        "Association",
        "Consortium",
        "Committee",
        "Panel",
        "Network",
        "Federation",
        "Collaborative",
        "Initiative",
        "Party",
        "Force",
    ]
)
#: Words before a body whose guidance a report follows ('recommended by the', 'the criteria of').
_GUIDANCE_BEFORE = re.compile(
    r"\b(?:recommended|proposed|endorsed|published|defined|developed)\s+by\s+(?:the\s+)?$"
    r"|\b(?:according\s+to|guidelines?\s+of|criteria\s+of|recommendations\s+of)\s+(?:the\s+)?$"
)
#: Grades with a letter ('Forrest Ib', 'Gustilo IIIa'), which are also given names ('Ib').
_SUBGRADES = frozenset(f"{grade}{letter}" for grade in ("I", "II", "III", "IV") for letter in "abc")
_SUBGRADE_BEFORE = re.compile(
    r"\b(?:classification|classified|grade|graded|class|type|stage|staged)\b[^.;]{0,20}$", re.I
)
_GRADED_BEFORE = re.compile(
    r"\b(?:graded|classified|scored|staged|categori[sz]ed|rated|grade|class|stage)"
    r"\s+(?:as\s+)?(?:an?\s+)?(?:modified\s+)?$"
)
#: Two-letter symbols of chemical elements, which lab results list with their values.
_ELEMENT_SYMBOLS = frozenset(
    """He Li Be Ne Na Mg Al Si Cl Ar Ca Sc Ti Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Zr
    Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu
    Hf Ta Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa Np Pu Am Cm Bk Cf Es Fm Md No
    Lr""".split()  # noqa: SIM905
)
#: (or its unit in brackets, a table's header: 'Na (mmol/L)')
_VALUE_AFTER = re.compile(
    r"\s*[:=|]?\s*[<>≤≥]?\s*\d|\s*\((?:[mµunp]?mol|mEq|m?g|[µu]g|ng|mg/dL|mmol/L)\b"
)
#: Words of a scope wider than one place ('the International Neuroblastoma Risk Group').
_SCOPE_WORDS = frozenset(
    """International European American British World Global National Nordic Asian African
    Australasian Pan-European Children's Intergroup Cooperative Collaborative""".split()  # noqa: SIM905
)
#: An abbreviation in brackets after a run: the term it defines ('Molly (MDMA)'), unless
#: it is the run's initials ('Daniel Brookes (DB)').
_ABBREVIATION_AFTER = re.compile(r"\s+\((?P<abbr>[A-Z]{2,6})\)")
#: Instruments named after an institution ('The Cleveland Clinic Incontinence Score').
_INSTRUMENT_WORDS = frozenset(
    """Score Scores Scale Scales Criteria Classification Index Questionnaire Grade Grading
    Staging Inventory Tool Tools Calculator Instrument""".split()  # noqa: SIM905
)


def _product_or_term(text: str, start: int, end: int, before: str, parts: list[str]) -> bool:
    """A product, a variant or a defined term, by the words around a run, not a person.
    (Each test looks at a character or a word first: this runs for every run judged.)"""
    first = parts[0]
    if first in _VARIANT_HEADS and len(parts) > 1:
        return True  # ('Haemoglobin Bart's' too)
    if before.endswith(("factor ", "Factor ")) and _STAGE.fullmatch(first):
        return True  # a clotting factor's variant named after a place ('factor V Leiden')
    if first == "Factor" and len(parts) > 1 and _STAGE.fullmatch(parts[1]):
        return True  # ('Factor V Leiden was found')
    if before.endswith(("haemoglobin ", "hemoglobin ", "Hb ")):
        return True  # a haemoglobin variant ('haemoglobin Constant Spring')
    if first.rstrip(".") in TITLES or text[end - 2 : end] in ("'s", "’s"):
        return False
    if text.startswith(" risk ", end) and _RISK_TOOL_AFTER.match(text, end, end + 30):
        return True  # a risk tool named after an institution or a study
    if _PREFIXED.match(first) and all(p.isupper() for p in parts[1:]):
        return True  # ('Veno-arterial ECMO', 'Post-mortem CT')
    named = parts[1:] if first in _DETERMINER else parts
    if len(named) > 1 and (named[0] in _DEVICE_MAKERS or any(_product_word(p) for p in named)):
        return True  # a device by its maker or its brand ('Siemens SOMATOM Force', 'the Zoll
        # LifeVest', 'CapSureFix Novus 5076 leads')
    tail = before[-24:]
    if (
        ("a " in tail or "an " in tail or "A " in tail)
        and _ARTICLE_SIZE_BEFORE.search(before, max(0, len(before) - 24))
        and (len(parts) > 1 or _NUMBER_AFTER.match(text, end) is not None)
        and sum(p[:1].isupper() for p in parts) == len(parts)
        and not _named_place_or_institution(text[start:end], parts)
    ):
        return True  # 'a Heidelberg Spectralis', 'a 26 mm Sapien 3 valve' (not 'a New York')
    if tail.endswith("(") and _ACRONYM_BRACKET_BEFORE.search(before, len(before) - 24):
        return True
    if "." in tail[-16:] and _VARIANT_CODE_BEFORE.search(before, len(before) - 24):
        return True
    if len(parts) == 1 and "-" in first and _PREFIXED.match(first):
        return True
    if text.startswith(" (", end):
        abbreviation = _ABBREVIATION_AFTER.match(text, end)
        if (
            abbreviation
            and abbreviation.group("abbr") not in _CREDENTIALS
            and not set(abbreviation.group("abbr")) <= {p[0] for p in parts if p[:1].isupper()}
        ):
            return True
    # 'Tommy John surgery' (not 'the Castle surgery', a practice)
    if (
        text.startswith(" surgery", end)
        and not _DETERMINER_BEFORE.search(before, max(0, len(before) - 8))
        and first not in _DETERMINER
    ):
        return True
    return any(p in _INSTRUMENT_WORDS for p in parts[1:]) and any(
        _bare(p) in INSTITUTION_WORDS for p in parts
    )


#: Makers of medical devices, before a model's name ('Siemens SOMATOM Force', 'a Medtronic
#: Micra'): a product, though some are surnames too.
_DEVICE_MAKERS = frozenset(
    """Siemens Philips Medtronic Zoll Stryker Biotronik Olympus Toshiba Canon Hologic Dräger
    Drager Zimmer Fujifilm Storz Ethicon Abbott Baxter Roche Sysmex Beckman Mindray Nellcor
    Masimo Cochlear Dexcom Insulet Omnipod Tandem Terumo Codman""".split()  # noqa: SIM905
)
#: Names that keep an inner capital after a prefix ('McDonald', 'MacLeod', 'FitzGerald').
_NAME_PREFIXES = ("Mc", "Mac", "Fitz", "Van", "Von", "De", "Di", "Da", "Du", "La", "Le", "St")
_INNER_CAPITAL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _product_word(word: str) -> bool:
    """A brand's word with a capital inside ('LifeVest', 'CapSureFix', 'SureScan'), not a
    name with a prefix ('MacLeod') or two given names run together ('MaryAnne')."""
    bare = _bare(word)
    pieces = _INNER_CAPITAL.split(bare)
    if len(pieces) < 2 or not bare.isalpha() or bare.startswith(_NAME_PREFIXES):
        return False
    names = words.given_names()
    return not all(piece in names for piece in pieces)


def _named_place_or_institution(run: str, parts: list[str]) -> bool:
    """An institution, organisation or place (or a possessive: 'St Mary's Hospital'), which
    stays one after 'a' ('a St Mary's Hospital ward', 'a New York clinic')."""
    return (
        any(_bare(p) in INSTITUTION_WORDS or _bare(p) != p for p in parts)
        or _organisation(parts)
        or _known_institution(run, parts)
        or _is_place(run)
    )


_NATION_ADJECTIVE = re.compile(r"(?:an|ish|ese|ic|i)$")


def _society_namer(parts: list[str]) -> bool:
    """Whether the words before 'College', 'Academy'... name a learned society ('the
    American College of Rheumatology', 'Royal College of Physicians'): ordinary words or a
    nation's; a name there makes it a school ('Harcourt College of Art')."""
    for part in parts:
        if _bare(part) in _SOCIETY_WORDS:
            return True
        if not (_ordinary(_bare(part)) or _NATION_ADJECTIVE.search(part) or part == "the"):
            return False
    return True


def _weekday_compound(word: str) -> bool:
    """'Monday-morning', 'Friday-night': a time, not a name ('Jun-seo', 'May-Britt' are)."""
    head, _, tail = word.partition("-")
    return len(head) > 3 and head in _MONTHS_DAYS and tail.islower() and _ordinary(tail)


_CLUB_PREFIXES = frozenset(["FC", "AFC", "SC", "CF", "RFC", "VfB", "VfL", "SV"])


def _organisation(parts: list[str]) -> bool:
    """A run naming an organisation by its last word ('Quarrymoor Freight'), when another
    word names it ('Pathways'), not when all describe it ('the Crisis Resolution Team').
    One ordinary word before the last describes as often as it names ('Psychosis Service',
    'Grade Group'), so two words need a word that is not ordinary English.
    A care service or team is so often named by what it does ('the Crisis Resolution Team')
    that it needs a word that is not ordinary English ('the Harbourlight ... Team')."""
    if len(parts) > 1 and parts[0] in _CLUB_PREFIXES:
        return any(_capital_word(p) and not _medical(p) for p in parts[1:])  # 'FC Dinamo Vostok'
    if len(parts) < 2 or _bare(parts[-1]) not in ORGANISATION_WORDS:
        return False
    coined_only = len(parts) == 2 or _bare(parts[-1]) in _SERVICE_WORDS
    return any(
        p[0].isupper()
        and _bare(p) not in CARE_WORDS
        and _bare(p) not in GENERIC
        and _bare(p) not in ORGANISATION_WORDS
        and not _medical(p)
        and not (coined_only and _ordinary(_bare(p)))
        for p in parts[:-1]
    )


def _describes_service(parts: list[str]) -> bool:
    """'the Paediatric Palliative Care Team': a service named only by what it does."""
    return _bare(parts[-1]) in ORGANISATION_WORDS and all(
        _bare(p) in CARE_WORDS or _bare(p) in GENERIC or _medical(p) for p in parts
    )


@cache
def _known_acronyms() -> frozenset[str]:
    """The institutions of the known list written in capitals ('AIIMS', 'NIMHANS'): read as
    an institution after 'at', 'from', 'to' or 'in' (the runs of capitals skip the rest)."""
    return frozenset(name for name in words.institutions() if name.isupper())


def _known_institution(run: str, parts: list[str]) -> bool:
    if _institution_first_words().isdisjoint(parts):
        return False
    return any(
        run.startswith(known) or (known in run and f" {known}" in f" {run}")
        for known in words.institutions()
    )


def _sentence_start(before: str) -> bool:
    stripped = before.rstrip(" \t")
    if not stripped:
        return True
    last = stripped[-1]
    return last in _OPENERS or (last == "-" and stripped[-2:-1].isspace())


_OPENERS = frozenset('.!?:;"“”(\n\x00')


def _shaped_like_place(run: str) -> bool:
    return run.endswith("shire") or "-upon-" in run or "-on-" in run or "-de-" in run


@cache
def _quiet_opener(run: str) -> bool:
    """A single word that, opening a sentence, is never an identifier (see :func:`_judge`)."""
    return (
        run not in TITLES
        and not _shaped_like_place(run)
        and (_ordinary(_bare(run)) or _medical(run) or run in _MONTHS_DAYS)
    )


#: Endings of plurals and of abstract or clinical nouns, never of a given name no list holds.
_NOT_NAME_ENDING = re.compile(
    r"(?:s|ergy|ity|ism|ment|tion|sion|ness|ance|ence|ing|ogy|graphy|ics|osis|itis|aemia|emia"
    r"|ectomy|otomy|plasty|pathy|algia|oma)$"
)
#: What only a person does, after a name (not 'was started', 'was given': drugs are too).
_PERSON_ONLY_VERB = re.compile(
    r"\s+(?:(?:also|then|later|first|now|again)\s+)?(?:presented|complained|described|told"
    r"|said|reported|denied|recalled|remembered|explained|admitted|noticed|rode|drove|walked"
    r"|insisted"
    r"|could\s+(?:walk|climb|stand|sit|speak|see|hear|eat|swallow|feel|manage)|consented|agreed"
    r"|asked|attended|woke|was\s+(?:counselled|counseled|brought|seen|admitted|referred|born"
    r"|found|reviewed|examined|transferred|discharged))\b"
)
#: Small words of German that English does not use ('der', 'und', 'nicht'): two of them
#: near a run say the sentence is German, where every noun has a capital.
_GERMAN_WORDS = re.compile(
    r"\b(?:der|das|dem|und|ist|wurde|wurden|nicht|mit|eine|einer|einem|eines|vom|zum|zur|bei"
    r"|sich|über|nach|zeigte|keine|wird|sind|auch|sowie|unter|beim|nachdem)\b"
)


def _in_german(text: str, start: int, end: int) -> bool:
    """Whether the run from ``start`` to ``end`` sits in German (two different small words of
    German within 80 characters of it)."""
    window = text[max(0, start - 80) : end + 80]
    if "der" not in window and "und" not in window and "ie" not in window and "ch" not in window:
        return False
    return len(set(_GERMAN_WORDS.findall(window))) >= 2


#: A species' name after a genus: a word in lower case with one of Latin's endings
#: ('superba', 'holocyclus', 'phalloides'), checked to be no English word (:func:`_species_after`).
_BINOMIAL_AFTER = re.compile(
    # (or a genitive of a person's name: 'Hottentotta jayakari')
    r" (?P<species>(?=[a-z]{4,}\b)[a-z]+(?:a|us|um|is|ae|ii|ensis|oides|icum|ium|ens|ans|[^i]i))\b"
    r"(?!['’-])"
)


def _species_after(text: str, end: int) -> bool:
    """Whether a species' Latin name follows (after a genus: 'Gloriosa superba')."""
    match = _BINOMIAL_AFTER.match(text, end, end + 30)
    if match is None:
        return False
    species = match.group("species")
    # (not a disease after an eponym: 'Bruton X-linked agammaglobulinaemia')
    return species not in words.english_words() and not _TERM_SUFFIX.search(species)


#: Languages a report says the patient speaks ('said the patient in broken English').
_LANGUAGES = frozenset(
    """English French German Spanish Portuguese Italian Arabic Urdu Hindi Punjabi Bengali
    Polish Romanian Mandarin Cantonese Somali Tigrinya Amharic Swahili Turkish Kurdish Farsi
    Pashto Dari Russian Ukrainian Tamil Gujarati Tagalog Vietnamese""".split()  # noqa: SIM905
)
#: Endings of a Latin name of an organism or a serovar ('Icterohaemorrhagiae').
_LATIN_NAME = re.compile(r"(?:ae|ii|ensis|oides)$")
#: 'I' with a verb, never a name ('doctor, I've had them forty years').
_I_CONTRACTIONS = frozenset(f"I{mark}{verb}" for mark in "'’" for verb in ("ve", "m", "d", "ll"))


def _judge(text: str, start: int, run: str) -> Iterator[Proper]:
    if run in _I_CONTRACTIONS or run in _LANGUAGES:
        return
    if run in _SUBGRADES and _SUBGRADE_BEFORE.search(text, max(0, start - 40), start):
        return  # 'The Forrest classification was Ib': a grade, not the Danish name
    if run[-1] in "'’" and (run[-2:-1] != "s" or text[start - 1 : start] in ("'", "‘")):
        run = run[:-1]  # a closing quote, not a plural's possessive ("'coast of Maine'")
        if not run:
            return
    if _species_after(text, start + len(run)):
        # a genus before its species ('Gloriosa superba', 'in Australia and Ixodes
        # holocyclus'): the rest of the run is judged alone
        head = re.sub(r"(?:\s+(?:and|or|of|the))*\s*\S+$", "", run)
        if head:
            yield from _judge(text, start, head)
        return
    before = text[max(0, start - 60) : start]
    parts = _word_list(run)
    end = start + len(run)
    at_sentence_start = _sentence_start(before)
    # 'In April the swelling recurred': the preposition opening the sentence is not part of
    # the run; judge the rest as if it followed the preposition (which it does).
    if at_sentence_start and len(parts) > 1 and parts[0] in _OPENING_PREPOSITIONS:
        cut = len(parts[0]) + 1
        if run[cut - 1 : cut] == " ":
            yield from _judge(text, start + cut, run[cut:])
            return
    # Two capitalised words joined by an en dash ('Cormack–Lehane grade', 'Dix–Hallpike
    # manoeuvre', 'Keith–Wagener–Barker'): a pair of eponyms; a double-barrelled surname is
    # written with a hyphen. A people or an ancestry ('of Han Chinese ancestry') is no person.
    if (
        (text[end : end + 1] in _DASHES and text[end + 1 : end + 2].isupper())
        or (before[-1:] in _DASHES and before[-2:-1].isalpha())
        or _ANCESTRY_AFTER.match(text, end)
    ) and parts[0].rstrip(".") not in TITLES:
        return
    # A bacterial serovar or strain ('serovar Dublin'), a document ('the Declaration of
    # Helsinki'), a grade or model code after the run ('Prague C2M4', 'MiniMed 780G').
    last_before = before.rstrip().rpartition(" ")[2]
    if (
        last_before in _STRAIN_LAST
        or parts[0] in _DOCUMENT_WORDS
        or (len(parts) > 1 and parts[-1] in _DOCUMENT_WORDS)  # 'the Helsinki Declaration'
        or parts[0] in _STRAIN_WORDS
        or _CODE_PART.match(parts[-1])
        or (_CODE_AFTER.match(text, end, end + 12) and not _POSTCODE_AFTER.match(text, end))
        or _LESION_CODE_AFTER.match(text, end, end + 10)
        or (len(parts) == 1 and len(run) <= 4 and _ALLERGEN_AFTER.match(text, end, end + 8))
    ):
        return
    if _product_or_term(text, start, end, before, parts):
        return
    # A grade on an eponymous scale ('graded as Hunt and Hess 3', 'Robson group 5'), a lab
    # value after an element's symbol ('Na 129'): not a person.
    following = text[end + 1 : end + 2]  # (a character first: this runs for every run)
    if (
        following
        and (following.isdigit() or following in _CLASS_INITIALS or run in _ELEMENT_SYMBOLS)
        and parts[0].rstrip(".") not in TITLES
        and (
            _CLASS_OR_TRIAL_AFTER.match(text, end, end + 24)
            or (_GRADE_AFTER.match(text, end, end + 8) and _GRADED_BEFORE.search(before))
            or (run in _ELEMENT_SYMBOLS and _VALUE_AFTER.match(text, end, end + 8))
        )
    ):
        return
    # 'a bidirectional Glenn', 'a fenestrated Fontan': one capitalised word after an
    # article and an adjective is a procedure or device named after someone.
    if (
        " " not in run
        and before.endswith(" ")
        and _ARTICLE_ADJECTIVE_BEFORE.search(before, len(before) - 24)
        and not _ordinary_place_word(before)
        and run[-2:] not in ("'s", "’s")
        # (not a person's role: 'The physiotherapist Kwame noted')
        and not (_last_words(before) & _PERSON_TRIGGERS and PERSON_BEFORE.search(before))
    ):
        return
    # One capitalised word opening a sentence: a name only if it is not an ordinary word
    # and something person-like follows ('Noah was seen', 'Oliver, aged 11').
    if at_sentence_start and " " not in run and _quiet_opener(run):
        return
    # Languages alone ('spoke Dari and Pashto', 'in Welsh'; not one that is also a given
    # name, 'Ido'): no identifier.
    if all(p in ("and", "or") or _language(p) for p in parts) and any(_language(p) for p in parts):
        return
    # A title inside a run ('CRP of Mr John Smith'): judge the two parts apart.
    for index, part in enumerate(parts[1:], start=1):
        if part.rstrip(".") in TITLES:
            cut = run.index(f" {part}", sum(len(p) + 1 for p in parts[:index]) - 1) + 1
            head = run[:cut].rstrip()
            head = re.sub(rf"(?:\s+{_PARTICLE})+$", "", head)
            if head:
                yield from _judge(text, start, head)
            yield from _judge(text, start + cut, run[cut:])
            return
    # 'lived within the Moss Side area', 'an expedition in the Gunung Mulu area'; not a
    # zone of a department ('the Resus area'), a part of the body ('the Broca area').
    if (
        before.endswith("the ")
        and _NAMED_AREA_AFTER.match(text, end, end + 20)
        and not any(
            _medical(p)
            or _bare(p) in INSTITUTION_WORDS
            or p.rstrip(".") in TITLES
            or _bare(p) in CARE_WORDS
            or _bare(p) in GENERIC
            or _bare(p) in _HOSPITAL_PARTS
            or _bare(p) in _DEPARTMENT_ZONES
            for p in parts
        )
    ):
        yield Proper("place", start, end, "named-area")
        return
    # An eponym with a title in it ('Sister Mary Joseph nodule'), an author ('Hargreaves et
    # al.'), a journal in a citation ('Ann Rheum Dis. 2019;78:736').
    # (after a person's title only a term noun makes an eponym: 'Mr Baker's creatinine rose'
    # is a name, though 'creatinine' ends as drugs do)
    # No eponym takes 'Mr', 'Mrs', 'Ms', 'Miss' or 'Mx': "Mr Abdullahi's capsule endoscopy",
    # "Mr Esteves's mandibular lesion" are a person's, whatever noun follows.
    titled = parts[0].rstrip(".") in _PERSON_TITLES
    if (
        parts[0].rstrip(".") not in _PLAIN_TITLES
        and is_term_after(text, end, suffixes=not titled)
        and not any(_bare(p) in INSTITUTION_WORDS for p in parts)
        and not PLACE_BEFORE.search(before)
        and not _STATION_AFTER.match(text, end, end + 30)  # 'Lindholm tube station'
    ) or _CITED_AFTER.match(text, end, end + 30):
        return
    # A title ('Mr', 'Dr.') before the rest of the run: a name.
    first = parts[0].rstrip(".")
    if first in TITLES:
        if len(parts) > 1 and all(_service_word(p) for p in parts[1:]):
            return  # 'a Mother and Baby Unit', 'the Nurse Practitioner'; not 'Sister Ward'
        if (
            first == "Dear"
            and (
                all(_addressee(p) for p in parts[1:])
                # (or two words or more, none a name: 'Dear Infectious Diseases team', 'Dear
                # Fistula Surgeon'; not 'Dear Amira', nor 'Dear Grace')
                or (
                    len(parts) > 2
                    and all(_addressee(p) or _ordinary(_bare(p)) or _medical(p) for p in parts[1:])
                )
            )
        ):
            # a letter's greeting to no one named ('Dear Colleague', 'Dear Dr,'), or to a
            # team by its specialty ('Dear Burns Unit', 'Dear Infectious Diseases')
            return
        while len(parts) > 2 and parts[-1].isupper():  # 'Mr John Smith MRN': not 'MRN'
            parts.pop()
            end = start + run.rindex(" " + parts[-1]) + 1 + len(parts[-1])
        if len(parts) > 1:
            yield Proper("name", start, end, "title")
        else:
            tail = _AFTER_TITLE.match(text, end)
            if tail:
                yield Proper("name", start, tail.end(), "title")
        return
    # An eponym by its structure: after 'the sign of', before a stage in Roman numerals
    # ('Lichtman IIIA'), a weekday or month in a compound ('Monday-morning').
    if (
        (before.endswith(("of ", "of the ")) and _EPONYM_OF_BEFORE.search(before))
        or (len(parts) == 2 and _STAGE.fullmatch(parts[1]))
        or (parts[-1] in _ROMAN_GRADES and _ROMAN_LIST_AFTER.match(text, end, end + 12))
        or (len(parts) == 1 and _weekday_compound(run))
    ):
        return
    # A journal's title ('the New England Journal of Medicine', 'Annals of Surgery'): a
    # publication, not a person or an institution.
    if any(p in _PUBLICATION_WORDS for p in parts):
        return
    # An eponym used as an adjective ('The Fontan circulation', 'a Harrington rod',
    # 'The Mayo score'), a journal in a citation ('Ann Rheum Dis. 2019;78:736').
    institution = any(_bare(p) in INSTITUTION_WORDS for p in parts) or _organisation(parts)
    determined = parts[0] in _DETERMINER or _DETERMINER_BEFORE.search(before) is not None
    # ... but a named workplace or hospital department is an institution ('a chef at the
    # Golden Lotus restaurant', 'the Royal Bellmont emergency department').
    if determined and not institution and _WORKPLACE_AFTER.match(text, end, end + 40):
        yield Proper("institution", start, end, "workplace-after")
        return
    # ... and a named industrial or public site is a place ('200 m from the Bellfield
    # landfill site', 'near the Redmire smelter').
    if not institution and (
        (determined and _SITE_AFTER.match(text, end, end + 30))
        or _STATION_AFTER.match(text, end, end + 30)
    ):
        yield Proper("place", start, end, "site-after")
        return
    # ... and a landmark whose name ends in a landform word, after words that place it, is a
    # place whatever follows ('hiking on the Bright Angel Trail two weeks before'; not
    # 'Rocky Mountain spotted fever', 'the HIPAA Safe Harbor identifiers').
    if (
        determined
        and not institution
        and len(parts) > 2 - (parts[0] not in _DETERMINER)
        and _bare(parts[-1]) in _LANDFORMS
        and not _term_soon(text, end)
        and PLACE_BEFORE.search(before)
    ):
        yield Proper("place", start, end, "landform")
        return
    # ... and a club someone plays for or trains with is an institution: up to its club
    # word ('plays for the Riverside Rovers', not 'on Saturdays' after it), or a name no list
    # knows ('played rugby for Pendragon Pirates', 'trains with GNK Dinamo'; not 'plays for
    # England', a country)
    if ("for " in before[-10:] or "with " in before[-11:]) and _CLUB_BEFORE.search(
        before, max(0, len(before) - 40)
    ):
        named_until = next(
            (i for i, p in enumerate(parts[1:], 1) if _bare(p) in ORGANISATION_WORDS), 0
        )
        if named_until and not _describes_service(parts[: named_until + 1]):
            club = parts[named_until]
            stop = run.index(club, len(" ".join(parts[:named_until]))) + len(club)
            yield Proper("institution", start, start + stop, "plays-for")
            return
        if (
            not any(p.rstrip(".") in TITLES for p in parts)
            and not all(_ordinary(_bare(p)) or _medical(p) for p in parts)
            and not _only_large_areas(run)
        ):
            yield Proper("institution", start, end, "plays-for")
            return
    # ... and any run a preposition of place introduces that names something is a place or
    # an institution ('campers at Kielder Water', 'at the Corvel Diagnostics hub').
    if not at_sentence_start and not institution:
        kind = _locative(text, end, before, parts)
        if kind:
            yield Proper(kind, start, end, "locative")
            return
    if (
        not institution
        and (
            determined
            or (at_sentence_start and all(p[0].isupper() and p not in ("I", "I'm") for p in parts))
        )
        and run[-2:] not in ("'s", "’s")
        and _attributive(text, end, plural_is_verb=not determined)
        and not _known_institution(run, parts)
        # (not before what only a person does: 'Seun rode a motorcycle taxi')
        and not (at_sentence_start and _PERSON_ONLY_VERB.match(text, end, end + 30))
    ):
        return
    # A learned society ('the American College of Rheumatology', 'Royal College of
    # Paediatrics'), or any institution whose criteria or guideline is cited.
    if institution and (
        is_term_after(text, end)
        or (
            "of" in parts
            and all(_bare(p) in _SOCIETY_WORDS for p in parts if _bare(p) in INSTITUTION_WORDS)
            and _society_namer(parts)
        )
    ):
        return
    if (
        not institution
        and (
            is_term_after(text, end)
            # 'Hopkins Verbal Learning Test-Revised'
            or any(q in TERM_NOUNS for p in parts[1:] for q in p.lower().split("-"))
        )
        and not (PLACE_BEFORE.search(before) and _next_word(text, end) in _NOT_ATTRIBUTIVE)
        # a landform word capitalised as a name's last word after a preposition of place is
        # a place ('a caravan at Saltmarsh Point'; the eponym is 'at McBurney's point')
        and not (
            len(parts) > 1
            and parts[-1] in _LANDFORMS
            and not is_term_after(text, end)
            and _LOCATIVE_BEFORE.search(before, max(0, len(before) - 24))
        )
    ):
        return
    # Known institutions by their short names ('Alder Hey', 'the Christie').
    # (not a score or a tool named after one: 'the Memorial Sloan Kettering nomogram')
    if _known_institution(run, parts) and not is_term_after(text, end, suffixes=False):
        yield Proper("institution", start, end, "known-institution")
        return
    # A learned or research group named after a disease across a nation or more ('the
    # International Neuroblastoma Risk Group'), not one place's service.
    if (
        _organisation(parts)
        and any(_bare(p) in _SCOPE_WORDS for p in parts)
        and any(_medical(p) for p in parts)
    ):
        return
    # ... or one whose guidance is followed ('as recommended by the Desmoid Tumor Working
    # Group'): a body that writes guidelines, not a place that treated the patient.
    if (
        _organisation(parts)
        and _bare(parts[-1]) in _GUIDELINE_BODIES
        and _GUIDANCE_BEFORE.search(before)
    ):
        return
    # Other organisations, by structure: a name before a word such as Service, Team, Hotel,
    # Logistics ('the Pathways Recovery Service', 'Brightfold Logistics').
    if _organisation(parts):
        yield Proper("institution", start, end, "organisation-word")
        return
    # Institutions: a run ending in an institution word (or 'University of Bristol').
    if any(_bare(p) in INSTITUTION_WORDS for p in parts):
        named = [
            p
            for p in parts
            if _bare(p) not in GENERIC
            and _bare(p) not in _TIME_WORDS
            and _bare(p) not in ORGANISATION_WORDS  # 'the ... Home Treatment Team'
            and p not in ("of", "for", "the", "and", "on", "upon")
        ]
        # 'the Royal Children's Hospital' names one; 'a District General Hospital' does not.
        royal = any(p in ("Royal", "Queen", "King", "Princess", "Prince") for p in parts)
        if parts[-1] in _DISEASE_TAILS:
            return  # a staging system ('BCLC (Barcelona Clinic Liver Cancer)')
        if (named and not all(_medical(p) for p in named)) or royal or _eponym_hospital(parts):
            yield Proper("institution", start, end, "institution-word")
        return
    if all(
        all(q in _MONTHS_DAYS for q in p.split("-"))  # ('Mon-Fri')
        or p.lower() in {"of", "the", "and", "for", "on", "upon"}
        for p in parts
    ):
        return
    # (a serotype's letter too: 'Coxsackie B')
    if all(_medical(p) for p in parts if p[0].isupper() and len(p) > 1):
        return
    capitals = [p for p in parts if p[0].isupper()]
    if not any(_capital_word(p) for p in capitals):
        return
    if any(word in before for word in _INSTITUTION_WORD_HINTS) and (
        _INSTITUTION_WORD_BEFORE.search(before)
    ):
        yield Proper("institution", start, end, "institution-word-before")
        return
    last = _last_words(before)
    after = text[end : end + 40]
    if (
        not last.isdisjoint(_APPOSED_KINDS)
        and _APPOSED_BEFORE.search(before, max(0, len(before) - 24))
        and _APPOSED_END.match(text, end)
        and (len(capitals) > 1 or not _ordinary(_bare(capitals[0])))
        and not all(_medical(p) for p in capitals)
    ):
        yield Proper("institution", start, end, "apposed-organisation")
        return
    person_cue = (
        (not last.isdisjoint(_PERSON_TRIGGERS) and PERSON_BEFORE.search(before))
        or (
            (run[-2:] in ("'s", "’s") or text[end : end + 2] == " (") and _KIN_NEXT.match(text, end)
        )
    ) or (
        (after[:1] in _AFTER_TRIGGERS and PERSON_AFTER.match(after))
        or (after[:5] == " and " and _AND_KIN.match(after))
    )
    if person_cue and " " not in run and _LATIN_NAME.search(run) and run not in words.given_names():
        person_cue = False  # 'identified as Icterohaemorrhagiae': a serovar's Latin name
    if person_cue and _disease_after(text, end, run):
        person_cue = False  # 'historically known as Baghdad boil': a disease
    if person_cue and " " not in run and _species_after(text, end):
        person_cue = False  # 'identified as Hottentotta jayakari': a genus and its species
    if person_cue and before.endswith((" to ", " in ", " from ")) and _only_large_areas(run):
        person_cue = False  # 'a deployment to Chad, the patient developed': a country
    if (
        person_cue
        and before.endswith(", ")
        and all(_ordinary(_bare(p)) for p in capitals)
        and text[end : end + 1] not in (",", ";", ")", "")
    ):
        person_cue = False  # 'His wife, Catholic by upbringing,': an ordinary word, not closed
    if person_cue and (not all(_ordinary(_bare(p)) for p in capitals) or not at_sentence_start):
        yield Proper("name", start, end, "person-cue")
        return
    if _only_large_areas(run) and not (
        at_sentence_start and " " not in run and _PERSONAL_VERB.match(text, end, end + 20)
    ):
        return  # 'travelled to India', 'endemic in Arizona and California': allowed
    if (
        not last.isdisjoint(_PLACE_TRIGGERS)
        and not all(p in _HOSPITAL_PARTS for p in capitals)  # 'a resident of Ward 5'
        and (PLACE_BEFORE.search(before) or PLACE_NOUN_BEFORE.compiled.search(before))
    ):
        # ('a resident of the Oakvale Psychiatric Unit': a place where people live that is
        # part of a hospital is an institution)
        kind = "institution" if capitals[-1] in _HOSPITAL_PARTS else "place"
        yield Proper(kind, start, end, "place-cue")
        return
    if (
        not last.isdisjoint(_INSTITUTION_TRIGGERS)
        and not at_sentence_start
        and _SCHOOL_BEFORE.search(before)
    ):
        yield Proper("institution", start, end, "school-cue")
        return
    if (
        not last.isdisjoint(_INSTITUTION_TRIGGERS)
        and INSTITUTION_BEFORE.search(before)
        and not _describes_service(parts)
        and any(
            _capital_word(p)
            and not _medical(p)  # 'followed by Alendronic Acid': a drug
            and _bare(p) not in GENERIC  # 'referred to Neurorehabilitation': a service
            and _bare(p) not in _ROLE_WORDS  # 'given by the Paramedics': people, not a place
            and (
                not _ordinary(_bare(p))
                or _bare(p) != p
                # one word after 'the' ('an inpatient at the Priory'), not a ward's name
                or (len(parts) == 1 and before.endswith("the ") and p not in _HOSPITAL_PARTS)
            )
            for p in capitals
        )
    ):
        yield Proper("institution", start, end, "institution-cue")
        return
    # A unit named by a word after 'the', then what it is for ('the Hawthorn Unit for eating
    # disorders', 'the Willow Ward for older adults'; not 'the Day Unit for an infusion',
    # 'the Stroke Unit for thrombolysis').
    if (
        len(parts) == 2
        and parts[1] in _HOSPITAL_PARTS
        and before.endswith("the ")
        and _FOR_WHOM.match(text, end, end + 30) is not None
        and not _medical(parts[0])
        and _bare(parts[0]) not in _UNIT_KINDS
        and _bare(parts[0]) not in CARE_WORDS
        and _bare(parts[0]) not in GENERIC
    ):
        yield Proper("institution", start, end, "unit-for")
        return
    if _AREA_AFTER.match(text, end, end + 20):
        yield Proper("place", start, end, "area-after")
        return
    if _TOWN_AND_COUNTY.match(text, end, end + 30):
        yield Proper("place", start, end, "town-and-county")
        return
    # A given name and the initial of a surname ('Thabo M. presented').
    if (
        len(capitals) == 2
        and len(capitals[1]) == 1
        and text[end : end + 1] == "."
        and _capital_word(capitals[0])
        and not _ordinary(_bare(capitals[0]))
        and not _medical(capitals[0])
        and not _TERM_SUFFIX.search(capitals[0])
        and capitals[0] not in _MONTHS_DAYS
    ):
        yield Proper("name", start, end + 1, "name-and-initial")
        return
    # Layer 2: dictionaries.
    # (a festival after a word of time is the festival, though some are names too: 'fasting
    # during Ramadan', 'the week before Diwali'; 'Ramadan Ali' is judged below)
    if len(parts) == 1 and parts[0] in _FESTIVAL_NAMES and _TIME_BEFORE.search(before):
        return
    named = [p for p in capitals if _named_word(p) and not _medical(p)]
    german = _in_german(text, start, end)
    if (
        named
        and (not at_sentence_start or len(capitals) > 1 or _after_name_verb(text, end))
        and not _disease_after(text, end, run)  # 'Hong Kong flu'
        # (German writes every noun with a capital: there a given name must be among them,
        # 'vor dem Flug' is no name, 'Flugkapitän Dieter Hoffmann' is)
        and not (german and not any(_bare(p) in words.given_names() for p in capitals))
    ):
        yield Proper("name", start, end, "name-list")
        return
    if (
        (
            (not at_sentence_start or len(capitals) > 1)
            # one word that is a town somewhere ('Creon', 'Humira'): only after a word that
            # places it ('travelled to Lagos', 'a family from Ludlow')
            and (
                len(parts) > 1 or before.rstrip().rsplit(" ", 1)[-1].lower() in _PLACE_WORDS_BEFORE
            )
        )
        and (
            _is_place(run)
            or _is_place(_bare(run))
            or any(
                _is_place(" ".join(parts[i:j]))
                for i in range(len(parts))
                for j in range(i + 1, len(parts) + 1)
                if not at_sentence_start or i > 0
            )
        )
        and not _disease_after(text, end, run)
        and not _DOCUMENT_OF.match(run)  # 'the Declaration of Helsinki'
    ):
        yield Proper("place", start, end, "gazetteer")
        return
    # A landmark named with a landform word ('Manly Beach', 'Lake Tahoe', 'the Okavango
    # Delta'): a place smaller than a state, even when its other word is an ordinary one.
    if (
        len(capitals) > 1
        and any(p in _LANDFORMS for p in capitals)
        and not _WARD_BAY.fullmatch(run)  # 'Bay C had four patients': a ward's bay
        and capitals[0] not in _IMAGING  # 'CT Head', 'MRI Head and Neck': a study of the head
        and not _term_soon(text, end)
    ):
        yield Proper("place", start, end, "landform")
        return
    if run.endswith("shire") or _PLACE_HYPHENS.search(run):
        yield Proper("place", start, end, "place-shape")
        return
    # Two or more capitalised words that are neither ordinary nor medical: a name.
    unknown = [
        p
        for p in capitals
        if not _ordinary(_bare(p))
        and not _medical(p)
        and p not in _MONTHS_DAYS
        and _capital_word(p)
    ]
    if len(unknown) >= 2 and not german:  # ('ein Gefühl der Leichtigkeit')
        yield Proper("name", start, end, "unknown-run")
    elif (
        unknown == capitals
        and len(unknown) == 1
        and not german
        and not re.search(r"-[a-z]", unknown[0])  # ('Pilot-in-command reported')
        and not _NOT_NAME_ENDING.search(_bare(unknown[0]))  # ('Carers', 'Pathergy')
        # (a place's name too, but places do not insist or describe: 'Katya insisted')
        and _PERSON_ONLY_VERB.match(text, end, end + 30)
    ):
        # one word no list knows, before what only a person does ('Zanele presented',
        # 'Lwazi told the interpreter', 'Deepika was counselled')
        yield Proper("name", start, end, "unknown-before-person-verb")
    elif (
        unknown == capitals[:1]
        and capitals[0][-2:] in ("'s", "’s")
        and all(p.isupper() for p in capitals[1:])
        and (len(capitals) > 1 or _ABBREVIATION.match(text, end + 1) is not None)
    ):
        yield Proper("name", start, end, "unknown-possessive")  # 'Olumide's ESR had fallen'


#: 'Rosalind and her twin': a person.
_AND_KIN = re.compile(
    r" and (?:her|his|their) (?:twin|mother|father|brother|sister|husband|wife|partner|son"
    r"|daughter|parents|family)\b"
)
#: What only a person does: a country that 'presented with' is a person's given name.
_PERSONAL_VERB = re.compile(
    r"\s+(?:presented|complained|was seen|was admitted|was referred|was born|felt|told|said)\b"
)
_AREA_JOINS = re.compile(r",\s*|\s+(?:and|or|to)\s+")
_COMPASS = re.compile(
    r"^(?:(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|Upper|Lower"
    r"|Rural|Remote|Coastal|Urban|Inland|Tropical|Southeast|Southwest|Northeast|Northwest"
    r"|South-East|South-West|North-East|North-West)"
    # (or its initials, as notes write them: 'ret'd from W Africa', 'SE Asia')
    r"(?:-|\s+)|(?:N|S|E|W|NE|NW|SE|SW)\.?\s+|[Ss]ub-Saharan\s+)+"
)
_RIVERS = re.compile(r"\s+(?:River|Rivers|Valley|Valleys|Basin|Delta)$")
_OPENING_WORDS = re.compile(r"^(?:The|In|From|Across|Throughout|Both)\s+")
_INNER_THE = re.compile(r"^the\s+")


@cache
def _only_large_areas(run: str) -> bool:
    """Whether the run names only countries, states, continents or world regions (with
    a compass word: 'northern Australia', 'East Africa'), which Safe Harbor allows."""
    areas = words.large_areas()
    pieces = [
        _INNER_THE.sub("", piece)
        for piece in _AREA_JOINS.split(_OPENING_WORDS.sub("", _RIVERS.sub("", run)))
    ]
    # (a direction alone before 'and' shares the next area's noun: 'Central and South
    # America', 'East and Southeast Asia'; an area's adjective names no smaller place:
    # 'South-East Asian patients', 'West African descent', 'European')
    return all(
        piece in areas
        or _COMPASS.sub("", piece) in areas
        or _area_adjective(_COMPASS.sub("", piece), areas)
        or (piece in _DIRECTIONS and index + 1 < len(pieces))
        for index, piece in enumerate(pieces)
        if piece
    ) and any(pieces)


def _area_adjective(word: str, areas: frozenset[str]) -> bool:
    """Whether ``word`` is the adjective of a large area made with '-n' or '-an' ('Asian',
    'African', 'European', 'Chilean')."""
    return word.endswith("an") and (word[:-1] in areas or word[:-2] in areas)


_DIRECTIONS = frozenset(
    ["Central", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western"]
)


_ABBREVIATION = re.compile(r"[A-Z]{2,5}\b")
_POSSESSED = re.compile(r"\s+(?:[a-z]|[A-Z]{2,5}\b)")


def _after_name_verb(text: str, end: int) -> bool:
    """A given name at the start of a sentence followed by what people do ('Noah was seen'),
    or its possessive before a noun ('Isla's seizures'; a term there was ruled out before)."""
    if text[end - 2 : end] in ("'s", "’s") and text[end : end + 1] == " ":
        # 'Isla's seizures', 'Olumide's ESR'
        return text[end + 1 : end + 2].islower() or _ABBREVIATION.match(text, end + 1) is not None
    return (
        _NAME_VERB.match(text, end, end + 40) is not None
        # ('Tyler, a college soccer midfielder, described')
        or _OPENER_PERSON.compiled.match(text, end, end + 60) is not None
    )
