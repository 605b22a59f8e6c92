"""People-management scope: reports, managing PMs or managers, hiring, budget and P&L, reporting line, board."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from jdclass.experience import number_value
from jdclass.pay import CURRENCY_CODES, CURRENCY_SYMBOLS
from jdclass.sections import DECORATION, character_class
from jdclass.spans import BOUNDARY_BEHIND, Span, at_word_start, lowered, matches_at, occurrences, words_before
from jdclass.titles import LEGAL_FORM

# ASCII digits: "٣ direct reports" is no count we read, and a match can only begin where ``_STARTS`` says.
_NUM = r"(?:[0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)"

# After a count in its line, what makes it a time or a share, not a head count: "12 months", "50%", and past a plus or a
# range ("5+ years", "3-5 years", "3 or more years", "1 to 2 years": a requirement's span of experience). Not the next
# line's: "Direct reports: 3" over "- 5 years of product management".
_NOT_A_HEADCOUNT = rf"\+?[^\S\n]*(?:(?:[-–—/]|to|or)[^\S\n]*(?:more|{_NUM})\b\+?[^\S\n]*)?(?:%|(?:percent|months?|years?|yrs?|weeks?|days?)\b)"

# A label of the number of direct reports, up to the separator before its value: "Direct reports:", "Direct reports –",
# "| Direct reports |" (a Markdown table), "Direct reports (initially):".
_REPORTS_LABEL = r"direct\s+reports(?:[^\S\n]*\([^()\n]{1,30}\))?[^\S\n]*[:|–—-]"

_DIRECT_REPORTS = re.compile(
    rf"\b(?P<n>{_NUM})\+?\s+(?:(?:immediate|initial|current|permanent)\s+)?(?:direct\s+reports|directs\b|(?:senior\s+|product\s+)?(?:product\s+managers|pms|people|product\s+leaders|directors|managers)\s+(?:report|reporting)\s+to\s+you)"
    rf"|\b(?:with|have|has|manage|managing|lead|leading)\s+(?P<k>{_NUM})\+?\s+reports\b"
    rf"|\b(?:team|group|organi[sz]ation)\s+of\s+(?P<m>{_NUM})\+?\s+(?:\w+\s+){{0,2}}(?:product\s+managers|pms|people|product\s+people|managers|directors|product\s+leaders)"
    rf"|\b(?:manag(?:e|es|ing)|lead(?:s|ing)?|supervis(?:e|es|ing)|oversee(?:s|ing)?|hir(?:e|es|ing))\s+(?P<j>{_NUM})\+?\s+(?:senior\s+|associate\s+|group\s+)?"
    r"(?:product\s+managers|pms|people|managers|directors|product\s+leaders)\b"
    # A label and its value: "Direct reports: 3 (PMs)", "Direct reports – 4", "Direct reports: 2-3" (the lower end),
    # "Direct reports: ~6" or "up to 6".
    rf"|\b{_REPORTS_LABEL}[^\S\n]*(?:(?:~|approx(?:\.|imately)?|about|around|roughly|up[^\S\n]+to)[^\S\n]*)?(?P<l>{_NUM})\b(?!{_NOT_A_HEADCOUNT})",
)
# A "team of 12 product managers" counts as the role's only when the role leads it: "lead a team of 6 PMs", "you will
# have a team of four"; not "join a team of 12 product managers", "part of a team of 8 PMs", or the boss "who leads a
# team of 10".
_LEADS_THE_TEAM = re.compile(
    # Whole verbs, not stems: "leadership team of 10 directors" and "management team of 8 people" are no verb of the role's.
    r"\b(?P<verb>lead|leads|leading|manag(?:e|es|ing)|build|builds|building|grow|grows|growing(?=\s+(?:a|an|the|your|our|this|its|their)\b)|"
    r"head|heads|heading|run|runs|running|oversee|oversees|overseeing|supervis(?:e|es|ing)|inherit|inherits|inheriting|direct|directs|directing|"
    r"coach|coaches|coaching|develop|develops|developing|hire|hires|hiring|scale|scales|scaling|own|owns|owning|in\s+charge\s+of|"
    r"(?:leadership|management|supervision|oversight|line\s+management)\s+of|"
    r"take\s+over|takes\s+over|taking\s+over|you(?:['’]ll|\s+will)?\s+have(?=\s+(?:a|an|the|your)\s))"
    # ... then what it leads, up to the team: a few words that are no preposition ("hiring for our team of 12 PMs" is the
    # employer's; "scaling fintech with a team of 60" is the company), and "and the" ("lead this product line and the team").
    r"\s+(?:(?:and|&)\s+(?P<also>\w+)\s+)?(?:(?P<article>a|an|the|your|our|this|its|their)\s+)?"
    r"(?:(?!(?:for|with|within|in|at|on|from|into|to|of|alongside|beside|among)\s)[\w'’-]+\s+){0,3}(?:(?:and|&)\s+(?:the|a|an|your|its|their)\s+)?$"
)
# ... unless the role is to make the team, not lead it: "build a team of 6 PMs", "hire and grow a team of five product
# managers" say whom the role will hire (``hires``), not who reports to it now.
_MAKES_A_TEAM = re.compile(r"(?:build|hir|recruit|grow|scal)\w*")
_JOINED_WORD_BEFORE = re.compile(r"(\w+)(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+)$")
# The employer as the subject of that verb: "We're growing our team of 40 people", "we are hiring for our team of 12 PMs".
_EMPLOYER_SUBJECT = re.compile(r"\bwe(?:['’](?:re|ll|ve))?(?:\s+(?:are|were|will|have|be|been|now|currently|rapidly|quickly|also|actively|still))*\s+$")
# ... or the team reports to the role: "The team of five product managers reports to you".
_REPORTS_TO_THE_ROLE = re.compile(r"[ \t]+(?:who[ \t]+)?(?:will[ \t]+)?report(?:s|ing)?[ \t]+(?:directly[ \t]+)?(?:in)?to[ \t]+(?:you|this[ \t]+role)\b")
_SOMEONE_ELSES_TEAM = re.compile(r"\b(?:who|that|which)\s+(?:\w+\s+)?(?:lead|manag|run|head|oversee|direct|build)\w*\s+(?:[\w'’-]+\s+){0,4}$")
# A colleague named as the one with the reports: "Our CPO has 6 direct reports", "She has 4 direct reports", "our VP,
# who has 5 direct reports"; the hire's boss ("Your manager has 6 direct reports", "Your manager's direct reports: 7")
# unless the clause goes on to the hire ("Reporting to your manager, you will have 4 direct reports"; not "your role as
# director", which is the hire).
_COLLEAGUE_HAS = re.compile(
    r"(?:\b(?:our|their|his|her|the\s+company['’]s)\s+(?:[\w&-]+\s+){0,3}?(?:cpo|ceo|cto|coo|vp|svp|evp|head|director|founder|chief|president|manager|boss)\b"
    r"|\byour\s+(?:(?:hiring|line|direct|future|new)\s+)?(?:cpo|ceo|cto|vp|head|director|manager|boss)\b(?![^.;:\n]*\byou\b)"
    r"|(?:^|[\n.;:(])\s*(?:she|he|they)\b)[^.;:\n]*$"
)
_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom|which)\b[^.;:,\n]*$")  # "..., who joined in 2023 and manages 5 directors"
# ... unless it describes the hire: "we are looking for a Director who will lead 6 PMs", "someone who can manage 4 PMs".
_THE_HIRE_WHO = re.compile(
    r"(?<!\bto\s)(?<!\bwith\s)\b(?:a|an|someone|somebody|the\s+right\s+(?:person|candidate|leader))\s+(?:[\w'’&-]+\s+){0,5}?who\s+"
    r"(?:will|would|can|could|is\s+able\s+to|is\s+ready\s+to|wants\s+to)\s+[^.;:,\n]*$"
)
# "Manage three product managers" counts when the role is the subject: a bullet or sentence that opens with the
# verb ("- Manage", "✅ Manage", "🚀 Lead"), or "you will", "to", "and" before it; not "Our Head of Product manages 3
# directors", "(who manages ...)".
_ROLE_DOES = re.compile(
    rf"(?:(?:[\n.;:•●▪>)–—,]|{character_class(DECORATION)}|\s-)\s*(?:[\w'’]+\s+)?|\b(?:you|you['’]ll|you['’]d|you\s+will|you\s+would|will|would|can|shall|must|to|and|also|"
    r"responsible\s+for|accountable\s+for)\s+)(?:(?:be|also|directly)\s+)*(?:line[- ]?)?$"
)
# ... and not when a colleague is the subject of the clause: "Our Head of Product also manages 3 directors", "She leads
# 40 people", "our VP joined from Google and leads 40 people", "our CPO, who ... leads a team of 40 people".
_COLLEAGUE_SUBJECT = re.compile(r"[\n.;:(]\s*(?:our|their|his|her|she|he|they)\b(?![^.;:\n]*\byou)[^.;:\n]*$")
# After the managed in the possessive, what is theirs as people: "develop the PMs' skills", "the directors' careers".
_THEIR_OWN = r"\s+(?:skills?|growth|careers?|development|performance|craft|progression|potential|strengths)\b"
# The possessive of a plural: a word follows it in its line ("the directors' offsite"), and it is not their own growth
# (``_THEIR_OWN``: the role manages them). A quotation mark that closes a quote after a plural is none: punctuation or
# the line's end follows it ("'lead the product managers'."), or it closes a quote opened in its line, and is made a
# space before the patterns read the text (``_closing_quotes_as_spaces``).
_WORD_AFTER = r"[^\S\n]*+['‘\"“]?\w"  # in its line, a quotation mark before it aside: "the PMs' 'retro'"
_POSSESSIVE_OF_A_PLURAL = rf"['’](?={_WORD_AFTER})(?!{_THEIR_OWN})"
_MANAGES_PMS = re.compile(
    # Up to three joined verbs ("manage, coach and grow"): each joint is a comma or an "and" with its spaces, so
    # a run of spaces can be split only one way (the pattern must not backtrack on "manage ,   x ,   x").
    # Possessive runs (``\w*+``): a word is read whole, as what follows it needs, and a failed try gives none back.
    r"\b(?:manag\w*+|lead\w*+|build\w*+\s+(?:and|&)\s+lead\w*+|coach\w*+|grow\w*+|develop\w*+|hir\w*+|mentor\w*+\s+and\s+manag\w*+|supervis\w*+|oversee\w*+)"
    r"(?:(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+)\w++){0,3}\s+"
    r"(?:a\s+|the\s+|our\s+|your\s+)?(?:(?:small|growing|high[- ]performing|talented|global|distributed|world[- ]class)\s+)?"
    r"(?:team\s+of\s+(?:\d+\s+|\w+\s+)?)?(?:senior\s+|associate\s+|group\s+)?"
    r"(?:product\s+managers|pms\b|product\s+(?:management\s+)?teams?\b|product\s+org\w*|product\s+leaders)"
    # Not what the team or the PMs have ("lead the product team's roadmap", "lead the product managers' weekly review"),
    # but their own growth ("developing the PMs' skills"): ``_THEIR_OWN``.
    rf"(?!['’](?>s\b|(?={_WORD_AFTER}))(?!{_THEIR_OWN}))"
    # "manage three PMs", but not "coach the two PMs": coaching is what a senior PM does for peers
    # "hire four PMs" is hiring (``_HIRES``) unless the role goes on to manage them ("... and manage them"; ``_LEADS_IT_AFTER``)
    r"|\b(?:manag\w*+|supervis\w*+|hir(?:e|es|ing)\b)\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|several)\+?\s+(?:senior\s+|associate\s+)?(?:product\s+managers|pms)\b"
    r"|\b(?:product\s+managers|pms)\s+(?:who\s+)?(?:will\s+)?report(?:ing)?\s+(?:directly\s+)?(?:in)?to\s+(?:you|this\s+role)\b"
    # Reviews count only when they are the PMs': an engineering manager also "runs performance reviews for the team".
    r"|\bperformance\s+reviews?\s+(?:and\s+\w+(?:\s+\w+)?\s+)?(?:for|of)\s+(?:(?:the|your|our|all|each|every)\s+)?(?:\w+\s+)?(?:team\s+of\s+)?"
    r"(?:product\s+managers?|pms?\b|product\s+(?:management\s+)?team|product\s+org\w*|product\s+leaders)"
    r"|\b(?:pm|product\s+manager)\s+performance\s+reviews?\b",
)
# "People management" and "direct reports" say that the role manages, not whom: an engineering manager says so too.
# So do "line management" and "line-manage" (not "your line manager", the boss, nor "product line management", a
# product line's), and solid- or dotted-line reports. Not what people managers have ("the people managers' calendar"),
# but still what a people manager's role or people management's work is ("a people manager's job": the role's).
_MANAGES_PEOPLE = re.compile(
    rf"\bpeople\s+manag\w+\b(?!(?<=managers){_POSSESSIVE_OF_A_PLURAL})|\bdirect\s+reports\b|(?<!product\s)(?<!business\s)\bline[-\s]?manag(?:ement|e|es|ing)\b|\b(?:solid|dotted)[-\s]line\s+reports\b"
)
# ... unless it is said to sit with someone else: "line management remains with the director", "people management sits
# with our Head of Product".
_HELD_ELSEWHERE = re.compile(r"[^\S\n]+(?:remains|sits|stays|rests|lies|is|will[^\S\n]+(?:be|remain|sit|stay))[^\S\n]+with\b")
# Those verbs when they open with hiring ("hire and build the product team", "grow a team of PMs"): hiring (``_HIRES``),
# which says whom the role will manage, not that it manages product managers now, unless a verb that manages is
# among them ("hire and lead"). The joined verbs are read apart: a group in ``_MANAGES_PMS`` slows every scan.
_HIRING_VERBS = ("hir", "grow", "build")
_JOINED_VERBS = re.compile(r"\w+(?:(?:\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+)\w+){0,3}")
_MANAGING_VERB = re.compile(r"\b(?:manag|lead|coach|develop|mentor|supervis|oversee)")
_MANAGES_MANAGERS = re.compile(
    # "lead our two VPs", "develop the product line directors", "hiring of senior product leaders"; not the employer's
    # "we have developed our own product leaders", nor "develop relationships with directors" or "manage up to VPs":
    # the words before the managers say their kind or count ("our two", "product managers and"), never how the role
    # stands to them; "managers" and "leaders" are no verbs ("work with managers and directors")
    r"(?<!\bwe\s)(?<!\bwe\shave\s)(?<!\bwe['’]ve\s)\b(?:manag(?!ers?\b)\w*+|lead(?!ers?\b)\w*+|coach\w*+|develop(?!ers?\b)\w*+|hir\w*+)\s+(?:(?:and|&|,)\s*\w++\s+)?"
    # "leading product teams with directors", "a strong team of PMs and group PMs", "organizations of PMs through directors"
    # "lead the product org through its four directors", "manage the function via its heads of product"
    r"(?:of\s+)?(?:(?:an?\s+(?:\w++\s+)?)?(?:team|organi[sz]ations?|orgs?)\s+of\s+|(?:the\s+|your\s+|our\s+)?(?:\w++\s+){0,2}?(?:org\w*|functions?|departments?|teams?|groups?)\s+(?:through|via)\s+(?:(?:its|their|your|our|the)\s+)?|the\s+|(?:\w++\s+){0,2}?(?:teams|organi[sz]ations|orgs|groups)\s+with\s+)?"
    r"(?:(?!(?:with|to|for|of|from|across|among|alongside|at|by|including|up|between)\b)\w++\s+){0,2}"
    r"(?:(?:product\s+)?(?:managers|pms)\s+(?:and|&|or|through)\s+)?"  # "six product managers and group product managers"
    # "lead the product leadership team", but not "8+ years in product management or digital product leadership"
    r"(?:directors|group\s+product\s+managers|[se]?vps|vice\s+presidents|heads\s+of\s+product|product\s+leaders(?!hip(?!\s+team))|managers\s+of\s+managers|leaders\s+of\s+leaders|people\s+managers)"
    # Not what the managers have ("through the directors' quarterly reviews", "lead the VPs' offsite"), but their own growth.
    rf"(?!{_POSSESSIVE_OF_A_PLURAL})"
    rf"|\bmanagers\s+of\s+managers\b(?!{_POSSESSIVE_OF_A_PLURAL})|\bleaders\s+of\s+leaders\b(?!{_POSSESSIVE_OF_A_PLURAL})",
)
_HIRES = re.compile(
    # The role's hiring, not the employer's recruiting machinery ("our recruiting team", "the hiring process", "hiring
    # managers", "fair hiring practices", "contract-to-hire", "new hire onboarding"); "hire team leads", "scale team"
    # and "serve as hiring manager for every PM role" are the role's. The rest of the phrase is a look-ahead (its span
    # is group "tail"), so that when the employer's "we're hiring a Director to hire the team" is set aside, the scan
    # goes on at "hire the team".
    r"(?:(?<![-\w])(?<!\bnew\s)hire\b(?!\s+(?:onboarding|orientation|paperwork|date)\b)"
    r"|(?<!\bduring\s)(?<!\bduring\sthe\s)(?<!\bstage\sof\s)(?<!\bstages\sof\s)\b(?:hiring|recruit(?!ers?\b)\w*)\b"
    r"(?!\s+(?:team|process(?:es)?|managers?|partners?|coordinators?|agenc(?:y|ies)|committees?|practices|accommodations?|accessibility|stages?|events?|fairs?)\b)"
    r"|(?:(?<=\bas\s)|(?<=\bbe\s)|(?<=\bas\sthe\s)|(?<=\bbe\sthe\s))hiring\s+managers?\b"
    r"|\bbuild\s+out\b|\bscale(?=\s+(?:up\s+)?(?:the|a|an|our|your|this|its|team|teams|product|org\w*)\b)"  # the verb: not "at global scale and ..."
    # "grow the team", "grow the product organisation": headcount, when a team is what grows (not "our growing team",
    # "grow the team's skills", "grow revenue with the team", nor "grow your PMs", which develops them), and the role
    # is the one growing it (``_ROLE_DOES``).
    r"|\bgrow(?:s|ing)?(?=\s+(?:the|a|an|your|our|this|its|their)\s+(?:[\w-]+\s+){0,2}?(?:team|org\w*)\b(?!['’]s))"
    # "build a team of 6 PMs", "build and lead a strong team of product managers": a team to be made, of people (not
    # "build a team culture", nor the employer's "committed to building a diverse team").
    r"|\bbuild(?:s|ing)?(?=\s+(?:(?:and|&)\s+\w+\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,2}?team\s+of\b))"
    r"(?=(?P<tail>[^.\n]{0,40}\b(?:team|product\s+managers|pms|talent|org\w*)\b))"
)
# The hiring words that need the role as their subject: "Acme is growing its team", "Acme is building a team of 12
# PMs" are the employer's ("build out the team" is the role's wherever it stands).
_GROWS_A_TEAM = frozenset(("grow", "grows", "growing", "build", "builds", "building"))
# Just before the hiring word: the employer announcing a vacancy ("we are hiring a PM to join our team", "Acme is
# now recruiting", "the person we hire"), not the role's own hiring ("you will hire", "your first priority is hiring",
# "they are hiring strong PMs", "shaping who we hire into the group", "the product managers we hire").
_EMPLOYER_HIRING = re.compile(
    r"(?:(?<!\bhow\s)(?<!\bwho\s)(?<!\bwhom\s)(?<!\bpms\s)(?<!\bpeople\s)(?<!\bmanagers\s)(?<!\bleaders\s)(?<!\bcandidates\s)"
    r"\bwe(?:['’]re|['’]ll\s+be|['’]ve\s+been|\s+(?:are|were|will\s+be|have\s+been))?"
    r"|\b(?:company|firm|organi[sz]ation|business|startup|agency|client)\s+(?:is|are)|\b(?:is|are)\s+(?:now|currently|actively))"
    r"(?:\s+(?:now|currently|actively|also|still))?\s+$"
)
# The same announcement with the employer named, read in the original case: a capitalized name before "is" or
# "are" (not a pronoun: "They are hiring strong PMs" is the role's directors), and a title or "for" after the
# hiring word ("Acme Health is hiring a Product Manager", "Northwind is recruiting for"). "The Director is recruiting
# a team of five PMs" is the role's own hiring.
_NAMED_EMPLOYER_HIRING = re.compile(
    r"(?<![\w&.'’-])(?!(?:You|Your|They|Their|She|He|These|Those|This|That|It|Which|Who|What)\b)[A-Z][\w&.'’-]*\s+(?:is|are)"
    r"(?:\s+(?:now|currently|actively|also|still))?\s+$"
)
_NAMED_EMPLOYER_OBJECT = re.compile(r"\w*\s+(?:(?:an?|our|their|its)\s+)?(?:[A-Z]|for\b)")
# "p&l", "p & l", "profit and loss", "pnl": the word boundary is checked behind the first letter, as in _REPORTS_TO.
_PNL = re.compile(rf"p{BOUNDARY_BEHIND}(?:\s*&\s*l\b|&amp;l\b|rofit\s+(?:and|&)\s+loss\b|nl\b)")
_BUDGET = re.compile(
    # "manage" or "management of", not "management" alone: "our Performance Management product helps customers build
    # budgets" gives the role none.
    r"\b(?:own|owns|owning|manag(?:e|es|ed|ing)|management\s+of|manager\s+of|financial\s+management|set|sets|control\w*|responsib\w+|accountab\w+)\b[^.\n]{0,60}\bbudgets?\b|\bbudget(?:ing)?\s+(?:for|of|ownership|responsibility)\b|\bbudgetary\b",
)
_REPORTS_TO = re.compile(
    # The word boundary is checked behind the whole word (``at_word_start``): ``re`` skips ahead to "report" itself.
    # "Reports to: VP", "| Reports to | Head of Product |" (a Markdown table), "Reporting line: CTO"; not "4 PMs reporting to you".
    # The space before a separator goes with it (not "\s*[:|–—-]?\s+", whose two runs share a run of tabs or newlines
    # in every way, one after the other: quadratic).
    rf"{at_word_start('report')}(?:s|ing)?\s+(?:(?:directly\s+)?(?:in)?to|line(?=\s*[:|–—-]))(?:\s*[:|–—-])?\s+(?!you\b)(?:the\s+|our\s+|a\s+|an\s+)?"
    r"(?P<who>[A-Za-z&,./\- \u00a0‐‑–—]{2,60})",
)
# Words that name a part of a company, or a region it works in (``_UNIT_NAMED``).
_UNIT_WORDS = (
    r"(?:division|group|unit|department|business|segment|region|emea|apac|latam|americas|asia|europe|africa|"
    r"(?:north|south|east|west|central)(?=[^\S\n]+\w)|international|global|operations|banking|technology|digital|commercial|retail|consumer)"
)
_BOSS_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("board", r"^board\b"),
        # The head of a business unit or a region, not of the company: "the General Manager of Imaging Informatics",
        # "the Managing Director of the business line", "the President of the Consumer Banking division" ("the
        # President of the company" and "of Acme" are the CEO; "President, Asia Pacific": ``_UNIT_NAMED``). A
        # Managing Director heads a company, so one of a name heads it ("the Managing Director of Acme", as "for
        # Acme"), and one of a unit is said so ("of the business line", "of Digital Commerce").
        (
            "vp",
            (
                rf"(?:general\s+manager\s+(?:of|for)\s+|managing\s+director\s+(?:of|for)\s+(?=(?:the|our)\s|[^,;]*\b{_UNIT_WORDS}\b))"
                r"(?!(?:the|our)\s+(?:company|firm|organi[sz]ation|group|business(?!\s+(?:unit|line|area|segment|division)))\b)"
                rf"(?![^,;]*{LEGAL_FORM})"  # "the Managing Director of Acme GmbH" heads the company
                rf"|(?<!vice\s)\bpresident\s+(?:of|for)\s+(?![^,;]*{LEGAL_FORM})(?:the\s+)?[^,;]*\b(?:division|unit|department|business|segment|region|banking|operations)\b"
            ),
        ),
        (
            "ceo",
            r"\bceo\b|chief\s+executive|\bfounders?\b|co-?founder|managing\s+director|(?<!vice\s)\bpresident\b(?!\s+of\s+product)|general\s+manager",
        ),
        ("cpo", r"\bcpo\b|chief\s+product|chief\s+technology\s+and\s+product"),
        ("vp", r"\b(?:s|e)?vp\b|vice\s+president"),
        ("head_of_product", r"head\s+of\s+product(?!\s+(?:marketing|design|engineering|operations))"),
        ("director", r"\bdirector\b"),
        ("executive", r"\bc(?:-|\s)?(?:suite|level)\b|\bc[otfmidrcsh]o\b|\bciso\b|chief\s+\w+\s+officer"),  # COO, CTO, CFO, CMO, CIO, CDO, ...
        ("senior_pm", r"group\s+(?:product\s+manager|pm)|\bgpm\b|(?:senior|sr\.?|lead|principal)\s+(?:product\s+manager|pm)"),
        ("pm", r"product\s+manager|\bpm\b"),
    )
)
_BOSS_GAPS = re.compile(r"\s*[-‐‑–—]\s*|\s+")
_BOARD = re.compile(
    r"\bboard\s+of\s+directors\b|\b(?:the|our|company)\s+board\b(?!\s+games?)|\bboard[- ](?:level|meetings?|members?|presentations?|room|decks?|updates?)\b|\binvestor\s+(?:relations|updates|meetings|presentations|communications)\b",
)
_EXEC_TEAM = re.compile(
    r"\bexecutive\s+(?:leadership\s+)?(?:team|committee)\b|\bc[- ]?(?:suite|level)\b|\bsenior\s+leadership\s+team\b|\bmember\s+of\s+the\s+(?:\w+\s+)?(?:leadership|management)\s+team\b|\bslt\b",
)

# Words that every match of a pattern contains: most postings have none of them, and a substring test is far
# cheaper than a scan with the pattern (tests/test_posting.py checks each pattern against its words). Not for
# _MANAGES_MANAGERS: three postings in five hold "managers", "leaders" or "directors", and the tests cost more than
# the tries at its starts (found for the other patterns already) that they spare.
_NEEDS: dict[str, tuple[str, ...]] = {
    "pnl": ("&", "profit", "pnl"),
    "budget": ("budget",),
    "board": ("board", "investor"),
    "executive_team": ("executive", "suite", "level", "leadership", "member", "slt"),
}
_NUMBER_STARTS: tuple[str, ...] = (*"0123456789", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen")
_NUMBER_STARTS += ("twenty", "thirty", "forty", "fifty")
# A team to be made that the role then leads, in the same clause: "build a team of 5 PMs and lead it", "hire a team of 4
# product managers, then manage them", "hire four PMs and manage them" (not "hire a team of 4 PMs and lead the launch").
_LEADS_IT_AFTER = re.compile(
    r"[^.;:!?\n]{0,40}?\b(?:and|then)[^\S\n]+(?:(?:to|also|go\s+on\s+to)[^\S\n]+)?(?:lead|manag|coach|run|supervis)\w*[^\S\n]+(?:it|them)\b"
)
# A team to be made (``_team_to_be_made``) that grows from a count to another is there already, and the role leads it:
# "grow a team of 5 PMs to 12", "scale a team of four PMs into a group of ten".
_GROWS_TO_A_COUNT = re.compile(
    r"[^\S\n]+(?:in)?to[^\S\n]+(?:(?:a|an)[^\S\n]+(?:[\w-]+[^\S\n]+)?(?:team|group|org\w*)[^\S\n]+of[^\S\n]+)?"
    rf"(?:\d|(?:{'|'.join(word for word in _NUMBER_STARTS if not word.isdigit())})\b)"
)
# How every match of a pattern begins: the pattern is tried only where one of these occurs, or at a place that
# ``_DERIVED_PLACES`` gives (``_places``; tests/test_posting.py checks that each pattern finds the same matches as a
# scan of the whole text). A pattern that opens with a letter (_PNL) needs none: ``re`` skips ahead to that letter.
_STARTS: dict[str, tuple[str, ...]] = {
    "direct_reports": (*_NUMBER_STARTS, "with", "have", "has", "manag", "lead", "supervis", "oversee", "hir", "team", "group", "organi", "direct"),
    "manages_product_managers": ("manag", "lead", "build", "coach", "grow", "develop", "hir", "mentor", "supervis", "oversee", "product", "pm")
    + ("performance",),
    "manages_people": ("people", "direct", "line", "solid", "dotted"),
    "manages_managers": ("manag", "lead", "coach", "develop", "hir"),
    "hires": ("hir", "recruit", "build", "scale", "grow"),
    "budget": ("own", "manag", "financ", "set", "control", "responsib", "accountab", "budget"),
    "board": ("board", "investor"),
    "executive_team": ("executive", "member", "slt"),
}


def _board_places(text: str) -> list[int]:
    """Where "the board", "our board" and "company board" can begin: a word before each "board"."""
    return words_before(text, occurrences(text, ("board",)))


def _executive_places(text: str) -> list[int]:
    """Where "C-suite", "c level" and "senior leadership team" can begin: a letter or two before each "suite" and
    "level", and a word before each "leadership"."""
    return [at - back for at in occurrences(text, ("suite", "level")) for back in (1, 2) if at >= back] + words_before(text, occurrences(text, ("leadership",)))


# Where a pattern can begin besides its starts: a word or a letter before a word that its matches hold after their
# start, where that start is a common word ("the", "our", "senior") or one letter ("c"), and finding it costs more
# than finding the word after it ("board", "suite", "level", "leadership").
_DERIVED_PLACES = {"board": _board_places, "executive_team": _executive_places}


def _places(name: str, text: str, starts: tuple[str, ...]) -> list[int]:
    """Where a match of the pattern named ``name``, whose starts in ``text`` are ``starts``, can begin, in order."""
    places = occurrences(text, starts)
    derived = _DERIVED_PLACES.get(name)
    return sorted(places + derived(text)) if derived else places


# Starts that begin only matches holding certain words, with patterns that find those words: in a text without any
# of them, the pattern is tried at its other starts alone. A count begins only "5 direct reports", "5 directs" and
# "three PMs reporting to you" (words one bench posting in eleven holds), "with", "have" and "has" only "with 4 reports",
# and "direct" only the label "Direct reports: 3".
# In ``_MANAGES_PEOPLE``, "direct" begins only "direct reports"; in ``_MANAGES_PMS``, "product" and "pm" only "product
# managers who report to you" and "PM performance reviews" (three bench postings in four hold "report", one in twelve these).
_CUED_STARTS: tuple[tuple[str, frozenset[str], tuple[re.Pattern[str], ...]], ...] = (
    ("direct_reports", frozenset(_NUMBER_STARTS), (re.compile(r"direct(?:s|\s+reports)"), re.compile(r"report(?:ing)?\s+to\s+you"))),
    ("direct_reports", frozenset(("with", "have", "has")), (re.compile("reports"),)),
    ("direct_reports", frozenset(("direct",)), (re.compile(_REPORTS_LABEL),)),
    ("manages_people", frozenset(("direct",)), (re.compile(r"direct\s+reports"),)),
    (
        "manages_product_managers",
        frozenset(("product", "pm")),
        (re.compile(r"report(?:ing)?\s+(?:directly\s+)?(?:in)?to\s+(?:you|this\s+role)\b"), re.compile(r"performance\s+review")),
    ),
)  # each cue opens with a literal, which ``re`` finds as fast as ``str.find``


def _starts_in(text: str) -> dict[str, tuple[str, ...]]:
    """The starts of each pattern (``_STARTS``) that can begin a match in ``text``: a group of ``_CUED_STARTS`` only
    where one of its words is."""
    return _starts_without(tuple(not any(cue.search(text) for cue in cues) for _, _, cues in _CUED_STARTS))


@functools.cache
def _starts_without(left_out: tuple[bool, ...]) -> dict[str, tuple[str, ...]]:
    """``_STARTS`` without the groups of ``_CUED_STARTS`` that ``left_out`` marks."""
    starts = dict(_STARTS)
    for (name, group, _), out in zip(_CUED_STARTS, left_out):
        if out:
            starts[name] = tuple(start for start in starts[name] if start not in group)
    return starts


# The scope's yes-or-no signals (beside the number of direct reports and the reporting line).
YES_NO_SIGNALS = ("manages_product_managers", "manages_people", "manages_managers", "hires", "pnl", "budget", "board", "executive_team")


@dataclass(frozen=True)
class ManagementScope:
    """What a posting says about the people, money and reporting line the role holds."""

    direct_reports: int | None = None
    manages_product_managers: bool = False
    manages_people: bool = False  # "people management", "direct reports": the role manages, whom unsaid
    manages_managers: bool = False
    hires: bool = False
    pnl: bool = False
    budget: bool = False
    reports_to: str | None = None
    board: bool = False
    executive_team: bool = False
    spans: dict[str, Span] = field(default_factory=dict, compare=False)

    @property
    def stated(self) -> bool:
        """Whether the posting states any of this scope."""
        return bool(self.direct_reports or self.reports_to) or any(getattr(self, name) for name in YES_NO_SIGNALS)

    def to_dict(self) -> dict[str, object]:
        return {
            "direct_reports": self.direct_reports,
            "manages_product_managers": self.manages_product_managers,
            "manages_people": self.manages_people,
            "manages_managers": self.manages_managers,
            "hires": self.hires,
            "pnl": self.pnl,
            "budget": self.budget,
            "reports_to": self.reports_to,
            "board": self.board,
            "executive_team": self.executive_team,
            "spans": {name: span.to_list() for name, span in self.spans.items()},
        }


# A negation reaches to the signal within its clause: not past a colon, a dash, "but", a comma before a count, or another
# sentence ("This isn't an IC role: you'll have 6 direct reports", "No ego, 5 direct reports and a budget").
_NEGATION = re.compile(rf"(?:\b(?:no|not|without|never|nor|rather\s+than|instead\s+of)\b|\wn['’]t\b)(?:(?!\bbut\b|,[^\S\n]*{_NUM}\b)[^.;:!?–—\n]){{0,25}}$")
# ... or as a label's value: "Direct reports: none", "Budget – N/A", "People management: no", "... : not required",
# "| Direct reports | None |", "Direct reports (for now): none" (not "Direct reports: 0-2", a range).
_NONE_AFTER = re.compile(
    r"(?:[^\S\n]*\([^()\n]{1,30}\))?[^\S\n]*[:|–—-][^\S\n]*(?:(?:none|nil|n/a|na|0|zero|no)\b(?![^\S\n]*(?:\w|[-–—+]))|(?:not|none)[^\S\n]+(?:required|needed|expected|applicable)\b)"
)


def _negated(text: str, start: int, end: int) -> bool:
    """True for "no direct reports", "you won't have direct reports", "will not manage a team", "Direct reports:
    none": a signal stated as absent. A count after a comma is stated, whatever came before it: "No ego, 5 direct
    reports" has five."""
    if _COUNT_AFTER_A_COMMA.match(text, start) and text[max(0, start - 30) : start].rstrip().endswith(","):
        return bool(_NONE_AFTER.match(text, end))
    return bool(_NEGATION.search(text[max(0, start - 30) : start]) or _NONE_AFTER.match(text, end))


