"""Word lists the quote rules read: speech cues, pronouns, titles, roles, organisations.

Everything here is about English news in general; nothing names a person or an event.
``../shared/speech_cues.txt`` (the scoring floor) is a subset of :data:`CUE_FORMS`.

>>> "insisted" in CUE_FORMS and CUE_FORMS["insisted"] == "insist"
True
>>> sorted(inflect("tweet"))
['tweet', 'tweeted', 'tweeting', 'tweets']
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def inflect(lemma: str) -> set[str]:
    """Base, third person, past and -ing forms of a regular English verb."""
    if lemma in _IRREGULAR:
        return {lemma, *_IRREGULAR[lemma]}
    if lemma.endswith("e") and not lemma.endswith("ee"):
        ing, past = lemma[:-1] + "ing", lemma + "d"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        ing, past = lemma + "ing", lemma[:-1] + "ied"
    elif re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma) and lemma in _DOUBLE_FINAL:
        ing, past = lemma + lemma[-1] + "ing", lemma + lemma[-1] + "ed"
    else:
        ing, past = lemma + "ing", lemma + "ed"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return {lemma, third, past, ing}


_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "tweet": ("tweets", "tweeted", "tweeting"),
    "retweet": ("retweets", "retweeted", "retweeting"),
    "quip": ("quips", "quipped", "quipping"),
    "speak": ("speaks", "spoke", "speaking"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "forecast": ("forecasts", "forecast", "forecasted", "forecasting"),
}
_DOUBLE_FINAL = {"admit", "regret", "commit", "refer", "omit", "plan", "chat"}

#: Verbs that introduce reported speech (the clause or quotation after or before them).
SPEECH_LEMMAS: frozenset[str] = frozenset("""
    say tell add warn stress insist note argue write tweet retweet post announce acknowledge
    admit concede recall explain assert declare confirm suggest urge predict emphasise
    emphasize reply respond maintain caution claim comment deny repeat reiterate state report
    continue ask answer complain counter contend observe mention reveal disclose promise
    pledge vow threaten boast joke quip remark recount charge allege agree affirm brief
    conclude demand estimate forecast inform notify proclaim protest reason recommend reassure
    retort scoff shout testify underscore underline highlight assure signal indicate point
    caution lament concur acknowledge advise instruct object rebut dispute hint speculate
    contest pronounce clarify elaborate specify summarise summarize insinuate opine
    plead predict reckon relay reply reaffirm swear cite quote describe call term dub label
    interject accuse dismiss characterise characterize
""".split())

#: Cues whose object is the quotation itself (``called it "a farce"``), not a clause.
NAMING_LEMMAS: frozenset[str] = frozenset({"call", "describe", "term", "dub", "label", "cite",
                                           "accuse",    # 'accused Esterby of "playing for time"'
                                           "dismiss",   # 'dismissed the reports as "fairy tales"'
                                           "characterise", "characterize"})  # 'characterised the talks as «useful»'

#: Inflected form -> lemma, for every speech verb.
CUE_FORMS: dict[str, str] = {form: lemma for lemma in SPEECH_LEMMAS for form in inflect(lemma)}
CUE_FORMS["pointed"] = "point"  # only with "out": handled by the cue pattern

#: Words that may stand between a subject and its cue: ``has said``, ``also told``.
AUXILIARIES: frozenset[str] = frozenset("""
    has have had is was were are be been will would could should may might must did does do
    also later earlier again repeatedly then further separately subsequently previously once
    publicly privately quickly flatly firmly bluntly simply reportedly initially recently
    only just not never already still even originally now frequently often
