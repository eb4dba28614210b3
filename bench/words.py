"""The words the generated benchmark strategies are written in (see make_strategy.py)."""

# Business units: (site, what it does, [(metric name, unit, better, baseline, target, £/unit)]).
UNITS = [
    ("Telford", "press shop", [("Lost-time injuries", "injuries per quarter", "lower", 9, 4, 14500),
                               ("Parts scrapped", "parts per week", "lower", 5200, 3600, 6.8),
                               ("Unplanned downtime", "hours per week", "lower", 38, 26, 780)]),
    ("Cork", "contact centre", [("Complaints", "complaints per 1,000 calls", "lower", 3.4, 2.2, 5000),
                                ("First-contact resolution", "% of calls", "higher", 71, 80, None),
                                ("Adviser attrition", "leavers per quarter", "lower", 25, 16, 9000)]),
    ("Leeds", "branch network", [("Needs-based sales", "% of eligible visits", "higher", 2.1, 3.0, 10000),
                                 ("Customer effort", "score out of 7", "lower", 3.9, 3.1, 2500),
                                 ("Mis-sold products", "cases per month", "lower", 14, 6, 3200)]),
    ("Rotterdam", "distribution centre", [("Picking errors", "errors per 10,000 lines", "lower", 42, 20, 85),
                                          ("Forklift incidents", "incidents per month", "lower", 6, 2, 4200),
                                          ("Orders shipped on time", "%", "higher", 91, 97, 1500)]),
    ("Lyon", "hospital wards", [("Medication errors", "errors per 1,000 doses", "lower", 4.1, 2.0, 3100),
                                ("Agency nurse hours", "hours per week", "lower", 620, 380, 48),
                                ("Patient falls", "falls per month", "lower", 11, 6, 7400)]),
]
ROLES = ["Operations Director", "Site Manager", "Finance Director", "HR Business Partner",
         "Head of Quality", "Health & Safety Manager", "Regional Director"]
FIRST = ["Helen", "Gareth", "Priya", "Aoife", "Ciarán", "Sinéad", "Tomasz", "Amara", "Jonas",
         "Fatima", "Owen", "Mei", "Rahul", "Grace", "Lukas", "Nadia"]
LAST = ["Marsh", "Lloyd", "Nair", "Brennan", "Walsh", "Kelly", "Nowak", "Okafor", "Berg",
        "Haddad", "Price", "Chen", "Mehta", "Osei", "Schmidt", "Rossi"]
CONCERNS = ["Losing staff hours during the {season} peak at {site}",
            "Training at {site} was promised before and faded after three months",
            "Supervisors in the {site} {what} are already overloaded",
            "Spending at {site} is frozen until the {season} budget review",
            "The {site} {what} cannot release people on Monday mornings"]
SEASONS = ["spring", "summer", "autumn", "winter"]
QUOTES = ["First time anyone showed us our own work instead of a cartoon of it.",
          "I use the checklist on every shift now.", "The practice sessions felt like a real Monday.",
          "I fix it on the first go and stop passing it on."]
FORMATS = ["e-learning", "classroom", "blended", "coaching", "other"]