_COUNT_AFTER_A_COMMA = re.compile(rf"{_NUM}\b")


# A budget that is a perk, not one the role owns: "a learning budget of $1,500", "a budget for conferences".
_PERK_BEFORE_BUDGET = re.compile(
    r"\b(?:learning|training|education(?:al)?|(?:personal|professional|career)\s+development|l&d|conference|wellness|well-?being|home[- ]office|"
    r"equipment|hardware|personal|stipend|books?|gym|fitness|choice|flex(?:ible)?|lifestyle)(?:\s+(?:and|&)\s+\w+)?\s+$"
)
_PERK_AFTER_BUDGET = re.compile(
    rf"^s?\s+(?:of\s+(?:[{CURRENCY_SYMBOLS}]|{'|'.join(CURRENCY_CODES)})?\s*[\d,.]+k?\s+)?(?:for|to\s+spend\s+on)\s+(?:your\s+|personal\s+|professional\s+)*(?:certifications?|conferences?|courses?|training|learning|books?|equipment|wellness|home\s+office|development|education)\b"
)


def _perk_budget(text: str, match: re.Match[str]) -> bool:
    """True when the "budget" a match names is an employee perk ("learning budget", "a budget for courses")."""
    at = text.find("budget", match.start(), match.end())
    return at >= 0 and bool(_PERK_BEFORE_BUDGET.search(text, max(0, at - 40), at) or _PERK_AFTER_BUDGET.search(text[at + 6 : at + 90]))