""".split())

PRONOUNS: dict[str, str] = {
    "he": "male", "she": "female", "they": "plural", "i": "self", "we": "plural_self",
}

#: Nouns of people who speak in news: the head of a description (``the senior official``).
ROLE_NOUNS: frozenset[str] = frozenset("""
    official officials spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen
    minister ministers adviser advisers advisor advisors diplomat diplomats envoy envoys
    ambassador ambassadors president vice-president secretary secretaries senator senators
    lawmaker lawmakers legislator legislators analyst analysts expert experts source sources
    aide aides counterpart counterparts leader leaders chief chiefs head heads director
    directors chairman chairwoman chair chairperson governor governors mayor mayors candidate
    candidates nominee nominees representative representatives congressman congresswoman
    congressmen member members negotiator negotiators officer officers commander commanders
    general generals admiral colonel critic critics supporter supporters opponent opponents
    voter voters resident residents witness witnesses economist economists strategist
    strategists adviser consultant consultants professor professors researcher researchers
    scholar scholars journalist journalists reporter reporters correspondent correspondents
    editor editors columnist columnists commentator commentators observer observers insider
    insiders delegate delegates delegation envoy deputy deputies premier chancellor king queen
    prince monarch pope cleric activist activists organizer organizers founder executive
    executives ceo manager managers attorney attorneys lawyer lawyers judge judges prosecutor
    prosecutors investigator investigators agent agents staffer staffers campaign man woman
    men women person people official's host hosts mediator speaker author authors student
    students worker workers veteran veterans father mother son daughter wife husband friend
    pollster pollsters historian historians scientist scientists doctor doctors side sides
    government administration ministry department agency office council committee commission
    court party parliament cabinet embassy mission military army police newspaper paper report
    statement agency's media outlet outlets network broadcaster website magazine survey poll
    study group organization organisation union coalition alliance movement team camp firm
    company board panel regime authorities authority bureau service services
    dean deans fellow fellows partner partners owner owners co-founder co-founders cofounder
    coordinator coordinators provost trustee trustees curator curators treasurer superintendent
    pastor pastors instructor lecturer counsel anchor anchors publisher publishers blogger bloggers
    organiser organisers operative operatives donor donors lobbyist lobbyists contender contenders
    hopeful hopefuls commissioner commissioners sheriff sheriffs detective detectives inspector
    inspectors auditor auditors ally allies surrogate surrogates vice-chairman vice-chair principal
    incumbent incumbents challenger challengers rival rivals colleague colleagues backer backers contestant
    neighbour neighbours neighbor neighbors nurse nurses fisherman fishermen farmer farmers teacher teachers
    participant participants interpreter interpreters translator translators attendee attendees
""".split())

#: Heads of descriptions that stand for an organisation, not a person.
ORGANISATION_HEADS: frozenset[str] = frozenset("""
    government administration ministry department agency office council committee commission
    court party parliament cabinet embassy mission military army police newspaper paper report
    statement media outlet outlets network broadcaster website magazine survey poll study group
    organization organisation union coalition alliance movement team camp firm company board
    panel regime authorities authority bureau service services campaign delegation
    command corps force forces
""".split())

#: Heads of descriptions of two or more people speaking together.
GROUP_WORDS: frozenset[str] = frozenset({"sides", "both", "two", "delegations", "parties", "leaders", "men",
                                         "women", "envoys", "officials", "ministers", "countries",
                                         "governments", "negotiators", "teams", "presidents", "nations"})

#: Capitalised words that name a title or office rather than a person (``Deputy Foreign Minister``).
TITLE_WORDS: frozenset[str] = frozenset("""
    mr mrs ms miss dr prof sen rep gov gen lt col maj capt cmdr adm sgt rev hon amb pres
    president vice prime minister deputy foreign defense defence interior finance justice
    secretary general attorney state national security council adviser advisor special
    senator representative congressman congresswoman governor mayor ambassador envoy chief
    spokesman spokeswoman spokesperson press director chairman chairwoman chair head leader
    commander admiral colonel lieutenant major captain sergeant judge justice king queen
    prince princess sheikh emir chancellor premier speaker majority minority whip
    republican democrat democratic independent senior junior former acting first lady
    gop executive officer ceo founder president-elect vice-president sir dame lord lady
    pope cardinal bishop father rabbi imam archbishop professor doctor dr. nominee candidate
    supreme high top white house kremlin
""".split())

#: Organisation-like words: a capitalised name containing one is not a person.
ORGANISATION_WORDS: frozenset[str] = frozenset("""
    house kremlin ministry department council committee commission agency office party
    institute university college school times post news press journal herald tribune
    ledger gazette telegraph guardian daily weekly wire radio tv television broadcasting
    network media union nations organization organisation association administration
    government senate congress parliament assembly court army navy force forces service
    services embassy mission foundation center centre campaign group bank fund corporation
    corp inc ltd company co church club league federation alliance coalition bureau
    agency reuters ap afp tass xinhua interfax bloomberg cnn bbc nbc abc cbs fox msnbc
    pentagon citadel state-run channel magazine review report poll survey study online broadcast
    broadcasting today accord treaty pact agreement summit talks process conference forum
    declaration protocol convention charter deal act plan doctrine initiative council palace
    radar station base academy society museum hospital library laboratory authority directorate affairs
    secretariat tribunal institution
