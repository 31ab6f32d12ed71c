"""The words English news uses to attribute speech: verbs, nouns, titles, source nouns.

Two verb lists on purpose: SPEECH_VERBS attribute a statement anywhere (`X warned that…`),
while QUOTE_VERBS only count right next to a quotation, where `Trump mused` or `the
statement read` can mean nothing else.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = [
    "ANON_NOUNS",
    "GROUP_PRONOUNS",
    "HUMAN_NOUNS",
    "ORG_NOUNS",
    "PERSON_PRONOUNS",
    "PLATFORMS",
    "QUOTE_VERBS",
    "SPEECH_VERBS",
    "STATEMENT_NOUNS",
    "TITLE_WORDS",
    "deals_with_a_matter",
    "is_person_noun",
    "is_quote_cue",
    "is_speech_verb",
]

SPEECH_VERBS = frozenset("""
    say tell add state claim argue note warn insist explain announce declare acknowledge
    confirm deny admit suggest report write post tweet describe accuse urge emphasize
    emphasise stress express recall predict respond reply ask remark comment contend
    maintain assert concede reveal testify allege charge complain caution vow pledge
    promise boast dismiss criticize criticise praise brand label term call dub quote
    disclose indicate observe point counter retort lament question wonder propose
    recommend estimate characterize characterise mouth float tout joke quip
    assure reassure scoff snap gush marvel chide fume huff crow plead demand proclaim
    reason concur agree disagree reiterate repeat clarify elaborate recount speculate
""".split())

QUOTE_VERBS = SPEECH_VERBS | frozenset("""
    read begin continue muse smile laugh shrug sigh chuckle shout yell scream whisper
    mutter conclude summarize summarise put echo offer answer begin interject exclaim chant cheer
    sing roar boo
    sum address press
    bark start thunder shoot fire interrupt vent cry growl hiss rage opine
    order command instruct
    crack jeer beam grumble taunt tease rant gripe sneer
""".split())

# Nouns that stand for what someone said: `his response`, `a statement from the Office`.
STATEMENT_NOUNS = frozenset("""
    statement response answer message speech words word remarks remark comment comments
    reply phrase post tweet release letter note warning ultimatum rebuttal address
    interview testimony account accounts claim assertion declaration view views verdict
    description assessment analogy argument retort quip report study suit lawsuit complaint
    filing memo document editorial ad advertisement poll survey article column book email
    e-mail headline caption banner slogan placard opinion footnote readout
""".split())

# Head nouns of people who speak without a name: `a senior EU diplomat`, `sources close to`.
ANON_NOUNS = frozenset("""
    official officials source sources diplomat diplomats analyst analysts aide aides
    witness witnesses person people insider insiders observer observers adviser advisers
    advisor advisors executive executives staffer staffers delegate delegates lawmaker
    lawmakers expert experts economist economists strategist strategists spokesperson
    spokesman spokeswoman representative representatives member members employee
    employees officer officers resident residents attendee attendees negotiator
    negotiators minister ministers investor investors trader traders critic critics
    supporter supporters colleague colleagues friend friends ally allies participant
    participants individual individuals official's someone anyone one another
    leader leaders banker bankers lawyer lawyers scholar scholars researcher researchers
    veteran veterans envoy envoys operative operatives consultant consultants
    rep reps publicist publicists user users
""".split())

ORG_NOUNS = frozenset("""
    office ministry department agency government administration company firm bank
    commission committee council court police embassy union party campaign team
    authority authorities board bureau service institute university foundation group
    association federation organization organisation corporation newspaper network
    house kremlin pentagon parliament congress senate cabinet secretariat
""".split())

# Words of a title written before a name: `Commerce Secretary`, `former diplomat`.
TITLE_WORDS = frozenset("""
    president prime minister secretary premier chancellor senator governor mayor
    director chief chair chairman chairwoman ceo king queen prince pope
    ambassador general judge justice dr dr. mr mr. mrs mrs. ms ms. professor prof
    representative rep rep. sen sen. gov gov. spokesperson spokesman spokeswoman
    councilman councilwoman councillor councilor commissioner congressman congresswoman
    assemblyman assemblywoman sheriff superintendent lt lt. sgt sgt. capt capt. det det.
    rev rev. reverend bishop rabbi admiral adm adm. colonel col col. lieutenant sergeant captain
    commander gen. maj maj. cmdr cmdr. cdr cdr. cpl cpl. pvt pvt. brig brig. lieut lieut. insp insp.
""".split())

# Titles and ranks as a name's role abbreviates them (`Col. Ann Roe`), and the word a description
# writes for them (`the colonel said`): the description, a titled antecedent and a role read both.
ABBREVIATED_TITLES = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "pres": "president",
    "sec": "secretary", "dem": "democrat", "supt": "superintendent", "col": "colonel", "lt": "lieutenant",
    "lieut": "lieutenant", "sgt": "sergeant", "capt": "captain", "maj": "major", "adm": "admiral",
    "cmdr": "commander", "cdr": "commander", "cmdt": "commandant", "brig": "brigadier", "cpl": "corporal",
    "pvt": "private", "spc": "specialist", "ens": "ensign", "det": "detective", "insp": "inspector",
    "msgr": "monsignor", "atty": "attorney", "prof": "professor", "rev": "reverend",
}

# Where words are published, never who said them: `wrote on Twitter` credits the writer.
PLATFORMS = frozenset("""
    twitter facebook instagram youtube tiktok snapchat reddit linkedin threads bluesky mastodon
    weibo wechat telegram whatsapp tumblr substack