def _manages_as_well(text: str, start: int) -> bool:
    """Whether the verbs joined at ``start`` ("hire, coach and grow") hold one that manages."""
    joined = _JOINED_VERBS.match(text, start)
    return joined is not None and bool(_MANAGING_VERB.search(joined.group()))


def _lead_in(text: str, start: int) -> str:
    """The 60 characters before ``start``, after a line break when they begin the text: what says who the subject is."""
    return ("\n" if start <= 60 else "") + text[max(0, start - 60) : start]


def _team_to_be_made(lead_in: str, leads: re.Match[str]) -> bool:
    """Whether the team before which ``leads`` (a ``_LEADS_THE_TEAM`` match in ``lead_in``) ends is one the role is to
    make: every verb joined before it hires or builds ("build a team of 6 PMs", "hire and grow a team of five PMs"),
    and it is "a team", not one that is there ("grow our team of 5 PMs"); "lead, hire and develop a team of five
    PMs" and "build and lead a team of 6 PMs" hold a verb that leads it."""
    verbs = [verb for verb in (leads.group("verb"), leads.group("also")) if verb]
    if leads.group("article") not in (None, "a", "an") or not all(_MAKES_A_TEAM.fullmatch(verb) for verb in verbs):
        return False
    end = leads.start("verb")
    while joined := _JOINED_WORD_BEFORE.search(lead_in, 0, end):  # "Coach, hire and " before "grow a team of"
        if not _MAKES_A_TEAM.fullmatch(joined.group(1)):
            return not _MANAGING_VERB.match(joined.group(1))  # "Own the roadmap and hire a team": "roadmap" is no verb
        end = joined.start()
    return True