""".split())

#: Words of place names: a capitalised run containing one names a place, not a person.
PLACE_WORDS: frozenset[str] = frozenset("""
    port city lake mount fort san santa saint st cape gulf strait sea ocean river bay island islands
    county province region street avenue square district valley east west north south middle new
    united republic kingdom states peninsula coast heights hill hills park airport station bridge
    desert mountains border capital
""".split())

#: Determiners that start a description, and the possessives that do.
DETERMINERS: frozenset[str] = frozenset("""
    the a an his her its their our my your this these those that both each another one two
    three four several some many other any all no most few such
""".split())

#: Words of time and place that may stand between a cue and its content (``said on Monday that``).
BRIDGE_STARTERS: frozenset[str] = frozenset("""
    on in at during after before late early earlier later last this today yesterday tonight
    repeatedly also again publicly privately separately then now recently previously
    monday tuesday wednesday thursday friday saturday sunday to from via through over
    while when afterwards afterward told without with of as outside inside near shortly briefly
    where about for against under into by ahead amid following despite upon within
    throughout among between behind beyond only simply merely just per
""".split())


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` arranged as a prefix tree, so matching a word costs
    one walk down the tree instead of one try per word (Python's ``re`` does not build one).

    >>> import re
    >>> re.fullmatch(trie_pattern(["say", "said", "saying"]), "said") is not None
    True
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(tree)


#: Spellings of a country, its people and its capital that mean the same side.
_COUNTRY_ALIASES = {
    "u.s": "united-states", "us": "united-states", "usa": "united-states", "u.s.a": "united-states",
    "america": "united-states", "american": "united-states", "americans": "united-states",
    "washington": "united-states",
    "u.k": "united-kingdom", "uk": "united-kingdom", "britain": "united-kingdom",
    "british": "united-kingdom", "london": "united-kingdom",
    "moscow": "russia", "kremlin": "russia",
}
_DEMONYM_SUFFIXES = ("ians", "ian", "eans", "ean", "ese", "ish", "ic", "ans", "an", "ia", "a", "e", "i")


_POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")
_BLANKS = re.compile(r"\s+")
_HYPHENATED_COUNTRIES = frozenset(v for v in _COUNTRY_ALIASES.values() if "-" in v)


@lru_cache(maxsize=65536)
def stem_place(word: str) -> str:
    """Fold a country, its adjective and its people to one key (``Russian`` -> ``russ``).

    >>> stem_place("Russian") == stem_place("Russia's") == stem_place("Russia")
    True
    >>> stem_place("Norlandic") == stem_place("Norland")
    True
    >>> stem_place("U.S.") == stem_place("American") == stem_place("United States")
    True
    >>> stem_place("Moscow") == stem_place("Russian")
    True
    """
    w = strip_accents(word).lower().rstrip(".")
    w = _POSSESSIVE_END.sub("", w)
    w = _BLANKS.sub("-", w)  # "United States" -> "united-states"
    w = _COUNTRY_ALIASES.get(w, w)  # "Moscow" -> "russia", stemmed below like "Russian"
    if w in _HYPHENATED_COUNTRIES:
        return w
    for suffix in _DEMONYM_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


#: Role nouns that say the same thing (``advisor`` and ``adviser``).
ROLE_SYNONYMS = {
    "advisor": "adviser", "advisers": "adviser", "advisors": "adviser",
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "spokespeople": "spokesman",
    "spokesmen": "spokesman", "spokeswomen": "spokesman",
    "defence": "defense", "organisation": "organization",
}

#: Generic heads that any official may be called (``the official``).
GENERIC_ROLES: frozenset[str] = frozenset({"official", "officials", "source", "sources", "man", "woman", "person",
                                           "leader", "figure", "politician", "counterpart"})

#: Role classes: a description's head matches a person whose title has one of these words.
ROLE_CLASSES: dict[str, frozenset[str]] = {
    "diplomat": frozenset({"diplomat", "ambassador", "envoy", "minister", "foreign", "secretary", "consul"}),
    "minister": frozenset({"minister", "secretary"}),
    "envoy": frozenset({"envoy", "ambassador", "diplomat", "representative", "negotiator"}),
    "lawmaker": frozenset({"senator", "sen", "rep", "representative", "congressman", "congresswoman", "lawmaker",
                           "mp", "legislator", "deputy"}),
    "senator": frozenset({"senator", "sen"}),
    "analyst": frozenset({"analyst", "expert", "researcher", "fellow", "director", "scholar", "professor"}),
    "expert": frozenset({"analyst", "expert", "researcher", "fellow", "scholar", "professor"}),
    "head": frozenset({"head", "chief", "secretary", "director", "chairman", "leader", "president"}),
    "chief": frozenset({"head", "chief", "secretary", "director", "chairman", "leader"}),
    "host": frozenset({"host", "minister"}),
    "general": frozenset({"general", "gen", "commander"}),
    "adviser": frozenset({"adviser", "advisor", "aide"}),
    "spokesman": frozenset({"spokesman", "representative"}),  # "the President's official representative, Ivo Marek"
}

# A first name -> gender table for pronoun agreement; common names only, none tied to a story.
_FEMALE = """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
    nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather
    diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
    megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn
    janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly
    isabella theresa diana natalie brittany charlotte marie kayla alexis lori
    nancy elena irina olga tatiana natalia svetlana maria anastasia ekaterina
    yulia julia valentina galina ludmila lyudmila marina oksana nadia nadezhda vera lena
    helena miriam ingrid greta astrid freya sigrid annika mette birgit ulrike angela ursula
    federica theresa nicola sonia sonya priya aisha fatima leila layla yasmin zainab
    mei ling yuki akiko hana sofia chiara giulia francesca isabel carmen lucia paula beatriz
    ines rosa elisa clara nina eva ella ava chloe zoe lily mia amelia harper abby kate
    katie ellen claire nora iris alma rita tina gina wendy tracy stacy dana leah rose ruby
    jane joanna johanna marta magda agnieszka ewa kasia zofia dagmar renate petra monika
    hanna lisbeth karin birgitta liesel heidi naomi esther tamar shira noa dalia rania
    samira nadine amina khadija mariam maryam sima shirin parisa farah dina
    abigail adriana agnes aileen alexandra alicia alison allison amelia anastasia angelica annie
    antonia ariana audrey barbara bella bernadette beth bethany bianca bonnie brenda bridget brooke
    caitlin camila carla carmen caroline cassandra catalina cecilia celia charlene chelsea cindy
    colleen constance courtney crystal daisy daphne darlene dawn deborah delia diana dolores dora
    edith eileen elaine eleanor elena eliza ellie elsa emilia erica erin esther estelle eugenia
    eunice fiona florence frances francesca gabriela gail genevieve georgia geraldine gertrude
    gwen gwendolyn harriet hazel heidi helga hilda holly ida imogen irene isabel isla ivy jacqueline
    jade janet jasmine jeanette jennie jessie jill joan jocelyn josephine joy juanita judith julia
    juliet june justine karla katarina kathy kay kristen kristina lara larissa leona lesley lidia
    lillian lina linda lois lorena loretta lorraine louisa louise lucille lucy lydia mabel madeleine
    maggie mara marcia margarita marguerite mariana marianne marilyn marjorie marlene martina maureen
    maxine melanie melinda meredith michaela mildred millie miranda molly muriel nadia natasha
    nell nellie noelle nora norma octavia olive paloma pamela patricia pauline pearl penelope petra
    phoebe phyllis polly priscilla rachel ramona raquel regina renee roberta rosalind rosemary
    roxanne sabrina sally samantha sandra selma serena shannon sheila shelley sibyl sienna silvia
    simone sonia stella susanna suzanne sybil sylvia tamara tanya tatiana teresa thea theodora
    tiffany trudy ursula valerie vanessa veronica vivian wanda wilma yolanda yvette yvonne zara
    zelda zoya alina darya dasha galina inna kira ksenia larisa lyudmila nina oksana polina raisa
    sveta tamara ulyana varvara vasilisa yelena yekaterina zhanna agata halina jadwiga krystyna
