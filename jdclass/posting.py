"""A parsed job posting: the text plus the structured fields read from it, each with its span."""

from __future__ import annotations

import numbers
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from jdclass.education import EducationRequirement, extract_education
from jdclass.errors import EmptyInput, InputError, InputTooLarge
from jdclass.experience import YearsRequirement, extract_years_of_experience, main_requirement, people_management_years
from jdclass.hyphenation import join_broken_words
from jdclass.linebreaks import break_run_together_lines
from jdclass.management import ManagementScope, extract_management_scope
from jdclass.pay import CURRENCY_CODES, CURRENCY_SYMBOLS, Pay, bound_start, money_written, read_pay, spans_pay
from jdclass.places import is_city
from jdclass.readers import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, SPACY_MAX_CHARS, check_text, html_to_text, looks_like_html, read_posting
from jdclass.sections import (
    PICTOGRAPHS,
    Section,
    heading_kind,
    heading_text,
    names_the_job,
    opens_with_a_bullet_symbol,
    split_sections,
    strip_pictographs,
    without_pictographs,
)
from jdclass.spans import Span, lowered, matches_at, matches_from, occurrences, trimmed, words_before
from jdclass.titles import TitleLevel, title_level

_ROLE_WORDS = (
    r"(?:manager|director|head|lead|officer|vp|vice\s+president|president|owner|designer|analyst|specialist|engineer|"
    r"pm|apm|intern|coordinator|consultant|scientist|architect|developer|chief|associate|principal|executive|strategist)"
)
_ROLE_NOUN = re.compile(
    rf"\b{_ROLE_WORDS}\b"
    # A group is no role: "Acme | Berlin | Executive Team", "Leadership: Director Committee" (a job board's header line).
    r"(?!\s+(?:team|teams|committee|board|group|function|org|organi[sz]ation)\b)",
    re.IGNORECASE,
)
_TITLE_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?:job\s+title|position(?:\s+title)?|role(?:\s+title)?|title|job|vacancy|opening|(?P<hiring>(?:we(?:['’]re|\s+are)\s+|now\s+)?hiring))(?:\*\*)?\s*[:\-–]\s*(?:\*\*)?\s*(?P<title>.+?)(?:\*\*)?\s*$",
    re.IGNORECASE,
)
_COMPANY_LABEL = re.compile(
    r"^\s*(?:\*\*)?(?:company|employer|organi[sz]ation|client)(?:\s+name)?(?:\*\*)?\s*[:\-–]\s*(?:\*\*)?\s*(?P<company>.+?)(?:\*\*)?\s*$", re.IGNORECASE
)
_ABOUT_COMPANY = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*)?[Aa]bout\s+(?P<company>(?!(?i:us|the|you|this|our|the\s+role|the\s+team|the\s+job)\b)[A-Z][\w&.'’ -]{1,40}?)(?:\*\*)?\s*:?\s*$",
    re.MULTILINE,
)
_EMPLOYMENT = re.compile(r"\b(?P<type>full[- ]time|part[- ]time|contract(?:or)?|temporary|temp|internship|freelance|permanent|fixed[- ]term)\b")
_REMOTE = re.compile(r"\b(?P<mode>remote|hybrid|on[- ]site|onsite|in[- ]office)\b")
_LOCATION_LABEL = re.compile(r"^\s*(?:\*\*)?(?:location|based\s+in|office|where)(?:\*\*)?\s*[:\-–]\s*(?:\*\*)?\s*(?P<location>.+?)(?:\*\*)?\s*$", re.MULTILINE)
MAX_TITLE_LINES = 6
# Sections about what the employer offers or how it hires, not the job: blanked from the content the models read
# (docs/model.md, items 15 and 20).
OFFER_SECTIONS = frozenset({"benefits", "eeo", "process"})
# A heading that states a value after a colon is a field, and what follows it no offer: "Salary: $120,000", "Company: Acme Pay".
_STATES_A_VALUE = re.compile(r":\s*\S")
# What an offer section may also say about the job itself, and is kept: the role's reporting line and reports.
_JOB_PLACE_SIGNALS = frozenset({"reports_to", "direct_reports", "executive_team", "manages_people", "manages_product_managers", "manages_managers"})
_ABOUT_HEADING = re.compile(r"about\b", re.IGNORECASE)  # "About Acme Pay", "About Benefits Administration": the employer or the team
# A line of more than 12 words: the posting's prose has begun, and its header (title, employer, place) is over.
_PROSE_LINE = re.compile(r"^[^\S\n]*(?:\S+[^\S\n]+){12}\S", re.MULTILINE)
# A sentence that names the role it hires for opens a posting: later ones name other hires ("we're also hiring a designer").
HIRE_SCAN_CHARS = 3000
# Scope, education and self-reference are read from the first 100,000 characters: a job ad is rarely a
# fifth of that, and a pasted page of many ads should not slow parsing down.
FIELD_SCAN_CHARS = 100_000
# "As a Senior Product Manager, you will...", "we are hiring a Director of Product to...": the ad naming its own role.
# A title goes on past a word ending in a full stop only when it is an abbreviation ("Sr. PM", "U.S. Product Lead",
# "Assoc. Product Manager", "Dir. of Product"):
# "accountable for the suite as a business. The Director sets..." names no role.
_AFTER_TITLE_WORD = (
    r"(?:(?<!\.)|(?<=\b[a-z]\.)|(?<=\bsr\.)|(?<=\bjr\.)|(?<=\bsnr\.)|(?<=\bsen\.)|(?<=\bassoc\.)|(?<=\bmgr\.)|(?<=\bdir\.)|(?<=\bprin\.)|(?<=\bgrp\.))"
)
# A word that describes the one hired, in lower case, and names no role ("analytical", "data-driven").
_DESCRIBING_WORD = rf"(?!{_ROLE_WORDS}\b)[a-z][\w-]*"
_SELF_REFERENCE = re.compile(
    r"\b(?:as|as\s+our|be|become|seeking|hiring|looking\s+for|join\s+us\s+as|join\s+our\s+team\s+as|role\s+of|position\s+of|(?:need|want)(?:[^\S\n]+to[^\S\n]+(?:hire|find|recruit|add)|(?:[^\S\n]+(?:now|most))?[^\S\n]+is)?"
    # "What we need now is a project manager who...": what the employer needs, named after "is".
    # The reader addressed as the role only with an article: "You are a seasoned PM", not "You are supported by a Senior PM".
    r"|(?:you are|you['’]re)(?=[^\S\n]+(?:an?|the|our)[^\S\n])|opportunity\s+for)[^\S\n]+"
    # "as its product manager" (a squad's), "our second product designer", "the first and only PM", "a hands-on PM".
    r"(?:(?:an?|the|our|its|their|one|two|several)[^\S\n]+)?(?:[a-z][\w&-]*['’]s[^\S\n]+)?"
    r"(?:(?:first|second|third|fourth|fifth|next|new|founding|only|sole)(?:[^\S\n]+(?:and|&)[^\S\n]+(?:only|sole))?[^\S\n]+)?"
    r"(?:(?:experienced|talented|passionate|motivated|strong|driven|seasoned|hands-on|full-time|part-time|dedicated)[^\S\n]+)?'?"
    # A description of words joined by "and" ("an analytical and data-driven Product Manager"): none of them a role,
    # and no article or "our" after it: "a Designer and Product Manager", "as Founder and our head of design" are two.
    rf"(?:{_DESCRIBING_WORD}(?:,[^\S\n]+{_DESCRIBING_WORD})*,?[^\S\n]+(?:and|&)[^\S\n]+(?!(?:an?|the|our|their|its|his|her|my|your)\b))?"
    # "want to learn product management", "need to professionalise product management": a verb follows, no title.
    rf"(?!(?:this|that|them|you|we|they|me|him|her|an?|the|to)\b|(?:it|us)\b\s*[.,;:!?])(?P<title>[A-Za-z][\w.&/-]*(?:{_AFTER_TITLE_WORD}[^\S\n]+[\w.&/-]+){{0,6}}?)"
    # A title ends before its sentence's full stop ("our first Chief Product Officer. You will..."), not an abbreviation's,
    # and before the words that go on with the sentence ("acting as head of product since day one", "the only PM here").
    rf"{_AFTER_TITLE_WORD}(?='?\s*(?:[,.;:()\n?!]|\s(?:to|who|with|you|will|at|in|for|on|and|that|based|position|role|reporting|responsible|as"
    r"|since|here|there|from|until|during|where|when|while|which|whose|but|because|if)\b))",
)  # run over lowered(text): lower-case patterns on lower-cased text are twice as fast as IGNORECASE
# Words no title holds: where a subject phrase holds one, it is a clause, not a title ("the title says Head of Product"), or
# two people ("The Designer and the PM will co-own..."; not "The VP of Product and Design will").
_NOT_IN_SUBJECT_TITLE = r"is|are|was|were|for|who|says|because|you|your|that|which|this|with|we|our|it|(?:and|or|&)[^\S\n]+(?:the|an?)"
# "The Senior Product Manager will own search.", "This Product Owner role sits in...": the role as the subject of a sentence
# that says what it will do or is, at the start of a sentence. Not a colleague's ("The PM sets the roadmap; you'll shape
# the solutions", "The Director of Product will mentor you"): the sentence goes on to address the reader, or says what
# someone does now rather than what the role will be; nor "Our Head of Product sets the strategy". Nor the one who hires
# for the role: the sentence speaks of the hiring ("The Head of Product will interview candidates", "The VP of Product
# will be the hiring manager for this role"; not "The APM is a developmental position for candidates early in their
# careers", nor "run customer interviews"). "You" is a word: "a market where youth matters" addresses no one.
_ROLE_AS_SUBJECT = re.compile(
    r"(?<![\w'’])(?:the|this)[^\S\n]+"
    rf"(?P<title>(?!(?:{_NOT_IN_SUBJECT_TITLE})\b)[a-z][\w.&/-]*(?:{_AFTER_TITLE_WORD}[^\S\n]+(?!(?:{_NOT_IN_SUBJECT_TITLE})\b)[\w.&/-]+){{0,5}}?){_AFTER_TITLE_WORD}"
    # Where the role sits, after its title: "The Product Manager on the Payments team will", "... in our Berlin office will".
    r"(?:[^\S\n]+(?:on|in|within|at|for)[^\S\n]+(?:the|our)(?:[^\S\n]+[\w&/-]+){1,4}?)?"
    r"[^\S\n]+(?:will|shall|would|must|is[^\S\n]+(?:responsible|accountable|expected|tasked|an?|the)|role|position|reports[^\S\n]+(?:directly[^\S\n]+)?(?:in)?to)\b"
    # The rest of the sentence is read up to 400 characters on: a whole line of "the PM will ..." without a full stop
    # read to its end from each would take time that grows with the square of its length.
    r"(?![^.!?\n]{0,400}?\b(?:you(?:rs?|rself|rselves)?\b|hiring[^\S\n]+(?:manager|process|decision|panel)|this[^\S\n]+(?:role|position|vacancy|opening)\b"
    r"|interview\w*[^\S\n]+(?:[a-z]+[^\S\n]+)?(?:candidates|applicants|(?:loop|process|panel|stage|round)s?)\b))"
)  # run over lowered(text)
_ROLE_AS_SUBJECT_STARTS = ("the", "this")
# "The ideal applicant for this remote Product Manager position...", "Within this Senior PM role at Acme, you will...",
# a heading "About the Product Manager role": the role named as this one, wherever the sentence has it.
_THIS_ROLE = re.compile(
    # A role noun within 80 characters, or no try: most "this" and "about" begin no such phrase.
    r"(?<![\w'’])(?=[^.!?\n]{5,80}?[^\S\n](?:role|position|opportunity|job|vacancy|opening)\b)(?:this|about[^\S\n]+the)[^\S\n]+"
    rf"(?P<title>(?!(?:{_NOT_IN_SUBJECT_TITLE}|an?|the)\b)[a-z][\w.&/-]*(?:{_AFTER_TITLE_WORD}[^\S\n]+(?!(?:{_NOT_IN_SUBJECT_TITLE}|an?|the)\b)[\w.&/-]+){{0,5}}?)"
    rf"{_AFTER_TITLE_WORD}[^\S\n]+(?:role|position|opportunity|job|vacancy|opening)\b"
)  # run over lowered(text)
_THIS_ROLE_STARTS = ("this", "about")
# Emphasis and quotation marks around a title ("a **Product Manager**", "as a “Senior PM”"), as spaces: the offsets stay.
_EMPHASIS_MARKS = '*_“”"‘'
_EMPHASIS_AS_SPACE = str.maketrans(dict.fromkeys(_EMPHASIS_MARKS, " "))
# What may stand before a self-reference of ``_ROLE_AS_SUBJECT`` (white space but a line break aside): the text's start, a line's, the end
# of a sentence or of a bold heading, a bullet or a number's bracket, or the comma after a clause that places the role
# (``_SENTENCE_STARTS_HERE``). A "the" after anything else ("of the", "and the": most of them) is not tried
# (``_subject_places``): a try at each cost a posting 0.09 ms, a fifth of its parse.
_BEFORE_A_SUBJECT = frozenset("\n.!?:;*_-•·–),")
# Where a sentence starts: the text's start, a line's (after a bullet or number) or after a full stop, colon or the like
# ("**Reporting line.** The CPO reports to..."); and after a clause that opens it to place the role ("Reporting to the
# Manager, Digital Product, the PM will...", "Reporting to the CPO, the VP of Product will...", "In this role,
# the PM will...", "Under the direction of the Head of Digital, the Product Manager is responsible for..."; not "If you
# convert, the APM role is...", "After the launch, the PM will...", nor "Reporting to you, the PM will...", a report).
# The clause runs at most 100 characters past its opening words; the start is looked for in the SENTENCE_START_WINDOW
# characters before the subject.
_SENTENCE_STARTS_HERE = re.compile(
    r"(?:^|[.!?:;](?:\*\*|__)?|^[^\S\n]*(?:[-*•·–]|\d{1,2}[.)]))[^\S\n]*"
    r"(?:(?:reporting|joining|in[^\S\n]+this[^\S\n]+(?:role|position)|under[^\S\n]+(?:the[^\S\n]+)?(?:general[^\S\n]+)?(?:direction|supervision|guidance))\b(?:(?!you)[^.!?:;\n]){0,100},[^\S\n]*)?\Z",
    re.MULTILINE,
)
SENTENCE_START_WINDOW = 140
# Who "will be the Product Manager": the reader ("you'll be", "you will also be", "could you be"), or the one hired ("to
# be our first PM"); not "Your closest partners will be the squad's product manager", nor "Your manager will be the CPO".
_BE_SUBJECT = re.compile(r"(?:\byou(?:['’](?:ll|d|re))?\b(?:[^\S\n]+[a-z]+){0,2}|\bto|^)[^\S\n]*\Z", re.MULTILINE)
# A title of plain words that ends in a group names the group: "The product management team will grow to 12", "As a PM
# community, we..."; not "Head of Product Practice" (whose head), nor "Senior Product Manager - Payments Team".
_NAMES_A_GROUP = re.compile(
    r"(?:(?!of\b)[\w.&/]+\s+)*+(?:teams?|groups?|functions?|departments?|offices?|orgs?|organi[sz]ations?|communit(?:y|ies)|guilds?|chapters?|practices?|councils?|tribes?|squads?|cohorts?)"
)  # run over lowered(text)
# Words inside no title: a verb "is" and the determiners. A title ends before one ("the role of Product Manager is open",
# "the Product Manager our customers deserve"), unless a preposition comes before it, which makes the words before a
# description ("the leader of our product team", "the right hand of our PM"): no title.
_NOT_IN_A_TITLE = re.compile(r"[^\S\n](?:is|are|was|were|our|your|their|its|my)\b")
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|for|in|on|at|to|with|across|within|from|about|behind|under|beside)\Z")
# "... years of experience as a", "worked as a": the words before a match that make it a background asked for.
# "Our CEO has been acting as head of product", "Lu, who joined as an APM last year": what someone has been.
_BACKGROUND_BEFORE = re.compile(r"\b(?:experience|years?|yrs|worked|working|background|served|career|tenure|been|joined|started)\b[^.;\n]{0,25}$")
# The reader addressed as what they have been or are now, not the role: "You are a Product Manager or Product Owner
# with 5 years of experience", "You are an APM today and want to become a PM".
_NOT_THE_ROLE_ADDRESSED = re.compile(r"\sor\s|\b(?:today|currently|now|already)\b")
# "... as a product owner or business analyst": one of several backgrounds, not the role.
_ALTERNATIVES = re.compile(r"\sor(?:\s|$)")
# "... as a Senior PM, you will": the ad talks to the person in the role, so it is the role whatever came before.
_ADDRESSED = re.compile(r"\s*[,(]?\s*(?:you\b|you['’])")
_LADDER_MENTION = re.compile(
    r"\b(?:(?:associate|junior|senior|sr\.?|lead|principal|staff|group|technical)\s+)?(?:product\s+manager|pm)s?\b|\bapm\b|"
    r"\b(?:(?:managing\s+)?director|head|vp|vice\s+president|svp|evp)(?:,|\s+of)?\s+(?:product(?:\s+management)?)\b(?!\s+(?:marketing|design|engineering|operations|analytics)\b)"
    r"|\bchief\s+product\s+officer\b|\bcpo\b",
)  # run over lowered(text); a head of product marketing or design is a neighbouring role, as in the reporting line
# How every match of _SELF_REFERENCE begins (``matches_from``; tests/test_posting.py checks it).
_SELF_REFERENCE_STARTS = ("as", "be", "seeking", "hiring", "looking", "join", "role", "position", "need", "want", "you are", "you're", "you’re", "opportunity")
# Every match of _LADDER_MENTION holds "product", "pm" or "cpo", and begins there, in the word that holds it ("apm"),
# or at one of the three words before it ("Sr. PM", "Director, Product", "Vice President of Product"): the pattern is
# tried only there (``_ladder_mention_places``), where trying it at the places of its 20 first words cost a str.find
# over the text for each (tests/test_posting.py checks it against a scan).
_LADDER_ANCHORS = ("product", "pm")
# "Acme Health is seeking a Product Manager to...", "we're hiring a Director of Product who...": the employer announcing
# the role, which names its title when no title line does. A hire verb and one role; the subject is checked apart.
_HIRED_ROLE = (
    r"(?:(?:new|experienced|talented|passionate|motivated|strong|driven|seasoned|exceptional|curious|hands-on)\s+)?"
    rf"(?P<title>[a-z][\w.&/-]*(?:{_AFTER_TITLE_WORD}\s+[\w.&/-]+){{0,6}}?)"
    r"(?=\s*(?:[,.;:()!?\n|–—]|\s-\s|(?<!\.)$|\s(?:to|who|with|you|will|at|in|for|on|and|that|based|position|role|reporting|responsible|working)\b))"
)
_HIRE = re.compile(
    rf"(?<![\w'’])(?:seek(?:s|ing)?|hiring|recruiting|looking\s+for|searching\s+for|needs?|wants?|add(?:ing)?|bring(?:ing)?\s+on(?:\s+board)?|welcom(?:e|ing))"
    rf"\s+(?:an?|our\s+(?:first|next|new))\s+{_HIRED_ROLE}"
)  # run over lowered(text)
# The role named without a hire verb before it: "We are looking for someone to join us as Director of Product", "Acme
# is hiring for the role of Senior PM", "Could you be our next Head of Product?", and "As our first Head of Product,
# you will..." when the ad goes on to address the one in the role (``_ADDRESSED_LATER``).
_ROLE_NAMED = re.compile(
    r"(?<![\w'’])(?:join(?:ing)?\s+(?:[\w&.'’-]+\s+){1,3}?as|(?:start|step\s+in|come\s+on\s+board)\s+as|for\s+the\s+(?:role|position)\s+of"
    r"|(?:be|become)\s+our\s+(?:first|next|new)|(?P<as>as))(?:\s+(?:an?|the|our)(?:\s+(?:first|next|new))?)?"
    rf"\s+{_HIRED_ROLE}"
)  # run over lowered(text)
_ROLE_NAMED_STARTS = ("join", "start", "step", "come", "for", "be", "as")
_ADDRESSED_LATER = re.compile(r"(?:\s*[,(]?\s*|[^.;:!?\n]{0,60}?,\s*)you(?:\b|['’])")
# After a hired title, in its sentence: the one hired is the reader's boss ("a Head of Product, to whom you will
# report", "a VP of Product, who you'll report to", "who will be your manager"), or is there already ("a Head of Product
# who joined last year").
_A_COLLEAGUE_AFTER = re.compile(
    r"[^.;!?\n]{0,25}?\b(?:to\s+whom\s+you|whom?\s+you(?:['’]ll|\s+will|\s+would)?\s+(?:report|work\s+for)|who\s+(?:has\s+|recently\s+|just\s+)?(?:joined|started)\b"
    r"|who\s+(?:will|would)\s+be\s+your\s+(?:new\s+|direct\s+|line\s+)?(?:manager|boss))"
)  # run over lowered(text)
# Before the role in its clause: "We are not looking for someone to join us as...", "we're also looking for someone to
# join as..." (another role), "Sam, who will join us as Head of Design" (a colleague).
_NOT_THIS_ROLE = re.compile(r"n['’]t\b|\b(?:not|never|no\s+longer|one\s+day|also)\b|,\s*who\b", re.IGNORECASE)
# Where a title begins: a hire phrase names one when it writes the role as a title, in capitals.
_CAPITAL_WORD = re.compile(r"(?<![\w.&/-])[A-Z]")
_HIRE_STARTS = ("seek", "hiring", "recruiting", "looking", "searching", "need", "want", "add", "bring", "welcom")
# Who hires, in the words before the verb (original case): "we", "we're", or the employer at the start of the clause
# ("Acme Health is", "Our payments team is", "Lagoa Trips, a 25-person startup, is"), not "you" nor a candidate,
# and the mood it hires in ("We are excited to bring on a PM", "We're looking to add a Senior PM"). A verb in -ing,
# and one that hires only in such a mood (add, bring on, welcome), needs its "is", "are" or "'re": "Candidates
# seeking a PM role" is no employer hiring, nor "Help us add a PM".
_HIRE_SUBJECT = re.compile(
    r"(?:(?<![\w'’])(?i:we)|(?:^|,)\s*(?:(?i:the|our)\s+[\w&.'’-]+|[A-Z][\w&.'’-]*)(?:\s+[\w&.'’-]+){0,4}?(?:\s*,[^,\n]{1,60},)?)"
    r"(?P<aux>['’]re|\s+(?:is|are))?(?:\s+(?i:currently|now|actively|also|urgently|again))?(?:\s+(?i:excited|thrilled|happy|delighted|keen|eager|looking|hoping)\s+to)?\s*$"
)
# Words that make the one seeking a candidate, a client or a condition: "If you are seeking a PM role", "Teams that need a PM".
_NOT_EMPLOYER = frozenset(["you", "your", "you're", "you’re", "they", "i", "he", "she", "candidate", "candidates", "applicant", "applicants"])
_NOT_EMPLOYER |= {"people", "customers", "clients", "users", "teams", "if", "when", "that", "who", "which"}
# ... nor one that names no hire now: "eventually we want", and (``_NEGATED``, phrases: "One Medical is hiring" is a
# hire) "does not need", "no longer needs", "one day we will need", "we're also hiring" (another role).
_NOT_EMPLOYER |= {"eventually", "someday"}
_PAY_PERIOD = re.compile(r"(?:per|/|an?|each)\s*(?:hour|hr|day|week|month|year|yr|annum)\b|annually|hourly|daily|\bp\.?a\.?(?!\w)")
_PAY_LABEL = re.compile(r"\b(?:salary|pay|compensation|base|range|ote|wage)\b[^.\n]{0,30}$")
# What makes one figure pay, in its clause before it: "Salary: $95,000", "starting salary of £34,000", "CTC ₹9.5 LPA",
# "base pay of $80,000", "Base: $80,000", "Salary: max. $80,000" (a bound's full stop ends no clause); not "we'll pay
# you €150", "Orchard Pay manages $34 billion", "revenue base of $3.8 billion".
_FIGURE_LABEL = re.compile(
    r"(?:\b(?:salary|salaries|compensation|wages?|ctc|ote)\b|\b(?:pay(?:\s+(?:range|band|scale|rate))?\s*(?::|\bis\b|\bof\b)|base\s*:))"
    r"(?:[^.,;\n]|(?<=\bmax|\bmin)\.){0,30}$"
)
# Money that is no one's pay, which the report and batch's salary columns must not give as pay: a figure in millions
# ("$5M-$10M", "£400k to £1.2m", "$1 million"), a range that other money's word follows ("$10,000 - $20,000 sign-on bonus", "$20-30k
# in annual revenue", "$25,000 in RSUs", not "$90k-$110k plus bonus" or "including bonus") or comes after in its line ("401(k) match of
# $3,000-$6,000", "budget: $50k-$80k", "Relocation package: €5,000 - €10,000").
_MILLIONS = re.compile(r"\d\s?m\b")
_OTHER_MONEY = (
    r"budgets?|bonus(?:es)?(?![\s-]*eligib)|arr|mrr|revenue|funding|round|series|valuation|match(?:ing)?|stipends?|allowances?|millions?|billions?|bn|"
    r"equity|rsus?|stock|commissions?|relocation|relo|sign-on|signing"
)
# Both in the figure's line: in "Salary: £60,000\nBonus: 10%" the bonus is the next line's.
_OTHER_MONEY_AFTER = re.compile(rf"[^\S\n]*(?:(?!(?:plus|and|with|or|incl\w*|excl\w*)\b)[\w'’()-]+[^\S\n]+){{0,2}}?(?:{_OTHER_MONEY})\b")
_OTHER_MONEY_BEFORE = re.compile(
    rf"(?:(?<!salary\s)(?<!pay\s)\b(?:{_OTHER_MONEY})(?:[^\S\n]+(?:support|package|assistance|costs?|expenses|payments?|amount))?|\b(?:raised|raising|worth)|401\(?k\)?)"
    r"[^\w\n.]{0,3}(?:(?:of|up\s+to|from|between|about|over)\s+)*\Z"
)
_NEGATED = re.compile(r"n['’]t\b|\b(?:not|never|no\s+longer|one\s+day)\b|\balso\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]")


@dataclass(frozen=True)
class TextField:
    """A string read from the posting and the span it came from."""

    value: str
    span: Span

    def to_dict(self) -> dict[str, object]:
        return {"value": self.value, "span": self.span.to_list()}


@dataclass(frozen=True)
class TitleMention:
    """A job title named in the body, the level it implies, and where."""

    value: str
    level: TitleLevel
    span: Span

    def to_dict(self) -> dict[str, object]:
        return {"value": self.value, "level": self.level.level.code, "rule": self.level.rule, "span": self.span.to_list()}


@dataclass(frozen=True)
class Posting:
    """A job posting and what jdclass read from it. Spans are offsets into ``text``.

    The fields no model reads (company, employment type, location, remote, salary) are read from the text
    when first asked for: a batch run writes only the salary, and they took an eighth of the parse.
    """

    text: str
    title: TextField | None
    title_level: TitleLevel | None
    sections: tuple[Section, ...]
    years: tuple[YearsRequirement, ...]
    education: tuple[EducationRequirement, ...]
    management: ManagementScope
    self_reference: TitleMention | None = None
    mentions: tuple[TitleMention, ...] = ()
    source: str | None = field(default=None, compare=False)

    @cached_property
    def company(self) -> TextField | None:
        """The employer, when a 'Company:' line or an 'About <Name>' heading names it."""
        return find_company(self.text)

    @cached_property
    def employment_type(self) -> TextField | None:
        """Full-time, part-time, contract, internship, ...: the first one named."""
        return _first(_EMPLOYMENT, self.text[:FIELD_SCAN_CHARS], "type")

    @cached_property
    def location(self) -> TextField | None:
        """The place a 'Location:' line names."""
        return _first(_LOCATION_LABEL, self.text[:FIELD_SCAN_CHARS], "location")

    @cached_property
    def remote(self) -> TextField | None:
        """Remote, hybrid or on-site: the first one named."""
        return _first(_REMOTE, self.text[:FIELD_SCAN_CHARS], "mode")

    @cached_property
    def salary(self) -> TextField | None:
        """The first pay stated with a currency: a range, with what it is for when that follows ("£500-£600 per day",
        "$120k - $150k a year", "80.000 - 95.000 €"), one hourly or daily rate ("£550 per day"), or one figure after a
        pay word in its clause ("Salary: USD 95,000", "Compensation: up to $200,000", its bound included), unless a
        later range or figure says it is pay (a period, or "salary", "pay", "compensation", "base" or "range" before it)."""
        head = self.text[:FIELD_SCAN_CHARS]
        lower = lowered(head)
        found = None
        for match in money_written(lower):
            rate = match.group("rate") is not None
            single = not rate and match.group("high") is None
            if (single and not _FIGURE_LABEL.search(lower, max(0, match.start() - 40), match.start())) or _is_other_money(lower, match):
                continue  # one figure is pay only where a pay word says so: not "a $5,000 signing bonus"
            if not spans_pay(match.group()):
                continue  # nor a range no pay spans, "Product Manager 2 - 95,000 USD", nor an amount too small to be pay
            if found is None:
                found = match
                if not rate:
                    break  # the first pay stated is a range or a figure said to be pay
            elif not rate and (single or _PAY_PERIOD.search(match.group()) or _PAY_LABEL.search(lower, max(0, match.start() - 40), match.start())):
                found = match  # "save $5 per day ... Salary $120k-$140k": pay that says it is pay beats an earlier rate
                break
        if found is None:
            return None
        start = bound_start(lower, found)
        return TextField(head[start : found.end()], Span(start, found.end()))

    @cached_property
    def pay(self) -> Pay | None:
        """The salary read into numbers: lowest and highest amount, currency and period (``read_pay``)."""
        return read_pay(self.text, self.salary.span.start, self.salary.span.end) if self.salary else None

    @property
    def main_years(self) -> YearsRequirement | None:
        """The headline years-of-experience requirement (product management or general, not a specialty)."""
        return main_requirement(list(self.years))

    @property
    def minimum_years(self) -> float | None:
        main = self.main_years
        return main.minimum if main else None

    @property
    def people_management_years(self) -> float | None:
        return people_management_years(list(self.years))

    @property
    def level_cues(self) -> tuple[str, ...]:
        """What the body states that places the role on a rung: ``years`` asked, management ``scope``, a
        ``role`` named ("As a Senior PM...", a ladder title anywhere). Empty when the level can only be read
        from the topic words."""
        stated = {"years": bool(self.years), "scope": self.management.stated, "role": bool(self.self_reference or self.mentions)}
        return tuple(name for name, found in stated.items() if found)

    def content_text(self) -> str:
        """The text the models read: the stated title blanked out, and the sections that describe the employer's
        offer rather than the job (benefits, pay, equal opportunity; ``OFFER_SECTIONS``), their line breaks kept.
        Blanks are spaces, so the text keeps its length and every span still holds."""
        blanked = self._offer_spans()
        if self.title is not None and self.title.span.end > self.title.span.start:
            blanked.append((self.title.span.start, self.title.span.end))
        if not blanked:
            return self.text
        pieces = []
        done = 0
        for start, end in sorted(blanked):
            start = max(start, done)
            if end <= start:
                continue
            pieces += [self.text[done:start], "\n".join(" " * len(line) for line in self.text[start:end].split("\n"))]
            done = end
        pieces.append(self.text[done:])
        return "".join(pieces)

    def _offer_spans(self) -> list[tuple[int, int]]:
        """The spans of the sections about the employer's offer. A heading that names one in passing opens none: a field
        ("Salary: $120,000" over the duties), an "About" heading ("About Acme Pay"), one that names the duties or the
        requirements too ("Compensation and responsibilities"), and a line of the header, before the prose or a section
        of the job or the employer begins (the title "Product Manager, Loyalty & Rewards", the employer "Acme Pay")."""
        offers = [s for s in self.sections if s.kind in OFFER_SECTIONS and not _ABOUT_HEADING.match(s.heading) and not names_the_job(s.heading)]
        if not offers:
            return []
        begun = next((s.span.start for s in self.sections if s.heading and s.kind not in OFFER_SECTIONS and s.kind != "other"), len(self.text))
        prose = _PROSE_LINE.search(self.text, 0, begun)
        begun = prose.end() if prose else begun
        spans = []
        for section in offers:
            start, end = section.span.start, section.span.end
            if _STATES_A_VALUE.search(section.heading):
                line_end = self.text.find("\n", start, end)
                spans.append((start, end if line_end < 0 else line_end))  # the field's own line: what follows is no offer
            elif start >= begun:
                spans.extend(self._without_lines_of_the_job(start, end))
        return spans

    def _without_lines_of_the_job(self, start: int, end: int) -> list[tuple[int, int]]:
        """The span of an offer section, less its lines that state the role's place: its reporting line, its reports,
        the executives it works with, or its own name ("Reports to: Director of Product" or "As product manager you
        ..." after the benefits, where a last section runs on to the end of the posting)."""
        stated = [span for name, span in self.management.spans.items() if name in _JOB_PLACE_SIGNALS]
        if self.self_reference is not None:
            stated.append(self.self_reference.span)
        spans = []
        for span in sorted(stated, key=lambda span: span.start):
            if not start <= span.start < end:
                continue
            line_start = self.text.rfind("\n", start, span.start) + 1 or start
            line_end = self.text.find("\n", span.start, end)
            spans.append((start, line_start))
            start = end if line_end < 0 else line_end
        spans.append((start, end))
        return [(a, b) for a, b in spans if a < b]

    def to_dict(self) -> dict[str, object]:
        def optional(item: TextField | None) -> dict[str, object] | None:
            return item.to_dict() if item else None

        main = self.main_years
        return {
            "source": self.source,
            "title": optional(self.title),
            "title_level": {"level": self.title_level.level.code, "rule": self.title_level.rule} if self.title_level else None,
            "company": optional(self.company),
            "sections": [section.to_dict() for section in self.sections],
            "minimum_years": self.minimum_years,
            "main_years": main.to_dict() if main else None,
            "people_management_years": self.people_management_years,
            "years": [item.to_dict() for item in self.years],
            "education": [item.to_dict() for item in self.education],
            "management": self.management.to_dict(),
            "employment_type": optional(self.employment_type),
            "location": optional(self.location),
            "remote": optional(self.remote),
            "salary": optional(self.salary),
            "pay": self.pay.to_dict() if self.pay else None,
            "self_reference": self.self_reference.to_dict() if self.self_reference else None,
            "mentions": [item.to_dict() for item in self.mentions],
        }


def parse(source: str | os.PathLike[str], *, max_chars: int | None = None, title: str | None = None, max_bytes: int | None = None) -> Posting:
    """Parse a posting given as text, or as a path (``pathlib.Path``) to a txt, md, html, pdf or docx file.

    ``title``, when given, is the posting's known title (e.g. a column of a spreadsheet) and overrides detection.
    The text may hold ``max_chars`` characters (default 200,000, at most 1,000,000: spaCy's own limit); a file
    may be ``max_bytes`` long (default 5 MB; ``max_chars`` when only that is given). Binary data, text with NUL
    or unpaired surrogates, and empty text raise an ``InputError``.
    """
    for name, limit in (("max_chars", max_chars), ("max_bytes", max_bytes)):
        if limit is not None and (not isinstance(limit, numbers.Integral) or isinstance(limit, bool)):
            raise TypeError(f"{name} must be an int or None, not {type(limit).__name__}")
        if limit is not None and limit < 1:
            raise ValueError(f"{name} must be at least 1, not {limit}")
    if title is not None:
        check_title(title)
    text_limit = min(max_chars if max_chars is not None else DEFAULT_MAX_CHARS, SPACY_MAX_CHARS)
    origin = None
    if isinstance(source, os.PathLike):
        origin = str(source)
        file_limit = max_bytes if max_bytes is not None else max_chars if max_chars is not None else DEFAULT_MAX_BYTES
        text = read_posting(source, max_bytes=file_limit)
    elif isinstance(source, str):
        source = source.replace("\ufeff", "")  # byte-order marks pasted in with the text, as a file's is dropped when read
        text = html_to_text(source) if looks_like_html(source) else source
    else:
        raise InputError(f"cannot parse a {type(source).__name__}; give text or a pathlib.Path")
    where = f"{origin}: " if origin else ""
    if len(text) > text_limit:
        raise InputTooLarge(f"{where}the text has {len(text):,} characters, over the {text_limit:,}-character limit")
    check_text(text, origin)
    if not text.strip():
        raise EmptyInput(f"{where}the posting is empty")
    return parse_text(text, title=title, source=origin)


def check_title(title: str) -> None:
    """Refuse a title that is not text (TypeError) or holds what no text holds (``CorruptFile``)."""
    if not isinstance(title, str):
        raise TypeError(f"title must be a str or None, not {type(title).__name__}")
    check_text(title, "the title")


def with_title(posting: Posting, title: str | None) -> Posting:
    """``posting`` parsed again with a title known from elsewhere (checked as ``check_title`` does): the text as read,
    no limit or HTML reading again; ``posting`` itself when ``title`` is None."""
    if title is None:
        return posting
    check_title(title)
    return parse_text(posting.text, title=title, source=posting.source)


def parse_text(text: str, *, title: str | None = None, source: str | None = None) -> Posting:
    """Parse text already read into memory (``parse`` validates raw input; this only refuses what spaCy cannot take).

    An old Mac's line end, a lone "\\r", is read as "\\n" (``_with_line_feeds``). Words hyphenated at a line end, as in
    a PDF, are joined first ("Data Plat-\\nform" reads "Data Platform"), and lines a scrape ran together are broken
    again ("managementExperience with SQL" reads "management\\nExperience with SQL"): the posting holds the mended
    text, and its spans index that.
    """
    if len(text) > SPACY_MAX_CHARS:
        raise InputTooLarge(f"the text has {len(text):,} characters, over spaCy's {SPACY_MAX_CHARS:,}-character limit")
    text = break_run_together_lines(join_broken_words(_with_line_feeds(text)))
    stated = locate_title(text, title) if title else find_title(text)
    sections = tuple(split_sections(text))
    head = text[:FIELD_SCAN_CHARS]
    requirement_spans = tuple(s.span for s in sections if s.kind == "requirements")
    preferred_spans = tuple(s.span for s in sections if s.kind == "preferred")
    named = stated or find_hired_title(head)
    return Posting(
        text=text,
        title=named,
        title_level=title_level(named.value) if named else None,
        sections=sections,
        years=tuple(extract_years_of_experience(text, requirement_spans, preferred_spans)),
        education=tuple(extract_education(head)),
        management=extract_management_scope(head),
        self_reference=find_self_reference(head, stated),
        mentions=find_mentions(text, stated),
        source=source,
    )


# A line end that no "\n" follows: an old Mac's, or a stray one among Windows' "\r\n".
_LONE_RETURN = re.compile(r"\r(?!\n)")


def _with_line_feeds(text: str) -> str:
    """``text`` with each lone "\\r" made "\\n": the patterns read "\\n" as the line end, and a text of old Mac line
    ends would have one line. One character for one, so a span of the posting indexes the text given as well; a
    Windows "\\r\\n" stays as it is (its "\\r" is a space to the patterns)."""
    return _LONE_RETURN.sub("\n", text) if "\r" in text else text


def _outside(span: tuple[int, int], title: TextField | None) -> bool:
    return title is None or span[1] <= title.span.start or span[0] >= title.span.end


def find_self_reference(text: str, title: TextField | None = None) -> TitleMention | None:
    """The first place the body names the role it advertises ("As a Senior PM, you will..."), outside the title.

    The forms, in the order they are looked for: the role named after a word that introduces it ("As a Senior PM,
    you will", "we are hiring a Director of Product to", "You are a seasoned Product Manager", "an opportunity for
    a Project Manager who"); the role as the subject of a sentence ("The Senior PM will own...", at a sentence's
    start); the role named as this one ("this remote Product Manager position", "About the PM role"); and the
    employer announcing the role in capitals with another hire verb ("We are currently searching for an experienced
    Survey Project Manager", "We're excited to bring on a Product Manager"). The patterns read the text with its
    Markdown emphasis and double quotes as spaces: "We are looking for a **Product Manager** with..." names the role
    as the plain sentence does. None of them reads across a line break: "Why we're hiring" above a paragraph is a
    heading, not a sentence. The reader is addressed as the role with an article only ("You are a ...", not "You are
    supported by a Senior PM"), and not as what they are now or one of several ("You are an APM today", "You are a
    Product Manager or Product Owner with..."). A title in capitals comes without the words in lower case around it
    that leave its level and rule as they are ("a commercially minded Product Manager", "this remote Senior PM role",
    "an Associate Product Manager after 12 months"), and its span with it. A title holds no determiner nor "is" ("the
    leader of our product team" describes the one hired), and names someone who does the work, not the field ("you
    need product management experience"); one in lower case ends where the sentence goes on ("the only PM here").

    A background asked for is not the role: "3 years of experience as a project manager" and "as a product
    owner or business analyst" name what the candidate has been, so they are passed over, unless the ad goes
    on to address the person in the role ("In your first year as a Senior PM, you will...").
    """
    lower = _without_emphasis(lowered(text))
    for match in matches_from(_SELF_REFERENCE, lower, _SELF_REFERENCE_STARTS):
        if match.group().startswith("as") and _names_a_background(lower, match):
            continue
        if match.group().startswith(("seeking", "hiring", "looking", "need", "want")) and _names_a_colleague(lower, match.end("title")):
            continue  # "We're hiring a Head of Product, to whom you will report"
        if match.group().startswith("you") and _NOT_THE_ROLE_ADDRESSED.search(match.group("title")):
            continue
        if match.group().startswith("be") and not _BE_SUBJECT.search(lower, max(0, match.start() - 30), match.start()):
            continue
        end = match.end("title")
        if clause := _NOT_IN_A_TITLE.search(lower, match.start("title"), end):
            if _PREPOSITION_BEFORE.search(lower, match.start("title"), clause.start()):
                continue  # "looking for the leader of our product team"
            end = clause.start()  # "the role of Product Manager is open"; "the person our one associate PM learns from": none
        if named := _named_role(text, lower, match, title, end):
            return named
    for match in matches_at(_ROLE_AS_SUBJECT, lower, _subject_places(lower)):
        if _SENTENCE_STARTS_HERE.search(lower, max(0, match.start() - SENTENCE_START_WINDOW), match.start()) and (
            named := _named_role(text, lower, match, title)
        ):
            return named
    for match in matches_from(_THIS_ROLE, lower, _THIS_ROLE_STARTS):
        if named := _named_role(text, lower, match, title):
            return named
    # The employer announcing the role in capitals, in a form the patterns above do not read: "We are currently
    # searching for an experienced Survey Project Manager", "Acme is recruiting a Head of Product".
    hired = _employer_hiring(text, lower)
    if hired is not None and (level := title_level(_plain_title(hired.value))) is not None:
        span = _title_words(text, hired.span.start, hired.span.start + len(hired.value), level)
        if _outside(span, title):
            return TitleMention(_plain_title(text[span[0] : span[1]]), level, Span(*span))
    return None


def _plain_title(value: str) -> str:
    """A title without the emphasis or quotation marks inside it ('a "Senior" Product Manager')."""
    if any(mark in value for mark in _EMPHASIS_MARKS):
        return " ".join(value.translate(_EMPHASIS_AS_SPACE).split())
    return value


def _without_emphasis(lower: str) -> str:
    """``lower`` with its emphasis and quotation marks as spaces (``str.replace`` for each: ``str.translate`` with a
    table that holds curly quotes took 0.1 ms a posting)."""
    for mark in _EMPHASIS_MARKS:
        if mark in lower:
            lower = lower.replace(mark, " ")
    return lower


def _subject_places(lower: str) -> list[int]:
    """Where a self-reference of ``_ROLE_AS_SUBJECT`` can begin in ``lower``, in order: each "the" and "this" that
    opens the text, or follows (white space but a line break aside) one of ``_BEFORE_A_SUBJECT``."""
    places = []
    for start in occurrences(lower, _ROLE_AS_SUBJECT_STARTS):
        before = start - 1
        while before >= 0 and lower[before] != "\n" and lower[before].isspace():
            before -= 1
        if before < 0 or lower[before] in _BEFORE_A_SUBJECT:
            places.append(start)
    return places


# A title that a word in lower case goes on with to name a step of a career: "an opportunity for a Senior PM promotion",
# "a clear Group PM track". The step is the role's next, not the role ("Senior PM, Promotions" names a team).
_CAREER_STEP = re.compile(r"(?<=\w)[^\S\n]+(?:promotions?|track|ladder|path(?:way)?|progression)\b")


# Words with "product management" and no one who does it name the field, not a role: "You need product management
# experience", "You do not need previous product management experience", "a first step into product management" (not
# "Head of Product Management", "Product Management Intern", "Dir. of Product Management").
_NAMES_THE_FIELD = re.compile(rf"(?=.*?\bproduct\s+management\b)(?!.*?(?:\b{_ROLE_WORDS}|\b(?:[gst]?pm|cpo|[ase]?vp|pmm|dir|mgr|leader)s?)\b)")


# Up to the last "the" inside a title, which begins another phrase: "opportunity the associate product marketing manager";
# not one after a preposition, inside the title's own phrase ("product manager of the self-checkout app").
_UP_TO_THE = re.compile(
    r".*[^\S\n](?<!\bof\s)(?<!\bfor\s)(?<!\bin\s)(?<!\bon\s)(?<!\bat\s)(?<!\bto\s)(?<!\bwith\s)(?<!\bacross\s)(?<!\bwithin\s)the[^\S\n]+(?=\S)"
)
# A scheme that the role joins, named after it: "the Associate Product Manager Program", "the Cobbleworth APM Programme".
_A_SCHEME = re.compile(r"(?<![^\S\n])[^\S\n]+program(?:me)?$")  # from a run's first space only: linear in a long run


def _named_role(text: str, lower: str, match: re.Match[str], title: TextField | None, end: int | None = None) -> TitleMention | None:
    """The role a self-reference's ``title`` group (up to ``end``, if given) names, when it is a job title (not a group
    nor a step of a career), and not the stated title; a title in capitals cut to its words (``_title_words``)."""
    start, end = match.start("title"), match.end("title") if end is None else end
    # Each pattern below is tried only where the words it needs are: most titles hold none of them.
    if lower.find("the", start, end) >= 0 and (article := _UP_TO_THE.match(lower, start, end)):
        start = article.end()  # "The Opportunity The Associate PMM will...": a heading run into the sentence
    if lower.find("program", start, end) >= 0 and (scheme := _A_SCHEME.search(lower, start, end)):
        inside = _LADDER_MENTION.search(lower, start, scheme.start())  # "The Cobbleworth APM Program is...": the title inside
        if inside is None:
            return None
        start, end = inside.span()
    found = title_level(_plain_title(text[start:end]))
    if found is None or found.rule == "not_product_management" or _NAMES_A_GROUP.fullmatch(lower, start, end) or not _outside((start, end), title):
        return None
    if _CAREER_STEP.search(text, start, end) or (lower.find("management", start, end) >= 0 and _NAMES_THE_FIELD.match(lower, start, end)):
        return None
    start, end = _title_words(text, start, end, found)
    return TitleMention(_plain_title(text[start:end]), found, Span(start, end))


def _title_words(text: str, start: int, end: int, found: TitleLevel) -> tuple[int, int]:
    """The span of a title in capitals without the words in lower case around it that describe the one hired or go
    on with the sentence ("a data-driven Product Manager", "this remote Product Manager position", "an APM today"),
    when the title left says the same level by the same rule: "entry-level Product Manager" keeps its rung."""
    capital = _CAPITAL_WORD.search(text, start, end)
    if capital is None:
        return start, end  # "an experienced product manager": no title in capitals to cut to
    rung = _RUNG_WORDS_BEFORE.search(text, start, capital.start())  # "a senior Product Manager" is a senior one
    begin = rung.start() if rung else capital.start()
    run_in = _WORD_RUN_IN.search(text, begin, end)  # "our first Chief Product Officer.Responsibilities": a lost line break
    tail = _LOWER_CASE_WORDS_AT_END.search(text, begin, run_in.start() if run_in else end)
    stop = tail.start() if tail else run_in.start() if run_in else end
    if (begin, stop) != (start, end) and title_level(_plain_title(text[begin:stop])) == found:
        return begin, stop
    return start, end


def _names_a_background(lower: str, match: re.Match[str]) -> bool:
    """An "as a ..." match that names what the candidate has been, unless the ad goes on to address the role."""
    background = _BACKGROUND_BEFORE.search(lower, max(0, match.start() - 40), match.start()) or _ALTERNATIVES.search(match.group("title"))
    return bool(background) and not _ADDRESSED.match(lower, match.end("title"))


def find_mentions(text: str, title: TextField | None = None, limit: int = 50) -> tuple[TitleMention, ...]:
    """Ladder titles named anywhere in the body, outside the stated title."""
    found = []
    lower = lowered(text)
    for match in matches_at(_LADDER_MENTION, lower, _ladder_mention_places(lower)):
        value = text[match.start() : match.end()]
        level = title_level(value)
        if level is not None and level.level.on_ladder and _outside(match.span(), title):
            found.append(TitleMention(value, level, Span(*match.span())))
            if len(found) >= limit:
                break
    return tuple(found)


def _ladder_mention_places(lower: str) -> list[int]:
    """Where a match of _LADDER_MENTION can begin in ``lower``, in order: at each "cpo", "product" and "pm", and at the
    three words before each "product" and "pm"."""
    anchors = occurrences(lower, _LADDER_ANCHORS)
    return sorted(occurrences(lower, ("cpo",)) + anchors + words_before(lower, anchors))


# How far into the text a title known from elsewhere is looked for.
TITLE_SCAN_CHARS = 400
# What precedes a title within a sentence on its line, with only spaces and emphasis between: a word in lower case
# ("a", "as", "hiring", "experienced"), or a word that opens a sentence naming the role ("As Senior PM, you will",
# "The Senior PM owns"); not a label's colon, a separator, or a name ("Acme", "eBay": a capital inside is no word of
# a sentence).
_IN_A_SENTENCE = re.compile(r"(?:(?<![\w'’-])[a-z][a-z'’-]*|(?<![^\s*_\"“”])(?:A|An|As|Our|The|This|Your))[\s*_\"“”]*\Z")


def locate_title(text: str, title: str) -> TextField:
    """A title known from elsewhere (a spreadsheet column, the corpus header): its span where the top of the text
    states it as a title, so it is blanked from the content and not counted as a mention; an empty span otherwise.

    The title is stated where it opens a line ("# Senior PM", "**Senior PM**"), follows a label ("Job title: Senior
    PM") or a name ("Acme | Senior PM", "Acme Senior PM"). Within a sentence it is the body naming its role ("We are
    hiring a Senior PM to...", "As Senior PM, you will"): content, left whole, as ``find_hired_title`` leaves it.
    The case may differ: a spreadsheet's "Senior Product Manager" is the text's "SENIOR PRODUCT MANAGER" heading; so
    may the dashes and the spaces (``_title_pieces``): "Senior PM – Payments" is the text's "Senior PM - Payments" or
    "Senior PM—Payments". The span is the text's, as the text writes it.
    """
    wanted = lowered(title)
    lower = lowered(text)  # offsets kept: a place in it is one in the text
    limit = min(len(lower), TITLE_SCAN_CHARS)
    as_given = lower.find(wanted, 0, limit)
    if as_given >= 0 and _found_first_as_given(text, lower, wanted, as_given):
        return TextField(title, Span(as_given, as_given + len(wanted)))
    pieces = _title_pieces(wanted)
    if sum(map(len, pieces)) > limit:
        return TextField(title, Span(0, 0))  # too long for the top of the text, however it is written
    first = pieces[0] if pieces and pieces[0] not in _GAPS else ""  # "" is found everywhere: a title that opens with a gap
    start = lower.find(first, 0, limit)
    while start >= 0:
        end = _title_end(lower, start, limit, pieces)
        if end is not None and not _in_a_word(text, start, end) and not _IN_A_SENTENCE.search(text, text.rfind("\n", 0, start) + 1, start):
            return TextField(title, Span(start, end))
        start = lower.find(first, start + 1, limit)
    return TextField(title, Span(0, 0))


# The dashes a title may be written with, one as good as another: the hyphen-minus and a double one, the hyphens,
# the figure dash, the en and em dashes and the minus sign. The spaces around one may be there or not.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212-"  # the hyphen-minus last: a character class ends in it
# A title's pieces: a dash with the spaces around it, another run of spaces, or a run of what is neither.
_TITLE_PIECE = re.compile(rf"[^\S\n]*(?:--|[{_DASHES}])[^\S\n]*|\s+|[^\s{_DASHES}]+")
_GAPS = ("-", " ", "\n")  # a title's dash, its run of spaces, and one that holds a line break


def _found_first_as_given(text: str, lower: str, wanted: str, at: int) -> bool:
    """Whether the title ``wanted``, written in ``lower`` as given at ``at``, is where the search for it written any way
    finds it first, stated as a title: it opens and ends in a word or a mark (no gap, whose spaces could run on), and
    its first word is nowhere before. Most titles given are so: the search is spared cutting them into pieces."""
    if wanted[0].isspace() or wanted[0] in _DASHES or wanted[-1].isspace() or wanted[-1] in _DASHES:
        return False
    if lower.find(wanted[0], 0, at) >= 0:  # its first character is before it (most titles open the text): its first word?
        first = _TITLE_PIECE.match(wanted)  # its first word, as the title opens with no gap
        if first is None or lower.find(first.group(), 0, at) >= 0:
            return False
    return not _in_a_word(text, at, at + len(wanted)) and not _IN_A_SENTENCE.search(text, text.rfind("\n", 0, at) + 1, at)


def _title_pieces(title: str) -> list[str]:
    """``title`` cut into its words and marks, and the gaps between them: each dash (with the spaces around it) as "-",
    each other run of spaces as " ", or as "\\n" when it holds a line break."""
    return ["-" if piece.strip() in ("--", *_DASHES) else "\n" if "\n" in piece else " " if piece.isspace() else piece for piece in _TITLE_PIECE.findall(title)]


def _title_end(lower: str, start: int, limit: int, pieces: list[str]) -> int | None:
    """Where the title cut into ``pieces`` ends in ``lower`` (before ``limit``) when it begins at ``start``: its words as
    they are, any dash (or "--") with or without spaces around it for each of its dashes, and any run of spaces for each
    of its runs (one that crosses a line only for one that holds a line break); None when it is not there."""
    at = start
    for piece in pieces:
        if piece == "-":
            at = _past_spaces(lower, at, limit, "\n")
            at = at + 2 if lower.startswith("--", at, limit) else at + 1 if at < limit and lower[at] in _DASHES else -1
            if at < 0:
                return None
            at = _past_spaces(lower, at, limit, "\n")
        elif piece in (" ", "\n"):
            after = _past_spaces(lower, at, limit, "" if piece == "\n" else "\n")
            if after == at:
                return None
            at = after
        elif lower.startswith(piece, at, limit):
            at += len(piece)
        else:
            return None
    return at


def _past_spaces(lower: str, at: int, limit: int, stop: str) -> int:
    """The first place from ``at`` (before ``limit``) that holds no space, or holds ``stop``."""
    while at < limit and lower[at].isspace() and lower[at] not in stop:
        at += 1
    return at


def _in_a_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] begins or ends inside a word ("Senior PM" in "Senior PMs", "PM" in "APM")."""
    return (0 < start and text[start - 1].isalnum() and text[start].isalnum()) or (end < len(text) and text[end].isalnum() and text[end - 1].isalnum())


def find_title(text: str) -> TextField | None:
    """The stated job title: a 'Job title:' line, else a heading or title-like line at the top; None when absent."""
    top = text[:3000]
    for line_start in _label_line_starts(top):
        line_end = top.find("\n", line_start)
        line = top[line_start : line_end if line_end >= 0 else len(top)]
        labelled = _TITLE_LABEL.match(line)
        # "We're hiring: Senior PM" names the title at the top only, and only as a title: not "Hiring: a new colleague",
        # nor a later "Now hiring: Engineering Manager, Product Designer and Data Analyst" (the employer's other roles).
        if labelled and labelled.group("hiring") and (_lines_with_text(top[:line_start]) > 1 or not _looks_like_title(labelled.group("title"))):
            labelled = None
        if labelled:
            start = line_start + labelled.start("title")
            return _title_field(text, start, start + len(_title_on_line(line, labelled.group("title"))))
    seen = 0
    for match in _LINE_WITH_TEXT.finditer(text):
        seen += 1
        if seen > MAX_TITLE_LINES:
            break
        line = match.group()
        candidate = heading_text(line) or line.strip()
        if not _ROLE_NOUN.search(candidate) and heading_kind(candidate) != "other":
            continue  # "About us", "Responsibilities": a section, not a title (one search first: a long line names a role)
        cleaned = strip_pictographs(candidate.strip("#*_ ").strip()).strip("#*_ ").strip()  # "🚀 **Senior PM** 🚀"
        if _LABELLED_FIELD.match(cleaned):
            continue  # "Reports to: VP of Product", "Hiring Manager: Jane Doe": a labelled field, not the title
        title = _title_on_line(candidate, cleaned)
        start = match.start() + line.find(cleaned)
        if wrapped := _THE_ROLE_HEADING.fullmatch(title):  # "About the Product Manager role": the title inside
            title, start = wrapped.group("title"), start + wrapped.start("title")
        bullet = opens_with_a_bullet_symbol(line.strip())  # "✅ Partner with the Head of Design" is a point; "★ Senior PM" a title
        # Where the line is cut, no sentence ends: "Product Manager – Scholarly Co. (Auckland, hybrid)".
        if _looks_like_title(title if title == cleaned else title.rstrip(".")) and not (bullet and not _title_case(title)):
            return _title_field(text, start, start + len(title))
        if heading_text(line) is None and len(line.split(maxsplit=12)) > 12:  # at most 13 items: enough to tell more than 12 words
            break  # prose has started; a title would have come before it
    return None


# A heading that names the role as this one: "About the Product Manager role", "The Senior PM Opportunity:".
_THE_ROLE_HEADING = re.compile(r"(?:about[^\S\n]+)?(?:the|this|our)[^\S\n]+(?P<title>\S.*?)[^\S\n]+(?:role|position|opportunity|job)[^\S\n]*:?", re.IGNORECASE)


# How a line that ``_TITLE_LABEL`` matches begins, after the line break before it: a scan for it skips ahead to the
# line breaks, where matching ``_TITLE_LABEL`` on each line of the top took a tenth of the title's time.
_LABEL_LINE = re.compile(r"\n[^\S\n]*(?:\*\*)?(?:job|position|role|title|vacancy|opening|we|now|hiring)", re.IGNORECASE)


def _label_line_starts(top: str) -> Iterator[int]:
    """Where each line of ``top`` that may be a 'Job title:' line begins, in order (the first line always)."""
    yield 0
    for found in _LABEL_LINE.finditer(top):
        yield found.start() + 1


def _lines_with_text(text: str) -> int:
    """How many of the lines of ``text`` hold more than spaces."""
    return sum(1 for line in text.split("\n") if line.strip())


_LINE_WITH_TEXT = re.compile(r"^.*\S.*$", re.MULTILINE)
_LABELLED_FIELD = re.compile(r"^[\w .'’/&-]{2,30}:\s*\S")
_OPENS_A_SENTENCE = re.compile(r"^(?:we|you|our|as|the\s+\w+\s+(?:is|will))\b", re.IGNORECASE)


def find_hired_title(text: str) -> TextField | None:
    """The title a posting without a title line names where the employer announces the role: "Acme Health is seeking
    a Product Manager to...", "We're looking for a Senior PM who...". None when no such sentence opens the posting.

    Only "we" or the employer hiring counts: "you will work with a Product Manager" or "you'll be hiring a PM" names
    no title. Its span is empty, at the start of the title: as for a title given that the text does not state at its
    top (``locate_title``), the sentence is content, so the title is not blanked from it and still counts as the
    self-reference and a mention.
    """
    lower = lowered(text)
    hired = _employer_hiring(text, lower)
    # The first sentence that names the role: a form without a hire verb only before the hire sentence.
    window = min(len(lower), HIRE_SCAN_CHARS + 300)
    named = _first_title(text, matches_from(_ROLE_NAMED, lower, _ROLE_NAMED_STARTS, 0, window), _names_this_role, hired.span.start if hired else None)
    return named or hired


def _employer_hiring(text: str, lower: str) -> TextField | None:
    """The title of the first hire sentence of the opening ("We're hiring a Senior PM to..."), read in ``lower``."""
    # Up to a little past the opening, so that a title begun in it ends where it does; the starts are found there only.
    window = min(len(lower), HIRE_SCAN_CHARS + 300)
    return _first_title(text, matches_from(_HIRE, lower, _HIRE_STARTS, 0, window), _employer_hires)


def _first_title(
    text: str, matches: Iterator[re.Match[str]], names_the_role: Callable[[str, re.Match[str]], bool], before: int | None = None
) -> TextField | None:
    """The first title that ``matches`` write as a title, in capitals, where ``names_the_role``; one that begins at
    ``before`` or later is passed over."""
    stop = HIRE_SCAN_CHARS if before is None else min(before, HIRE_SCAN_CHARS)
    for match in matches:
        if match.start() >= stop:
            break
        start, end = match.span("title")
        capital = _CAPITAL_WORD.search(text, start, end)  # "an experienced product manager" is a description
        if capital is None:
            continue
        rung = _RUNG_WORDS_BEFORE.search(text, start, capital.start())  # "a senior Product Manager" is a senior one
        begin = rung.start() if rung else capital.start()
        value = text[begin:end]  # "a graduate or early-career Associate Product Manager"
        if value.endswith(".") and not _ABBREVIATION_END.search(value):
            value = value[:-1]  # "We're hiring a Product Manager. You will...": the full stop ends the sentence
        if _ROLE_NOUN.search(value) and _names_a_title(value) and names_the_role(text, match):
            return TextField(value, Span(begin, begin))
    return None


# Words in lower case or figures that end a title in capitals: "Product Manager looking" (for her next step), "APM
# today", "Associate Product Manager after 12 months" (a title's own figure, "Product Manager 2", keeps its rule).
_LOWER_CASE_WORDS_AT_END = re.compile(r"(?:[^\S\n]+[a-z0-9][\w&/-]*)+$")
# A full stop that a capitalised word is run into: a line break lost after the title ("Chief Product Officer.Responsibilities").
_WORD_RUN_IN = re.compile(r"\.(?=[A-Z][a-z])")
_RUNG_WORDS_BEFORE = re.compile(r"(?:\b(?:senior|sr\.?|lead|principal|staff|group|associate|junior|technical)\s+)+$", re.IGNORECASE)
_ABBREVIATION_END = re.compile(r"\b(?:sr|jr|dir|mgr|assoc|inc|co|ltd)\.$", re.IGNORECASE)


def _names_a_title(value: str) -> bool:
    """A product role or a neighbour of one: "a Director who..." or "a Software Engineer" is no title to weigh a
    product level by (``find_self_reference`` passes them over too)."""
    found = title_level(value)
    return found is not None and found.rule != "not_product_management"


def _employer_hires(text: str, match: re.Match[str]) -> bool:
    """Whether the words before the hire verb, back to the start of the clause, make "we" or the employer the subject."""
    start = match.start()
    left = max(text.rfind(mark, max(0, start - 150), start) for mark in "\n.;:!?") + 1
    subject = _HIRE_SUBJECT.search(text[max(left, start - 150) : start])  # a slice: "^" is the start of the clause
    if subject is None or not _NOT_EMPLOYER.isdisjoint(subject.group().lower().split()) or _NEGATED.search(subject.group()):
        return False  # "Acme does not need a VP of Product", "We're also hiring a Director"
    stop = _SENTENCE_END.search(text, match.end())
    if stop and stop.group() == "?" and not re.search(r"[(:]", text[match.end() : stop.start()]):
        return False  # "Do we need a VP of Product?", not "a Product Manager (remote?)" nor "one question: what next?"
    if _names_a_colleague(lowered(text), match.end("title")):
        return False  # "We're hiring a Head of Product, to whom you will report": the boss, hired too
    return match.group().startswith(("seek ", "seeks", "need", "want")) or subject.group("aux") is not None


def _names_a_colleague(lower: str, end: int) -> bool:
    """Whether the sentence goes on, after a title that ends at ``end``, to make its holder the reader's boss or a
    colleague already there ("..., to whom you will report", "... who joined last year")."""
    return _A_COLLEAGUE_AFTER.match(lower, end) is not None


def _names_this_role(text: str, match: re.Match[str]) -> bool:
    """Whether a ``_ROLE_NAMED`` match names the role advertised: not a background asked for ("experience joining a
    startup as a Product Manager"), nor after a negation, an "also" or a colleague in its clause; "as a Senior PM" only
    when the ad goes on to address the one in the role ("As a Senior PM on the payments team, you will...")."""
    lower = lowered(text)
    if _names_a_background(lower, match) or (match.group("as") and not _ADDRESSED_LATER.match(lower, match.end("title"))):
        return False
    start = match.start()
    left = max(text.rfind(mark, max(0, start - 150), start) for mark in "\n.;:!?") + 1
    return not _NOT_THIS_ROLE.search(text, max(left, start - 150), start)


# What a title line goes on with, after a pipe, a dash, a comma or a slash or in parentheses, that is no part of the
# title: pay, place and terms ("Contract Product Manager (6 months) | $85-$100/hr W2", "Senior PM – Remote (US)", "VP
# Product — Denver, CO — Permanent"). A place is a remote or hybrid word, a region, "City, ST" (after a pipe or a
# dash: "Product Manager, Payments, UK" names a team), or a large city alone that ends the line ("Senior PM – Austin",
# "Product Manager, Berlin"): a city is told from a team ("– Search") only by a list of them (``places.CITIES``).
# A word of these ends where a break, another of them, "or" or a number follows: "– Remote Patient Monitoring",
# "– Contract Management" and "– Paid Social" are teams.
# Each break pattern opens with the set of characters a break can begin with: ``re`` skips ahead to those (2.3 times
# faster than a pattern that opens with alternatives, on the corpus's title lines).
_STRONG_BREAK = r"[|·•–—]|\*\*+|(?<=\s)-(?=\s)"
_TITLE_BREAK = re.compile(rf"(?=[|·•–—*(,/-])(?:(?P<strong>{_STRONG_BREAK})|(?P<open>\()|,|(?<=\s)/(?=\s))")
_NEXT_STRONG_BREAK = re.compile(rf"(?=[|·•–—*-])(?:{_STRONG_BREAK})")
_TWELVE_WORDS = re.compile(r"\s*(?:\S+\s+){12}")  # a title has at most twelve: a cut after them leaves none
_REGION = r"(?:us|usa|u\.s\.?|uk|eu|emea|apac|latam|anz|nz|americas|europe|canada|ireland|india|germany|france|spain|netherlands|nordics|australia|singapore|worldwide|anywhere)"
_TERM = (
    r"(?:remote|hybrid|on[\s-]?site|in[\s-]office|office[\s-]based|wfh|(?:full|part)[\s-]?time|permanent[e]?|perm|contract(?:[\s-]+to[\s-]+hire)?|contractor|"
    rf"temporary|temp|freelance|fixed[\s-]term|ftc|w-?2|1099|c2c|corp[\s-]+to[\s-]+corp|b2b|paid|unpaid|\d+[\s-]?(?:months?|mos?|weeks?)|[mwfhd](?:\s?/\s?[mwfhdx]){{1,3}}|{_REGION})"
)
_CURRENCY = rf"(?:[{CURRENCY_SYMBOLS}¥]|(?:{'|'.join(CURRENCY_CODES)})\b)"  # and the yen, though no pay is read in it
_TITLE_TERMS = re.compile(
    rf"(?:up\s+to\s+|from\s+|salary:?\s*|pay:?\s*)?(?:{_CURRENCY}\s?\d|\d[\d,.]*\s?(?:k|lpa)\b|\d[\d,.]*(?:\s*[-–]\s*\d[\d,.]*)?\s?{_CURRENCY})"
    rf"|{_TERM}(?=\s*$|\s*[^\w\s]|\s+(?:{_TERM}|or\b|\d))",
    re.IGNORECASE,
)
_TITLE_PLACE = re.compile(rf"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,2}},\s*(?:[A-Z]{{2,3}}|(?i:{_REGION}))\b")
_WORD_START = re.compile(r"(?<![\w$£€₹¥])[\w$£€₹¥]")


def _title_on_line(candidate: str, cleaned: str) -> str:
    """The title that begins the ``cleaned`` line: without the pay, place and terms after it, and without what follows
    a bold title ("**Head of Product** | Acme | Bengaluru"). A line as long as prose ("Junior Product Manager - Acme
    (Remote, US) Acme builds onboarding tools for...", a job board's page flattened) is cut only to words in capitals."""
    title = cleaned
    if "**" in cleaned and strip_pictographs(candidate.lstrip("# ")).startswith("**"):
        bold = cleaned[: cleaned.index("**")].rstrip()
        title = bold if _looks_like_title(bold) else cleaned  # "**Acme** | Senior PM" opens with the employer
    title = title_without_terms(title)
    return title if title == cleaned or _looks_like_title(cleaned) or _title_case(title) else cleaned


def title_without_terms(title: str) -> str:
    """``title`` up to the pay, place or terms that follow its role: at a pipe or a dash, or a comma or a slash, that they
    come after, or at a parenthesis that holds them and ends the title ("Product Manager (m/w/d) Payments" keeps its
    team). What is left may end in more of them: "Contract PM (6 months) | $85/hr" is "Contract PM"."""
    while (shorter := _before_terms(title)) != title:
        title = shorter
    return title


# A title and the terms after it fit in this many characters: a line with breaks further on ("1,1,1,...", a run of
# tens of thousands of characters with no space) is read no further, where each break read the rest of the line,
# and a longer line is no title.
_TITLE_BREAKS_WITHIN = 300


def _before_terms(title: str) -> str:
    """``title`` cut at its first break that terms follow and a role comes before ("Acme | Remote | Senior PM" keeps
    them); ``title`` itself when there is none. Breaks after the twelfth word leave no title, so a line of prose is
    read no further (a few characters past it, for a break that follows that word)."""
    twelve = _TWELVE_WORDS.match(title)
    last = min(twelve.end() + 3 if twelve else len(title), _TITLE_BREAKS_WITHIN)
    prose = twelve is not None and twelve.end() < len(title)
    full, title = title, title[: _TITLE_BREAKS_WITHIN + 100]  # what is read after a break: its terms, a parenthesis
    for found in _TITLE_BREAK.finditer(title, 0, last):
        cut = found.start()
        while cut > 0 and title[cut - 1].isspace():
            cut -= 1
        start = found.end()
        if found.group("open"):
            close = title.find(")", start)
            rest = title[close + 1 :].lstrip() if close >= 0 else ""
            if rest and not rest.startswith((".", ",", ";")) and not prose:
                continue  # title words follow it, or more terms that end it first
            inside = title[start : close if 0 <= close < start + 80 else start]  # a note of terms is short
            junk = any(_TITLE_TERMS.match(inside, at.start()) or _TITLE_PLACE.match(inside, at.start()) for at in _WORD_START.finditer(inside))
        else:
            while start < len(title) and (title[start].isspace() or title[start] in PICTOGRAPHS):
                start += 1  # "| 🌎 Remote"
            strong = _NEXT_STRONG_BREAK.search(title, start, start + 80)  # the terms are read from their start
            end = strong.start() if strong else len(title)
            junk = bool(_TITLE_TERMS.match(title, start, end) or (found.group("strong") and _TITLE_PLACE.match(title, start, end)))
            junk = junk or (strong is None and is_city(title[start:].rstrip(" *")))  # "Senior PM – Austin" ends in a city
        if junk and title.count("(", 0, cut) > title.count(")", 0, cut):
            cut = title.rfind("(", 0, cut)  # "Acme (30 people, remote US)": the parenthesis goes whole
        if junk and _ROLE_NOUN.search(title, 0, cut):
            return title[:cut].rstrip(" |·•–—-,/(*")
    return full


def _title_case(text: str) -> bool:
    """Whether every word of four letters or more begins with a capital: "Senior Product Manager, Payments", not
    "Partner with the Head of Design"."""
    return all(word[0].isupper() or not word[0].isalpha() for word in text.split() if len(word) >= 4)


def _looks_like_title(line: str) -> bool:
    words = line.split(maxsplit=12)  # at most 13 items: enough to tell more than 12 words
    return (
        0 < len(words) <= 12
        and len(line) <= _TITLE_BREAKS_WITHIN
        and bool(_ROLE_NOUN.search(line))
        and not line.endswith((".", "?", "!"))
        and not _OPENS_A_SENTENCE.match(line)
        and not line.startswith(("-", "•", "·"))
    )


def find_company(text: str) -> TextField | None:
    """The employer, when a 'Company:' line or an 'About <Name>' heading names it."""
    for match in re.finditer(r"^.*$", text[:5000], re.MULTILINE):
        labelled = _COMPANY_LABEL.match(match.group())
        if labelled:
            return _field(text, match.start() + labelled.start("company"), match.start() + labelled.end("company"))
    about = _ABOUT_COMPANY.search(text)
    if about:
        return _field(text, about.start("company"), about.end("company"))
    return None


# The invisible characters that pasted text carries at the ends of a line (zero-width spaces and joiners, word
# joiners, byte-order marks): like spaces, not part of a field's value, nor of its span.
_INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff")


def _field(text: str, start: int, end: int, edges: frozenset[str] = _INVISIBLE) -> TextField | None:
    """The field at ``text[start:end]``, its span narrowed to the value without spaces or invisible characters (or
    other ``edges``) at its ends; None when nothing else is there."""
    start, end = trimmed(text, start, end, edges)
    return TextField(text[start:end], Span(start, end)) if start < end else None


_TITLE_EDGES = _INVISIBLE | PICTOGRAPHS


def _title_field(text: str, start: int, end: int) -> TextField | None:
    """The title at ``text[start:end]`` without the emoji that decorate it: its span narrowed past those at its ends,
    its value without those inside ("Senior PM – Growth 💡 | Payments" is "Senior PM – Growth | Payments")."""
    found = _field(text, start, end, _TITLE_EDGES)
    if found is None:
        return None
    value = without_pictographs(found.value)
    return found if value is found.value else TextField(value, found.span)


def _is_other_money(lower: str, match: re.Match[str]) -> bool:
    """Whether a salary pattern's match is money that is no pay (``_OTHER_MONEY_AFTER``, ``_OTHER_MONEY_BEFORE``)."""
    return bool(
        _MILLIONS.search(match.group())
        or _OTHER_MONEY_AFTER.match(lower, match.end())
        or _OTHER_MONEY_BEFORE.search(lower, max(0, match.start() - 40), match.start())
    )


def _first(pattern: re.Pattern[str], text: str, group: str | None) -> TextField | None:
    """The first match of a lower-case ``pattern`` in ``lowered(text)``, as a field of ``text``."""
    match = pattern.search(lowered(text))
    if not match:
        return None
    start, end = match.span(group) if group else match.span()
    return TextField(text[start:end], Span(start, end))