def _counts_the_roles_team(text: str, match: re.Match[str]) -> bool:
    """Whether a ``_DIRECT_REPORTS`` match is the role's own count: "5 direct reports" and "with 4 reports" unless a
    colleague or a relative clause has them; a team ("a team of six PMs") only when the role leads it or it reports
    to the role, and "manage three PMs" only when the role is the subject; never when a colleague or a relative
    clause is."""
    lead_in = _lead_in(text, match.start())
    if match.group("m") is None and match.group("j") is None:  # "5 direct reports": the role's, unless a colleague's
        return not _COLLEAGUE_HAS.search(lead_in)  # "Our CPO has 6 direct reports", not "Our ideal candidate will have 5"
    if _COLLEAGUE_SUBJECT.search(lead_in) or (_RELATIVE_CLAUSE.search(lead_in) and not _THE_HIRE_WHO.search(lead_in)):
        return False
    if match.group("j") is not None:  # "manage three PMs"; "hire four PMs" only when the role then manages them
        hired = text.startswith("hir", match.start())
        return bool(_ROLE_DOES.search(lead_in)) and (not hired or bool(_LEADS_IT_AFTER.match(text, match.end())))
    if _SOMEONE_ELSES_TEAM.search(lead_in) and not _THE_HIRE_WHO.search(lead_in):
        return False
    leads = _LEADS_THE_TEAM.search(lead_in)
    if leads and (
        _EMPLOYER_SUBJECT.search(lead_in, 0, leads.start("verb"))
        or (_team_to_be_made(lead_in, leads) and not _GROWS_TO_A_COUNT.match(text, match.end()) and not _LEADS_IT_AFTER.match(text, match.end()))
    ):
        return False
    return bool(leads or _REPORTS_TO_THE_ROLE.match(text, match.end()))