""".split()
_MALE = """
    james robert john michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
    christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
    jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy
    roy vincent ralph eugene russell bobby mason philip louis ted marco
    mike chris ben tim bill bob tom jim dan dick
    vladimir dmitry dmitri sergei sergey nikolai nikolay ivan alexei alexey mikhail andrei
    andrey yuri yury boris pavel viktor victor igor oleg vladislav maxim anatoly leonid
    gennady konstantin valery vasily arkady ivo lucas owen luke liam oliver elias hugo
    felix lars sven erik anders nils olaf karl hans klaus jurgen wolfgang heinz franz otto
    emmanuel francois jean-pierre pierre jacques michel andre marcel antonio giuseppe marco
    luigi carlos miguel pedro luis jorge manuel rafael diego pablo alejandro fernando
    mohammed muhammad ahmed ali hassan hussein omar mahmoud ibrahim yusuf khalid abdullah
    recep bashar hassan javad mohammad reza ali-akbar benjamin yair naftali avigdor moshe
    xi wang li zhang liu chen yang jin kim shinzo taro hiroshi kenji narendra rahul amit
    raj sanjay imran nawaz recep tayyip stefan stephan jan piotr tomasz pawel marek jakub
    milan josef jiri zoltan viktor laszlo gustav magnus jens rasmus mats jonas tobias
    sebastian matteo lorenzo jens ove aleksander aleksandr alexandr mykola volodymyr petro
    taras bohdan arseniy andriy oleksandr kyrylo
    abraham adrian alan albert alfred alistair ambrose amos andre angus anton archibald arnold
    arthur august augustus axel barnaby barry basil benedict bernard bertram blake bradley brendan
    bruno byron calvin cameron caspar cedric chester clarence claude clifford clive colin conrad
    cornelius craig curtis cyril dale damian darren dean declan derek desmond dominic donovan
    dorian duncan dustin dwight edgar edmund edwin eli elliot emil emmett enrique ernest ernst
    erwin eugene evan everett ezra felipe ferdinand fergus finn floyd francis frederick gareth
    garrett gavin geoffrey gerard gideon gilbert glenn gordon graham grant gregor guy harvey
    hector herbert herman horace howard hubert hugh ian ignatius isaac ivor jasper jeremiah
    jerome joel jonah julian julius kurt lance leo leon leonard leopold lev lionel lloyd lorenzo
    lucas ludwig luther malcolm marcus marius martin marvin maurice max maximilian melvin miles
    milo mitchell morgan murray nathaniel neil nelson nigel noel norman oscar oswald otis owen
    patrick percy perry phil quentin quincy ralph randall ray reginald rex rhys richard robin
    rodney roland rolf roman ronan ross rudolf rufus rupert russell rutger sam samson saul seth
    sidney silas simon solomon spencer stanley sterling stuart sylvester ted terence theo
    theodore tobias toby todd tom trevor tristan troy ulrich valentin vernon vince virgil wade
    wallace walter warren wesley wilbur wilfred willem winston wolfgang xavier yves zachary
    aleksei anatoli arkadi artem artyom danila denis dmitrii egor evgeny fedor fyodor gleb grigory
    ilya kirill kostya lavrenty matvei nikita pyotr roman ruslan semyon stanislav stepan timur
    vadim valentin vsevolod yaroslav yegor yevgeny zakhar marek tomas tomasz wojciech zbigniew
""".split()
FIRST_NAME_GENDER: dict[str, str] = {**{n: "female" for n in _FEMALE}, **{n: "male" for n in _MALE}}

#: Words in a person's description that reveal gender.
GENDERED_WORDS: dict[str, str] = {
    "mr": "male", "mrs": "female", "ms": "female", "miss": "female", "sir": "male", "dame": "female",
    "spokeswoman": "female", "chairwoman": "female", "congresswoman": "female", "king": "male", "queen": "female",
    "prince": "male", "princess": "female", "lord": "male", "lady": "female", "father": "male",
    "mother": "female", "husband": "male", "wife": "female", "son": "male", "daughter": "female",
    "man": "male", "woman": "female", "businessman": "male", "businesswoman": "female",
}
