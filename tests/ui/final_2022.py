"""The 2022 World Cup final as a reporter logs it: line-ups as typed or pasted, and
what the match ends up holding (tests/ui/test_whole_match_by_keys.py)."""

ARGENTINA = """23 Emiliano Martínez GK
26 Nahuel Molina DF
13 Cristian Romero DF
19 Nicolás Otamendi DF
3 Nicolás Tagliafico DF
7 Rodrigo De Paul MF
24 Enzo Fernández MF
20 Alexis Mac Allister MF
10 Lionel Messi (c) FW
9 Julián Álvarez FW
11 Ángel Di María FW
Substitutes:
8 Marcos Acuña DF
4 Gonzalo Montiel DF
6 Germán Pezzella DF
5 Leandro Paredes MF
21 Paulo Dybala FW
22 Lautaro Martínez FW
Manager: Lionel Scaloni"""

# Copied from a team sheet; Youssouf Fofana is missing (he joins when he comes on).
FRANCE = """1 Hugo Lloris (c) GK
5 Jules Koundé DF
4 Raphaël Varane DF
18 Dayot Upamecano DF
22 Theo Hernández DF
8 Aurélien Tchouaméni MF
14 Adrien Rabiot MF
11 Ousmane Dembélé FW
7 Antoine Griezmann MF
10 Kylian Mbappé FW
9 Olivier Giroud FW
Substitutes:
12 Randal Kolo Muani FW
26 Marcus Thuram FW
25 Eduardo Camavinga MF
20 Kingsley Coman FW
24 Ibrahima Konaté DF
Manager: Didier Deschamps
"""

# (minute, kind, player, second person, description), in the match"s order.
MOMENTS = [
    ("23'", "penalty_goal", "Lionel Messi", "Ángel Di María", ""),
    ("36'", "goal", "Ángel Di María", "Alexis Mac Allister", "counter-attack"),
    ("41'", "substitution", "Randal Kolo Muani", "Ousmane Dembélé", ""),
    ("41'", "substitution", "Marcus Thuram", "Olivier Giroud", ""),
    ("45+7'", "yellow", "Enzo Fernández", None, ""),
    ("55'", "yellow", "Adrien Rabiot", None, ""),
    ("64'", "substitution", "Marcos Acuña", "Ángel Di María", ""),
    ("71'", "substitution", "Eduardo Camavinga", "Theo Hernández", ""),
    ("71'", "substitution", "Kingsley Coman", "Antoine Griezmann", ""),
    ("80'", "penalty_goal", "Kylian Mbappé", "Randal Kolo Muani", ""),
    ("81'", "goal", "Kylian Mbappé", "Marcus Thuram", "volley"),
    ("87'", "yellow", "Marcus Thuram", None, "simulation"),
    ("90+7'", "save", "Emiliano Martínez", None, "from Kolo Muani"),
    ("97'", "chance", "Lautaro Martínez", None, "blocked by Upamecano"),
    ("108'", "goal", "Lionel Messi", None, "rebound"),
    ("113'", "substitution", "Ibrahima Konaté", "Raphaël Varane", ""),
    ("116'", "substitution", "Youssouf Fofana", "Adrien Rabiot", ""),
    ("118'", "penalty_goal", "Kylian Mbappé", None, "handball by Montiel"),
    ("120+3'", "save", "Emiliano Martínez", None, "from Kolo Muani"),
]
SHOOTOUT = [
    ("pens", "penalty_goal", "Kylian Mbappé", None, ""),
    ("pens", "penalty_goal", "Lionel Messi", None, ""),
    ("pens", "penalty_saved", "Kingsley Coman", None, ""),
    ("pens", "penalty_goal", "Paulo Dybala", None, ""),
    ("pens", "penalty_missed", "Aurélien Tchouaméni", None, "wide"),
    ("pens", "penalty_goal", "Leandro Paredes", None, ""),
    ("pens", "penalty_goal", "Randal Kolo Muani", None, ""),
    ("pens", "penalty_goal", "Gonzalo Montiel", None, ""),
]

# (team, number, name, role, position, captain) as stored, in the line-ups’ order.
LINEUPS = [
    ("Argentina", 23, "Emiliano Martínez", "starter", "GK", False),
    ("Argentina", 26, "Nahuel Molina", "starter", "DF", False),
    ("Argentina", 13, "Cristian Romero", "starter", "DF", False),
    ("Argentina", 19, "Nicolás Otamendi", "starter", "DF", False),
    ("Argentina", 3, "Nicolás Tagliafico", "starter", "DF", False),
    ("Argentina", 7, "Rodrigo De Paul", "starter", "MF", False),
    ("Argentina", 24, "Enzo Fernández", "starter", "MF", False),
    ("Argentina", 20, "Alexis Mac Allister", "starter", "MF", False),
    ("Argentina", 10, "Lionel Messi", "starter", "FW", True),
    ("Argentina", 9, "Julián Álvarez", "starter", "FW", False),
    ("Argentina", 11, "Ángel Di María", "starter", "FW", False),
    ("Argentina", 8, "Marcos Acuña", "substitute", "DF", False),
    ("Argentina", 4, "Gonzalo Montiel", "substitute", "DF", False),
    ("Argentina", 6, "Germán Pezzella", "substitute", "DF", False),
    ("Argentina", 5, "Leandro Paredes", "substitute", "MF", False),
    ("Argentina", 21, "Paulo Dybala", "substitute", "FW", False),
    ("Argentina", 22, "Lautaro Martínez", "substitute", "FW", False),
    ("Argentina", None, "Lionel Scaloni", "manager", None, False),
    ("France", 1, "Hugo Lloris", "starter", "GK", True),
    ("France", 5, "Jules Koundé", "starter", "DF", False),
    ("France", 4, "Raphaël Varane", "starter", "DF", False),
    ("France", 18, "Dayot Upamecano", "starter", "DF", False),
    ("France", 22, "Theo Hernández", "starter", "DF", False),
    ("France", 8, "Aurélien Tchouaméni", "starter", "MF", False),
    ("France", 14, "Adrien Rabiot", "starter", "MF", False),
    ("France", 11, "Ousmane Dembélé", "starter", "FW", False),
    ("France", 7, "Antoine Griezmann", "starter", "MF", False),
    ("France", 10, "Kylian Mbappé", "starter", "FW", False),
    ("France", 9, "Olivier Giroud", "starter", "FW", False),
    ("France", 12, "Randal Kolo Muani", "substitute", "FW", False),
    ("France", 26, "Marcus Thuram", "substitute", "FW", False),
    ("France", 25, "Eduardo Camavinga", "substitute", "MF", False),
    ("France", 20, "Kingsley Coman", "substitute", "FW", False),
    ("France", 24, "Ibrahima Konaté", "substitute", "DF", False),
    ("France", None, "Youssouf Fofana", "substitute", None, False),
    ("France", None, "Didier Deschamps", "manager", None, False),
]