# The lower end of a range before a count: "2-3 direct reports", "3 to 5 direct reports".
_RANGE_BEFORE = re.compile(rf"\b(?:(?P<lo>{_NUM})\s*(?:-|–|—|to)|between\s+(?P<from>{_NUM})\s+and)\s*$")
# A further report that a label's value lists after its count, in its line: a count ("Direct reports: 3 Product
# Managers, 1 Designer" has 4) or one report named ("three VPs of Product, the VP Design and the Head of Data" has 5).
# Not a count that says which of them ("3 PMs, 2 of whom are senior", "2 in London"), nor a thing named ("and the
# opportunity to hire", "a growing team"); the list of a range ("2-3 PMs and a designer") and a note in brackets are none.
_LISTED_REPORT = re.compile(
    # Up to six words of what the count names ("VPs of Product"), each space run and word read whole (possessive: a run
    # of spaces is scanned once for each word tried, not once for each way to split it).
    r"(?:[^\S\n]++[^\W\d][^\s,;.()\d]*+){0,6}?(?:[^\S\n]*+,[^\S\n]*+(?:(?:and|&)[^\S\n]++)?|[^\S\n]++(?:and|&|plus)[^\S\n]++)"
    rf"(?:(?P<count>{_NUM})\b(?!{_NOT_A_HEADCOUNT})(?![^\S\n]+(?:of|are|is|will|who|to|or|more|in|at|by|from|per)\b)(?=[^\S\n]+[^\W\d_])"
    r"|(?:an?|the)[^\S\n]++(?:[\w-]++[^\S\n]++)?(?:[se]?vps?|heads?|directors?|leads?|managers?|designers?|analysts?|engineers?|researchers?|scientists?"
    r"|a?pms?|gpms?|owners?|architects?|specialists?|marketers?|strategists?|writers?|officers?|coordinators?)\b)"
)
_MOST_LISTED = 8  # reports listed after the first: a bound on the work for a hostile run of ", 1 pm"
# Whom the reports are, in the count's own words or right after it ("3 direct reports: two designers and a researcher",
# "Direct reports: 3 designers", "manage 5 people (engineers)", "2 direct reports, both senior designers"): product
# managers and their leaders, or other kinds of people. Reports named as neither ("5 direct reports", "a team of 6")
# are taken to be PMs: in a PM posting they are.
_PRODUCT_REPORTS = re.compile(r"\b(?:product[^\S\n]+(?:managers?|leads?|leaders?)|a?pms?|gpms?|directors?|heads[^\S\n]+of[^\S\n]+product|[se]?vps?)\b")
_OTHERS_NAMED = re.compile(
    # Possessive runs of spaces: a run is read once, not once for each way to split it.
    rf"[^\S\n]*+[,:(–—-]?[^\S\n]*+(?:(?:all|both|each|mostly|including|namely|{_NUM}|an?|senior|junior|lead|staff|principal|product|ux|ui|data|software|qa)[^\S\n]++){{0,3}}"
    r"(?:designers?|engineers?|developers?|researchers?|analysts?|scientists?|marketers?|writers?|architects?|strategists?|specialists?"
    r"|coordinators?|(?:engineering|design|program|project|marketing|content)[^\S\n]+(?:managers?|leads?))\b"
)