""".split())

# People described by what they are (`the crowd chanted`, `a farmer said`) rather than as
# sources; only trusted right next to a quotation.
HUMAN_NOUNS = frozenset("""
    crowd audience voter voters candidate nominee activist activists protester protesters
    student students teacher teachers worker workers farmer farmers parent parents mother
    father son daughter wife husband woman women man men child children resident neighbor
    neighbour patient victim survivor owner founder host guest fan fans citizen citizens
    president senator governor mayor chairman chairwoman chair secretary premier judge
    chief sheriff prosecutor attorney doctor nurse pastor priest rabbi imam
    professor author writer reporter journalist anchor commentator columnist pollster
    republican republicans democrat democrats conservative conservatives liberal liberals
    administration campaign committee
""".split()) | frozenset(  # what people are in the news (a trade, an office, a rank, kin) that
    # the suffix rule of is_person_noun misses: `the billionaire businessman said`, `the retired
    # neurosurgeon wrote`, `a man yelled`; a curated list, as no word list of people is installed
    """
    businessman businesswoman businessmen businesswomen mogul moguls tycoon tycoons magnate
    magnates billionaire billionaires millionaire millionaires entrepreneur entrepreneurs heir heiress
    congressman congresswoman congressmen congresswomen assemblyman assemblywoman councilman
    councilwoman alderman alderwoman
    surgeon surgeons neurosurgeon physician medic paramedic nurses
    actress actresses star celebrity poet playwright athlete athletes coach quarterback
    incumbent contender contenders frontrunner hopeful hopefuls
    admiral colonel captain sergeant lieutenant soldier soldiers marine marines cop cops detective
    boss intern clerk
    monk nun cleric cardinal archbishop bishop pope
    guy guys lady ladies girl girls boy boys teen teens kid kids widow uncle aunt cousin nephew niece
    mom dad mum
    king queen prince princess monarch strongman autocrat
""".split())
_NOT_PEOPLE = frozenset("""
    order paper number letter center centre matter chapter corner border water power
    factor sector error mirror monitor theater theatre weather winter summer quarter
    register cancer tower minister's poster computer color colour meter monster
""".split())
_PEOPLE_SUFFIXES = ("er", "or", "ist", "ian", "ers", "ors", "ists", "ians")


def is_person_noun(token: Token) -> bool:
    """A common noun that can say something: a source noun, a human noun, or `-er`/`-ist` agent."""
    lemma = token.lemma_.lower()
    if lemma in ANON_NOUNS or lemma in HUMAN_NOUNS or token.lower_ in HUMAN_NOUNS:
        return True
    return lemma not in _NOT_PEOPLE and token.lower_.endswith(_PEOPLE_SUFFIXES) and len(lemma) > 4


PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "it", "its"})


def is_speech_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS and token.dep_ != "aux"


# Verbs that attribute speech only with their particle: `Trump went on`, `her husband cut in`.
_PHRASAL_CUES = frozenset({("go", "on"), ("cut", "in"), ("chime", "in"), ("pipe", "up"), ("jump", "in"),
                           ("break", "in"), ("butt", "in")})


def is_quote_cue(token: Token) -> bool:
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma in QUOTE_VERBS:
        return not deals_with_a_matter(token)
    # `went on to describe the plan` is a new action, not a line of dialogue; `went on, as if he
    # had not heard her` is still the line's cue
    return any((lemma, c.lower_) in _PHRASAL_CUES for c in token.children if c.dep_ == "prt") \
        and not any(c.dep_ == "dobj" or (c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX")
                                         and not _manner(c)) for c in token.children)


# Verbs that speak only to an audience: `addressed the crowd:` is a speech, `address the barriers` is
# dealing with them. What an audience is: people, a body of them, or a gathering.
_AUDIENCE_VERBS = frozenset({"address"})
_AUDIENCES = frozenset("""
    crowd crowds audience audiences nation country rally meeting conference convention assembly gathering
    summit session forum congregation chamber jury court class graduates media press house
""".split())
_QUANTIFIERS = frozenset("some many all each one most few several any both".split())


def deals_with_a_matter(verb: Token) -> bool:
    """`help attendees address some of the common fears …: “…”`: a verb that speaks only to an
    audience, its object a matter (fears, an issue, concerns), deals with it and says nothing; the
    quotations after it are not its subject's. With no object, or people as its object (`addressed
    the crowd:`, `addressed reporters`, `addressed them`), it is a speech."""
    if verb.lemma_.lower() not in _AUDIENCE_VERBS:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.lower_ in _QUANTIFIERS:  # `some of the delegates`: the people counted
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), obj) if of is not None else obj
    lemma = obj.lemma_.lower()
    # the listed people and bodies, not is_person_noun's `-er` rule: `barriers`, `matters` are things
    people = obj.pos_ in ("PRON", "PROPN") or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") \
        or lemma in ANON_NOUNS or lemma in HUMAN_NOUNS or lemma in ORG_NOUNS or lemma in _AUDIENCES \
        or lemma.endswith(("ist", "ian", "eer"))
    return not people


def _manner(clause: Token) -> bool:
    """`…, as if he had not heard`: a clause saying how, not what was done next."""
    return any(c.dep_ == "mark" and c.lower_ in ("as", "like") for c in clause.children)