def _reports_count(text: str, matches: Iterator[re.Match[str]]) -> tuple[int, Span] | None:
    """The number of direct reports and its span, from the role's ``_DIRECT_REPORTS`` matches in text order: a count
    of reports ("5 direct reports", "with 4 reports", "manage 3 PMs") before the size of a team the role leads ("an
    organization of 60 people ... with 5 direct reports" has 5); the lower end of a range ("2-3 direct reports" has
    2, "Team size: 40 - 6 direct reports" 6); a label's reports all told ("Direct reports: 3 PMs, 1 designer" has 4)."""
    chosen = None
    for match in matches:
        if match.group("m") is None:  # "5 direct reports", "with 4 reports", "manage 3 PMs": a count of reports
            chosen = match
            break
        chosen = chosen or match
    if chosen is None:
        return None
    group = next(name for name in ("n", "k", "m", "j", "l") if chosen.group(name) is not None)
    start = chosen.start(group)
    try:
        count = int(number_value(chosen.group(group)))
        if group == "l":
            return _listed_reports(text, count, chosen)
        lower = _RANGE_BEFORE.search(text, max(0, start - 24), start)
        low = int(number_value(lower.group("lo") or lower.group("from"))) if lower else None
    except ValueError:
        return None
    if lower is None or low is None or low >= count:  # "Team size: 40 – 6 direct reports" is no range
        return count, Span(chosen.start(), chosen.end())
    return low, Span(min(chosen.start(), lower.start()), chosen.end())


def _reports_are_product_people(text: str, span: Span) -> bool:
    """Whether the direct reports counted at ``span`` are product managers (or their leaders), or not named as
    anything else: "3 direct reports: two designers and a researcher" are not."""
    return bool(_PRODUCT_REPORTS.search(text, span.start, span.end)) or not _OTHERS_NAMED.match(text, span.end)


def _listed_reports(text: str, count: int, label: re.Match[str]) -> tuple[int, Span]:
    """The reports a label's value lists (``_LISTED_REPORT``) added to its count, and the span up to the last."""
    end = label.end()
    for _ in range(_MOST_LISTED):
        listed = _LISTED_REPORT.match(text, end)
        if listed is None:
            break
        count += int(number_value(listed.group("count"))) if listed.group("count") else 1
        end = listed.end()
    return count, Span(label.start(), end)


def reporting_line(who: str, unit: str = "") -> str:
    """The normalized boss in a 'reports to ...' phrase: board, ceo, cpo, vp, head_of_product, director, ...; ``unit``
    is what follows the boss's title after a comma ("Asia Pacific" in "the President, Asia Pacific"): a unit's head is a
    ``vp``, where "the Managing Director, Anna Berg" heads the company."""
    who = _BOSS_GAPS.sub(" ", who)  # "Vice  President", "Vice–President": one space, so the rules see one form
    if _UNIT_NAMED.match(unit) and not _NAMES_A_COMPANY.search(unit) and _UNIT_HEAD.search(who):
        return "vp"  # "the President, Asia Pacific", "the General Manager, Verification Group": a unit's head
    for name, pattern in _BOSS_RULES:
        if pattern.search(who):
            return name
    return "other"


_UNIT_HEAD = re.compile(r"(?:general\s+manager|managing\s+director|(?<!vice\s)\bpresident)\s*$", re.IGNORECASE)
_UNIT_AFTER_THE_BOSS = re.compile(r"(?:,|for\b)[^\S\n]*([^,;.\n]*)")  # "the President, Asia Pacific", "the General Manager for EMEA"
# A part of a company after a comma, not a person's name ("the Managing Director, Anna Berg" heads the company, and so
# does "our President, Maria West": a compass point names a region before another word, "North America") nor the
# company's own ("the Managing Director, Acme Technology GmbH").
_UNIT_NAMED = re.compile(rf"[^,;.\n]*\b{_UNIT_WORDS}\b", re.IGNORECASE)
_NAMES_A_COMPANY = re.compile(LEGAL_FORM, re.IGNORECASE)
_WHO_BEFORE = re.compile(r"\bwho\s+(?:directly\s+)?$")
_AFTER_THE_BOSS = re.compile(r"[,;.]|\b(?:and|who|while|with|on|in|for|to|as|but)\b")  # case-sensitive: "AND" or "With" in a title


def _boss_named(named: str) -> tuple[str, str]:
    """The boss's title at the start of ``named``, before the sentence goes on, and its ``reporting_line``, read with
    the unit named after a comma or "for" ("the President, EMEA, to whom ..."). ``named`` is in its original case."""
    who = _AFTER_THE_BOSS.split(named, maxsplit=1)[0]
    unit = _UNIT_AFTER_THE_BOSS.match(named, len(who))
    return who, reporting_line(who, unit.group(1) if unit else "")


# The boss named before a relative clause: "the Chief Digital Officer, to whom this role reports".
# "to whom you report", "to whom you'll report", "to whom the successful applicant will be reporting"
_TO_WHOM = re.compile(
    r"\bto\s+whom\s+(?:this\s+(?:role|position)|the\s+(?:role|position|successful\s+(?:candidate|applicant)|incumbent)|you)"
    r"(?:\s+(?:will|would)|['’]ll)?\s+(?:be\s+)?report(?:s|ing)?\b"
)
_BOSS_OPENS = re.compile(r"\b(?:the|our|your|an?)\s+(?=[A-Za-z])")


def _reporting_line_before_whom(original: str, text: str, spans: dict[str, Span]) -> str | None:
    """The boss of "... with the Head of Platform, to whom this role reports", from the words before "to whom" in its
    clause: the last that an article or "our" opens and a boss's title reads in ("a Senior PM, who sets the direction
    for the squad and to whom you report"); ``spans`` gets its span."""
    for match in _TO_WHOM.finditer(text):
        clause_start = max(0, match.start() - 80)
        clause_start = max([clause_start] + [text.rfind(mark, clause_start, match.start()) + 1 for mark in ".;:\n!?"])
        found = None
        for opening in reversed(list(_BOSS_OPENS.finditer(text, clause_start, match.start()))):
            boss = _boss_named(original[opening.end() : match.start()])[1]
            if found is None or boss != "other":
                found = boss
                spans["reports_to"] = Span(opening.start(), match.end())
            if boss != "other":
                break
        if found is not None:
            return found
    return None


# A single quotation mark that opens a quote, before a letter and after no word ("'lead the PMs'", "‘grow the team’"),
# and one that closes it, after a word and before none ("the product managers'", "... PMs’ and").
_OPENING_QUOTE = re.compile(r"(?<![\w'’])['‘](?=[^\W\d_])")
_CLOSING_QUOTE = re.compile(r"['’](?<=\w.)(?!\w)")


def _closing_quotes_as_spaces(text: str) -> str:
    """``text`` with each single quotation mark that closes a quote opened in its line as a space, offsets kept: "you
    will 'lead the product managers' and grow them" quotes the managers, and gives them nothing. An apostrophe inside
    the quote ("'don't lead the PMs'") is no closing one: a letter follows it."""
    # The marks are found with ``str.find`` (``occurrences``), which a posting's few apostrophes keep to a fraction of a
    # scan for the opening quotes with a pattern (1 µs against 7 µs a posting).
    marks = occurrences(text, ("'", "‘"))
    closing = []
    start = 0
    for at in marks:
        if at < start or (at > 0 and text[at - 1].isalnum()) or not _OPENING_QUOTE.match(text, at):
            continue  # an apostrophe inside a word ("you'll"), most of them, is told without the pattern
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        closed = _CLOSING_QUOTE.search(text, at + 1, line_end)
        if closed is None:
            start = line_end  # no later quote in the line can close either: each is read once
            continue
        closing.append(closed.start())
        start = closed.end()
    if not closing:
        return text
    pieces = [text[: closing[0]]] + [text[at + 1 : end] for at, end in zip(closing, [*closing[1:], len(text)], strict=True)]
    return " ".join(pieces)


def extract_management_scope(text: str) -> ManagementScope:
    """The management signals in ``text``, each with the span of its first mention."""
    spans: dict[str, Span] = {}
    original, text = text, lowered(text)  # the patterns are lower case; spans are unchanged
    if "*" in text:
        text = text.replace("*", " ")  # Markdown emphasis: "lead a team of **4 product managers**"; offsets kept
    text = _closing_quotes_as_spaces(text)
    starts = _starts_in(text)

    def found(name: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of ``pattern`` that state the role's own signal, in text order."""
        if name in _NEEDS and not any(word in text for word in _NEEDS[name]):
            return  # a word that every match contains is missing: no need to scan with the pattern
        for match in matches_at(pattern, text, _places(name, text, starts[name])) if name in starts else pattern.finditer(text):
            if _negated(text, match.start(), match.end()) or (name == "budget" and _perk_budget(text, match)):
                continue
            if name == "direct_reports" and not _counts_the_roles_team(text, match):
                continue
            if name == "manages_people" and _HELD_ELSEWHERE.match(text, match.end()):
                continue  # "line management remains with the director": someone else's
            if (
                name == "manages_product_managers"
                and text.startswith(_HIRING_VERBS, match.start())
                and not _manages_as_well(text, match.start())
                and not _LEADS_IT_AFTER.match(text, match.end())
            ):
                continue
            if name == "hires":
                before = max(0, match.start() - 40)
                if _EMPLOYER_HIRING.search(text[before : match.start()]) or (
                    _NAMED_EMPLOYER_HIRING.search(original[before : match.start()]) and _NAMED_EMPLOYER_OBJECT.match(original, match.start())
                ):
                    continue
                if match.group() in _GROWS_A_TEAM and not _ROLE_DOES.search(_lead_in(text, match.start())):
                    continue  # "Acme is growing its team": the employer's growth, not the role's hiring
            yield match

    def first(name: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
        match = next(found(name, pattern), None)
        if match:
            spans[name] = Span(match.start(), match.end("tail")) if name == "hires" else Span(*match.span())
        return match

    direct_reports = None
    if reports := _reports_count(text, found("direct_reports", _DIRECT_REPORTS)):
        direct_reports, spans["direct_reports"] = reports
    reports_to = None
    for match in _REPORTS_TO.finditer(text):
        if _WHO_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):  # text is lowered
            continue  # "our Head of Design, who reports to the CEO": someone else's reporting line
        # The boss is named before the sentence goes on: "the Director of Product, working with the VP of Sales".
        # Read from the original text: the split below is case-sensitive, so "AND" or "With" in a title does not cut it.
        who, boss = _boss_named(original[match.start("who") : match.end("who")])
        if boss != "other" or reports_to is None:
            reports_to = boss
            spans["reports_to"] = Span(match.start(), match.start("who") + len(who.rstrip()))  # up to the boss's name
            if boss != "other":
                break
    if reports_to is None and "whom" in text:
        reports_to = _reporting_line_before_whom(original, text, spans)
    return ManagementScope(
        direct_reports=direct_reports,
        manages_product_managers=bool(first("manages_product_managers", _MANAGES_PMS))
        or bool(direct_reports and _reports_are_product_people(text, spans["direct_reports"])),
        manages_people=bool(first("manages_people", _MANAGES_PEOPLE)),
        manages_managers=bool(first("manages_managers", _MANAGES_MANAGERS)),
        hires=bool(first("hires", _HIRES)),
        pnl=bool(first("pnl", _PNL)),
        budget=bool(first("budget", _BUDGET)),
        reports_to=reports_to,
        board=bool(first("board", _BOARD)),
        executive_team=bool(first("executive_team", _EXEC_TEAM)),
        spans=spans,
    )
